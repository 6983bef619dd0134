import { api, unwrap } from "./client";
import type { JobShares, Recommendation, RecommendationPage, RecommendationStats, SharedJobPage } from "./types";

/** Recommendations the caller received (from friends) or sent (to friends). */
export type RecommendationDirection = "received" | "sent";

/** Recommends a freelancer to a friend (403 `not_friends` otherwise). */
export function recommendFreelancer(toUserId: string, freelancerId: string, note: string): Promise<Recommendation> {
  return unwrap(api.POST("/api/recommendations", { body: { to_user_id: toUserId, freelancer_id: freelancerId, note: note.trim() } }));
}

export function listRecommendations(direction: RecommendationDirection, query: { cursor?: string; limit?: number } = {}): Promise<RecommendationPage> {
  return unwrap(api.GET("/api/recommendations", { params: { query: { direction, ...query } } }));
}

/** How often friends recommended the caller as a freelancer. */
export function getRecommendationStats(): Promise<RecommendationStats> {
  return unwrap(api.GET("/api/recommendations/stats"));
}

/** Shares a job with friends; the answer holds only the new shares (a friend it was shared with before is not repeated). */
export function shareJob(jobId: string, userIds: string[], note: string): Promise<JobShares> {
  return unwrap(api.POST("/api/jobs/{id}/share", { params: { path: { id: jobId } }, body: { user_ids: userIds, note: note.trim() } }));
}

/** Jobs friends shared with the caller, newest first. */
export function listSharedWithMe(query: { cursor?: string; limit?: number } = {}): Promise<SharedJobPage> {
  return unwrap(api.GET("/api/jobs/shared-with-me", { params: { query } }));
}
