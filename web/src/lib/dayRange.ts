import { addDays, utcDate } from "./timesheet";

/** Calendar days (`YYYY-MM-DD`, UTC), both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The longest range the platform's figures are computed over. */
export const MAX_RANGE_DAYS = 366;

/** The last `days` days up to today (UTC), today included. */
export function lastDays(days: number, today: string = utcDate()): DayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** What is wrong with a range, before asking the server, or nothing. */
export function checkDayRange({ from, to }: DayRange): string | undefined {
  if (!from || !to) return "Pick both days.";
  if (from > to) return "The first day comes before the last.";
  if (addDays(from, MAX_RANGE_DAYS) < addDays(to, 1)) return `Pick at most ${MAX_RANGE_DAYS} days.`;
  return undefined;
}

/** The instant a day (UTC) starts. */
export function dayStart(day: string): string {
  return `${day}T00:00:00Z`;
}

/** The instant a day (UTC) ends: the start of the next, which a range's end excludes. */
export function dayEnd(day: string): string {
  return dayStart(addDays(day, 1));
}

/** The instants the API takes: the start of the first day, and the start of the day after the last (excluded). */
export function rangeInstants({ from, to }: DayRange): { from: string; to: string } {
  return { from: dayStart(from), to: dayEnd(to) };
}
