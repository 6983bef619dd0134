import type {
  Audience,
  Availability,
  CompanySize,
  ContractStatus,
  DisputeEventKind,
  DisputeOutcome,
  DisputeReason,
  DisputeStatus,
  ExperienceLevel,
  FreelancerLevel,
  InvitationStatus,
  JobStatus,
  MilestoneEventKind,
  MilestoneStatus,
  Movement,
  PaymentType,
  ProjectDuration,
  ProposalStatus,
  ReportReason,
  Role,
  SignupMode,
  Visibility,
  WithdrawalStatus,
} from "../api/types";

export const AVAILABILITY: Record<Availability, string> = {
  full_time: "Full time",
  part_time: "Part time",
  not_available: "Not available",
};

export const COMPANY_SIZES: Record<CompanySize, string> = {
  "1": "Just me",
  "2-10": "2–10 people",
  "11-50": "11–50 people",
  "51-200": "51–200 people",
  "201-1000": "201–1,000 people",
  "1000+": "More than 1,000 people",
};

export const ROLES: Record<Role, string> = {
  freelancer: "Freelancer",
  client: "Client",
  admin: "Admin",
};

const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 2021" for "2021-03-15" (a calendar date, read as UTC). */
export function formatMonth(date: string): string {
  const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(parsed.getTime()) ? date : MONTH.format(parsed);
}

/** "Mar 2021 – Present". */
export function formatPeriod(start: string, end?: string | null): string {
  return `${formatMonth(start)} – ${end ? formatMonth(end) : "Present"}`;
}

export const PAYMENT_TYPES: Record<PaymentType, string> = {
  fixed: "Fixed price",
  hourly: "Hourly",
};

export const EXPERIENCE_LEVELS: Record<ExperienceLevel, string> = {
  entry: "Entry level",
  intermediate: "Intermediate",
  expert: "Expert",
};

export const DURATIONS: Record<ProjectDuration, string> = {
  under_1_month: "Less than a month",
  "1_to_3_months": "1 to 3 months",
  "3_to_6_months": "3 to 6 months",
  over_6_months: "More than 6 months",
};

export const VISIBILITIES: Record<Visibility, string> = {
  public: "Anyone can find it",
  invite_only: "Only freelancers I invite",
};

export const JOB_STATUSES: Record<JobStatus, string> = {
  draft: "Draft",
  open: "Open",
  closed: "Closed",
  filled: "Filled",
  expired: "Expired",
};

export const PROPOSAL_STATUSES: Record<ProposalStatus, string> = {
  submitted: "Submitted",
  shortlisted: "Shortlisted",
  declined: "Declined",
  withdrawn: "Withdrawn",
  hired: "Hired",
  closed: "Closed",
};

export const INVITATION_STATUSES: Record<InvitationStatus, string> = {
  pending: "Waiting for your answer",
  accepted: "Accepted",
  declined: "Declined",
};

