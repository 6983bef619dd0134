import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Contract, Timesheet as Week } from "../api/types";
import type { PartyRole } from "../lib/contracts";
import { describeWeekTotal, loggableDays, utcDate, weekStart } from "../lib/timesheet";
import { timesheetQuery } from "../pages/marketQueries";
import { LogTime } from "./LogTime";
import { ErrorPanel, Loading } from "./Status";
import { TimeEntryRow } from "./TimeEntryRow";
import { WeekNav } from "./WeekNav";

/**
 * An hourly contract's time, a week at a time. The freelancer logs time and
 * corrects it until the week is billed; the client reads it.
 */
export function Timesheet({ contract, role }: { contract: Contract; role: PartyRole | null }) {
  const today = utcDate();
  const thisWeek = weekStart(today);
  const [week, setWeek] = useState(thisWeek);
  const sheet = useQuery(timesheetQuery(contract.id, week));
  return (
    <section className="card timesheet" aria-labelledby="timesheet-title">
      <h2 id="timesheet-title">Timesheet</h2>
      <p className="muted">
        {role === "freelancer" ? "Log the time you work." : "The freelancer logs the time they work."} Each week, Monday to Sunday (UTC), is billed on the
        Monday after it ends.
      </p>
      <WeekNav week={week} thisWeek={thisWeek} firstWeek={weekStart(utcDate(new Date(contract.started_at)))} onChange={setWeek} />
      {sheet.isPending ? (
        <Loading label="Loading the timesheet…" />
      ) : sheet.isError ? (
        <ErrorPanel error={sheet.error} retry={() => sheet.refetch()} />
      ) : (
        <WeekEntries contract={contract} sheet={sheet.data} today={today} writable={role === "freelancer" && contract.status === "active"} />
      )}
    </section>
  );
}

interface WeekEntriesProps {
  contract: Contract;
  sheet: Week;
  today: string;
  /** The viewer logs time here: the freelancer of an active contract. */
  writable: boolean;
}

function WeekEntries({ contract, sheet, today, writable }: WeekEntriesProps) {
  const billed = sheet.billed;
  const days = writable && !billed ? loggableDays(sheet.week_start, utcDate(new Date(contract.started_at)), today) : null;
  return (
    <>
      <p className="timesheet__total">
        Total: <strong>{describeWeekTotal(sheet.total_minutes, sheet.weekly_limit_hours)}</strong>
      </p>
      {billed && <p className="muted">This week is billed; its time no longer changes.</p>}
      {sheet.entries.length === 0 ? (
        <p className="muted">No time logged this week.</p>
      ) : (
        <table className="table timesheet__entries">
          <caption>Time logged</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="number">
                Time
              </th>
              <th scope="col">Memo</th>
              <th scope="col">
                <span className="visually-hidden">Status</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.entries.map((entry) => (
              <TimeEntryRow key={entry.id} contractId={contract.id} entry={entry} editableDays={days} />
            ))}
          </tbody>
        </table>
      )}
      {days && <LogTime key={sheet.week_start} contractId={contract.id} days={days} />}
    </>
  );
}
