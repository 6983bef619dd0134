//! The books as admins read them: ledger transactions with their postings,
//! newest first, filtered by whom and what they are about.

use chrono::{DateTime, Utc};
use domain::ledger::Movement;
use domain::pagination::{Page, PageRequest};
use domain::{ContractId, Currency, MilestoneId, UserId};
use sea_orm::prelude::Uuid;
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::{currency, label};
use crate::entity::{ledger_posting as posting, ledger_transaction as transaction};
use crate::error::StoreResult;

/// One movement of money as booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerTransaction {
    pub id: Uuid,
    pub movement: Movement,
    pub contract_id: Option<ContractId>,
    pub milestone_id: Option<MilestoneId>,
    pub user_id: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub postings: Vec<LedgerPosting>,
}

/// One line of a transaction: an account's change, positive or negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerPosting {
    /// `available`, `pending`, `escrow`, `platform_revenue`, `provider_clearing`.
    pub account_kind: String,
    /// The user's or contract's id; the nil id for the platform's accounts.
    pub account_id: Uuid,
    pub currency: Currency,
    pub amount: i64,
}

/// What the transactions are filtered by.
#[derive(Debug, Clone, Default)]
pub struct TransactionFilter {
    /// Transactions about the user or moving one of their balances.
    pub user: Option<UserId>,
    pub contract: Option<ContractId>,
    pub movement: Option<Movement>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Transactions matching `filter`, newest first, each with its postings.
pub async fn transactions(
    db: &impl ConnectionTrait,
    filter: &TransactionFilter,
    page: &PageRequest<Uuid>,
) -> StoreResult<Page<LedgerTransaction>> {
    let mut select = transaction::Entity::find().order_by_desc(transaction::Column::Id).limit(page.limit + 1);
    if let Some(user) = filter.user {
        let moved = Query::select()
            .column(posting::Column::TransactionId)
            .from(posting::Entity)
            .and_where(posting::Column::AccountId.eq(user.into_uuid()))
            .to_owned();
        select = select.filter(
            Condition::any()
                .add(transaction::Column::UserId.eq(user.into_uuid()))
                .add(transaction::Column::Id.in_subquery(moved)),
        );
    }
    if let Some(contract) = filter.contract {
        select = select.filter(transaction::Column::ContractId.eq(contract.into_uuid()));
    }
    if let Some(movement) = filter.movement {
        select = select.filter(transaction::Column::Movement.eq(movement.as_str()));
    }
    if let Some(from) = filter.from {
        select = select.filter(transaction::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(transaction::Column::CreatedAt.lt(to));
    }
    if let Some(after) = page.after {
        select = select.filter(transaction::Column::Id.lt(after));
    }
    let rows = select.all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
    let postings = if ids.is_empty() {
        Vec::new()
    } else {
        posting::Entity::find()
            .filter(posting::Column::TransactionId.is_in(ids))
            .order_by_asc(posting::Column::Id)
            .all(db)
            .await?
    };
    let mut found = Vec::with_capacity(rows.len());
    for t in rows {
        let mut lines = Vec::new();
        for p in postings.iter().filter(|p| p.transaction_id == t.id) {
            lines.push(LedgerPosting {
                account_kind: p.account_kind.clone(),
                account_id: p.account_id,
                currency: currency(&p.currency)?,
                amount: p.amount,
            });
        }
        found.push(LedgerTransaction {
            id: t.id,
            movement: label(Movement::parse, &t.movement)?,
            contract_id: t.contract_id.map(Into::into),
            milestone_id: t.milestone_id.map(Into::into),
            user_id: t.user_id.map(Into::into),
            created_at: t.created_at,
            postings: lines,
        });
    }
    Ok(Page::from_rows(found, page.limit, |t| t.id))
}
