import type { Currency, ExperienceLevel, Job, JobInput, PaymentType, ProjectDuration, SkillTag, Visibility } from "../api/types";
import type { Built } from "./built";
import { jobCurrency } from "./jobs";
import { centsToInput, parseAmountToCents } from "./money";

export const MAX_QUESTIONS = 5;

export interface QuestionDraft {
  /** Stable React key; not sent. */
  key: string;
  text: string;
}

/** Everything the job form edits, as its inputs hold it. */
export interface JobFormState {
  title: string;
  description: string;
  category: string;
  skills: SkillTag[];
  payment_type: PaymentType;
  currency: Currency;
  budget: string;
  hourly_rate_min: string;
  hourly_rate_max: string;
  hours_per_week: string;
  duration: ProjectDuration | "";
  experience_level: ExperienceLevel;
  screening_questions: QuestionDraft[];
  deadline: string;
  visibility: Visibility;
  hires_wanted: string;
}

let nextKey = 0;
export function newQuestion(text = ""): QuestionDraft {
  nextKey += 1;
  return { key: `q-${nextKey}`, text };
}

export function emptyJobForm(): JobFormState {
  return {
    title: "",
    description: "",
    category: "",
    skills: [],
    payment_type: "fixed",
    currency: "usd",
    budget: "",
    hourly_rate_min: "",
    hourly_rate_max: "",
    hours_per_week: "",
    duration: "",
    experience_level: "intermediate",
    screening_questions: [],
    deadline: "",
    visibility: "public",
    hires_wanted: "1",
  };
}

export function formFromJob(job: Job): JobFormState {
  return {
    title: job.title,
    description: job.description,
    category: job.category,
    skills: job.skills,
    payment_type: job.payment_type,
    currency: jobCurrency(job),
    budget: centsToInput(job.budget?.amount),
    hourly_rate_min: centsToInput(job.hourly_rate_min?.amount),
    hourly_rate_max: centsToInput(job.hourly_rate_max?.amount),
    hours_per_week: job.hours_per_week ? String(job.hours_per_week) : "",
    duration: job.duration ?? "",
    experience_level: job.experience_level,
    screening_questions: job.screening_questions.map((q) => newQuestion(q)),
    deadline: job.deadline ?? "",
    visibility: job.visibility,
    hires_wanted: String(job.hires_wanted),
  };
}

export type BuildJobResult = Built<JobInput>;

/** A whole number from `min` to `max` typed into a field, or null when blank. */
function parseCount(text: string, min: number, max: number): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return value >= min && value <= max ? { ok: true, value } : { ok: false };
}

/**
 * The POST/PUT body for the form, or the problems to fix first, keyed by the
 * field paths the server uses. Amounts typed in dollars become cents. Only the
 * fields of the chosen payment type are sent.
 */
export function buildJobInput(state: JobFormState, options: { draft?: boolean; attachmentFileIds?: string[] } = {}): BuildJobResult {
  const errors: Record<string, string> = {};
  const title = state.title.trim();
  const description = state.description.trim();
  if (!title) errors.title = "Enter a title.";
  if (!description) errors.description = "Describe the work.";
  if (!state.category) errors.category = "Choose a category.";

  const money = (field: "budget" | "hourly_rate_min" | "hourly_rate_max", missing: string) => {
    const parsed = parseAmountToCents(state[field]);
    if (!parsed.ok) errors[field] = parsed.error;
    else if (parsed.cents === null) errors[field] = missing;
    else if (parsed.cents <= 0) errors[field] = "Enter an amount greater than zero.";
    else return { amount: parsed.cents, currency: state.currency };
    return null;
  };

  const input: JobInput = {
    title,
    description,
    category: state.category,
    skills: state.skills.map((s) => s.slug),
    payment_type: state.payment_type,
    budget: null,
    hourly_rate_min: null,
    hourly_rate_max: null,
    hours_per_week: null,
    duration: state.duration || null,
    experience_level: state.experience_level,
    screening_questions: state.screening_questions.map((q) => q.text.trim()),
    deadline: state.deadline || null,
    attachment_file_ids: options.attachmentFileIds ?? [],
    visibility: state.visibility,
    hires_wanted: 1,
  };
  if (options.draft !== undefined) input.draft = options.draft;

  if (state.payment_type === "fixed") {
    input.budget = money("budget", "Enter the budget.");
  } else {
    input.hourly_rate_min = money("hourly_rate_min", "Enter the lowest rate you would pay.");
    input.hourly_rate_max = money("hourly_rate_max", "Enter the highest rate you would pay.");
    if (input.hourly_rate_min && input.hourly_rate_max && input.hourly_rate_min.amount > input.hourly_rate_max.amount) {
      errors.hourly_rate_max = "The highest rate must not be below the lowest.";
    }
    const hours = parseCount(state.hours_per_week, 1, 80);
    if (hours.ok) input.hours_per_week = hours.value;
    else errors.hours_per_week = "Enter whole hours from 1 to 80.";
  }

  const hires = parseCount(state.hires_wanted, 1, 50);
  if (hires.ok && hires.value !== null) input.hires_wanted = hires.value;
  else errors.hires_wanted = "Enter how many people to hire, from 1 to 50.";

  state.screening_questions.forEach((q, i) => {
    if (!q.text.trim()) errors[`screening_questions[${i}]`] = "Write the question, or remove it.";
  });

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
