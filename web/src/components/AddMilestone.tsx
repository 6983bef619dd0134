import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { addMilestone } from "../api/contracts";
import type { Contract } from "../api/types";
import { milestoneFormState } from "../lib/milestones";
import { MilestoneForm } from "./MilestoneForm";

/** Either party adds work to an active fixed-price contract, as a milestone the client then funds. */
export function AddMilestone({ contract }: { contract: Contract }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  if (contract.status !== "active" || contract.payment_type !== "fixed") return null;
  if (!adding) {
    return (
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          Add milestone
        </button>
      </div>
    );
  }
  return (
    <MilestoneForm
      label="New milestone"
      initial={milestoneFormState()}
      currency={contract.amount?.currency ?? "usd"}
      submitLabel="Add milestone"
      pendingLabel="Adding…"
      save={(draft) => addMilestone(contract.id, draft)}
      onDone={() => {
        setAdding(false);
        void queryClient.invalidateQueries({ queryKey: ["contracts"] });
      }}
      onCancel={() => setAdding(false)}
    />
  );
}
