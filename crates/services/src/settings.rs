//! Platform settings: read where they apply, inside the transaction of the
//! change they govern, so a movement uses the fees in force when it happens.

use chrono::Utc;
use domain::ValidationError;
use domain::settings::PlatformSettings;
use store::settings::Stored;
use store::{ConnectionTrait, Db, StoreError};

use crate::Internal;

/// The settings in force: stored values over the defaults.
pub async fn current(db: &impl ConnectionTrait) -> Result<PlatformSettings, StoreError> {
    in_force(&store::settings::load(db).await?)
}

/// The settings in force given the `stored` ones, read by the caller.
pub fn in_force(stored: &Stored) -> Result<PlatformSettings, StoreError> {
    let mut document = serde_json::to_value(PlatformSettings::default())
        .map_err(|e| StoreError::Corrupt(format!("default settings: {e}")))?;
    if let Some(fields) = document.as_object_mut() {
        fields.extend(stored.iter().map(|(name, value)| (name.clone(), value.clone())));
    }
    serde_json::from_value(document).map_err(|e| StoreError::Corrupt(format!("platform settings: {e}")))
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Internal(#[from] Internal),
}

#[derive(Clone)]
pub struct Settings {
    db: Db,
}

impl Settings {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn get(&self) -> Result<PlatformSettings, Internal> {
        Ok(current(&self.db).await?)
    }

    /// Replaces the settings after checking them; every later movement uses them.
    pub async fn set(&self, settings: PlatformSettings) -> Result<PlatformSettings, SettingsError> {
        save(&self.db, &settings, Utc::now()).await?;
        Ok(settings)
    }
}

/// Checks the settings and stores them, inside the caller's transaction.
pub async fn save(
    db: &impl ConnectionTrait,
    settings: &PlatformSettings,
    now: chrono::DateTime<Utc>,
) -> Result<(), SettingsError> {
    settings.validate()?;
    let document = serde_json::to_value(settings).map_err(|e| Internal(e.to_string()))?;
    let fields = document.as_object().cloned().unwrap_or_default();
    store::settings::save(db, &fields, now).await.map_err(Internal::from)?;
    Ok(())
}
