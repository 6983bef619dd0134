import { useState } from "react";
import type { Milestone } from "../api/types";
import { refundMilestone } from "../api/admin";
import { ConfirmPanel } from "./ConfirmPanel";
import { TextField } from "./Field";
import { ReasonForm } from "./ReasonForm";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RefundMilestoneProps {
  /** The milestone a funding transaction named; otherwise the admin enters one. */
  milestoneId?: string;
  onRefunded: (milestone: Milestone) => void;
  /** Closes it, once refunded or when the admin thinks better of it. */
  onClose: () => void;
}

/**
 * An admin gives a milestone's escrow back to the client: which milestone
 * and why, then asked again before money moves, with one `Idempotency-Key`
 * for every retry of that confirmation. The server's refusal (a disputed or
 * released milestone) shows in the confirmation.
 */
export function RefundMilestone({ milestoneId = "", onRefunded, onClose }: RefundMilestoneProps) {
  const [milestone, setMilestone] = useState(milestoneId);
  const [milestoneError, setMilestoneError] = useState<string | undefined>();
  const [reason, setReason] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (confirming && reason) {
    return (
      <ConfirmPanel
        label="Confirm the refund"
        confirmLabel="Refund to the client"
        pendingLabel="Refunding…"
        dismissLabel="Change it"
        run={async (key) => onRefunded(await refundMilestone(milestone.trim(), reason, key))}
        onDone={onClose}
        onDismiss={() => setConfirming(false)}
      >
        Refund milestone {milestone.trim().slice(-8)} to the client, with the client fee charged on it? Both parties are told, the reason “{reason}” goes in
        the audit log, and this cannot be undone.
      </ConfirmPanel>
    );
  }

  return (
    <ReasonForm
      label="Refund a milestone"
      submitLabel="Continue"
      pending={false}
      error={null}
      initialReason={reason ?? ""}
      onSubmit={(given) => {
        setReason(given);
        setConfirming(true);
      }}
      onCancel={onClose}
      check={() => {
        const problem = ID.test(milestone.trim()) ? undefined : "Enter the milestone's id, as the ledger shows it.";
        setMilestoneError(problem);
        return problem;
      }}
    >
      <TextField
        label="Milestone id"
        value={milestone}
        error={milestoneError}
        hint="A funded, submitted or changes-requested milestone; a disputed one is decided through its dispute."
        onChange={(e) => {
          setMilestone(e.target.value);
          setMilestoneError(undefined);
        }}
      />
    </ReasonForm>
  );
}
