/** Most hours a week an hourly contract may allow. */
export const MAX_WEEKLY_LIMIT_HOURS = 80;
/** The limit when neither the hire nor the job names one. */
export const DEFAULT_WEEKLY_LIMIT_HOURS = 40;

export type ParsedLimit = { ok: true; hours: number } | { ok: false; error: string };

/** The weekly limit typed when hiring for an hourly job: whole hours, 1 to 80. */
export function parseWeeklyLimit(text: string): ParsedLimit {
  const trimmed = text.trim();
  const hours = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || hours < 1 || hours > MAX_WEEKLY_LIMIT_HOURS) {
    return { ok: false, error: `Enter whole hours from 1 to ${MAX_WEEKLY_LIMIT_HOURS}.` };
  }
  return { ok: true, hours };
}
