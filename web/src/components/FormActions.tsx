interface FormActionsProps {
  submitLabel: string;
  pendingLabel: string;
  /** While the form is being sent: the submit button says so and waits. */
  pending: boolean;
  /** Also holds the submit back, e.g. while files upload. */
  busy?: boolean;
  /** Small buttons, for a form opened inside a card or a list. */
  small?: boolean;
  onCancel: () => void;
}

/** A form's submit and Cancel buttons. */
export function FormActions({ submitLabel, pendingLabel, pending, busy = false, small = false, onCancel }: FormActionsProps) {
  const size = small ? " button--small" : "";
  return (
    <div className="form-actions">
      <button type="submit" className={`button button--primary${size}`} disabled={pending || busy}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <button type="button" className={`button button--ghost${size}`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
