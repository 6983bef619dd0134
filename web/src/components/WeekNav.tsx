import { formatDateRange } from "../lib/labels";
import { addDays } from "../lib/timesheet";

interface WeekNavProps {
  /** The Monday of the week shown. */
  week: string;
  /** The Monday of the current week (UTC), the last one to show. */
  thisWeek: string;
  /** The Monday of the contract's first week, the first one to show. */
  firstWeek: string;
  onChange: (week: string) => void;
}

/** Steps through a contract's weeks, from its first up to this one. */
export function WeekNav({ week, thisWeek, firstWeek, onChange }: WeekNavProps) {
  return (
    <div className="week-nav" role="group" aria-label="Week">
      <button type="button" className="button button--ghost button--small" disabled={week <= firstWeek} onClick={() => onChange(addDays(week, -7))}>
        Previous week
      </button>
      <p className="week-nav__current" aria-live="polite">
        <strong>{formatDateRange(week, addDays(week, 6))}</strong>
        {week === thisWeek && <span className="muted"> · this week</span>}
      </p>
      <button type="button" className="button button--ghost button--small" disabled={week === thisWeek} onClick={() => onChange(thisWeek)}>
        This week
      </button>
      <button type="button" className="button button--ghost button--small" disabled={week >= thisWeek} onClick={() => onChange(addDays(week, 7))}>
        Next week
      </button>
    </div>
  );
}
