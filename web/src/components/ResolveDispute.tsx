import { useState, type FormEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { resolveDispute } from "../api/disputes";
import type { Dispute, DisputeOutcome, Resolution } from "../api/types";
import { buildResolution, describeResolution, EMPTY_RESOLUTION, type ResolutionErrors, type ResolutionFormState } from "../lib/disputes";
import { DISPUTE_OUTCOMES } from "../lib/labels";
import { currencyLabel, formatMoney } from "../lib/money";
import { utcDate } from "../lib/timesheet";
import { showDispute } from "../pages/disputeQueries";
import { ConfirmPanel } from "./ConfirmPanel";
import { TextAreaField, TextField } from "./Field";

/**
 * An admin's decision on an open dispute: where the held money goes, and
 * why. It is checked here first (a split must add up to what is held), then
 * asked again in words before it moves money; the server's refusal shows in
 * the confirmation.
 */
export function ResolveDispute({ dispute }: { dispute: Dispute }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ResolutionFormState>(EMPTY_RESOLUTION);
  const [errors, setErrors] = useState<ResolutionErrors>({});
  const [decision, setDecision] = useState<Resolution | null>(null);
  if (dispute.status !== "open") return null;

  // Only a milestone can go back for rework; a week is paid or refunded.
  const outcomes = (Object.keys(DISPUTE_OUTCOMES) as DisputeOutcome[]).filter((outcome) => outcome !== "rework" || dispute.milestone_id);
  const currency = currencyLabel(dispute.amount.currency);
  const set = (key: keyof ResolutionFormState, value: string) => {
    setState((s) => ({ ...s, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildResolution(state, dispute.amount, utcDate());
    if (!built.ok) return setErrors(built.errors);
    setDecision(built.resolution);
  }

  if (decision) {
    return (
      <ConfirmPanel
        label="Confirm the decision"
        confirmLabel="Decide dispute"
        pendingLabel="Deciding…"
        dismissLabel="Change it"
        run={async (key) => showDispute(queryClient, await resolveDispute(dispute.id, decision, key))}
        onDone={() => setDecision(null)}
        onDismiss={() => setDecision(null)}
      >
        {describeResolution(decision, dispute.amount)} Both parties are told, and this cannot be undone.
      </ConfirmPanel>
    );
  }

  return (
    <form className="card form" aria-label="Decide the dispute" onSubmit={onSubmit} noValidate>
      <h2>Decide</h2>
      <fieldset className="role-picker">
        <legend>Where the {formatMoney(dispute.amount)} held goes</legend>
        {outcomes.map((outcome) => (
          <label key={outcome} className={`role-option${state.outcome === outcome ? " is-selected" : ""}`}>
            <input type="radio" name="outcome" value={outcome} checked={state.outcome === outcome} onChange={() => set("outcome", outcome)} />
            <span>
              <strong>{DISPUTE_OUTCOMES[outcome]}</strong>
            </span>
          </label>
        ))}
      </fieldset>
      {state.outcome === "split" && (
        <div className="grid-2">
          <TextField
            label={`To the client (${currency})`}
            inputMode="decimal"
            value={state.client_amount}
            error={errors.client_amount}
            hint={`The two parts add up to ${formatMoney(dispute.amount)}.`}
            onChange={(e) => set("client_amount", e.target.value)}
          />
          <TextField
            label={`To the freelancer (${currency})`}
            inputMode="decimal"
            value={state.freelancer_amount}
            error={errors.freelancer_amount}
            hint="Before the service fee."
            onChange={(e) => set("freelancer_amount", e.target.value)}
          />
        </div>
      )}
      {state.outcome === "rework" && (
        <TextField label="New due date" type="date" min={utcDate()} value={state.due_date} error={errors.due_date} onChange={(e) => set("due_date", e.target.value)} />
      )}
      <TextAreaField label="Note to both parties" rows={3} maxLength={2000} value={state.note} error={errors.note} onChange={(e) => set("note", e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Review decision
        </button>
      </div>
    </form>
  );
}
