//! Reading and editing profiles.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use domain::profile::{FreelancerProfileInput, ProfileUpdate, SkillTag};
use domain::user::Role;
use domain::{FieldErrors, FileId, UserId, ValidationError};
use moka::sync::Cache;
use store::profiles::{self, ClientRecord, FreelancerRecord, ProfileRecord};
use store::users::{self, Basics};
use store::{ConnectionTrait, Db, files, skills};

use crate::Internal;

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("user not found")]
    NotFound,
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<store::StoreError> for ProfileError {
    fn from(err: store::StoreError) -> Self {
        Self::Internal(err.into())
    }
}

impl From<store::DbErr> for ProfileError {
    fn from(err: store::DbErr) -> Self {
        Self::Internal(err.into())
    }
}

/// Public profiles are read far more often than written. Recently read ones
/// are kept in memory: an edit on this instance shows at once (the entry is
/// dropped), an edit through another instance within [`PUBLIC_TTL`].
const PUBLIC_TTL: Duration = Duration::from_secs(10);
const PUBLIC_CAPACITY: u64 = 50_000;

#[derive(Clone)]
pub struct Profiles {
    db: Db,
    public: Cache<UserId, Arc<ProfileRecord>>,
}

impl Profiles {
    pub fn new(db: Db) -> Self {
        let public = Cache::builder().max_capacity(PUBLIC_CAPACITY).time_to_live(PUBLIC_TTL).build();
        Self { db, public }
    }

    /// The caller's own profile, always fresh.
    pub async fn get(&self, id: UserId) -> Result<ProfileRecord, ProfileError> {
        profiles::load(&self.db, id).await?.ok_or(ProfileError::NotFound)
    }

    /// Anyone's profile as the public sees it; may be up to [`PUBLIC_TTL`] old.
    pub async fn get_public(&self, id: UserId) -> Result<Arc<ProfileRecord>, ProfileError> {
        if let Some(hit) = self.public.get(&id) {
            return Ok(hit);
        }
        let profile = Arc::new(self.get(id).await?);
        self.public.insert(id, Arc::clone(&profile));
        Ok(profile)
    }

    /// Drops a cached public profile whose figures just changed, so that
    /// this instance shows the change at once.
    pub fn forget(&self, id: UserId) {
        self.public.invalidate(&id);
    }

    /// Replaces the caller's profile with `update` (see [`ProfileUpdate`] for
    /// which parts). Nothing is written unless every field is valid.
    pub async fn update(&self, id: UserId, update: ProfileUpdate) -> Result<ProfileRecord, ProfileError> {
        let now = Utc::now();
        update.validate(now.date_naive())?;
        let txn = store::begin_write(&self.db).await?;
        let mut errors = FieldErrors::new();
        check_files(&txn, id, &update, &mut errors).await?;
        let freelancer = match &update.freelancer {
            Some(input) => Some(resolve_skills(&txn, input, &mut errors).await?),
            None => None,
        };
        errors.finish()?;

        let basics = Basics {
            name: update.name.trim(),
            avatar_file_id: update.avatar_file_id,
            location: update.location.as_deref().map(str::trim).filter(|s| !s.is_empty()),
            timezone: update.timezone.as_deref(),
        };
        users::update_basics(&txn, id, basics, now).await?;
        if let (Some(input), Some((record, skills))) = (&update.freelancer, freelancer) {
            let record =
                FreelancerRecord { hourly_rate: input.hourly_rate, availability: input.availability, ..record };
            profiles::save_freelancer(&txn, id, &record, &skills, now).await?;
            users::grant_role(&txn, id, Role::Freelancer).await?;
        }
        if let Some(client) = &update.client {
            profiles::save_client(&txn, id, &ClientRecord::from(client), now).await?;
            users::grant_role(&txn, id, Role::Client).await?;
        }
        let saved = profiles::load(&txn, id).await?.ok_or(ProfileError::NotFound)?;
        if saved.freelancer.is_some() {
            crate::reputation::refresh_rank(&txn, id, now).await?;
        }
        txn.commit().await?;
        self.public.invalidate(&id);
        Ok(saved)
    }
}

/// The avatar and portfolio images must be the caller's own uploads, made for
/// that purpose.
async fn check_files(
    db: &impl ConnectionTrait,
    owner: UserId,
    update: &ProfileUpdate,
    errors: &mut FieldErrors,
) -> Result<(), ProfileError> {
    if let Some(avatar) = update.avatar_file_id {
        let found = files::find_owned(db, owner, &[avatar]).await?;
        errors.ensure(
            found.iter().any(|f| f.purpose == "avatar"),
            "avatar_file_id",
            "must be an avatar image you uploaded",
        );
    }
    if let Some(freelancer) = &update.freelancer {
        let wanted: Vec<FileId> = freelancer.portfolio.iter().flat_map(|p| p.image_file_ids.iter().copied()).collect();
        let found = files::find_owned(db, owner, &wanted).await?;
        for (i, item) in freelancer.portfolio.iter().enumerate() {
            let ok = item.image_file_ids.iter().all(|id| found.iter().any(|f| f.id == *id && f.purpose == "portfolio"));
            errors.ensure(
                ok,
                format!("freelancer.portfolio[{i}].image_file_ids"),
                "must be portfolio images you uploaded",
            );
        }
    }
    Ok(())
}

/// Looks the skill slugs up in the taxonomy; unknown ones are a field error.
async fn resolve_skills(
    db: &impl ConnectionTrait,
    input: &FreelancerProfileInput,
    errors: &mut FieldErrors,
) -> Result<(FreelancerRecord, Vec<store::skills::SkillRecord>), ProfileError> {
    let found = skills::find_by_slugs(db, &input.skills).await?;
    let unknown: Vec<&str> =
        input.skills.iter().filter(|slug| !found.iter().any(|s| &s.slug == *slug)).map(String::as_str).collect();
    errors.ensure(unknown.is_empty(), "freelancer.skills", format!("unknown skills: {}", unknown.join(", ")));
    // Keep the order the freelancer chose.
    let ordered: Vec<_> =
        input.skills.iter().filter_map(|slug| found.iter().find(|s| &s.slug == slug)).cloned().collect();
    let record = FreelancerRecord {
        headline: input.headline.trim().to_owned(),
        bio: input.bio.trim().to_owned(),
        hourly_rate: input.hourly_rate,
        availability: input.availability,
        skills: ordered.iter().map(|s| SkillTag { slug: s.slug.clone(), name: s.name.clone() }).collect(),
        experience: input.experience.clone(),
        education: input.education.clone(),
        portfolio: input.portfolio.clone(),
        experience_level: input.experience_level,
        ..FreelancerRecord::empty()
    };
    Ok((record, ordered))
}
