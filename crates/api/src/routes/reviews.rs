//! `/api/reviews`: what the parties of finished contracts say of each other.
//! Reviews are double-blind: hidden until both parties have written theirs
//! or 14 days have passed since the contract ended.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::pagination::PageRequest;
use domain::review::{ReplyInput, ReviewInput, ReviewSide};
use domain::{ContractId, JobId, ReviewId, UserId};
use serde::{Deserialize, Serialize};
use services::records::ReviewRecord;
use services::reviews::ContractReviews;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::parse_label;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_review))
        .routes(routes!(list_reviews))
        .routes(routes!(reply_to_review))
        .routes(routes!(contract_reviews))
}

/// Who wrote a review.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reviewer {
    pub id: UserId,
    pub name: String,
    /// `/api/files/{id}` of their avatar, when they have one.
    pub avatar_url: Option<String>,
}

/// The reviewed party's public answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewReply {
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Review {
    pub id: ReviewId,
    pub contract_id: ContractId,
    pub job_id: JobId,
    /// The contract's title.
    pub title: String,
    pub reviewer: Reviewer,
    pub reviewee_id: UserId,
    /// The side of the contract the reviewed party was on.
    pub reviewee_side: ReviewSide,
    /// Whole stars, 1 to 5.
    pub rating: u8,
    pub comment: String,
    pub reply: Option<ReviewReply>,
    pub created_at: DateTime<Utc>,
    /// When the review became visible; null while it is hidden, when only its author sees it.
    pub released_at: Option<DateTime<Utc>>,
    /// The reviewer's words for the platform; present for admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_feedback: Option<String>,
}

impl From<ReviewRecord> for Review {
    fn from(r: ReviewRecord) -> Self {
        Self {
            id: r.id,
            contract_id: r.contract_id,
            job_id: r.job_id,
            title: r.contract_title,
            reviewer: Reviewer {
                id: r.reviewer_id,
                name: r.reviewer_name,
                avatar_url: r.reviewer_avatar_file_id.map(|id| format!("/api/files/{id}")),
            },
            reviewee_id: r.reviewee_id,
            reviewee_side: r.reviewee_side,
            rating: r.rating,
            comment: r.comment,
            reply: r.reply.zip(r.replied_at).map(|(body, created_at)| ReviewReply { body, created_at }),
            created_at: r.created_at,
            released_at: r.released_at,
            private_feedback: r.private_feedback,
        }
    }
}

/// A page of released reviews with the average over all of them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewList {
    pub items: Vec<Review>,
    /// Absent on the last page.
    pub next_cursor: Option<String>,
    /// Average stars of every released review listed (all pages); null without any.
    pub average: Option<f64>,
    /// How many released reviews there are (all pages).
    pub count: u32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewQuery {
    /// For a user: the side they were reviewed on, `freelancer` (default) or
    /// `client`. For a job: only reviews of that side (both by default).
    #[serde(rename = "as")]
    pub side: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A contract's reviews as the caller may see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContractReviewsView {
    /// The client's review of the freelancer: the caller's own always, the
    /// other party's once released.
    pub from_client: Option<Review>,
    /// The freelancer's review of the client, likewise.
    pub from_freelancer: Option<Review>,
    /// When reviews close; null while the contract cannot be reviewed.
    pub window_closes_at: Option<DateTime<Utc>>,
    /// Whether the caller may write their review now.
    pub can_review: bool,
}

impl From<ContractReviews> for ContractReviewsView {
    fn from(c: ContractReviews) -> Self {
        Self {
            from_client: c.from_client.map(Into::into),
            from_freelancer: c.from_freelancer.map(Into::into),
            window_closes_at: c.window_closes_at,
            can_review: c.can_review,
        }
    }
}

/// Review the other party of a completed contract (or of a cancelled one
/// under which money was paid), once, within 14 days of its end. The review
/// stays hidden until the other party has reviewed too or the 14 days pass.
#[utoipa::path(post, path = "/api/reviews", tag = "reviews", security(("bearer" = [])), request_body = ReviewInput,
    responses(
        (status = 201, body = Review),
        (status = 404, description = "no such contract, or the caller is not a party", body = ErrorBody),
        (status = 409, description = "`contract_not_ended`, `contract_not_paid`, `already_reviewed`, `review_window_closed`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
async fn create_review(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<ReviewInput>,
) -> Result<(StatusCode, Json<Review>), AppError> {
    let review = state.services.reviews.create(auth.user.id, &body).await?;
    Ok((StatusCode::CREATED, Json(review.into())))
}

/// Released reviews of a user (`id` is a user: reviews they received) or of
/// a job (`id` is a job: reviews on its contracts), newest first, with their
/// average and count.
#[utoipa::path(get, path = "/api/reviews/{id}", tag = "reviews",
    params(("id" = String, Path, format = Uuid, description = "a user id or a job id"), ReviewQuery),
    responses((status = 200, body = ReviewList), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_reviews(
    State(state): State<AppState>,
    viewer: Option<AuthUser>,
    ApiPath(id): ApiPath<uuid::Uuid>,
    ApiQuery(query): ApiQuery<ReviewQuery>,
) -> Result<Json<ReviewList>, AppError> {
    let side = query.side.as_deref().map(|s| parse_label::<ReviewSide>("as", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.reviews.list(viewer.map(|v| v.user.id), id, side, &page).await?;
    Ok(Json(ReviewList {
        items: found.page.items.into_iter().map(Into::into).collect(),
        next_cursor: found.page.next_cursor,
        average: found.tally.average(),
        count: found.tally.count,
    }))
}

/// The reviewed party answers a released review in public, once.
#[utoipa::path(post, path = "/api/reviews/{id}/reply", tag = "reviews", security(("bearer" = [])),
    params(("id" = ReviewId, Path, description = "review id")), request_body = ReplyInput,
    responses(
        (status = 201, body = Review),
        (status = 403, description = "only the reviewed party replies", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`already_replied`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
async fn reply_to_review(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ReviewId>,
    ApiJson(body): ApiJson<ReplyInput>,
) -> Result<(StatusCode, Json<Review>), AppError> {
    let review = state.services.reviews.reply(auth.user.id, id, &body).await?;
    Ok((StatusCode::CREATED, Json(review.into())))
}

/// A contract's reviews for its parties (each sees their own, and the
/// other's once released) and admins (both, with private feedback).
#[utoipa::path(get, path = "/api/contracts/{id}/reviews", tag = "reviews", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id")),
    responses((status = 200, body = ContractReviewsView), (status = 404, body = ErrorBody)))]
async fn contract_reviews(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
) -> Result<Json<ContractReviewsView>, AppError> {
    Ok(Json(state.services.reviews.for_contract(&auth.user, id).await?.into()))
}
