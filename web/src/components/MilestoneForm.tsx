import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { Currency, MilestoneDraft } from "../api/types";
import { buildMilestoneDraft, type MilestoneFormState } from "../lib/milestones";
import { currencyLabel } from "../lib/money";
import { TextField } from "./Field";
import { FormActions } from "./FormActions";
import { FormErrors, serverFieldErrors } from "./FormErrors";

interface MilestoneFormProps {
  /** Names the form, e.g. "New milestone" or "Edit Design". */
  label: string;
  initial: MilestoneFormState;
  currency: Currency;
  submitLabel: string;
  pendingLabel: string;
  save: (draft: MilestoneDraft) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}

/** A milestone's title, amount and due date, for adding one to a contract or changing an unfunded one. */
export function MilestoneForm({ label, initial, currency, submitLabel, pendingLabel, save, onDone, onCancel }: MilestoneFormProps) {
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof MilestoneFormState, string>>>({});
  const saving = useMutation({ mutationFn: save, onSuccess: onDone });
  const server = serverFieldErrors(saving.error);

  const set = (key: keyof MilestoneFormState) => (value: string) => {
    setState((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildMilestoneDraft(state, currency);
    if (!built.ok) return setErrors(built.errors);
    saving.mutate(built.draft);
  }

  return (
    <form className="form confirm-panel" aria-label={label} onSubmit={onSubmit} noValidate>
      <FormErrors error={saving.error} shown={["title", "amount", "due_date"]} />
      <TextField label="Milestone" maxLength={100} value={state.title} error={errors.title ?? server.title} onChange={(e) => set("title")(e.target.value)} />
      <div className="grid-2">
        <TextField
          label={`Amount (${currencyLabel(currency)})`}
          inputMode="decimal"
          value={state.amount}
          error={errors.amount ?? server.amount}
          onChange={(e) => set("amount")(e.target.value)}
        />
        <TextField label="Due date (optional)" type="date" value={state.due_date} error={server.due_date} onChange={(e) => set("due_date")(e.target.value)} />
      </div>
      <FormActions submitLabel={submitLabel} pendingLabel={pendingLabel} pending={saving.isPending} onCancel={onCancel} />
    </form>
  );
}
