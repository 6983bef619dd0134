import type { Contract, Dispute, DisputeEntry, DisputeOutcome, Money, Resolution } from "../api/types";
import { DISPUTE_EVENTS, formatDate, formatDateTime } from "./labels";
import { formatMoney, parseAmountToCents } from "./money";

/** Shortest description of what went wrong the server takes. */
export const MIN_DESCRIPTION = 10;
export const MAX_DESCRIPTION = 5000;

/** What is disputed: "“Design”" (a milestone of the contract), "An hourly week", or "A milestone" until the contract is in. */
export function disputeSubject(dispute: Dispute, contract: Contract | undefined): string {
  if (!dispute.milestone_id) return "An hourly week";
  const milestone = contract?.milestones.find((m) => m.id === dispute.milestone_id);
  return milestone ? `“${milestone.title}”` : "A milestone";
}

/** "Finn responded", "You opened the dispute". */
export function describeDisputeEvent(entry: DisputeEntry, nameOf: (userId: string) => string): string {
  const who = entry.author_id ? nameOf(entry.author_id) : "Downwork";
  return `${who} ${DISPUTE_EVENTS[entry.kind]}`;
}

/** The party who answers a dispute: the one who did not open it. */
export function respondentOf(dispute: Dispute): string {
  return dispute.opened_by === dispute.client_id ? dispute.freelancer_id : dispute.client_id;
}

/** Whether `userId` may still answer: the respondent, once, on an open dispute, before the deadline. */
export function canRespond(dispute: Dispute, userId: string | undefined, now: Date = new Date()): boolean {
  return (
    dispute.status === "open" && userId === respondentOf(dispute) && !dispute.responded_at && now.getTime() <= new Date(dispute.respond_by).getTime()
  );
}

/** "Finn has until Dec 5, 2026, 3:05 PM UTC to respond.", or how that turned out. */
export function describeDeadline(dispute: Dispute, nameOf: (userId: string) => string, now: Date = new Date()): string {
  const who = nameOf(respondentOf(dispute));
  if (dispute.responded_at) return `${who} responded on ${formatDateTime(dispute.responded_at)}.`;
  const deadline = formatDateTime(dispute.respond_by);
  if (now.getTime() > new Date(dispute.respond_by).getTime()) return `The time to respond ended on ${deadline} without a response.`;
  if (dispute.status !== "open") return "The dispute ended before a response.";
  return `${who} ${who === "You" ? "have" : "has"} until ${deadline} to respond.`;
}

/** What the decision form holds: amounts as typed, the due date as `YYYY-MM-DD`. */
export interface ResolutionFormState {
  outcome: DisputeOutcome;
  client_amount: string;
  freelancer_amount: string;
  due_date: string;
  note: string;
}

export const EMPTY_RESOLUTION: ResolutionFormState = { outcome: "refund", client_amount: "", freelancer_amount: "", due_date: "", note: "" };

export type ResolutionErrors = Partial<Record<keyof ResolutionFormState, string>>;

export type BuiltResolution = { ok: true; resolution: Resolution } | { ok: false; errors: ResolutionErrors };

/**
 * The decision to send, or what to fix first: a split names two positive
 * parts that add up exactly to what is held, rework a day after `today`,
 * and every decision says why. The server checks all of it again.
 */
export function buildResolution(state: ResolutionFormState, held: Money, today: string): BuiltResolution {
  const errors: ResolutionErrors = {};
  const note = state.note.trim();
  if (!note) errors.note = "Say why; both parties read it.";
  else if (note.length > 2000) errors.note = "Keep it to 2,000 characters.";
  const resolution: Resolution = { outcome: state.outcome, note };
  if (state.outcome === "split") {
    const parts = { client_amount: parseAmountToCents(state.client_amount), freelancer_amount: parseAmountToCents(state.freelancer_amount) };
    for (const [field, parsed] of Object.entries(parts) as [keyof typeof parts, (typeof parts)[keyof typeof parts]][]) {
      if (!parsed.ok) errors[field] = parsed.error;
      else if (!parsed.cents) errors[field] = "Enter an amount greater than zero; refund or pay the freelancer to give one side everything.";
      else resolution[field] = { amount: parsed.cents, currency: held.currency };
    }
    const sum = (resolution.client_amount?.amount ?? 0) + (resolution.freelancer_amount?.amount ?? 0);
    if (resolution.client_amount && resolution.freelancer_amount && sum !== held.amount) {
      errors.client_amount = `The two parts must add up to the ${formatMoney(held)} held; they come to ${formatMoney({ amount: sum, currency: held.currency })}.`;
    }
  }
  if (state.outcome === "rework") {
    if (!state.due_date) errors.due_date = "Pick the new due date.";
    else if (state.due_date <= today) errors.due_date = "Pick a day after today.";
    else resolution.due_date = state.due_date;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, resolution };
}

/** The decision in words, for the confirmation and the dispute page. */
export function describeResolution(resolution: Pick<Resolution, "outcome" | "client_amount" | "freelancer_amount" | "due_date">, held: Money): string {
  switch (resolution.outcome) {
    case "refund":
      return `All ${formatMoney(held)} goes back to the client.`;
    case "release":
      return `All ${formatMoney(held)} is paid to the freelancer, less the service fee.`;
    case "split": {
      const client = resolution.client_amount ? formatMoney(resolution.client_amount) : "—";
      const freelancer = resolution.freelancer_amount ? formatMoney(resolution.freelancer_amount) : "—";
      return `Of the ${formatMoney(held)} held, ${client} goes back to the client and ${freelancer} is paid to the freelancer, less the service fee.`;
    }
    case "rework":
      return `The milestone goes back to the freelancer for rework, due ${resolution.due_date ? formatDate(resolution.due_date) : "—"}; the ${formatMoney(held)} stays in escrow.`;
  }
}
