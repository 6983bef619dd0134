import type { Availability, CompanySize, Role } from "../api/types";

export const AVAILABILITY: Record<Availability, string> = {
  full_time: "Full time",
  part_time: "Part time",
  not_available: "Not available",
};

export const COMPANY_SIZES: Record<CompanySize, string> = {
  "1": "Just me",
  "2-10": "2–10 people",
  "11-50": "11–50 people",
  "51-200": "51–200 people",
  "201-1000": "201–1,000 people",
  "1000+": "More than 1,000 people",
};

export const ROLES: Record<Role, string> = {
  freelancer: "Freelancer",
  client: "Client",
  admin: "Admin",
};

const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 2021" for "2021-03-15" (a calendar date, read as UTC). */
export function formatMonth(date: string): string {
  const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(parsed.getTime()) ? date : MONTH.format(parsed);
}

/** "Mar 2021 – Present". */
export function formatPeriod(start: string, end?: string | null): string {
  return `${formatMonth(start)} – ${end ? formatMonth(end) : "Present"}`;
}
