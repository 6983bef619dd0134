import { api, unwrap } from "./client";
import type { Report, ReportReason, ReportSubject } from "./types";

/** Tells the platform's moderators about a user, a job or a message. */
export function reportContent(subjectKind: ReportSubject, subjectId: string, reason: ReportReason, details: string): Promise<Report> {
  return unwrap(api.POST("/api/reports", { body: { subject_kind: subjectKind, subject_id: subjectId, reason, details } }));
}
