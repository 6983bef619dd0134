//! Freelancer and client profiles, read together with their user in one query.

use chrono::{DateTime, Utc};
use domain::profile::{Availability, ClientProfileInput, CompanySize, Education, Experience, PortfolioItem, SkillTag};
use domain::{Money, UserId};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::OnConflict};

use crate::codec::{from_json, to_json};
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
}

impl From<&ClientProfileInput> for ClientRecord {
    fn from(c: &ClientProfileInput) -> Self {
        Self {
            company_name: c.company_name.trim().to_owned(),
            website: c.website.as_deref().map(str::trim).map(str::to_owned),
            company_size: c.company_size,
            industry: c.industry.trim().to_owned(),
            description: c.description.trim().to_owned(),
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
        (Some(amount), Some(currency)) => {
            Some(Money::new(amount, currency.parse().map_err(|_| StoreError::Corrupt(format!("currency {currency}")))?))
        }
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
    })
}
