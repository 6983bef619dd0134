//! The move as one PostgreSQL statement (`move.sql`): the lists of rows
//! (postings, balances, receipt, history entry, notifications, invoice) go
//! as JSON parameters, so the statement's text is always the same and each
//! connection prepares it once.

use domain::ledger::Posting;
use domain::{NotificationId, UserId};
use sea_orm::prelude::Uuid;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use serde_json::{Value as Json, json};

use super::{MilestoneMove, Moved};
use crate::codec::to_json;
use crate::error::{StoreError, StoreResult};
use crate::invoices::Billed;

const MOVE: &str = include_str!("move.sql");

pub(super) async fn write(db: &impl ConnectionTrait, mv: &MilestoneMove) -> StoreResult<Option<Moved>> {
    let transaction = Uuid::now_v7();
    let values: Vec<Value> = vec![
        mv.milestone.into_uuid().into(),
        mv.from.as_str().into(),
        mv.to.as_str().into(),
        mv.at.into(),
        transaction.into(),
        mv.transaction.movement.as_str().into(),
        mv.subject.contract.map(|c| c.into_uuid()).into(),
        mv.subject.milestone.map(|m| m.into_uuid()).into(),
        mv.subject.user.map(UserId::into_uuid).into(),
        postings(mv).into(),
        balances(mv).into(),
        receipts(mv).into(),
        events(mv).into(),
        notifications(mv)?.into(),
        invoices(mv)?.into(),
    ];
    let row = db
        .query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, MOVE, values))
        .await?
        .ok_or_else(|| StoreError::Corrupt("a milestone move answered no row".to_owned()))?;
    if row.try_get::<i64>("", "moved")? == 0 {
        return Ok(None);
    }
    Ok(Some(Moved { transaction, invoice_number: row.try_get("", "invoice_number")? }))
}

fn postings(mv: &MilestoneMove) -> Json {
    mv.transaction
        .postings()
        .iter()
        .map(|p| {
            let (kind, id) = p.account.key();
            json!({ "id": Uuid::now_v7(), "account_kind": kind, "account_id": id,
                    "currency": p.amount.currency.code(), "amount": p.amount.amount })
        })
        .collect()
}

/// The cached accounts' changes in account order, the order every
/// movement locks balance rows in.
fn balances(mv: &MilestoneMove) -> Json {
    let mut cached: Vec<&Posting> = mv.transaction.postings().iter().filter(|p| p.account.is_cached()).collect();
    cached.sort_by_key(|p| (p.account, p.amount.currency));
    cached
        .iter()
        .map(|p| {
            let (kind, id) = p.account.key();
            json!({ "account_kind": kind, "account_id": id, "currency": p.amount.currency.code(),
                    "amount": p.amount.amount })
        })
        .collect()
}

fn receipts(mv: &MilestoneMove) -> Json {
    mv.receipt
        .iter()
        .map(|r| {
            json!({ "id": Uuid::now_v7(), "kind": r.kind.as_str(), "provider": r.provider, "reference": r.reference,
                    "amount": r.amount.amount, "currency": r.amount.currency.code() })
        })
        .collect()
}

fn events(mv: &MilestoneMove) -> Json {
    mv.event
        .iter()
        .map(|(author, kind)| json!({ "id": Uuid::now_v7(), "author_id": author, "kind": kind.as_str() }))
        .collect()
}

fn notifications(mv: &MilestoneMove) -> StoreResult<Json> {
    let pushed_at = mv.notifications_delivered.then_some(mv.at);
    mv.notifications
        .iter()
        .map(|(user, kind, payload)| {
            Ok(json!({ "id": NotificationId::new(), "user_id": user, "kind": kind,
                       "payload_json": to_json(payload)?, "pushed_at": pushed_at }))
        })
        .collect()
}

/// The invoice, its number left for the statement to take.
fn invoices(mv: &MilestoneMove) -> StoreResult<Json> {
    mv.invoice
        .iter()
        .map(|(invoice, billed)| {
            let (milestone, week) = match billed {
                Billed::Milestone(id) => (Some(id.into_uuid()), None),
                Billed::HourlyWeek(id) => (None, Some(*id)),
            };
            Ok(json!({
                "id": invoice.id, "year": domain::invoice::numbering_year(invoice.issued_at),
                "kind": invoice.kind.as_str(), "contract_id": invoice.contract_id, "job_id": invoice.job_id,
                "client_id": invoice.client.id, "freelancer_id": invoice.freelancer.id,
                "milestone_id": milestone, "hourly_week_id": week, "currency": invoice.currency.code(),
                "client_total": invoice.totals.client_total.amount,
                "freelancer_net": invoice.totals.freelancer_net.amount,
                "document": to_json(invoice)?, "issued_at": invoice.issued_at,
            }))
        })
        .collect()
}
