//! The audit log: every admin action and every money movement an admin
//! started, with who, when, what and why. Rows are only ever added.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use sea_orm::prelude::Uuid;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::{from_json, to_json};
use crate::entity::audit_entry as row;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub actor_id: UserId,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: Option<Uuid>,
    pub reason: String,
    pub details: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// Appends an entry, in the transaction of the action it records.
pub async fn record(db: &impl ConnectionTrait, entry: &AuditEntry) -> StoreResult<()> {
    row::Entity::insert(row::ActiveModel {
        id: Set(entry.id),
        actor_id: Set(entry.actor_id.into_uuid()),
        action: Set(entry.action.clone()),
        subject_kind: Set(entry.subject_kind.clone()),
        subject_id: Set(entry.subject_id),
        reason: Set(entry.reason.clone()),
        details_json: Set(to_json(&entry.details)?),
        created_at: Set(entry.created_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// What the log is filtered by.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<UserId>,
    /// An action, or a prefix of actions ending in `.` (`user.`).
    pub action: Option<String>,
    pub subject_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Entries matching `filter`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
    page: &PageRequest<Uuid>,
) -> StoreResult<Page<AuditEntry>> {
    let mut select = row::Entity::find().order_by_desc(row::Column::Id).limit(page.limit + 1);
    if let Some(actor) = filter.actor {
        select = select.filter(row::Column::ActorId.eq(actor.into_uuid()));
    }
    match filter.action.as_deref() {
        Some(prefix) if prefix.ends_with('.') => select = select.filter(row::Column::Action.starts_with(prefix)),
        Some(action) => select = select.filter(row::Column::Action.eq(action)),
        None => {}
    }
    if let Some(subject) = filter.subject_id {
        select = select.filter(row::Column::SubjectId.eq(subject));
    }
    if let Some(from) = filter.from {
        select = select.filter(row::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(row::Column::CreatedAt.lt(to));
    }
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after));
    }
    let mut entries = Vec::new();
    for m in select.all(db).await? {
        entries.push(AuditEntry {
            id: m.id,
            actor_id: m.actor_id.into(),
            details: from_json(&m.details_json)?,
            action: m.action,
            subject_kind: m.subject_kind,
            subject_id: m.subject_id,
            reason: m.reason,
            created_at: m.created_at,
        });
    }
    Ok(Page::from_rows(entries, page.limit, |e| e.id))
}
