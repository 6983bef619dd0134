import type { MilestoneEvent, MilestoneStatus } from "../api/types";
import type { PartyRole } from "./contracts";
import { MILESTONE_EVENTS } from "./labels";

/** What a party can do to a milestone of an active contract. */
export type MilestoneAction = "fund" | "release" | "request_changes" | "submit" | "refund";

/**
 * The actions open to `role` on a milestone in `status`: the client funds,
 * releases (before or after a hand-in) and asks for changes to a hand-in;
 * the freelancer hands in work and refunds escrow.
 */
export function milestoneActions(status: MilestoneStatus, role: PartyRole | null): MilestoneAction[] {
  const inEscrow = status === "funded" || status === "submitted" || status === "changes_requested";
  if (role === "client") {
    if (status === "proposed") return ["fund"];
    if (status === "submitted") return ["release", "request_changes"];
    return inEscrow ? ["release"] : [];
  }
  if (role === "freelancer") {
    if (status === "funded" || status === "changes_requested") return ["submit", "refund"];
    return inEscrow ? ["refund"] : [];
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
