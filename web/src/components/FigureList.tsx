import type { ReactNode } from "react";

export interface Figure {
  label: string;
  value: ReactNode;
  /** A word on what the figure counts, under it. */
  note?: string;
}

/** Key figures side by side, each a large value under its name. */
export function FigureList({ label, figures }: { label: string; figures: Figure[] }) {
  return (
    <dl className="balance-figures" aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.label}>
          <dt>{figure.label}</dt>
          <dd>{figure.value}</dd>
          {figure.note && <dd className="muted figure-note">{figure.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