export const CONTRACT_STATUSES: Record<ContractStatus, string> = {
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const MILESTONE_STATUSES: Record<MilestoneStatus, string> = {
  proposed: "Not funded yet",
  funded: "Funded",
  submitted: "Work submitted",
  changes_requested: "Changes requested",
  released: "Paid",
  refunded: "Refunded",
  disputed: "Disputed",
  split: "Split by a dispute decision",
};

/** What happened to a milestone, after who did it ("Finn submitted work"). */
export const MILESTONE_EVENTS: Record<MilestoneEventKind, string> = {
  submitted: "submitted work",
  changes_requested: "asked for changes",
  released: "approved the work and released the payment",
  auto_released: "released automatically after the review period",
  refunded: "refunded the payment",
  disputed: "opened a dispute",
  dispute_withdrawn: "withdrew the dispute",
  dispute_resolved: "decided the dispute",
};

export const MOVEMENTS: Record<Movement, string> = {
  fund: "Milestone funded",
  release: "Milestone payment",
  refund: "Refund",
  withdraw: "Withdrawal",
  clear_pending: "Review period over",
  payout_returned: "Withdrawal returned",
};

/** The ledger's names for the caller's accounts. */
export const ACCOUNTS: Record<string, string> = {
  available: "available balance",
  pending: "pending balance",
  payment: "your payment method",
};

/** The ledger's accounts, as admins read them (`Posting.account_kind`). */
export const LEDGER_ACCOUNTS: Record<string, string> = {
  available: "Available balance",
  pending: "Pending balance",
  escrow: "Escrow",
  platform_revenue: "Platform revenue",
  provider_clearing: "Payment provider",
};

export const WITHDRAWAL_STATUSES: Record<WithdrawalStatus, string> = {
  paid: "Paid out",
  failed: "Returned",
};

const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "Jan 10, 2027" for "2027-01-10" (a calendar date) or a timestamp. */
export function formatDate(date: string): string {
  const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(parsed.getTime()) ? date : DAY.format(parsed);
}

const MONTH_DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 23 – 29, 2026", "Nov 30 – Dec 6, 2026" or "Dec 28, 2026 – Jan 3, 2027" for two calendar dates. */
export function formatDateRange(start: string, end: string): string {
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${formatDate(start)} – ${formatDate(end)}`;
  const from = MONTH_DAY.format(new Date(`${start}T00:00:00Z`));
  const to = start.slice(0, 7) === end.slice(0, 7) ? String(Number(end.slice(8, 10))) : MONTH_DAY.format(new Date(`${end}T00:00:00Z`));
  return `${from} – ${to}, ${end.slice(0, 4)}`;
}

/** "Dec 3" for "2026-12-03": a day on a chart's axis. */
export function formatShortDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : MONTH_DAY.format(parsed);
}

/** "just now", "5 minutes ago", "3 days ago", or the date once it is a month old. */
export function formatAgo(timestamp: string, now: Date = new Date()): string {
  const then = new Date(timestamp);
  if (Number.isNaN(then.getTime())) return timestamp;
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${days} day${days === 1 ? "" : "s"} ago`;
  return formatDate(timestamp);
}

/** "2 d 4 h", "3 h 5 min", "12 min" or "under 1 min": a span of time, to its two largest units. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
  if (hours > 0) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return minutes > 0 ? `${minutes} min` : "under 1 min";
}

export const FREELANCER_LEVELS: Record<FreelancerLevel, string> = {
  new: "New talent",
  rising: "Rising talent",
  level_1: "Level 1",
  level_2: "Level 2",
  top_rated: "Top rated",
};

export const REPORT_REASONS: Record<ReportReason, string> = {
  spam: "Spam",
  fraud: "Fraud or scam",
  harassment: "Harassment",
  inappropriate: "Inappropriate content",
  off_platform_payment: "Asks to pay outside Downwork",
  other: "Something else",
};

export const AUDIENCES: Record<Audience, string> = {
  all: "Everyone",
  freelancer: "Freelancers",
  client: "Clients",
};

export const SIGNUP_MODES: Record<SignupMode, string> = {
  open: "Open to anyone",
  invite_only: "Invite-only",
};

export const STANDINGS: Record<string, string> = {
  active: "Active",
  suspended: "Suspended",
  banned: "Banned",
};

export const REPORT_STATUSES: Record<string, string> = {
  open: "Open",
  resolved: "Resolved",
  dismissed: "Dismissed",
};

const DAY_TIME = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

/** "Jan 10, 2027, 3:05 PM UTC" for a timestamp. */
export function formatDateTime(instant: string): string {
  const parsed = new Date(instant);
  return Number.isNaN(parsed.getTime()) ? instant : DAY_TIME.format(parsed);
}

export const DISPUTE_REASONS: Record<DisputeReason, string> = {
  not_delivered: "The work was not delivered",
  quality: "The work is not good enough",
  scope: "The work is not what was agreed",
  payment: "A problem with the payment",
  other: "Something else",
};

export const DISPUTE_STATUSES: Record<DisputeStatus, string> = {
  open: "Open",
  withdrawn: "Withdrawn",
  resolved: "Decided",
};

/** What an admin's decision did with the money. */
export const DISPUTE_OUTCOMES: Record<DisputeOutcome, string> = {
  refund: "Refund the client",
  release: "Pay the freelancer",
  split: "Split between them",
  rework: "Send the milestone back for rework",
};

/** What happened on a dispute, after who did it ("Finn responded"). */
export const DISPUTE_EVENTS: Record<DisputeEventKind, string> = {
  opened: "opened the dispute",
  response: "responded",
  message: "wrote",
  withdrawn: "withdrew the dispute",
  resolved: "decided the dispute",
};
