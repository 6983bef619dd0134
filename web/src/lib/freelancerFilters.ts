import type { FreelancerQuery } from "../api/freelancers";
import type { Availability, ExperienceLevel, FreelancerLevel } from "../api/types";
import { AVAILABILITY, EXPERIENCE_LEVELS, FREELANCER_LEVELS } from "./labels";
import { parseAmountToCents } from "./money";

export const FREELANCER_SORTS = {
  rank: "Best match",
  rate_low: "Lowest rate",
  rate_high: "Highest rate",
  newest: "Newest members",
} as const;
export type FreelancerSort = keyof typeof FREELANCER_SORTS;

export const SKILLS_MATCH = { all: "All of them", any: "Any of them" } as const;
export type SkillsMatch = keyof typeof SKILLS_MATCH;

export const MIN_RATINGS = { "4.5": "4.5 stars and up", "4": "4 stars and up", "3": "3 stars and up" } as const;

/** The freelancer search's filters as the page's URL and inputs hold them. */
export interface FreelancerFilters {
  q: string;
  skills: string[];
  skills_match: SkillsMatch;
  experience_level: ExperienceLevel | "";
  hourly_rate_min: string;
  hourly_rate_max: string;
  location: string;
  availability: Availability | "";
  min_rating: string;
  min_completed_jobs: string;
  level: FreelancerLevel | "";
  sort: FreelancerSort;
}

export const EMPTY_FREELANCER_FILTERS: FreelancerFilters = {
  q: "",
  skills: [],
  skills_match: "all",
  experience_level: "",
  hourly_rate_min: "",
  hourly_rate_max: "",
  location: "",
  availability: "",
  min_rating: "",
  min_completed_jobs: "",
  level: "",
  sort: "rank",
};

function oneOf<T extends string>(value: string | null, allowed: Record<T, unknown>): T | "" {
  return value !== null && Object.hasOwn(allowed, value) ? (value as T) : "";
}

export function freelancerFiltersFromSearch(params: URLSearchParams): FreelancerFilters {
  const text = (key: string) => params.get(key)?.trim() ?? "";
  const jobs = text("min_completed_jobs");
  return {
    q: text("q"),
    skills: [...new Set(text("skills").split(",").map((s) => s.trim()).filter(Boolean))],
    skills_match: oneOf(params.get("skills_match"), SKILLS_MATCH) || "all",
    experience_level: oneOf(params.get("experience_level"), EXPERIENCE_LEVELS),
    hourly_rate_min: text("hourly_rate_min"),
    hourly_rate_max: text("hourly_rate_max"),
    location: text("location"),
    availability: oneOf(params.get("availability"), AVAILABILITY),
    min_rating: oneOf(params.get("min_rating"), MIN_RATINGS),
    min_completed_jobs: /^\d+$/.test(jobs) && Number(jobs) > 0 ? String(Number(jobs)) : "",
    level: oneOf(params.get("level"), FREELANCER_LEVELS),
    sort: oneOf(params.get("sort"), FREELANCER_SORTS) || "rank",
  };
}

/** Only what differs from the defaults, so links stay short. */
export function freelancerFiltersToSearch(filters: FreelancerFilters): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, string][] = [
    ["q", filters.q.trim()],
    ["skills", filters.skills.join(",")],
    ["skills_match", filters.skills.length > 1 && filters.skills_match !== "all" ? filters.skills_match : ""],
    ["experience_level", filters.experience_level],
    ["hourly_rate_min", filters.hourly_rate_min.trim()],
    ["hourly_rate_max", filters.hourly_rate_max.trim()],
    ["location", filters.location.trim()],
    ["availability", filters.availability],
    ["min_rating", filters.min_rating],
    ["min_completed_jobs", filters.min_completed_jobs.trim()],
    ["level", filters.level],
    ["sort", filters.sort === "rank" ? "" : filters.sort],
  ];
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}

export interface BuiltFreelancerQuery {
  query: FreelancerQuery;
  errors: Partial<Record<keyof FreelancerFilters, string>>;
}

/** The API query: dollars become cents, skills a comma-separated list. */
export function freelancerQuery(filters: FreelancerFilters): BuiltFreelancerQuery {
  const errors: BuiltFreelancerQuery["errors"] = {};
  const query: FreelancerQuery = { sort: filters.sort };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.skills.length > 0) {
    query.skills = filters.skills.join(",");
    query.skills_match = filters.skills_match;
  }
  if (filters.experience_level) query.experience_level = filters.experience_level;
  for (const key of ["hourly_rate_min", "hourly_rate_max"] as const) {
    const parsed = parseAmountToCents(filters[key]);
    if (!parsed.ok) errors[key] = parsed.error;
    else if (parsed.cents !== null) query[key] = parsed.cents;
  }
  if (query.hourly_rate_min !== undefined && query.hourly_rate_max !== undefined && query.hourly_rate_min > query.hourly_rate_max) {
    errors.hourly_rate_max = "The maximum must not be below the minimum.";
    delete query.hourly_rate_max;
  }
  if (filters.location.trim()) query.location = filters.location.trim();
  if (filters.availability) query.availability = filters.availability;
  if (filters.level) query.level = filters.level;
  if (filters.min_rating) query.min_rating = Number(filters.min_rating);
  const jobs = filters.min_completed_jobs.trim();
  if (jobs) {
    if (/^\d+$/.test(jobs)) query.min_completed_jobs = Number(jobs);
    else errors.min_completed_jobs = "Enter a whole number.";
  }
  return { query, errors };
}
