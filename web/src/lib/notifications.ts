import type { Notification } from "../api/types";

export interface NotificationText {
  text: string;
  /** Where to go to act on it. */
  href: string;
}

interface Payload {
  job_id?: string;
  job_title?: string;
  contract_id?: string;
  reason?: string | null;
  accepted?: boolean;
}

/** What a notification says, and where it leads, by its kind and payload. */
export function describeNotification(notification: Notification): NotificationText {
  const p = (notification.payload ?? {}) as Payload;
  const job = p.job_title ? `“${p.job_title}”` : "a job";
  const jobPage = p.job_id ? `/jobs/${p.job_id}` : "/jobs";
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
      return { text: `Your proposal for ${job} was declined${p.reason ? `: “${p.reason}”` : "."}`, href: "/my/proposals" };
    case "proposal_closed":
      return { text: `${job[0].toUpperCase()}${job.slice(1)} closed without your proposal.`, href: jobPage };
    case "hired":
      return { text: `You were hired for ${job}. The contract has started.`, href: p.contract_id ? `/contracts/${p.contract_id}` : "/contracts" };
    default:
      return { text: `Update about ${job}.`, href: jobPage };
  }
}
