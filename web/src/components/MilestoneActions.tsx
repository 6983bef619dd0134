import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { deleteMilestone, editMilestone, payMilestone, requestChanges, submitWork } from "../api/contracts";
import type { Contract, Milestone } from "../api/types";
import type { PartyRole } from "../lib/contracts";
import { milestoneActions, milestoneFormState, type MilestoneAction } from "../lib/milestones";
import { formatMoney } from "../lib/money";
import { useCheckout } from "../lib/useCheckout";
import { refreshMoney } from "../pages/moneyQueries";
import { ConfirmPanel } from "./ConfirmPanel";
import { DisputeForm } from "./DisputeForm";
import { FundPanel } from "./FundPanel";
import { MilestoneForm } from "./MilestoneForm";
import { WorkNoteForm } from "./WorkNoteForm";

interface MilestoneActionsProps {
  contract: Contract;
  milestone: Milestone;
  role: PartyRole | null;
  /** The other party's name, for saying where money goes. */
  otherParty: string;
}

const BUTTONS: Record<MilestoneAction, { label: string; className: string }> = {
  fund: { label: "Fund milestone", className: "button button--primary" },
  release: { label: "Approve & release", className: "button button--primary" },
  request_changes: { label: "Request changes", className: "button button--secondary" },
  submit: { label: "Submit work", className: "button button--primary" },
  refund: { label: "Refund", className: "button button--ghost" },
  edit: { label: "Edit milestone", className: "button button--secondary" },
  remove: { label: "Remove milestone", className: "button button--ghost" },
  dispute: { label: "Open a dispute", className: "button button--ghost" },
};

/** The buttons a party has on one milestone, each opening its confirmation or form. */
export function MilestoneActions({ contract, milestone, role, otherParty }: MilestoneActionsProps) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<MilestoneAction | null>(null);
  const actions = contract.status === "active" ? milestoneActions(milestone.status, role) : [];
  // Read how to pay as soon as there is something to fund, so the fund panel opens ready.
  useCheckout({ enabled: actions.includes("fund") });
  if (actions.length === 0) return null;

  const amount = formatMoney(milestone.amount);
  const close = () => setStep(null);
  const done = () => {
    setStep(null);
    refreshMoney(queryClient);
  };
  const pay = (action: "release" | "refund") => (key: string) => payMilestone(contract.id, milestone.id, action, key);

  if (step === null) {
    return (
      <div className="form-actions">
        {actions.map((action) => (
          <button key={action} type="button" className={BUTTONS[action].className} onClick={() => setStep(action)}>
            {BUTTONS[action].label}
          </button>
        ))}
      </div>
    );
  }
  if (step === "fund") {
    return <FundPanel contract={contract} milestone={milestone} otherParty={otherParty} onDone={done} onDismiss={close} />;
  }
  if (step === "release") {
    return (
      <ConfirmPanel label={`Release ${milestone.title}`} confirmLabel={`Release ${amount}`} pendingLabel="Releasing…" run={pay("release")} onDone={done} onDismiss={close}>
        Approve “{milestone.title}” and pay <strong>{amount}</strong> to {otherParty}? This cannot be undone.
      </ConfirmPanel>
    );
  }
  if (step === "refund") {
    return (
      <ConfirmPanel label={`Refund ${milestone.title}`} confirmLabel={`Refund ${amount}`} pendingLabel="Refunding…" run={pay("refund")} onDone={done} onDismiss={close}>
        Give the <strong>{amount}</strong> in escrow for “{milestone.title}” back to {otherParty}? You will not be paid for this milestone.
      </ConfirmPanel>
    );
  }
  if (step === "edit") {
    return (
      <MilestoneForm
        label={`Edit ${milestone.title}`}
        initial={milestoneFormState(milestone)}
        currency={milestone.amount.currency}
        submitLabel="Save milestone"
        pendingLabel="Saving…"
        save={(draft) => editMilestone(contract.id, milestone.id, draft)}
        onDone={done}
        onCancel={close}
      />
    );
  }
  if (step === "remove") {
    return (
      <ConfirmPanel
        label={`Remove ${milestone.title}`}
        confirmLabel="Remove milestone"
        pendingLabel="Removing…"
        dismissLabel="Keep it"
        run={() => deleteMilestone(contract.id, milestone.id)}
        onDone={done}
        onDismiss={close}
      >
        Remove “{milestone.title}” ({amount}) from the contract? Nothing has been paid into it.
      </ConfirmPanel>
    );
  }
  if (step === "dispute") {
    return <DisputeForm label={`Dispute ${milestone.title}`} subject={{ milestone_id: milestone.id }} onCancel={close} />;
  }
  if (step === "submit") {
    return (
      <WorkNoteForm
        label={`Submit work for ${milestone.title}`}
        messageLabel="Message to the client"
        messageHint="What you did and how to review it."
        submitLabel="Submit work"
        pendingLabel="Submitting…"
        withAttachments
        send={(note) => submitWork(contract.id, milestone.id, note)}
        onDone={done}
        onCancel={close}
      />
    );
  }
  return (
    <WorkNoteForm
      label={`Request changes to ${milestone.title}`}
      messageLabel="What should change"
      messageHint="The money stays in escrow until you approve the work."
      submitLabel="Send request"
      pendingLabel="Sending…"
      send={(note) => requestChanges(contract.id, milestone.id, note.message)}
      onDone={done}
      onCancel={close}
    />
  );
}
