//! The mail queue: every e-mail is a row first, written in the transaction
//! of what caused it, and sent by whichever sender claims it.
//!
//! Claiming is a lease rather than a lock held across the send: a sender
//! sets `locked_until` with an UPDATE that only matches a row nobody holds,
//! and only the sender whose UPDATE changed the row sends it. That works the
//! same on SQLite, PostgreSQL and MariaDB, keeps no transaction open while
//! an SMTP server takes its time, and frees the mail of a sender that died
//! once its lease runs out.

use chrono::{DateTime, Utc};
use domain::MailId;
use sea_orm::prelude::Expr;
use sea_orm::sea_query::Condition;
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
    mail_queue::Entity::insert(mail_queue::ActiveModel {
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
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
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
/// A mail another sender claims at the same moment goes to one of them only.
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
        .all(db)
        .await?;
    let mut claimed = Vec::with_capacity(candidates.len());
    for m in candidates {
        let leased = mail_queue::Entity::update_many()
            .col_expr(mail_queue::Column::LockedUntil, Expr::value(lease_until))
            .filter(mail_queue::Column::Id.eq(m.id))
            .filter(claimable(now, max_attempts))
            .exec(db)
            .await?;
        if leased.rows_affected == 1 {
            claimed.push(QueuedMail {
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
            });
        }
    }
    Ok(claimed)
}

pub async fn mark_sent(db: &impl ConnectionTrait, id: MailId, now: DateTime<Utc>) -> StoreResult<()> {
    mail_queue::Entity::update_many()
        .col_expr(mail_queue::Column::SentAt, Expr::value(now))
        .col_expr(mail_queue::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(mail_queue::Column::Id.eq(id.into_uuid()))
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
