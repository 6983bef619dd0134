import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { TimeEntry, TimeEntryInput } from "../api/types";
import { MAX_MEMO_LENGTH, buildTimeEntry, type LoggableDays, type TimeEntryErrors, type TimeEntryFormState } from "../lib/timesheet";
import { DurationField, TextAreaField, TextField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";

interface TimeEntryFormProps {
  /** Names the form, e.g. "Log time" or "Edit time on Nov 24, 2026". */
  label: string;
  initial: TimeEntryFormState;
  /** The days of the shown week open to logging. */
  days: LoggableDays;
  submitLabel: string;
  pendingLabel: string;
  save: (input: TimeEntryInput) => Promise<TimeEntry>;
  onDone: (entry: TimeEntry) => void;
  onCancel?: () => void;
}

/** The day, the time worked (hours and minutes) and a memo, for logging time or correcting an entry. */
export function TimeEntryForm({ label, initial, days, submitLabel, pendingLabel, save, onDone, onCancel }: TimeEntryFormProps) {
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<TimeEntryErrors>({});
  const saving = useMutation({ mutationFn: save, onSuccess: onDone });
  const server = serverFieldErrors(saving.error);

  const set = (key: keyof TimeEntryFormState, error: keyof TimeEntryErrors) => (value: string) => {
    setState((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [error]: undefined }));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildTimeEntry(state, days);
    if (!built.ok) return setErrors(built.errors);
    saving.mutate(built.input);
  }

  return (
    <form className="form confirm-panel" aria-label={label} onSubmit={onSubmit} noValidate>
      <FormErrors error={saving.error} shown={["work_date", "minutes", "memo"]} />
      <div className="grid-2">
        <TextField
          label="Date"
          type="date"
          min={days.first}
          max={days.last}
          value={state.work_date}
          error={errors.work_date ?? server.work_date}
          onChange={(e) => set("work_date", "work_date")(e.target.value)}
        />
        <DurationField
          legend="Time worked"
          hours={state.hours}
          minutes={state.minutes}
          error={errors.minutes ?? server.minutes}
          onHoursChange={set("hours", "minutes")}
          onMinutesChange={set("minutes", "minutes")}
        />
      </div>
      <TextAreaField
        label="Memo"
        rows={2}
        maxLength={MAX_MEMO_LENGTH}
        hint="What you worked on; the client reads it."
        value={state.memo}
        error={errors.memo ?? server.memo}
        onChange={(e) => set("memo", "memo")(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving.isPending}>
          {saving.isPending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
