//! The payment provider's side of the books: every charge, refund and
//! payout it made, each tied to the one ledger transaction that records it,
//! and every webhook event it sent, kept so each is applied once.

use chrono::{DateTime, Utc};
use domain::Money;
use sea_orm::prelude::Uuid;
use sea_orm::sea_query::Query;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entity::{provider_event as event, provider_payment as payment};
use crate::error::{StoreError, StoreResult};

/// What the provider did with money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentKind {
    Charge,
    Refund,
    Payout,
}

impl PaymentKind {
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Self::Charge => "charge",
            Self::Refund => "refund",
            Self::Payout => "payout",
        }
    }
}

/// Records a provider call that succeeded, against the ledger transaction
/// that books it. A second record for one transaction fails (unique index).
pub async fn record_payment(
    db: &impl ConnectionTrait,
    kind: PaymentKind,
    provider: &str,
    reference: &str,
    amount: Money,
    ledger_transaction: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    payment::Entity::insert(payment::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(kind.as_str().to_owned()),
        provider: Set(provider.to_owned()),
        reference: Set(reference.to_owned()),
        amount: Set(amount.amount),
        currency: Set(amount.currency.code().to_owned()),
        ledger_transaction_id: Set(ledger_transaction),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The ledger transaction a provider payment was booked by, if any.
pub async fn payment_by_reference(
    db: &impl ConnectionTrait,
    provider: &str,
    reference: &str,
) -> StoreResult<Option<Uuid>> {
    let row = payment::Entity::find()
        .filter(payment::Column::Provider.eq(provider))
        .filter(payment::Column::Reference.eq(reference))
        .one(db)
        .await?;
    Ok(row.map(|r| r.ledger_transaction_id))
}

/// Remembers a webhook event; false when it was seen before, and then the
/// caller must not apply it again. A repeat is caught by the unique index
/// (on PostgreSQL that ends the transaction, which the caller then drops).
pub async fn first_sighting(
    db: &impl ConnectionTrait,
    provider: &str,
    event_id: &str,
    kind: &str,
    reference: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let row = event::ActiveModel {
        id: Set(Uuid::now_v7()),
        provider: Set(provider.to_owned()),
        event_id: Set(event_id.to_owned()),
        kind: Set(kind.to_owned()),
        reference: Set(reference.map(str::to_owned)),
        received_at: Set(now),
    };
    match event::Entity::insert(row).exec_without_returning(db).await.map_err(StoreError::from) {
        Ok(_) => Ok(true),
        Err(StoreError::Duplicate(_)) => Ok(false),
        Err(other) => Err(other),
    }
}
/// A provider payment as booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderPayment {
    pub reference: String,
    pub amount: Money,
}

/// The charge that funded a milestone: what the provider took from the
/// client (the amount and the client's fee), and its reference for a refund.
pub async fn charge_for_milestone(
    db: &impl ConnectionTrait,
    milestone: domain::MilestoneId,
) -> StoreResult<Option<ProviderPayment>> {
    use crate::entity::ledger_transaction as transaction;
    let funding = Query::select()
        .column(transaction::Column::Id)
        .from(transaction::Entity)
        .and_where(transaction::Column::MilestoneId.eq(milestone.into_uuid()))
        .and_where(transaction::Column::Movement.eq(domain::ledger::Movement::Fund.as_str()))
        .to_owned();
    let row = payment::Entity::find().filter(payment::Column::LedgerTransactionId.in_subquery(funding)).one(db).await?;
    row.map(|r| {
        Ok(ProviderPayment {
            amount: Money::new(r.amount, crate::codec::currency(&r.currency)?),
            reference: r.reference,
        })
    })
    .transpose()
}

/// The charge that paid for a billed hourly week, when it was recorded
/// (weeks billed before charges were tied to their weeks have none).
pub async fn charge_for_week(db: &impl ConnectionTrait, week: Uuid) -> StoreResult<Option<ProviderPayment>> {
    use crate::entity::hourly_week;
    let charged: Option<Option<Uuid>> = hourly_week::Entity::find_by_id(week)
        .select_only()
        .column(hourly_week::Column::ChargeTransactionId)
        .into_tuple()
        .one(db)
        .await?;
    let Some(transaction) = charged.flatten() else { return Ok(None) };
    let row = payment::Entity::find().filter(payment::Column::LedgerTransactionId.eq(transaction)).one(db).await?;
    row.map(|r| {
        Ok(ProviderPayment {
            amount: Money::new(r.amount, crate::codec::currency(&r.currency)?),
            reference: r.reference,
        })
    })
    .transpose()
}
