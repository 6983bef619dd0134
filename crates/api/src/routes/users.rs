//! `/api/users`: sign-up, login and profiles.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::job::ExperienceLevel;
use domain::level::FreelancerLevel;
use domain::profile::{Availability, CompanySize, Education, Experience, PortfolioItem, ProfileUpdate, SkillTag};
use domain::user::Role;
use domain::{FileId, Money, UserId};
use serde::{Deserialize, Serialize};
use services::accounts::Session;
use services::records::{ClientRecord, FreelancerRecord, ProfileRecord};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ClientIp};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(signup))
        .routes(routes!(login))
        .routes(routes!(own_profile, update_profile))
        .routes(routes!(public_profile))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignupRequest {
    pub email: String,
    pub password: String,
    pub name: String,
    /// `freelancer` or `client`; the other profile can be added later.
    pub role: String,
    /// Needed while sign-up is invite-only (the `signup_mode` setting).
    pub invite_code: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserSummary {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthResponse {
    pub user: UserSummary,
    /// JWT for `Authorization: Bearer`, valid 15 minutes.
    pub access_token: String,
    /// Opaque; trade it at `POST /api/auth/refresh`. Each one works once.
    pub refresh_token: String,
}

impl From<Session> for AuthResponse {
    fn from(s: Session) -> Self {
        Self {
            user: UserSummary { id: s.user.id, email: s.user.email, name: s.user.name, role: s.user.primary_role },
            access_token: s.access_token,
            refresh_token: s.refresh_token,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerProfile {
    pub headline: String,
    pub bio: String,
    pub hourly_rate: Option<Money>,
    pub availability: Availability,
    pub skills: Vec<SkillTag>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub portfolio: Vec<PortfolioItem>,
    pub experience_level: ExperienceLevel,
    /// Contracts completed on Downwork.
    pub completed_jobs: u32,
    /// Average stars, when reviewed.
    pub rating: Option<f64>,
    pub rating_count: u32,
    /// The badge earned from the track record, recomputed daily.
    pub level: FreelancerLevel,
}

impl From<FreelancerRecord> for FreelancerProfile {
    fn from(f: FreelancerRecord) -> Self {
        Self {
            headline: f.headline,
            bio: f.bio,
            hourly_rate: f.hourly_rate,
            availability: f.availability,
            skills: f.skills,
            experience: f.experience,
            education: f.education,
            portfolio: f.portfolio,
            experience_level: f.experience_level,
            completed_jobs: f.completed_jobs,
            rating: f.rating.map(services::records::Rating::stars),
            rating_count: f.rating.map_or(0, |r| r.count),
            level: f.level,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClientProfile {
    pub company_name: String,
    pub website: Option<String>,
    pub company_size: CompanySize,
    pub industry: String,
    pub description: String,
    /// Average stars freelancers gave the client, when reviewed.
    pub rating: Option<f64>,
    pub rating_count: u32,
}

impl From<ClientRecord> for ClientProfile {
    fn from(c: ClientRecord) -> Self {
        Self {
            company_name: c.company_name,
            website: c.website,
            company_size: c.company_size,
            industry: c.industry,
            description: c.description,
            rating: c.rating.map(services::records::Rating::stars),
            rating_count: c.rating.map_or(0, |r| r.count),
        }
    }
}

/// Anyone's view of a user: no e-mail address.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicProfile {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    pub roles: Vec<Role>,
    pub avatar_file_id: Option<FileId>,
    /// `/api/files/{avatar_file_id}`, for convenience.
    pub avatar_url: Option<String>,
    pub location: Option<String>,
    pub timezone: Option<String>,
    pub member_since: DateTime<Utc>,
    pub freelancer: Option<FreelancerProfile>,
    pub client: Option<ClientProfile>,
}

/// The caller's own profile: the public view plus private account details.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnProfile {
    #[serde(flatten)]
    pub public: PublicProfile,
    pub email: String,
    pub email_verified: bool,
}

impl From<ProfileRecord> for PublicProfile {
    fn from(p: ProfileRecord) -> Self {
        let user = p.user;
        Self {
            roles: user.roles(),
            id: user.id,
            name: user.name,
            role: user.primary_role,
            avatar_url: user.avatar_file_id.map(|id| format!("/api/files/{id}")),
            avatar_file_id: user.avatar_file_id,
            location: user.location,
            timezone: user.timezone,
            member_since: user.created_at,
            freelancer: p.freelancer.map(Into::into),
            client: p.client.map(Into::into),
        }
    }
}

impl From<ProfileRecord> for OwnProfile {
    fn from(p: ProfileRecord) -> Self {
        let email = p.user.email.clone();
        let email_verified = p.user.email_verified_at.is_some();
        Self { public: p.into(), email, email_verified }
    }
}

/// Register as a freelancer or a client. While sign-up is invite-only, an
/// unused `invite_code` is needed (422 on `invite_code` when it is missing,
/// unknown, used, expired or meant for another address).
#[utoipa::path(post, path = "/api/users/signup", tag = "accounts", request_body = SignupRequest,
    responses(
        (status = 201, body = AuthResponse),
        (status = 409, description = "e-mail taken", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
async fn signup(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SignupRequest>,
) -> Result<(StatusCode, Json<AuthResponse>), AppError> {
    let accounts = &state.services.accounts;
    let session =
        accounts.signup(&body.email, &body.password, &body.name, &body.role, body.invite_code.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(session.into())))
}

/// Log in with e-mail and password. Rate limited per account and per address.
#[utoipa::path(post, path = "/api/users/login", tag = "accounts", request_body = LoginRequest,
    responses(
        (status = 200, body = AuthResponse),
        (status = 401, description = "unknown e-mail or wrong password (one message for both)", body = ErrorBody),
        (status = 429, description = "too many attempts; see Retry-After", body = ErrorBody),
    ))]
async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Json<AuthResponse>, AppError> {
    let session = state.services.accounts.login(&body.email, &body.password, ip).await?;
    Ok(Json(session.into()))
}

/// The caller's profile.
#[utoipa::path(get, path = "/api/users/profile", tag = "profiles", security(("bearer" = [])),
    responses((status = 200, body = OwnProfile), (status = 401, body = ErrorBody)))]
async fn own_profile(State(state): State<AppState>, auth: AuthUser) -> Result<Json<OwnProfile>, AppError> {
    Ok(Json(state.services.profiles.get(auth.user.id).await?.into()))
}

/// Replace the caller's profile. `freelancer` and `client` sections that are
/// left out stay as they are; sending one the caller lacks adds that role.
#[utoipa::path(put, path = "/api/users/profile", tag = "profiles", security(("bearer" = [])),
    request_body = ProfileUpdate,
    responses((status = 200, body = OwnProfile), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_profile(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<ProfileUpdate>,
) -> Result<Json<OwnProfile>, AppError> {
    Ok(Json(state.services.profiles.update(auth.user.id, body).await?.into()))
}

/// Anyone's public profile. A view by someone other than the owner counts
/// towards the owner's profile views (`GET /api/users/profile/views`).
#[utoipa::path(get, path = "/api/users/{id}", tag = "profiles",
    params(("id" = UserId, Path, description = "user id")),
    responses((status = 200, body = PublicProfile), (status = 404, body = ErrorBody)))]
async fn public_profile(
    State(state): State<AppState>,
    viewer: Option<AuthUser>,
    ClientIp(address): ClientIp,
    ApiPath(id): ApiPath<UserId>,
) -> Result<Json<PublicProfile>, AppError> {
    // Someone who blocked the viewer, or whom the viewer blocked, is not there for them.
    if let Some(viewer) = &viewer
        && state.services.social.hidden(viewer.user.id, id).await?
    {
        return Err(AppError::not_found("user_not_found", "user"));
    }
    let profile = state.services.profiles.get_public(id).await?;
    let viewer = viewer.map(|v| v.user.id);
    state.services.profile_views.record(id, viewer, address, Utc::now());
    Ok(Json(ProfileRecord::clone(&profile).into()))
}
