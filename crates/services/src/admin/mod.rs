//! What admins do: look users up and suspend, ban or restore them, hide,
//! close and restore jobs, read the books and refund escrow, make invitation
//! codes, change the platform settings, and read the audit log. Every
//! action is written to the audit log in the transaction that makes it.

mod announcements;
mod invites;
mod jobs;
mod payments;
mod reports;
mod users;

pub use store::audit::AuditFilter;
pub use store::job_moderation::JobQuery;
pub use store::ledger_history::{LedgerPosting, LedgerTransaction, TransactionFilter};
pub use store::users::UserQuery;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use domain::settings::PlatformSettings;
use store::audit::{self, AuditEntry};
use store::{ConnectionTrait, Db};
use uuid::Uuid;

use crate::jobs::MarketError;
use crate::ports::Fanout;
use crate::{Invites, Jobs, Notifier, Payments};

#[derive(Clone)]
pub struct Admin {
    db: Db,
    fanout: Arc<dyn Fanout>,
    notifier: Notifier,
    /// For the board's shared pages, which hiding or restoring a job changes.
    jobs: Jobs,
    payments: Payments,
    /// Makes codes the one way users' codes are made, mail included.
    invites: Invites,
}

/// What one admin action records: the audit entry's content.
pub(crate) struct Action<'a> {
    pub admin: UserId,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: Option<Uuid>,
    pub reason: &'a str,
    pub details: serde_json::Value,
}

/// Appends the action to the audit log inside the caller's transaction.
pub(crate) async fn audit(
    db: &impl ConnectionTrait,
    action: Action<'_>,
    now: DateTime<Utc>,
) -> Result<(), MarketError> {
    let entry = AuditEntry {
        id: Uuid::now_v7(),
        actor_id: action.admin,
        action: action.action.to_owned(),
        subject_kind: action.subject_kind.to_owned(),
        subject_id: action.subject_id,
        reason: action.reason.to_owned(),
        details: action.details,
        created_at: now,
    };
    audit::record(db, &entry).await?;
    Ok(())
}

/// `before` with `changes` laid over it, each checked for its type.
fn changed(
    before: &PlatformSettings,
    changes: serde_json::Map<String, serde_json::Value>,
) -> Result<PlatformSettings, MarketError> {
    let mut document = serde_json::to_value(before).map_err(|e| crate::Internal(e.to_string()))?;
    let mut errors = domain::FieldErrors::new();
    if let Some(fields) = document.as_object_mut() {
        for (name, value) in changes {
            errors.ensure(fields.contains_key(&name), &name, "is not a setting");
            fields.insert(name, value);
        }
    }
    errors.finish()?;
    serde_json::from_value(document)
        .map_err(|e| domain::ValidationError::single("settings", format!("a value has the wrong type: {e}")).into())
}

impl Admin {
    pub fn new(
        db: Db,
        fanout: Arc<dyn Fanout>,
        notifier: Notifier,
        jobs: Jobs,
        payments: Payments,
        invites: Invites,
    ) -> Self {
        Self { db, fanout, notifier, jobs, payments, invites }
    }

    /// The audit log, newest first.
    pub async fn audit_log(
        &self,
        filter: &AuditFilter,
        page: &PageRequest<Uuid>,
    ) -> Result<Page<AuditEntry>, MarketError> {
        Ok(audit::list(&self.db, filter, page).await?)
    }

    /// Changes the platform settings named in `changes`; those left out keep
    /// the value in force (so that a form showing some of them cannot reset
    /// the others). Later movements, postings and sign-ups use them.
    pub async fn update_settings(
        &self,
        admin: UserId,
        changes: serde_json::Map<String, serde_json::Value>,
        reason: &str,
    ) -> Result<PlatformSettings, MarketError> {
        let reason = domain::moderation::reason(reason)?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let before = crate::settings::current(&txn).await?;
        let settings = changed(&before, changes)?;
        crate::settings::save(&txn, &settings, now).await.map_err(|err| match err {
            crate::settings::SettingsError::Invalid(invalid) => MarketError::Invalid(invalid),
            crate::settings::SettingsError::Internal(internal) => MarketError::Internal(internal),
        })?;
        let details = serde_json::json!({"before": before, "after": settings});
        audit(
            &txn,
            Action {
                admin,
                action: "settings.update",
                subject_kind: "settings",
                subject_id: None,
                reason: &reason,
                details,
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(settings)
    }
}
