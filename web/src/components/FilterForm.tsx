import type { FormEvent, ReactNode } from "react";

interface FilterFormProps {
  /** Names the search for assistive tech: "Users". */
  label: string;
  submitLabel?: string;
  /** Puts the typed filters in the address; a select usually applies itself at once. */
  onApply: () => void;
  children: ReactNode;
}

/** The filters above an admin list. */
export function FilterForm({ label, submitLabel = "Search", onApply, children }: FilterFormProps) {
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply();
  }

  return (
    <form className="card form admin-filters" role="search" aria-label={label} onSubmit={onSubmit}>
      {children}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
