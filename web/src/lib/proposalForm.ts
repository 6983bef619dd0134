import type { Currency, Job, MilestoneDraft, Proposal, ProposalInput } from "../api/types";
import type { Built } from "./built";
import { jobCurrency } from "./jobs";
import { centsToInput, formatMoney, parseAmountToCents } from "./money";

export const MAX_DURATION_DAYS = 730;

export interface MilestoneState {
  /** Stable React key; not sent. */
  key: string;
  title: string;
  amount: string;
  due_date: string;
}

/** Everything the proposal form edits, as its inputs hold it. */
export interface ProposalFormState {
  cover_letter: string;
  amount: string;
  duration_days: string;
  /** One per screening question of the job, in order. */
  answers: string[];
  milestones: MilestoneState[];
}

type JobTerms = Pick<Job, "payment_type" | "screening_questions" | "budget" | "hourly_rate_min" | "hourly_rate_max">;

let nextKey = 0;
export function newMilestone(init: Partial<Omit<MilestoneState, "key">> = {}): MilestoneState {
  nextKey += 1;
  return { key: `m-${nextKey}`, title: "", amount: "", due_date: "", ...init };
}

export function emptyProposalForm(job: JobTerms): ProposalFormState {
  return { cover_letter: "", amount: "", duration_days: "", answers: job.screening_questions.map(() => ""), milestones: [] };
}

export function formFromProposal(proposal: Proposal, job: JobTerms): ProposalFormState {
  return {
    cover_letter: proposal.cover_letter,
    amount: centsToInput(proposal.amount.amount),
    duration_days: proposal.duration_days ? String(proposal.duration_days) : "",
    answers: job.screening_questions.map((_, i) => proposal.answers[i] ?? ""),
    milestones: proposal.milestones.map((m) => newMilestone({ title: m.title, amount: centsToInput(m.amount.amount), due_date: m.due_date ?? "" })),
  };
}

export interface MilestoneTotal {
  /** The sum of the amounts that could be read. */
  cents: number;
  /** Whether some amount is blank or unreadable, so the sum is not final. */
  incomplete: boolean;
}

export function milestoneTotal(milestones: readonly Pick<MilestoneState, "amount">[]): MilestoneTotal {
  let cents = 0;
  let incomplete = false;
  for (const milestone of milestones) {
    const parsed = parseAmountToCents(milestone.amount);
    if (parsed.ok && parsed.cents !== null) cents += parsed.cents;
    else incomplete = true;
  }
  return { cents, incomplete };
}

/**
 * How the milestones compare with the bid, for the running total: null when
 * they match (or there are none, or the bid is not readable yet).
 */
export function milestoneMismatch(state: ProposalFormState, currency: Currency): string | null {
  if (state.milestones.length === 0) return null;
  const bid = parseAmountToCents(state.amount);
  if (!bid.ok || bid.cents === null) return null;
  const { cents } = milestoneTotal(state.milestones);
  if (cents === bid.cents) return null;
  const gap = formatMoney({ amount: Math.abs(bid.cents - cents), currency });
  return cents < bid.cents ? `${gap} of the bid is not in any milestone yet.` : `The milestones come to ${gap} more than the bid.`;
}

export type BuildProposalResult = Built<ProposalInput>;

/**
 * The body for a bid (or an edit, or accepting an invitation), or the
 * problems to fix first, keyed by the server's field paths. Attachments the
 * form does not edit are passed through.
 */
export function buildProposalInput(state: ProposalFormState, job: JobTerms, attachmentFileIds: string[] = []): BuildProposalResult {
  const errors: Record<string, string> = {};
  const currency = jobCurrency(job);
  const coverLetter = state.cover_letter.trim();
  if (!coverLetter) errors.cover_letter = "Write a cover letter.";

  const amount = parseAmountToCents(state.amount);
  if (!amount.ok) errors.amount = amount.error;
  else if (amount.cents === null) errors.amount = job.payment_type === "hourly" ? "Enter your hourly rate." : "Enter your bid.";
  else if (amount.cents <= 0) errors.amount = "Enter an amount greater than zero.";

  let durationDays: number | null = null;
  const duration = state.duration_days.trim();
  if (duration) {
    const days = Number(duration);
    if (/^\d+$/.test(duration) && days >= 1 && days <= MAX_DURATION_DAYS) durationDays = days;
    else errors.duration_days = `Enter whole days from 1 to ${MAX_DURATION_DAYS}.`;
  }

  const answers = job.screening_questions.map((_, i) => (state.answers[i] ?? "").trim());
  answers.forEach((answer, i) => {
    if (!answer) errors[`answers[${i}]`] = "Answer this question.";
  });

  const milestones: MilestoneDraft[] = [];
  if (job.payment_type === "fixed") {
    state.milestones.forEach((m, i) => {
      const at = `milestones[${i}]`;
      if (!m.title.trim()) errors[`${at}.title`] = "Name this milestone.";
      const parsed = parseAmountToCents(m.amount);
      if (!parsed.ok) errors[`${at}.amount`] = parsed.error;
      else if (!parsed.cents) errors[`${at}.amount`] = "Enter an amount greater than zero.";
      milestones.push({ title: m.title.trim(), amount: { amount: parsed.ok ? (parsed.cents ?? 0) : 0, currency }, due_date: m.due_date || null });
    });
    const mismatch = milestoneMismatch(state, currency);
    if (mismatch) errors.milestones = `The milestones must add up to the bid. ${mismatch}`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      cover_letter: coverLetter,
      amount: { amount: amount.ok ? (amount.cents ?? 0) : 0, currency },
      duration_days: durationDays,
      answers,
      milestones,
      attachment_file_ids: attachmentFileIds,
    },
  };
}
