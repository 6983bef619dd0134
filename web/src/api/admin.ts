import { api, unwrap } from "./client";
import type {
  AdminUser,
  AdminUserPage,
  Announcement,
  AnnouncementPage,
  AnnounceRequest,
  AuditLogPage,
  PlatformSettings,
  Role,
  Report,
  ReportPage,
  SettingsUpdate,
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
