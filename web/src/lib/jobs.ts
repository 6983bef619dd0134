import type { Currency, Job, JobSummary, Money } from "../api/types";
import { formatHourlyRate, formatMoney } from "./money";

type Priced = Pick<JobSummary, "payment_type" | "budget" | "hourly_rate_min" | "hourly_rate_max">;

/** The currency a job is paid in, which its proposals must use too. */
export function jobCurrency(job: Priced): Currency {
  return job.budget?.currency ?? job.hourly_rate_min?.currency ?? job.hourly_rate_max?.currency ?? "usd";
}

/** "$500.00" for a fixed budget, "$20.00–$40.00/hr" for an hourly range. */
export function describePay(job: Priced): string {
  if (job.payment_type === "fixed") return job.budget ? formatMoney(job.budget) : "Budget not set";
  const { hourly_rate_min: min, hourly_rate_max: max } = job;
  if (min && max && min.amount !== max.amount) return `${formatMoney(min)}–${formatHourlyRate(max)}`;
  const rate = min ?? max;
  return rate ? formatHourlyRate(rate) : "Rate not set";
}

/** A proposal's amount: a total for fixed-price jobs, a rate for hourly ones. */
export function describeBid(amount: Money, job: Pick<Job, "payment_type">): string {
  return job.payment_type === "hourly" ? formatHourlyRate(amount) : formatMoney(amount);
}
