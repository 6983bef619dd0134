import type { BoardQuery } from "../api/jobs";
import type { ExperienceLevel, PaymentType } from "../api/types";
import { EXPERIENCE_LEVELS, PAYMENT_TYPES } from "./labels";
import { parseAmountToCents } from "./money";

export const SORTS = {
  newest: "Newest first",
  relevance: "Best match",
  budget: "Highest budget",
  deadline: "Soonest deadline",
} as const;
export type JobSort = keyof typeof SORTS;

export const POSTED_WITHIN = { "1": "Last 24 hours", "3": "Last 3 days", "7": "Last week", "14": "Last 2 weeks", "30": "Last month" } as const;

/**
 * The job board's filters as the page's URL and inputs hold them: amounts in
 * dollars as typed, blank meaning "any".
 */
export interface BoardFilters {
  q: string;
  category: string;
  payment_type: PaymentType | "";
  budget_min: string;
  budget_max: string;
  hourly_rate_min: string;
  hourly_rate_max: string;
  experience_level: ExperienceLevel | "";
  skills: string[];
  posted_within_days: string;
  deadline_before: string;
  sort: JobSort | "";
}

export const EMPTY_FILTERS: BoardFilters = {
  q: "",
  category: "",
  payment_type: "",
  budget_min: "",
  budget_max: "",
  hourly_rate_min: "",
  hourly_rate_max: "",
  experience_level: "",
  skills: [],
  posted_within_days: "",
  deadline_before: "",
  sort: "",
};

const AMOUNT_KEYS = ["budget_min", "budget_max", "hourly_rate_min", "hourly_rate_max"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: Record<T, unknown>): T | "" {
  return value !== null && Object.hasOwn(allowed, value) ? (value as T) : "";
}

/** Reads filters from a query string, dropping values that cannot be meant. */
export function filtersFromSearch(params: URLSearchParams): BoardFilters {
  const text = (key: string) => params.get(key)?.trim() ?? "";
  const days = Number(text("posted_within_days"));
  return {
    q: text("q"),
    category: text("category"),
    payment_type: oneOf(params.get("payment_type"), PAYMENT_TYPES),
    budget_min: text("budget_min"),
    budget_max: text("budget_max"),
    hourly_rate_min: text("hourly_rate_min"),
    hourly_rate_max: text("hourly_rate_max"),
    experience_level: oneOf(params.get("experience_level"), EXPERIENCE_LEVELS),
    skills: [...new Set(text("skills").split(",").map((s) => s.trim()).filter(Boolean))],
    posted_within_days: Number.isInteger(days) && days >= 1 && days <= 365 ? String(days) : "",
    deadline_before: DATE.test(text("deadline_before")) ? text("deadline_before") : "",
    sort: oneOf(params.get("sort"), SORTS),
  };
}

/** The query string for a set of filters: only what is set, so links stay short. */
export function filtersToSearch(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  const sort = effectiveSort(filters);
  const entries: [string, string][] = [
    ["q", filters.q.trim()],
    ["category", filters.category],
    ["payment_type", filters.payment_type],
    ...AMOUNT_KEYS.map((key): [string, string] => [key, filters[key].trim()]),
    ["experience_level", filters.experience_level],
    ["skills", filters.skills.join(",")],
    ["posted_within_days", filters.posted_within_days],
    ["deadline_before", filters.deadline_before],
    ["sort", sort === defaultSort(filters) ? "" : sort],
  ];
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}

function defaultSort(filters: BoardFilters): JobSort {
  return filters.q.trim() ? "relevance" : "newest";
}

/** The sort in force: relevance needs words to match, so without them it falls back to newest. */
export function effectiveSort(filters: BoardFilters): JobSort {
  if (!filters.sort || (filters.sort === "relevance" && !filters.q.trim())) return defaultSort(filters);
  return filters.sort;
}

export interface BuiltBoardQuery {
  query: BoardQuery;
  /** Problems with filters, keyed by filter; those filters are left out of the query. */
  errors: Partial<Record<keyof BoardFilters, string>>;
}

/** The API query for the filters: dollars become cents, skills a comma-separated list. */
export function boardQuery(filters: BoardFilters): BuiltBoardQuery {
  const errors: BuiltBoardQuery["errors"] = {};
  const query: BoardQuery = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.category) query.category = filters.category;
  if (filters.payment_type) query.payment_type = filters.payment_type;
  for (const key of AMOUNT_KEYS) {
    const parsed = parseAmountToCents(filters[key]);
    if (!parsed.ok) errors[key] = parsed.error;
    else if (parsed.cents !== null) query[key] = parsed.cents;
  }
  for (const [min, max] of [
    ["budget_min", "budget_max"],
    ["hourly_rate_min", "hourly_rate_max"],
  ] as const) {
    const low = query[min];
    const high = query[max];
    if (low !== undefined && high !== undefined && low > high) {
      errors[max] = "The maximum must not be below the minimum.";
      delete query[max];
    }
  }
  if (filters.experience_level) query.experience_level = filters.experience_level;
  if (filters.skills.length > 0) query.skills = filters.skills.join(",");
  if (filters.posted_within_days) query.posted_within_days = Number(filters.posted_within_days);
  if (filters.deadline_before) query.deadline_before = filters.deadline_before;
  query.sort = effectiveSort(filters);
  return { query, errors };
}
