//! The mail queue: every e-mail is a row first, written in the transaction
//! of what caused it, and sent by whichever sender claims it.
//!
//! Claiming is a lease rather than a lock held across the send: in a short
//! transaction a sender takes due rows nobody holds (`SKIP LOCKED` on
//! PostgreSQL and MariaDB; SQLite has one writer at a time) and sets their
//! `locked_until`. No transaction stays open while an SMTP server takes its
//! time, and the mail of a sender that died is free again once its lease
//! runs out.

use chrono::{DateTime, Utc};
use domain::MailId;
use sea_orm::prelude::Expr;
use sea_orm::sea_query::{Condition, LockBehavior, LockType};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::mail_queue;
use crate::error::StoreResult;

/// A mail to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// The notification kind, or what else the mail is (`verify_email`, ...).
    pub kind: Option<String>,
    /// The link that turns this kind of mail off, for `List-Unsubscribe`.
    pub unsubscribe_url: Option<String>,
}

/// A mail a sender has claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: MailId,
    pub mail: NewMail,
    /// Tries that failed so far.
    pub attempts: u32,
}

pub async fn enqueue(db: &impl ConnectionTrait, mail: NewMail, now: DateTime<Utc>) -> StoreResult<MailId> {
    let id = MailId::new();
    mail_queue::Entity::insert(row(id, mail, now)).exec_without_returning(db).await?;
    Ok(id)
}

/// Queues several mails with one statement.
pub async fn enqueue_all(db: &impl ConnectionTrait, mails: Vec<NewMail>, now: DateTime<Utc>) -> StoreResult<()> {
    if mails.is_empty() {
        return Ok(());
    }
    let rows = mails.into_iter().map(|mail| row(MailId::new(), mail, now));
    mail_queue::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

fn row(id: MailId, mail: NewMail, now: DateTime<Utc>) -> mail_queue::ActiveModel {
    mail_queue::ActiveModel {
        id: Set(id.into_uuid()),
        to_address: Set(mail.to),
        subject: Set(mail.subject),
        text_body: Set(mail.text),
        html_body: Set(mail.html),
        kind: Set(mail.kind),
        unsubscribe_url: Set(mail.unsubscribe_url),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_error: Set(None),
        sent_at: Set(None),
        created_at: Set(now),
    }
}

/// Unsent, due, not given up and held by no live lease.
fn claimable(now: DateTime<Utc>, max_attempts: u32) -> Condition {
    Condition::all()
        .add(mail_queue::Column::SentAt.is_null())
        .add(mail_queue::Column::NextAttemptAt.lte(now))
        .add(mail_queue::Column::Attempts.lt(i32::try_from(max_attempts).unwrap_or(i32::MAX)))
        .add(
            Condition::any()
                .add(mail_queue::Column::LockedUntil.is_null())
                .add(mail_queue::Column::LockedUntil.lt(now)),
        )
}

/// Leases up to `limit` due mails until `lease_until`, oldest due first.
/// Run it in a write transaction: the rows stay locked until it commits and
/// other senders skip them, so a mail two senders look at together goes to
/// one of them only.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    max_attempts: u32,
    limit: u64,
) -> StoreResult<Vec<QueuedMail>> {
    let candidates = mail_queue::Entity::find()
        .filter(claimable(now, max_attempts))
        .order_by_asc(mail_queue::Column::NextAttemptAt)
        .limit(limit)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .all(db)
        .await?;
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    mail_queue::Entity::update_many()
        .col_expr(mail_queue::Column::LockedUntil, Expr::value(lease_until))
        .filter(mail_queue::Column::Id.is_in(candidates.iter().map(|m| m.id)))
        .exec(db)
        .await?;
    Ok(candidates
        .into_iter()
        .map(|m| QueuedMail {
            id: m.id.into(),
            attempts: u32::try_from(m.attempts).unwrap_or_default(),
            mail: NewMail {
                to: m.to_address,
                subject: m.subject,
                text: m.text_body,
                html: m.html_body,
                kind: m.kind,
                unsubscribe_url: m.unsubscribe_url,
            },
        })
        .collect())
}

/// Records mails as sent and releases their leases.
pub async fn mark_sent(db: &impl ConnectionTrait, ids: &[MailId], now: DateTime<Utc>) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    mail_queue::Entity::update_many()
        .col_expr(mail_queue::Column::SentAt, Expr::value(now))
        .col_expr(mail_queue::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(mail_queue::Column::Id.is_in(ids.iter().map(|id| id.into_uuid())))
        .exec(db)
        .await?;
    Ok(())
}

/// Records a failed try and releases the lease. The next try is at
/// `retry_at`; with `None` the mail has had its tries and stays unsent.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    id: MailId,
    attempts: u32,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> StoreResult<()> {
    let mut update = mail_queue::Entity::update_many()
        .col_expr(mail_queue::Column::Attempts, Expr::value(i32::try_from(attempts).unwrap_or(i32::MAX)))
        .col_expr(mail_queue::Column::LastError, Expr::value(error.chars().take(2_000).collect::<String>()))
        .col_expr(mail_queue::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None));
    if let Some(at) = retry_at {
        update = update.col_expr(mail_queue::Column::NextAttemptAt, Expr::value(at));
    }
    update.filter(mail_queue::Column::Id.eq(id.into_uuid())).exec(db).await?;
    Ok(())
}
