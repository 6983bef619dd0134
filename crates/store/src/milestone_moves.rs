//! A payment on a milestone written at once: the milestone's new status,
//! the ledger transaction with its postings and cached balances, the
//! provider's receipt, the milestone's history, the notifications and the
//! invoice. Everything is decided before it is written; the move happens
//! only if the milestone is still in the status it was decided from.
//!
//! On PostgreSQL the whole move is one statement (see `postgres.rs`): a
//! payment pays one round trip for its writes, and the rows every payment
//! contends for (a contract's escrow, a freelancer's balance, the year's
//! invoice counter) are held only while that statement and its commit run,
//! never while the application prepares its next statement. Elsewhere the
//! same rows are written one table at a time, in the same order, inside the
//! caller's transaction.

mod postgres;

use chrono::{DateTime, Utc};
use domain::contract::{MilestoneEventKind, MilestoneStatus};
use domain::invoice::Invoice;
use domain::ledger::Transaction;
use domain::{MilestoneId, Money, UserId};
use sea_orm::prelude::Uuid;
use sea_orm::{ConnectionTrait, DbBackend};

use crate::db::{Db, begin_write};
use crate::error::StoreResult;
use crate::invoices::{self, Billed};
use crate::ledger::{self, Subject};
use crate::provider::{self, PaymentKind};
use crate::{milestones, notifications};

/// What the provider did for this move, booked against its ledger transaction.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub kind: PaymentKind,
    pub provider: String,
    pub reference: String,
    pub amount: Money,
}

/// Everything one payment on a milestone writes.
#[derive(Debug, Clone)]
pub struct MilestoneMove {
    pub milestone: MilestoneId,
    /// The status the move was decided from; the move happens only from it.
    pub from: MilestoneStatus,
    pub to: MilestoneStatus,
    pub at: DateTime<Utc>,
    pub transaction: Transaction,
    pub subject: Subject,
    pub receipt: Option<Receipt>,
    /// An entry in the milestone's history, by its author (none for the system).
    pub event: Option<(Option<UserId>, MilestoneEventKind)>,
    pub notifications: Vec<(UserId, &'static str, serde_json::Value)>,
    /// Notifications stored as already delivered (demo data tells nobody).
    pub notifications_delivered: bool,
    /// An invoice to issue; its number is taken when it is written.
    pub invoice: Option<(Invoice, Billed)>,
}

/// What a move wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub transaction: Uuid,
    pub invoice_number: Option<String>,
}

/// Writes `mv` inside the caller's transaction; `None` (and nothing
/// written) when the milestone is no longer in `mv.from`.
pub async fn write(db: &impl ConnectionTrait, mv: &MilestoneMove) -> StoreResult<Option<Moved>> {
    if db.get_database_backend() == DbBackend::Postgres {
        return postgres::write(db, mv).await;
    }
    write_stepwise(db, mv).await
}

/// Writes `mv` in a transaction of its own (on PostgreSQL, one statement
/// that commits by itself); `None` (and nothing written) when the milestone
/// is no longer in `mv.from`.
pub async fn write_alone(db: &Db, mv: &MilestoneMove) -> StoreResult<Option<Moved>> {
    if db.get_database_backend() == DbBackend::Postgres {
        return postgres::write(db, mv).await;
    }
    let txn = begin_write(db).await?;
    let moved = write_stepwise(&txn, mv).await?;
    if moved.is_some() {
        txn.commit().await?;
    }
    Ok(moved)
}

/// The move one table at a time: the milestone first (which also waits for
/// any other payment on it), balances with the ledger, the invoice counter last.
async fn write_stepwise(db: &impl ConnectionTrait, mv: &MilestoneMove) -> StoreResult<Option<Moved>> {
    if !milestones::transition(db, mv.milestone, mv.from, mv.to, mv.at).await? {
        return Ok(None);
    }
    let transaction = ledger::record(db, &mv.transaction, mv.subject, mv.at).await?;
    if let Some(receipt) = &mv.receipt {
        let Receipt { kind, provider, reference, amount } = receipt;
        provider::record_payment(db, *kind, provider, reference, *amount, transaction, mv.at).await?;
    }
    if let Some((author, kind)) = mv.event {
        milestones::add_event(db, mv.milestone, author, kind, "", mv.at).await?;
    }
    notifications::insert(db, &mv.notifications, mv.at, mv.notifications_delivered).await?;
    let mut invoice_number = None;
    if let Some((invoice, billed)) = &mv.invoice {
        invoice_number = Some(invoices::issue(db, invoice, *billed).await?);
    }
    Ok(Some(Moved { transaction, invoice_number }))
}
