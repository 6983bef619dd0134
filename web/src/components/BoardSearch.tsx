import type { FormEvent } from "react";

interface BoardSearchProps {
  /** What the board lists, naming the search landmark: "Jobs". */
  name: string;
  /** The search box's accessible name: "Search jobs". */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
}

/** The search box above a board's filters and results. */
export function BoardSearch({ name, label, placeholder, value, onChange, onSubmit }: BoardSearchProps) {
  return (
    <form className="board-search" role="search" aria-label={name} onSubmit={onSubmit}>
      <input type="search" aria-label={label} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
      <button type="submit" className="button button--primary">
        Search
      </button>
    </form>
  );
}
