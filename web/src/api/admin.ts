import { api, unwrap } from "./client";
import type {
  AdminInviteRequest,
  AdminUser,
  AdminUserPage,
  Announcement,
  AnnouncementPage,
  AnnounceRequest,
  AuditLogPage,
  Invite,
  InvitePage,
  Job,
  JobModeration,
  JobStatus,
  LedgerEntry,
  Milestone,
  Movement,
  Paged,
  Payout,
  PlatformSettings,
  Role,
  Report,
  ReportPage,
  SettingsUpdate,
  WithdrawalStatus,
} from "./types";

// Every route answers 404 to anyone who is not an admin.

export interface AdminUserQuery {
  q?: string;
  role?: Role;
  locked_out?: boolean;
  cursor?: string;
}

export function searchUsers(query: AdminUserQuery): Promise<AdminUserPage> {
  return unwrap(api.GET("/api/admin/users", { params: { query } }));
}

export function getAdminUser(id: string): Promise<AdminUser> {
  return unwrap(api.GET("/api/admin/users/{id}", { params: { path: { id } } }));
}

/** Locks the user out until `until` (an instant); their sessions end at once. */
export function suspendUser(id: string, until: string, reason: string): Promise<AdminUser> {
  return unwrap(api.POST("/api/admin/users/{id}/suspend", { params: { path: { id } }, body: { until, reason } }));
}

export function banUser(id: string, reason: string): Promise<AdminUser> {
  return unwrap(api.POST("/api/admin/users/{id}/ban", { params: { path: { id } }, body: { reason } }));
}

/** Ends a suspension or a ban. */
export function liftUser(id: string, reason: string): Promise<AdminUser> {
  return unwrap(api.POST("/api/admin/users/{id}/lift", { params: { path: { id } }, body: { reason } }));
}

export function getSettings(): Promise<PlatformSettings> {
  return unwrap(api.GET("/api/admin/settings"));
}

export function updateSettings(update: SettingsUpdate): Promise<PlatformSettings> {
  return unwrap(api.PUT("/api/admin/settings", { body: update }));
}

export interface AuditQuery {
  actor_id?: string;
  action?: string;
  subject_id?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export function listAuditLog(query: AuditQuery): Promise<AuditLogPage> {
  return unwrap(api.GET("/api/admin/audit-log", { params: { query } }));
}

export function listReports(status: string, cursor?: string): Promise<ReportPage> {
  return unwrap(api.GET("/api/admin/reports", { params: { query: { status, cursor } } }));
}

export function resolveReport(id: string, outcome: "resolved" | "dismissed", note: string): Promise<Report> {
  return unwrap(api.POST("/api/admin/reports/{id}/resolve", { params: { path: { id } }, body: { outcome, note } }));
}

export function announce(request: AnnounceRequest): Promise<Announcement> {
  return unwrap(api.POST("/api/admin/announcements", { body: request }));
}

export function listAnnouncements(cursor?: string): Promise<AnnouncementPage> {
  return unwrap(api.GET("/api/admin/announcements", { params: { query: { cursor } } }));
}

/** An invitation code, good once for 14 days; with an e-mail it is mailed there and only that address may use it. */
export function createInvite(request: AdminInviteRequest): Promise<Invite> {
  return unwrap(api.POST("/api/admin/invites", { body: request }));
}

/** Every invitation code, admins' and users', newest first. */
export function listInvites(cursor?: string): Promise<InvitePage> {
  return unwrap(api.GET("/api/admin/invites", { params: { query: { cursor } } }));
}

export interface AdminJobQuery {
  /** Part of the title, or of the owner's name or e-mail. */
  q?: string;
  status?: JobStatus;
  hidden?: boolean;
  cursor?: string;
}

/** Every job, drafts and hidden ones included, newest first. */
export function searchJobs(query: AdminJobQuery): Promise<Paged<Job>> {
  return unwrap(api.GET("/api/admin/jobs", { params: { query } }));
}

/** Hides, closes or restores a job; the owner is told why. */
export function moderateJob(id: string, action: JobModeration, reason: string): Promise<Job> {
  const params = { path: { id } };
  if (action === "hide") return unwrap(api.POST("/api/admin/jobs/{id}/hide", { params, body: { reason } }));
  if (action === "close") return unwrap(api.POST("/api/admin/jobs/{id}/close", { params, body: { reason } }));
  return unwrap(api.POST("/api/admin/jobs/{id}/restore", { params, body: { reason } }));
}

export interface LedgerQuery {
  user?: string;
  contract?: string;
  kind?: Movement;
  /** Booked at or after this instant. */
  from?: string;
  /** Booked before this instant. */
  to?: string;
  cursor?: string;
}

/** The ledger's transactions with their postings, newest first. */
export function listLedger(query: LedgerQuery): Promise<Paged<LedgerEntry>> {
  return unwrap(api.GET("/api/admin/payments/transactions", { params: { query } }));
}

/** Every user's withdrawals, newest first. */
export function listPayouts(status: WithdrawalStatus | undefined, cursor?: string): Promise<Paged<Payout>> {
  return unwrap(api.GET("/api/admin/payments/payouts", { params: { query: { status, cursor } } }));
}

/** Gives a milestone's escrow back to the client; it moves money, so the key makes a retry safe. */
export function refundMilestone(milestoneId: string, reason: string, idempotencyKey: string): Promise<Milestone> {
  return unwrap(
    api.POST("/api/admin/payments/refunds", {
      params: { header: { "Idempotency-Key": idempotencyKey } },
      body: { milestone_id: milestoneId, reason },
    }),
  );
}
