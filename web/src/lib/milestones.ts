import type { Currency, Milestone, MilestoneDraft, MilestoneEvent, MilestoneStatus } from "../api/types";
import type { PartyRole } from "./contracts";
import { MILESTONE_EVENTS } from "./labels";
import { centsToInput, parseAmountToCents } from "./money";

/** What a party can do to a milestone of an active contract. */
export type MilestoneAction = "fund" | "release" | "request_changes" | "submit" | "refund" | "edit" | "remove" | "dispute";

/**
 * The actions open to `role` on a milestone in `status`: the client funds,
 * releases (before or after a hand-in) and asks for changes to a hand-in;
 * the freelancer hands in work and refunds escrow; either may change or
 * remove a milestone until it is funded, and dispute it while its money is
 * in escrow.
 */
export function milestoneActions(status: MilestoneStatus, role: PartyRole | null): MilestoneAction[] {
  const inEscrow = status === "funded" || status === "submitted" || status === "changes_requested";
  if (role === "client") {
    if (status === "proposed") return ["fund", "edit", "remove"];
    if (status === "submitted") return ["release", "request_changes", "dispute"];
    return inEscrow ? ["release", "dispute"] : [];
  }
  if (role === "freelancer") {
    if (status === "proposed") return ["edit", "remove"];
    if (status === "funded" || status === "changes_requested") return ["submit", "refund", "dispute"];
    return inEscrow ? ["refund", "dispute"] : [];
  }
  return [];
}

/** "Finn Freelancer submitted work", "You asked for changes", "Released automatically after the review period". */
export function describeEvent(event: MilestoneEvent, nameOf: (userId: string) => string): string {
  if (!event.author_id) {
    const text = MILESTONE_EVENTS[event.kind];
    return text[0].toUpperCase() + text.slice(1);
  }
  return `${nameOf(event.author_id)} ${MILESTONE_EVENTS[event.kind]}`;
}

/** What the milestone form holds: the amount as typed, the due date as `YYYY-MM-DD` or blank. */
export interface MilestoneFormState {
  title: string;
  amount: string;
  due_date: string;
}

export function milestoneFormState(milestone?: Milestone): MilestoneFormState {
  return {
    title: milestone?.title ?? "",
    amount: milestone ? centsToInput(milestone.amount.amount) : "",
    due_date: milestone?.due_date ?? "",
  };
}

export type BuiltMilestone = { ok: true; draft: MilestoneDraft } | { ok: false; errors: Partial<Record<keyof MilestoneFormState, string>> };

/** The milestone to send, or what to fix first. The server checks the bounds again. */
export function buildMilestoneDraft(state: MilestoneFormState, currency: Currency): BuiltMilestone {
  const errors: Partial<Record<keyof MilestoneFormState, string>> = {};
  if (!state.title.trim()) errors.title = "Name this milestone.";
  const parsed = parseAmountToCents(state.amount);
  if (!parsed.ok) errors.amount = parsed.error;
  else if (!parsed.cents) errors.amount = "Enter an amount greater than zero.";
  if (Object.keys(errors).length > 0 || !parsed.ok || !parsed.cents) return { ok: false, errors };
  return { ok: true, draft: { title: state.title.trim(), amount: { amount: parsed.cents, currency }, due_date: state.due_date || null } };
}
