import type { HourlyWeek, TimeEntry, TimeEntryInput } from "../api/types";
import { formatDate } from "./labels";

/** Longest single entry the server takes: a whole day. */
export const MAX_ENTRY_MINUTES = 24 * 60;
/** Longest memo the server takes. */
export const MAX_MEMO_LENGTH = 500;

/** The calendar date of `at` (now by default) as `YYYY-MM-DD` in UTC, the calendar hourly weeks are billed by. */
export function utcDate(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDate(date);
}

/** The Monday of the week (Monday to Sunday) that `day` falls in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** "2 h 30 min", "45 min", "3 h": the way the server writes durations too. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "12 h 30 min of 20 h". */
export function describeWeekTotal(totalMinutes: number, limitHours: number): string {
  return `${formatMinutes(totalMinutes)} of ${limitHours} h`;
}

/** "In review until Dec 5, 2026", "Paid", "Disputed", "Refunded" or "Split". */
export function describeWeekStatus(week: HourlyWeek): string {
  switch (week.status) {
    case "held":
      return `In review until ${formatDate(week.release_after)}`;
    case "released":
      return "Paid";
    case "disputed":
      return "Disputed";
    case "refunded":
      return "Refunded";
    case "split":
      return "Split";
  }
}

/** The days time can be logged on in the week from `monday`: from the contract's start (or the Monday) up to today (or the Sunday). */
export interface LoggableDays {
  first: string;
  last: string;
}

export function loggableDays(monday: string, started: string, today: string): LoggableDays | null {
  const first = started > monday ? started : monday;
  const sunday = addDays(monday, 6);
  const last = today < sunday ? today : sunday;
  return first <= last ? { first, last } : null;
}

/** "Pick a day from Nov 23, 2026 to Nov 26, 2026.", or the one day there is. */
export function describeLoggableDays(days: LoggableDays): string {
  if (days.first === days.last) return `Only ${formatDate(days.first)} is open to logging in this week.`;
  return `Pick a day from ${formatDate(days.first)} to ${formatDate(days.last)}.`;
}

/** What the time form holds: hours and minutes as typed, the day as `YYYY-MM-DD`. */
export interface TimeEntryFormState {
  work_date: string;
  hours: string;
  minutes: string;
  memo: string;
}

/** An entry's values to edit, or a blank entry on the last day open to logging. */
export function timeEntryFormState(entry: TimeEntry | undefined, days: LoggableDays): TimeEntryFormState {
  if (!entry) return { work_date: days.last, hours: "", minutes: "", memo: "" };
  return { work_date: entry.work_date, hours: String(Math.floor(entry.minutes / 60)), minutes: String(entry.minutes % 60), memo: entry.memo };
}

/** Errors keyed like the server's fields; `minutes` is the time worked, typed as hours and minutes. */
export type TimeEntryErrors = Partial<Record<keyof TimeEntryInput, string>>;

export type BuiltTimeEntry = { ok: true; input: TimeEntryInput } | { ok: false; errors: TimeEntryErrors };

/** The entry to send, or what to fix first. The server checks the day, the length and the weekly limit again. */
export function buildTimeEntry(state: TimeEntryFormState, days: LoggableDays): BuiltTimeEntry {
  const errors: TimeEntryErrors = {};
  if (!state.work_date) errors.work_date = "Pick the day you worked.";
  else if (state.work_date < days.first || state.work_date > days.last) errors.work_date = describeLoggableDays(days);

  const minutes = parseDuration(state.hours, state.minutes);
  if (!minutes.ok) errors.minutes = minutes.error;

  const memo = state.memo.trim();
  if (!memo) errors.memo = "Say what you worked on.";
  else if (memo.length > MAX_MEMO_LENGTH) errors.memo = `Keep it to ${MAX_MEMO_LENGTH} characters.`;

  if (!minutes.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { work_date: state.work_date, minutes: minutes.minutes, memo } };
}

type ParsedDuration = { ok: true; minutes: number } | { ok: false; error: string };

/** Whole hours and minutes as typed ("2" and "30") into integer minutes (150); either may be blank. */
export function parseDuration(hours: string, minutes: string): ParsedDuration {
  const h = hours.trim();
  const m = minutes.trim();
  if (!/^\d*$/.test(h) || !/^\d*$/.test(m)) return { ok: false, error: "Enter whole hours and minutes, like 2 and 30." };
  if (Number(m) > 59) return { ok: false, error: "Minutes go up to 59; put whole hours under hours." };
  const total = Number(h) * 60 + Number(m);
  if (total === 0) return { ok: false, error: "Enter the time you worked." };
  if (total > MAX_ENTRY_MINUTES) return { ok: false, error: "One entry holds at most 24 hours." };
  return { ok: true, minutes: total };
}
