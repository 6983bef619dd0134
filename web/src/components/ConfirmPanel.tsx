import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { FormErrors } from "./FormErrors";

interface ConfirmPanelProps {
  /** Names the panel for assistive tech, e.g. "Fund Design". */
  label: string;
  /** What is about to happen, in words. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  dismissLabel?: string;
  /** More to fill in before confirming, such as a card, shown under the question. */
  extra?: ReactNode;
  /** False while the confirm button cannot work yet (a card form still loading). */
  ready?: boolean;
  /**
   * Does it. The key is the same for every retry while the panel is open and
   * new the next time it opens, so a repeated click never moves money twice.
   */
  run: (idempotencyKey: string) => Promise<unknown>;
  onDone: () => void;
  onDismiss: () => void;
}

/** Asks before an action that moves money or ends something, and shows why it failed. */
export function ConfirmPanel({ label, children, confirmLabel, pendingLabel, dismissLabel = "Cancel", extra, ready = true, run, onDone, onDismiss }: ConfirmPanelProps) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const action = useMutation({ mutationFn: () => run(idempotencyKey), onSuccess: onDone });
  return (
    <div className="confirm-panel" role="group" aria-label={label}>
      <p>{children}</p>
      {extra}
      <FormErrors error={action.error} />
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={action.isPending || !ready} onClick={() => action.mutate()}>
          {action.isPending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button--ghost" disabled={action.isPending} onClick={onDismiss}>
          {dismissLabel}
        </button>
      </div>
    </div>
  );
}
