import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { endContract } from "../api/contracts";
import type { Contract, ContractEnding } from "../api/types";
import { escrowTotal, type PartyRole } from "../lib/contracts";
import { formatMoney } from "../lib/money";
import { refreshMoney } from "../pages/moneyQueries";
import { ConfirmPanel } from "./ConfirmPanel";

interface ContractEndProps {
  contract: Contract;
  role: PartyRole;
  me: string;
  nameOf: (userId: string) => string;
}

/**
 * Ending an active contract. Either party completes it once nothing is in
 * escrow. Cancelling is by agreement: the client asks, and the freelancer's
 * cancel (or agreement) ends it at once, refunding the escrow to the client.
 */
export function ContractEnd({ contract, role, me, nameOf }: ContractEndProps) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<ContractEnding | null>(null);
  if (contract.status !== "active") return null;

  const client = nameOf(contract.client_id);
  const freelancer = nameOf(contract.freelancer_id);
  const escrow = escrowTotal(contract);
  const held = escrow ? formatMoney(escrow) : null;
  const requestedBy = contract.cancel_requested_by ?? null;
  const iAskedToCancel = requestedBy === me;
  const askedToCancel = requestedBy !== null && !iAskedToCancel;

  const run = (ending: ContractEnding) => (key: string) => endContract(contract.id, ending, key);
  const done = () => {
    setStep(null);
    refreshMoney(queryClient);
  };
  const close = () => setStep(null);

  return (
    <section className="card contract-end" aria-labelledby="contract-end-title">
      <h2 id="contract-end-title">End contract</h2>
      {iAskedToCancel && (
        <p className="notice" role="status">
          <strong>Cancellation requested.</strong> The contract ends, {held ? `and ${held} in escrow is refunded to you, ` : ""}once {freelancer} agrees.
        </p>
      )}
      {askedToCancel && (
        <p className="notice" role="status">
          <strong>{client} asked to cancel this contract.</strong> If you agree, it ends {held ? `and ${held} in escrow goes back to ${client}` : "now"}.
        </p>
      )}

      {step === null && (
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={() => setStep("complete")}>
            Complete contract
          </button>
          {!iAskedToCancel && (
            <button type="button" className="button button--ghost" onClick={() => setStep("cancel")}>
              {askedToCancel ? "Agree to cancel" : "Cancel contract"}
            </button>
          )}
        </div>
      )}

      {step === "complete" && (
        <ConfirmPanel label="Complete contract" confirmLabel="Complete contract" pendingLabel="Completing…" run={run("complete")} onDone={done} onDismiss={close}>
          Mark the contract as complete? {held ? `First release or refund the ${held} still in escrow.` : "No money is left in escrow."} A completed contract
          counts towards {freelancer}’s record.
        </ConfirmPanel>
      )}

      {step === "cancel" && role === "client" && (
        <ConfirmPanel
          label="Cancel contract"
          confirmLabel="Ask to cancel"
          pendingLabel="Asking…"
          dismissLabel="Keep the contract"
          run={run("cancel")}
          onDone={done}
          onDismiss={close}
        >
          Ask {freelancer} to cancel the contract? It ends when they agree{held ? `, and the ${held} in escrow is refunded to you` : ""}.
        </ConfirmPanel>
      )}

      {step === "cancel" && role === "freelancer" && (
        <ConfirmPanel
          label="Cancel contract"
          confirmLabel="Cancel contract now"
          pendingLabel="Cancelling…"
          dismissLabel="Keep the contract"
          run={run("cancel")}
          onDone={done}
          onDismiss={close}
        >
          Cancel the contract now? {held ? `The ${held} in escrow goes back to ${client} at once.` : "Nothing is in escrow."} This cannot be undone.
        </ConfirmPanel>
      )}
    </section>
  );
}
