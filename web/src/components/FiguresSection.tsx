import type { ReactNode } from "react";
import { FigureList, type Figure } from "./FigureList";

interface FiguresSectionProps {
  id: string;
  title: string;
  /** Names the list of figures for assistive tech. */
  figuresLabel: string;
  figures: Figure[];
  /** Charts and tables under the figures. */
  children?: ReactNode;
}

/** A part of a dashboard: its title, its key figures, then its charts and tables. */
export function FiguresSection({ id, title, figuresLabel, figures, children }: FiguresSectionProps) {
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <FigureList label={figuresLabel} figures={figures} />
      {children}
    </section>
  );
}
