import type { QueryKey } from "@tanstack/react-query";
import type { Money, Notification } from "../api/types";
import { formatMoney } from "./money";

export interface NotificationText {
  text: string;
  /** Where to go to act on it. */
  href: string;
}

interface Payload {
  job_id?: string;
  job_title?: string;
  contract_id?: string;
  dispute_id?: string;
  reason?: string | null;
  accepted?: boolean;
  /** A milestone's or a contract's title. */
  title?: string;
  amount?: Money;
  status?: string;
  /** Friend requests: who asked, and who accepted. */
  from_user_id?: string;
  user_id?: string;
  freelancer_id?: string;
  freelancer_name?: string;
  /** What the moderators did to a job: `hidden`, `closed` or `restored`. */
  action?: string;
}

/** What the moderators did to a job, by the payload's `action`. */
const MODERATED: Record<string, string> = { hidden: "hid", closed: "closed", restored: "restored" };

/** What a notification says, and where it leads, by its kind and payload. */
export function describeNotification(notification: Notification): NotificationText {
  const p = (notification.payload ?? {}) as Payload;
  const job = p.job_title ? `“${p.job_title}”` : "a job";
  const jobPage = p.job_id ? `/jobs/${p.job_id}` : "/jobs";
  const contractPage = p.contract_id ? `/contracts/${p.contract_id}` : "/contracts";
  const disputePage = p.dispute_id ? `/disputes/${p.dispute_id}` : "/disputes";
  const titled = p.title ? `“${p.title}”` : "a milestone";
  const contractName = p.title ? ` “${p.title}”` : "";
  const amount = p.amount ? ` (${formatMoney(p.amount)})` : "";
  const because = p.reason ? `: “${p.reason}”` : ".";
  switch (notification.kind) {
    case "job_invitation":
      return { text: `You are invited to send a proposal for ${job}.`, href: "/my/invitations" };
    case "invitation_answered":
      return {
        text: p.accepted ? `Your invitation to ${job} was accepted with a proposal.` : `Your invitation to ${job} was declined.`,
        href: p.job_id ? `/jobs/${p.job_id}/proposals` : "/my/jobs",
      };
    case "proposal_received":
      return { text: `New proposal for ${job}.`, href: p.job_id ? `/jobs/${p.job_id}/proposals` : "/my/jobs" };
    case "proposal_shortlisted":
      return { text: `Your proposal for ${job} was shortlisted.`, href: "/my/proposals" };
    case "proposal_declined":
      return { text: `Your proposal for ${job} was declined${because}`, href: "/my/proposals" };
    case "proposal_closed":
      return { text: `${job[0].toUpperCase()}${job.slice(1)} closed without your proposal.`, href: jobPage };
    case "hired":
      return { text: `You were hired for ${job}. The contract has started.`, href: p.contract_id ? `/contracts/${p.contract_id}` : "/contracts" };
    case "milestone_funded":
      return { text: `The client funded ${titled}${amount}. You can start work on it.`, href: contractPage };
    case "milestone_submitted":
      return { text: `Work on ${titled} was submitted for your review.`, href: contractPage };
    case "changes_requested":
      return { text: `The client asked for changes to ${titled}.`, href: contractPage };
    case "milestone_released":
      return { text: `The payment for ${titled}${amount} was released to you.`, href: contractPage };
    case "milestone_refunded":
      return { text: `The escrow for ${titled}${amount} was refunded to you.`, href: contractPage };
    case "invoice_ready":
      return { text: "A new invoice is ready.", href: "/invoices" };
    case "cancellation_requested":
      return { text: `The client asked to cancel the contract${contractName}.`, href: contractPage };
    case "contract_ended":
      return { text: `The contract${contractName} was ${p.status === "cancelled" ? "cancelled" : "completed"}.`, href: contractPage };
    case "friend_request":
      return { text: "Someone asked to be your friend.", href: "/friends" };
    case "friend_request_accepted":
      return { text: "Your friend request was accepted.", href: p.user_id ? `/users/${p.user_id}` : "/friends" };
    case "freelancer_recommended":
      return {
        text: `A friend recommended ${p.freelancer_name ?? "a freelancer"} to you.`,
        href: p.freelancer_id ? `/users/${p.freelancer_id}` : "/friends",
      };
    case "job_shared":
      return { text: `A friend shared ${job} with you.`, href: jobPage };
    case "dispute_opened":
      return { text: `The other party opened a dispute on the contract${contractName}.`, href: disputePage };
    case "dispute_updated":
      return { text: `There is news on a dispute about the contract${contractName}.`, href: disputePage };
    case "dispute_resolved":
      return { text: `A dispute about the contract${contractName} was decided.`, href: disputePage };
    case "job_moderated":
      return { text: `The moderators ${MODERATED[p.action ?? ""] ?? "changed"} your job ${job}${because}`, href: jobPage };
    case "admin_refund":
      return { text: `An administrator refunded ${titled}${amount} to the client${because}`, href: contractPage };
    case "withdrawal_failed":
      return { text: `A withdrawal${amount} came back; the money is available again.`, href: "/balance" };
    default:
      return { text: `Update about ${job}.`, href: jobPage };
  }
}

/** Cached lists a new notification of this kind makes stale (besides the notifications). */
export function queriesChangedBy(kind: string): QueryKey[] {
  switch (kind) {
    case "friend_request":
    case "friend_request_accepted":
      return [["friends"]];
    case "freelancer_recommended":
      return [["recommendations"]];
    case "job_shared":
      return [["shares"]];
    case "dispute_opened":
    case "dispute_updated":
    case "dispute_resolved":
      // A dispute freezes or moves the money of a milestone or a week.
      return [["disputes"], ["contracts"], ["balance"]];
    default:
      return [];
  }
}
