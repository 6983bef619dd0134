import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { deleteTime, editTime } from "../api/contracts";
import type { TimeEntry } from "../api/types";
import { formatDate } from "../lib/labels";
import { formatMinutes, timeEntryFormState, type LoggableDays } from "../lib/timesheet";
import { ConfirmPanel } from "./ConfirmPanel";
import { StatusBadge } from "./StatusBadge";
import { TimeEntryForm } from "./TimeEntryForm";

interface TimeEntryRowProps {
  contractId: string;
  entry: TimeEntry;
  /** The days open to logging when the viewer may change the entry (its freelancer, while the week is not billed); null otherwise. */
  editableDays: LoggableDays | null;
}

/** One day's entry on a timesheet; its freelancer corrects or removes it until the week is billed. */
export function TimeEntryRow({ contractId, entry, editableDays }: TimeEntryRowProps) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<"edit" | "delete" | null>(null);
  const day = formatDate(entry.work_date);
  const time = formatMinutes(entry.minutes);
  const close = () => setStep(null);
  const done = () => {
    setStep(null);
    void queryClient.invalidateQueries({ queryKey: ["contracts", contractId, "time"] });
  };

  return (
    <>
      <tr>
        <th scope="row">{day}</th>
        <td className="number">{time}</td>
        <td className="timesheet__memo">{entry.memo}</td>
        <td>
          {entry.billed ? (
            <StatusBadge status="billed" label="Billed" />
          ) : (
            editableDays &&
            step === null && (
              <div className="button-row" role="group" aria-label={`${time} on ${day}`}>
                <button type="button" className="button button--secondary button--small" onClick={() => setStep("edit")}>
                  Edit
                </button>
                <button type="button" className="button button--ghost button--small" onClick={() => setStep("delete")}>
                  Delete
                </button>
              </div>
            )
          )}
        </td>
      </tr>
      {editableDays && step !== null && (
        <tr className="timesheet__step">
          <td colSpan={4}>
            {step === "edit" ? (
              <TimeEntryForm
                label={`Edit time on ${day}`}
                initial={timeEntryFormState(entry, editableDays)}
                days={editableDays}
                submitLabel="Save entry"
                pendingLabel="Saving…"
                save={(input) => editTime(contractId, entry.id, input)}
                onDone={done}
                onCancel={close}
              />
            ) : (
              <ConfirmPanel
                label={`Delete time on ${day}`}
                confirmLabel="Delete entry"
                pendingLabel="Deleting…"
                dismissLabel="Keep it"
                run={() => deleteTime(contractId, entry.id)}
                onDone={done}
                onDismiss={close}
              >
                Delete {time} on {day} (“{entry.memo}”) from the timesheet?
              </ConfirmPanel>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
