import { useState, type FormEvent, type ReactNode } from "react";
import { TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";

interface ReasonFormProps {
  /** The form's accessible name: "Ban Finn Freelancer". */
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  /** Fields asked before the reason (a date). */
  children?: ReactNode;
  /** A check of those fields; a message stops the submit. */
  check?: () => string | undefined;
  /** The reason given before, when the form comes back to be changed. */
  initialReason?: string;
}

/** An admin action that asks why, kept in the audit log. */
export function ReasonForm({ label, submitLabel, pending, error, onSubmit, onCancel, children, check, initialReason = "" }: ReasonFormProps) {
  const [reason, setReason] = useState(initialReason);
  const [reasonError, setReasonError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check?.()) return;
    if (!reason.trim()) return setReasonError("Say why; it goes in the audit log.");
    onSubmit(reason.trim());
  }

  return (
    <form className="form confirm-panel" aria-label={label} onSubmit={submit} noValidate>
      <FormErrors error={error} shown={["reason", "until"]} />
      {children}
      <TextAreaField
        label="Reason"
        rows={2}
        maxLength={1000}
        value={reason}
        error={reasonError ?? serverFieldErrors(error).reason}
        onChange={(e) => {
          setReason(e.target.value);
          setReasonError(undefined);
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
