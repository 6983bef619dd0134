import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { logTime } from "../api/contracts";
import type { TimeEntry } from "../api/types";
import { formatDate } from "../lib/labels";
import { formatMinutes, timeEntryFormState, type LoggableDays } from "../lib/timesheet";
import { TimeEntryForm } from "./TimeEntryForm";

/** The freelancer logs time on a day of the shown week; the form empties after each entry. */
export function LogTime({ contractId, days }: { contractId: string; days: LoggableDays }) {
  const queryClient = useQueryClient();
  const [logged, setLogged] = useState<TimeEntry | null>(null);
  return (
    <>
      {logged && (
        <p className="notice" role="status">
          Logged {formatMinutes(logged.minutes)} on {formatDate(logged.work_date)}.
        </p>
      )}
      <TimeEntryForm
        key={logged?.id ?? "first"}
        label="Log time"
        initial={timeEntryFormState(undefined, days)}
        days={days}
        submitLabel="Log time"
        pendingLabel="Logging…"
        save={(input) => logTime(contractId, input)}
        onDone={(entry) => {
          setLogged(entry);
          void queryClient.invalidateQueries({ queryKey: ["contracts", contractId, "time"] });
        }}
      />
    </>
  );
}
