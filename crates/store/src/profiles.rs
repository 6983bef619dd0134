//! Freelancer and client profiles, read together with their user in one query.

use chrono::{DateTime, Utc};
use domain::job::ExperienceLevel;
use domain::level::FreelancerLevel;
use domain::profile::{Availability, ClientProfileInput, CompanySize, Education, Experience, PortfolioItem, SkillTag};
use domain::{Money, UserId};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::OnConflict};

use crate::codec::{from_json, label, to_json};
use crate::entity::{client_profile, freelancer_profile, freelancer_skill, user};
use crate::error::{StoreError, StoreResult};
use crate::skills::SkillRecord;
use crate::users::UserRecord;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreelancerRecord {
    pub headline: String,
    pub bio: String,
    pub hourly_rate: Option<Money>,
    pub availability: Availability,
    pub skills: Vec<SkillTag>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub portfolio: Vec<PortfolioItem>,
    pub experience_level: ExperienceLevel,
    /// Kept by contracts and reviews; profile edits leave them alone.
    pub completed_jobs: u32,
    pub rating: Option<Rating>,
    /// Recomputed daily from the track record (see `domain::level`).
    pub level: FreelancerLevel,
}

/// An average of review stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    /// Hundredths of a star: 475 is 4.75 stars.
    pub average_centi: u16,
    pub count: u32,
}

impl Rating {
    /// The rating as stored: an average of stars and how many reviews it
    /// averages; none without reviews.
    pub fn from_columns(average: Option<f64>, count: i32) -> Option<Self> {
        let count = u32::try_from(count).ok().filter(|c| *c > 0)?;
        // Stars are 1 to 5, so hundredths fit a u16.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        average.map(|avg| Self { average_centi: (avg * 100.0).round() as u16, count })
    }

    pub fn stars(self) -> f64 {
        f64::from(self.average_centi) / 100.0
    }
}

