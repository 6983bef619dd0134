import type { components } from "./generated/schema";

/** The API's shapes, as openapi.json describes them. */
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

export type PaymentType = Schemas["PaymentType"];
export type ExperienceLevel = Schemas["ExperienceLevel"];
export type Visibility = Schemas["Visibility"];
export type ProjectDuration = Schemas["ProjectDuration"];
export type JobStatus = Schemas["JobStatus"];
export type ProposalStatus = Schemas["ProposalStatus"];
export type InvitationStatus = Schemas["InvitationStatus"];
export type ContractStatus = Schemas["ContractStatus"];
export type MilestoneStatus = Schemas["MilestoneStatus"];
export type Category = Schemas["Category"];
export type FacetCount = Schemas["FacetCount"];
export type Job = Schemas["Job"];
export type JobInput = Schemas["JobInput"];
export type JobSummary = Schemas["JobSummary"];
export type OwnJobSummary = Schemas["OwnJobSummary"];
export type JobBoard = Schemas["JobBoard"];
export type DeclineRequest = Schemas["DeclineRequest"];
export type MilestoneDraft = Schemas["MilestoneDraft"];
export type ProposalInput = Schemas["ProposalInput"];
export type Proposal = Schemas["Proposal"];
export type ProposalWithJob = Schemas["ProposalWithJobView"];
export type Proposer = Schemas["Proposer"];
export type ReceivedProposal = Schemas["ReceivedProposalView"];
export type Invitation = Schemas["Invitation"];
export type InvitationWithJob = Schemas["InvitationWithJobView"];
export type Milestone = Schemas["Milestone"];
export type Contract = Schemas["Contract"];
export type ContractDetail = Schemas["ContractDetail"];
export type ContractEnding = Schemas["ContractEnding"];
export type MilestoneEvent = Schemas["MilestoneEventView"];
export type MilestoneEventKind = Schemas["MilestoneEventKind"];
export type PaymentAction = Schemas["PaymentAction"];
export type Checkout = Schemas["Checkout"];
/** What `Checkout.provider` names (the API document types it as a plain string). */
export type PaymentProvider = "sandbox" | "stripe" | "paypal";
export type WorkNote = Schemas["WorkNote"];
export type TimeEntry = Schemas["TimeEntry"];
export type TimeEntryInput = Schemas["TimeEntryInput"];
export type Timesheet = Schemas["Timesheet"];
export type HourlyWeek = Schemas["HourlyWeek"];
export type HourlyWeekStatus = Schemas["HourlyWeekStatus"];
export type Balance = Schemas["BalanceView"];
export type Transaction = Schemas["Transaction"];
export type Movement = Schemas["Movement"];
export type Withdrawal = Schemas["Withdrawal"];
export type WithdrawalStatus = Schemas["WithdrawalStatus"];
export type MonthFigures = Schemas["Month"];
export type Invoice = Schemas["Invoice"];
export type Notification = Schemas["Notification"];
export type NotificationPage = Schemas["NotificationPage"];
export type FreelancerCard = Schemas["FreelancerCard"];

/** A page of a list; `next_cursor` continues it. */
export interface Paged<T> {
  items: T[];
  next_cursor?: string | null;
}
export type ChatSummary = Schemas["ChatSummary"];
export type UserCard = Schemas["UserCard"];
export type ChatList = Schemas["ChatList"];
export type Message = Schemas["Message"];
export type MessagePage = Schemas["MessagePage"];
export type Conversation = Schemas["Conversation"];
export type ReadMark = Schemas["ReadMark"];
export type SendMessage = Schemas["SendMessage"];
export type FriendRequest = Schemas["FriendRequest"];
export type PendingRequest = Schemas["PendingRequest"];
export type PendingRequestPage = Schemas["PendingRequestPage"];
export type FriendSuggestion = Schemas["FriendSuggestion"];
export type FriendSuggestions = Schemas["FriendSuggestions"];
export type UserCardPage = Schemas["UserCardPage"];
export type Recommendation = Schemas["Recommendation"];
export type RecommendationPage = Schemas["RecommendationPage"];
export type RecommendationStats = Schemas["RecommendationStats"];
export type JobShare = Schemas["JobShare"];
export type JobShares = Schemas["JobShares"];
export type SharedJob = Schemas["SharedJob"];
export type SharedJobPage = Schemas["SharedJobPage"];
export type SuggestedFreelancer = Schemas["SuggestedFreelancer"];
export type SuggestedFreelancers = Schemas["SuggestedFreelancers"];
/** How a suggested freelancer is connected to the client (`SuggestedFreelancer.connection`). */
export type Connection = "friend" | "friend_of_friend";
export type FreelancerLevel = Schemas["FreelancerLevel"];
export type Review = Schemas["Review"];
export type ReviewInput = Schemas["ReviewInput"];
export type ReviewList = Schemas["ReviewList"];
export type ReviewSide = Schemas["ReviewSide"];
export type ContractReviews = Schemas["ContractReviewsView"];
export type ProfileViewSeries = Schemas["ProfileViewSeries"];
export type ReportRequest = Schemas["ReportRequest"];
export type Report = Schemas["Report"];
export type ReportPage = Schemas["ReportPage"];
export type AdminUser = Schemas["AdminUserView"];
export type AdminUserPage = Schemas["AdminUserPage"];
export type PlatformSettings = Schemas["PlatformSettings"];
export type SettingsUpdate = Schemas["SettingsUpdate"];
export type AuditLogEntry = Schemas["AuditLogEntry"];
export type AuditLogPage = Schemas["AuditLogPage"];
export type Announcement = Schemas["Announcement"];
export type AnnouncementPage = Schemas["AnnouncementPage"];
export type AnnounceRequest = Schemas["AnnounceRequest"];
export type LedgerEntry = Schemas["LedgerEntry"];
export type Posting = Schemas["Posting"];
export type Payout = Schemas["Payout"];
/** What an admin does to a job (`POST /api/admin/jobs/{id}/hide|close|restore`). */
export type JobModeration = "hide" | "close" | "restore";
/** What a report is about (`ReportRequest.subject_kind`). */
export type ReportSubject = "user" | "job" | "message";
/** Why something is reported (`ReportRequest.reason`). */
export type ReportReason = "spam" | "fraud" | "harassment" | "inappropriate" | "off_platform_payment" | "other";
/** Who an announcement goes to (`AnnounceRequest.audience`). */
export type Audience = "all" | "freelancer" | "client";
export type DashboardView = Schemas["DashboardView"];
export type FreelancerDashboard = Schemas["FreelancerDashboard"];
export type ClientDashboard = Schemas["ClientDashboard"];
export type OpenJobCount = Schemas["OpenJobCount"];
export type DayViewCount = Schemas["DayViewCount"];
export type PlatformMetrics = Schemas["PlatformMetrics"];
export type SignupDay = Schemas["SignupDay"];
export type Dispute = Schemas["Dispute"];
export type DisputeWithTimeline = Schemas["DisputeWithTimeline"];
export type DisputeEntry = Schemas["DisputeEntry"];
export type DisputeEventKind = Schemas["DisputeEventKind"];
export type DisputeReason = Schemas["DisputeReason"];
export type DisputeStatus = Schemas["DisputeStatus"];
export type DisputeOutcome = Schemas["DisputeOutcome"];
export type DisputeResolution = Schemas["DisputeResolution"];
export type NewDispute = Schemas["NewDispute"];
export type Resolution = Schemas["Resolution"];
/** Which disputes the admins' queue shows (`GET /api/admin/disputes?status=`). */
export type DisputeQueueFilter = DisputeStatus | "all";
