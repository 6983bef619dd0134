import type { components } from "./generated/schema";

type Schemas = components["schemas"];

export type AuthResponse = Schemas["AuthResponse"];
export type UserSummary = Schemas["UserSummary"];
export type Role = Schemas["Role"];
export type Money = Schemas["Money"];
export type Currency = Schemas["Currency"];
export type Availability = Schemas["Availability"];
export type CompanySize = Schemas["CompanySize"];
export type Experience = Schemas["Experience"];
export type Education = Schemas["Education"];
export type PortfolioItem = Schemas["PortfolioItem"];
export type SkillTag = Schemas["SkillTag"];
export type Skill = Schemas["Skill"];
export type PagedSkills = Schemas["Paged_Skill"];
export type PublicProfile = Schemas["PublicProfile"];
export type OwnProfile = Schemas["OwnProfile"];
export type ProfileUpdate = Schemas["ProfileUpdate"];
export type FreelancerProfileInput = Schemas["FreelancerProfileInput"];
export type ClientProfileInput = Schemas["ClientProfileInput"];
export type UploadedFile = Schemas["UploadedFile"];
export type ErrorBody = Schemas["ErrorBody"];

// openapi.json names the marketplace's enums by their Rust variants
// ("Fixed", "UnderOneMonth") while the wire carries their labels ("fixed",
// "under_1_month"), so the app declares the labels itself and lays them over
// the generated shapes.
export type PaymentType = "fixed" | "hourly";
export type ExperienceLevel = "entry" | "intermediate" | "expert";
export type Visibility = "public" | "invite_only";
export type ProjectDuration = "under_1_month" | "1_to_3_months" | "3_to_6_months" | "over_6_months";
export type JobStatus = "draft" | "open" | "closed" | "filled" | "expired";
export type ProposalStatus = "submitted" | "shortlisted" | "declined" | "withdrawn" | "hired" | "closed";
export type InvitationStatus = "pending" | "accepted" | "declined";
export type ContractStatus = "active" | "paused" | "completed" | "cancelled";
export type MilestoneStatus = "proposed" | "funded" | "submitted" | "changes_requested" | "released" | "refunded" | "disputed";

/** `T` with the fields of `L` replaced. */
type With<T, L> = Omit<T, keyof L> & L;

export type Category = Schemas["Category"];
export type FacetCount = Schemas["FacetCount"];
export type Job = With<
  Schemas["Job"],
  { payment_type: PaymentType; experience_level: ExperienceLevel; visibility: Visibility; status: JobStatus; duration?: ProjectDuration | null }
>;
export type JobInput = With<
  Schemas["JobInput"],
  { payment_type: PaymentType; experience_level?: ExperienceLevel; visibility?: Visibility; duration?: ProjectDuration | null }
>;
export type JobSummary = With<Schemas["JobSummary"], { payment_type: PaymentType; experience_level: ExperienceLevel; status: JobStatus }>;
export type OwnJobSummary = JobSummary &
  Pick<Schemas["OwnJobSummary"], "hires_wanted" | "hires_count" | "proposals" | "active_proposals" | "expires_at">;
export interface JobBoard {
  items: JobSummary[];
  next_cursor?: string | null;
  facets: Schemas["JobFacets"];
}
export type DeclineRequest = Schemas["DeclineRequest"];
export type MilestoneDraft = Schemas["MilestoneDraft"];
export type ProposalInput = Schemas["ProposalInput"];
export type Proposal = With<Schemas["Proposal"], { status: ProposalStatus }>;
export type ProposalWithJob = Proposal & { job: JobSummary };
export type Invitation = With<Schemas["Invitation"], { status: InvitationStatus }>;
export type InvitationWithJob = Invitation & { job: JobSummary };
export type Milestone = With<Schemas["Milestone"], { status: MilestoneStatus }>;
export type Contract = With<Schemas["Contract"], { payment_type: PaymentType; status: ContractStatus; milestones: Milestone[] }>;
export type Notification = Schemas["Notification"];
export type NotificationPage = Schemas["NotificationPage"];

/** A page of a list; `next_cursor` continues it. */
export interface Paged<T> {
  items: T[];
  next_cursor?: string | null;
}
