interface FormActionsProps {
  submitLabel: string;
  pendingLabel: string;
  /** While the form is being sent: the submit button says so and waits. */
  pending: boolean;
  /** Also holds the submit back, e.g. while files upload. */
  busy?: boolean;
  onCancel: () => void;
}

/** A form's submit and Cancel buttons. */
export function FormActions({ submitLabel, pendingLabel, pending, busy = false, onCancel }: FormActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={pending || busy}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
