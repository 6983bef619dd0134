import { api, unwrap } from "./client";
import type { ContractReviews, ProfileViewSeries, Review, ReviewInput, ReviewList, ReviewSide } from "./types";

/** One party of a completed contract reviews the other, once. */
export function submitReview(input: ReviewInput): Promise<Review> {
  return unwrap(api.POST("/api/reviews", { body: input }));
}

/** The visible reviews a user (as a freelancer or as a client) or a job received, with their average and count. */
export function listReviews(id: string, side: ReviewSide, cursor?: string): Promise<ReviewList> {
  return unwrap(api.GET("/api/reviews/{id}", { params: { path: { id }, query: { as: side, cursor } } }));
}

/** The contract's two reviews as the caller may see them, and whether the caller may write theirs. */
export function getContractReviews(contractId: string): Promise<ContractReviews> {
  return unwrap(api.GET("/api/contracts/{id}/reviews", { params: { path: { id: contractId } } }));
}

/** The reviewee answers a review, once. */
export function replyToReview(reviewId: string, body: string): Promise<Review> {
  return unwrap(api.POST("/api/reviews/{id}/reply", { params: { path: { id: reviewId } }, body: { body } }));
}

/** How many distinct people looked at the caller's profile each day (UTC) of the range; the last 30 days by default. */
export function getProfileViews(range: { from?: string; to?: string } = {}): Promise<ProfileViewSeries> {
  return unwrap(api.GET("/api/users/profile/views", { params: { query: range } }));
}
