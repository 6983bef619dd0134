import type { components, paths } from "./generated/schema";

/**
 * openapi.json names some enums' values by their Rust variants ("FullTime",
 * "UnderOneMonth") while the JSON on the wire carries their labels
 * ("full_time", "under_1_month"). This maps each such name to its label.
 * Once openapi.json spells the labels, no name matches and nothing changes.
 */
interface Labels {
  // Availability
  FullTime: "full_time";
  PartTime: "part_time";
  NotAvailable: "not_available";
  // PaymentType
  Fixed: "fixed";
  Hourly: "hourly";
  // ExperienceLevel
  Entry: "entry";
  Intermediate: "intermediate";
  Expert: "expert";
  // Visibility
  Public: "public";
  InviteOnly: "invite_only";
  // ProjectDuration
  UnderOneMonth: "under_1_month";
  OneToThreeMonths: "1_to_3_months";
  ThreeToSixMonths: "3_to_6_months";
  OverSixMonths: "over_6_months";
  // JobStatus, ProposalStatus, InvitationStatus, ContractStatus, MilestoneStatus
  Draft: "draft";
  Open: "open";
  Closed: "closed";
  Filled: "filled";
  Expired: "expired";
  Submitted: "submitted";
  Shortlisted: "shortlisted";
  Declined: "declined";
  Withdrawn: "withdrawn";
  Hired: "hired";
  Pending: "pending";
  Accepted: "accepted";
  Active: "active";
  Paused: "paused";
  Completed: "completed";
  Cancelled: "cancelled";
  Proposed: "proposed";
  Funded: "funded";
  ChangesRequested: "changes_requested";
  Released: "released";
  Refunded: "refunded";
  Disputed: "disputed";
}

/** `T` with every enum value spelled as on the wire. */
export type Wire<T> = T extends keyof Labels
  ? Labels[T]
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type WirePaths = Wire<paths>;
export type WireSchemas = Wire<components["schemas"]>;