impl FreelancerRecord {
    pub fn empty() -> Self {
        Self {
            headline: String::new(),
            bio: String::new(),
            hourly_rate: None,
            availability: Availability::default(),
            skills: Vec::new(),
            experience: Vec::new(),
            education: Vec::new(),
            portfolio: Vec::new(),
            experience_level: ExperienceLevel::default(),
            completed_jobs: 0,
            rating: None,
            level: FreelancerLevel::New,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecord {
    pub company_name: String,
    pub website: Option<String>,
    pub company_size: CompanySize,
    pub industry: String,
    pub description: String,
    /// What freelancers said of the client; kept by reviews, profile edits leave it alone.
    pub rating: Option<Rating>,
}

impl From<&ClientProfileInput> for ClientRecord {
    fn from(c: &ClientProfileInput) -> Self {
        Self {
            company_name: c.company_name.trim().to_owned(),
            website: c.website.as_deref().map(str::trim).map(str::to_owned),
            company_size: c.company_size,
            industry: c.industry.trim().to_owned(),
            description: c.description.trim().to_owned(),
            rating: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRecord {
    pub user: UserRecord,
    pub freelancer: Option<FreelancerRecord>,
    pub client: Option<ClientRecord>,
}

/// A user with both profiles, in a single query.
pub async fn load(db: &impl ConnectionTrait, id: UserId) -> StoreResult<Option<ProfileRecord>> {
    let row = user::Entity::find_by_id(id.into_uuid())
        .find_also_related(freelancer_profile::Entity)
        .find_also_related(client_profile::Entity)
        .one(db)
        .await?;
    let Some((user, freelancer, client)) = row else { return Ok(None) };
    let user: UserRecord = user.try_into()?;
    let freelancer = freelancer.filter(|_| user.is_freelancer).map(freelancer_record).transpose()?;
    let client = client.filter(|_| user.is_client).map(client_record).transpose()?;
    Ok(Some(ProfileRecord { user, freelancer, client }))
}

/// Creates or replaces the freelancer profile and its searchable skill links.
pub async fn save_freelancer(
    db: &impl ConnectionTrait,
    id: UserId,
    profile: &FreelancerRecord,
    skills: &[SkillRecord],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let model = freelancer_profile::ActiveModel {
        user_id: Set(id.into_uuid()),
        headline: Set(profile.headline.clone()),
        bio: Set(profile.bio.clone()),
        hourly_rate_amount: Set(profile.hourly_rate.map(|m| m.amount)),
        hourly_rate_currency: Set(profile.hourly_rate.map(|m| m.currency.code().to_owned())),
        availability: Set(profile.availability.as_str().to_owned()),
        skills_json: Set(to_json(&profile.skills)?),
        experience_json: Set(to_json(&profile.experience)?),
        education_json: Set(to_json(&profile.education)?),
        portfolio_json: Set(to_json(&profile.portfolio)?),
        updated_at: Set(now),
        experience_level: Set(profile.experience_level.as_str().to_owned()),
        ..Default::default()
    };
    freelancer_profile::Entity::insert(model)
        .on_conflict(
            OnConflict::column(freelancer_profile::Column::UserId)
                .update_columns([
                    freelancer_profile::Column::Headline,
                    freelancer_profile::Column::Bio,
                    freelancer_profile::Column::HourlyRateAmount,
                    freelancer_profile::Column::HourlyRateCurrency,
                    freelancer_profile::Column::Availability,
                    freelancer_profile::Column::SkillsJson,
                    freelancer_profile::Column::ExperienceJson,
                    freelancer_profile::Column::EducationJson,
                    freelancer_profile::Column::PortfolioJson,
                    freelancer_profile::Column::UpdatedAt,
                    freelancer_profile::Column::ExperienceLevel,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;

    // Only the difference is written, and deletes name whole primary keys:
    // a range delete would take gap locks on MySQL that deadlock with other
    // users' concurrent edits.
    let existing: Vec<uuid::Uuid> = freelancer_skill::Entity::find()
        .filter(freelancer_skill::Column::UserId.eq(id.into_uuid()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.skill_id)
        .collect();
    let wanted: Vec<uuid::Uuid> = skills.iter().map(|s| s.id.into_uuid()).collect();
    let removed: Vec<uuid::Uuid> = existing.iter().filter(|s| !wanted.contains(s)).copied().collect();
    if !removed.is_empty() {
        freelancer_skill::Entity::delete_many()
            .filter(freelancer_skill::Column::UserId.eq(id.into_uuid()))
            .filter(freelancer_skill::Column::SkillId.is_in(removed))
            .exec(db)
            .await?;
    }
    let added: Vec<_> = wanted
        .iter()
        .filter(|s| !existing.contains(s))
        .map(|skill| freelancer_skill::ActiveModel { user_id: Set(id.into_uuid()), skill_id: Set(*skill) })
        .collect();
    if !added.is_empty() {
        freelancer_skill::Entity::insert_many(added).exec_without_returning(db).await?;
    }
    Ok(())
}

/// Creates or replaces the client profile.
pub async fn save_client(
    db: &impl ConnectionTrait,
    id: UserId,
    c: &ClientRecord,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let model = client_profile::ActiveModel {
        user_id: Set(id.into_uuid()),
        company_name: Set(c.company_name.clone()),
        website: Set(c.website.clone()),
        company_size: Set(c.company_size.as_str().to_owned()),
        industry: Set(c.industry.clone()),
        description: Set(c.description.clone()),
        updated_at: Set(now),
        ..Default::default()
    };
    client_profile::Entity::insert(model)
        .on_conflict(
            OnConflict::column(client_profile::Column::UserId)
                .update_columns([
                    client_profile::Column::CompanyName,
                    client_profile::Column::Website,
                    client_profile::Column::CompanySize,
                    client_profile::Column::Industry,
                    client_profile::Column::Description,
                    client_profile::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

fn freelancer_record(m: freelancer_profile::Model) -> StoreResult<FreelancerRecord> {
    let hourly_rate = match (m.hourly_rate_amount, m.hourly_rate_currency) {
        (Some(amount), Some(currency)) => Some(Money::new(amount, crate::codec::currency(&currency)?)),
        _ => None,
    };
    Ok(FreelancerRecord {
        headline: m.headline,
        bio: m.bio,
        hourly_rate,
        availability: Availability::parse(&m.availability)
            .ok_or_else(|| StoreError::Corrupt(format!("availability {}", m.availability)))?,
        skills: from_json(&m.skills_json)?,
        experience: from_json(&m.experience_json)?,
        education: from_json(&m.education_json)?,
        portfolio: from_json(&m.portfolio_json)?,
        experience_level: label(ExperienceLevel::parse, &m.experience_level)?,
        completed_jobs: u32::try_from(m.completed_jobs).unwrap_or(0),
        rating: Rating::from_columns(m.rating_avg, m.rating_count),
        level: label(FreelancerLevel::parse, &m.level)?,
    })
}

fn client_record(m: client_profile::Model) -> StoreResult<ClientRecord> {
    Ok(ClientRecord {
        company_size: CompanySize::parse(&m.company_size)
            .ok_or_else(|| StoreError::Corrupt(format!("company size {}", m.company_size)))?,
        company_name: m.company_name,
        website: m.website,
        industry: m.industry,
        description: m.description,
        rating: Rating::from_columns(m.rating_avg, m.rating_count),
    })
}

/// Stores the freelancer's rank score (see `domain::freelancer_search::rank_score`).
pub async fn set_rank(db: &impl ConnectionTrait, id: UserId, score: i32) -> StoreResult<()> {
    freelancer_profile::Entity::update_many()
        .col_expr(freelancer_profile::Column::RankScore, sea_orm::prelude::Expr::value(score))
        .filter(freelancer_profile::Column::UserId.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

/// Counts one more completed contract for the freelancer.
pub async fn add_completed_job(db: &impl ConnectionTrait, id: UserId) -> StoreResult<()> {
    use sea_orm::sea_query::ExprTrait;
    freelancer_profile::Entity::update_many()
        .col_expr(
            freelancer_profile::Column::CompletedJobs,
            sea_orm::prelude::Expr::col(freelancer_profile::Column::CompletedJobs).add(1),
        )
        .filter(freelancer_profile::Column::UserId.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}
