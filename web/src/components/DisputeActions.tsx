import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { postDisputeMessage, respondToDispute, withdrawDispute } from "../api/disputes";
import type { DisputeWithTimeline, WorkNote } from "../api/types";
import { canRespond } from "../lib/disputes";
import { refreshDisputes, showDispute } from "../pages/disputeQueries";
import { ConfirmPanel } from "./ConfirmPanel";
import { WorkNoteForm } from "./WorkNoteForm";

type Step = "respond" | "message" | "withdraw";

/**
 * What the viewer can do on an open dispute: the other party responds (once,
 * before the deadline), the parties and admins write, and the opener
 * withdraws it.
 */
export function DisputeActions({ dispute, me }: { dispute: DisputeWithTimeline; me: string | undefined }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  if (dispute.status !== "open") return null;

  const close = () => setStep(null);

  if (step === "respond" || step === "message") {
    // The response and a message read alike: words and files, on the timeline.
    const form =
      step === "respond"
        ? {
            label: "Respond to the dispute",
            messageLabel: "Your response",
            messageHint: "Your side of it; an admin reads both before deciding.",
            submitLabel: "Send response",
            send: async (note: WorkNote) => showDispute(queryClient, await respondToDispute(dispute.id, note.message, note.file_ids ?? [])),
          }
        : {
            label: "Write on the dispute",
            messageLabel: "Message",
            submitLabel: "Send message",
            send: async (note: WorkNote) => {
              await postDisputeMessage(dispute.id, note.message, note.file_ids ?? []);
              refreshDisputes(queryClient);
            },
          };
    return <WorkNoteForm {...form} pendingLabel="Sending…" withAttachments onDone={close} onCancel={close} />;
  }
  if (step === "withdraw") {
    return (
      <ConfirmPanel label="Withdraw the dispute" confirmLabel="Withdraw dispute" pendingLabel="Withdrawing…" dismissLabel="Keep it open" run={async () => showDispute(queryClient, await withdrawDispute(dispute.id))} onDone={close} onDismiss={close}>
        Withdraw the dispute? The money goes back to where it was before you opened it.
      </ConfirmPanel>
    );
  }
  return (
    <div className="form-actions">
      {canRespond(dispute, me) && (
        <button type="button" className="button button--primary" onClick={() => setStep("respond")}>
          Respond
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={() => setStep("message")}>
        Write a message
      </button>
      {me === dispute.opened_by && (
        <button type="button" className="button button--ghost" onClick={() => setStep("withdraw")}>
          Withdraw dispute
        </button>
      )}
    </div>
  );
}
