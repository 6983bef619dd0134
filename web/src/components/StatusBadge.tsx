/** A short coloured label for the state of a job, proposal or contract. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge--${status}`}>{label}</span>;
}
