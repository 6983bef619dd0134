//! The ledger as stored: every transaction with its postings, and the
//! balance of each user and escrow account kept beside them in the same
//! database transaction (the platform's own accounts are summed on demand,
//! see `Account::is_cached`).
//!
//! Balance rows are updated in account order, so two transactions touching
//! the same accounts lock them in the same order and cannot deadlock.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use domain::ledger::{Account, Movement, Posting, Transaction};
use domain::{ContractId, Currency, MilestoneId, Money, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{Alias, Condition, ExprTrait, OnConflict, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use crate::entity::{account_balance as balance, ledger_posting as posting, ledger_transaction as transaction};
use crate::error::{StoreError, StoreResult};

/// What a transaction is about, for reading the books later.
#[derive(Debug, Clone, Copy, Default)]
pub struct Subject {
    pub contract: Option<ContractId>,
    pub milestone: Option<MilestoneId>,
    /// The user whose money came in or went out through the provider.
    pub user: Option<UserId>,
}

/// Writes `tx` and moves the cached balances of its accounts. Run it inside
/// the database transaction of the change it pays for.
pub async fn record(
    db: &impl ConnectionTrait,
    tx: &Transaction,
    subject: Subject,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    transaction::Entity::insert(transaction::ActiveModel {
        id: Set(id),
        movement: Set(tx.movement.as_str().to_owned()),
        contract_id: Set(subject.contract.map(ContractId::into_uuid)),
        milestone_id: Set(subject.milestone.map(MilestoneId::into_uuid)),
        user_id: Set(subject.user.map(UserId::into_uuid)),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    let rows = tx.postings().iter().map(|p| {
        let (kind, account_id) = p.account.key();
        posting::ActiveModel {
            id: Set(Uuid::now_v7()),
            transaction_id: Set(id),
            account_kind: Set(kind.to_owned()),
            account_id: Set(account_id),
            currency: Set(p.amount.currency.code().to_owned()),
            amount: Set(p.amount.amount),
            movement: Set(Some(tx.movement.as_str().to_owned())),
            created_at: Set(Some(now)),
        }
    });
    posting::Entity::insert_many(rows).exec_without_returning(db).await?;
    let mut cached: Vec<_> = tx.postings().iter().filter(|p| p.account.is_cached()).collect();
    cached.sort_by_key(|p| (p.account, p.amount.currency));
    add_to_balances(db, &cached, now).await?;
    Ok(id)
}

/// Adds each posting to its account's balance row in one statement, creating
/// rows that are missing. The update locks the rows in the order given
/// (account order, so two movements never wait on each other crosswise), and
/// concurrent postings to one account queue.
async fn add_to_balances(db: &impl ConnectionTrait, postings: &[&Posting], now: DateTime<Utc>) -> StoreResult<()> {
    if postings.is_empty() {
        return Ok(());
    }
    let rows = postings.iter().map(|p| {
        let (kind, account_id) = p.account.key();
        balance::ActiveModel {
            account_kind: Set(kind.to_owned()),
            account_id: Set(account_id),
            currency: Set(p.amount.currency.code().to_owned()),
            balance: Set(p.amount.amount),
            updated_at: Set(now),
        }
    });
    // The row's balance plus the amount the statement tried to insert.
    let sum = match db.get_database_backend() {
        DbBackend::MySql => "account_balances.balance + VALUES(balance)",
        _ => "account_balances.balance + excluded.balance",
    };
    let add =
        OnConflict::columns([balance::Column::AccountKind, balance::Column::AccountId, balance::Column::Currency])
            .value(balance::Column::Balance, Expr::cust(sum))
            .value(balance::Column::UpdatedAt, Expr::value(now))
            .to_owned();
    balance::Entity::insert_many(rows).on_conflict(add).exec_without_returning(db).await?;
    Ok(())
}

/// The balance of an account (zero when it never moved).
pub async fn balance_of(db: &impl ConnectionTrait, account: Account, currency: Currency) -> StoreResult<Money> {
    let (kind, account_id) = account.key();
    if !account.is_cached() {
        let sum: Option<i64> = posting::Entity::find()
            .select_only()
            .expr(sum_of_amounts(db.get_database_backend()))
            .filter(posting::Column::AccountKind.eq(kind))
            .filter(posting::Column::AccountId.eq(account_id))
            .filter(posting::Column::Currency.eq(currency.code()))
            .into_tuple()
            .one(db)
            .await?
            .flatten();
        return Ok(Money::new(sum.unwrap_or(0), currency));
    }
    let row = balance::Entity::find_by_id((kind.to_owned(), account_id, currency.code().to_owned())).one(db).await?;
    Ok(Money::new(row.map_or(0, |r| r.balance), currency))
}

/// A user's available and pending balances, each per currency, in currency order.
pub async fn user_balances(db: &impl ConnectionTrait, user: domain::UserId) -> StoreResult<(Vec<Money>, Vec<Money>)> {
    let (available, _) = Account::Available(user).key();
    let (pending, _) = Account::Pending(user).key();
    let rows = balance::Entity::find()
        .filter(balance::Column::AccountId.eq(user.into_uuid()))
        .filter(balance::Column::AccountKind.is_in([available, pending]))
        .all(db)
        .await?;
    let mut split = (Vec::new(), Vec::new());
    for row in rows {
        let currency: Currency = crate::codec::currency(&row.currency)?;
        let money = Money::new(row.balance, currency);
        if row.account_kind == available { split.0.push(money) } else { split.1.push(money) }
    }
    split.0.sort_by_key(|m| m.currency);
    split.1.sort_by_key(|m| m.currency);
    Ok(split)
}

/// A way the books are wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    #[error("transaction {transaction} does not balance in {currency}: off by {off}")]
    Unbalanced { transaction: Uuid, currency: String, off: i64 },
    #[error("{kind} {account} in {currency}: cached balance {cached}, postings sum to {actual}")]
    BalanceDrift { kind: String, account: Uuid, currency: String, cached: i64, actual: i64 },
    #[error("{kind} {account} in {currency} is negative: {balance}")]
    Negative { kind: String, account: Uuid, currency: String, balance: i64 },
}

#[derive(FromQueryResult)]
struct Sum {
    transaction_id: Uuid,
    currency: String,
    total: i64,
}

#[derive(FromQueryResult)]
struct AccountSum {
    account_kind: String,
    account_id: Uuid,
    currency: String,
    total: i64,
}

/// `SUM(amount)` as an integer: SUM is DECIMAL on MySQL, the cast keeps it
/// an integer everywhere.
fn sum_of_amounts(backend: sea_orm::DbBackend) -> sea_orm::sea_query::SimpleExpr {
    match backend {
        sea_orm::DbBackend::MySql => Expr::cust("CAST(SUM(amount) AS SIGNED)"),
        _ => Expr::cust("CAST(SUM(amount) AS BIGINT)"),
    }
}

/// Every violation of the ledger's invariants: unbalanced transactions,
/// cached balances that differ from their postings, and accounts below zero
/// that must not be.
pub async fn check(db: &impl ConnectionTrait) -> StoreResult<Vec<Violation>> {
    let backend = db.get_database_backend();
    let total = sum_of_amounts(backend);
    let mut violations = Vec::new();
    let per_transaction = Query::select()
        .columns([posting::Column::TransactionId, posting::Column::Currency])
        .expr_as(total.clone(), sea_orm::sea_query::Alias::new("total"))
        .from(posting::Entity)
        .group_by_columns([posting::Column::TransactionId, posting::Column::Currency])
        .to_owned();
    for sum in Sum::find_by_statement(backend.build(&per_transaction)).all(db).await? {
        if sum.total != 0 {
            violations.push(Violation::Unbalanced {
                transaction: sum.transaction_id,
                currency: sum.currency,
                off: sum.total,
            });
        }
    }
    let per_account = Query::select()
        .columns([posting::Column::AccountKind, posting::Column::AccountId, posting::Column::Currency])
        .expr_as(total, sea_orm::sea_query::Alias::new("total"))
        .from(posting::Entity)
        .group_by_columns([posting::Column::AccountKind, posting::Column::AccountId, posting::Column::Currency])
        .to_owned();
    let mut actual: BTreeMap<(String, Uuid, String), i64> = BTreeMap::new();
    for sum in AccountSum::find_by_statement(backend.build(&per_account)).all(db).await? {
        actual.insert((sum.account_kind, sum.account_id, sum.currency), sum.total);
    }
    let cached = balance::Entity::find().all(db).await?;
    for row in &cached {
        let key = (row.account_kind.clone(), row.account_id, row.currency.clone());
        let sum = actual.remove(&key).unwrap_or(0);
        if sum != row.balance {
            violations.push(Violation::BalanceDrift {
                kind: row.account_kind.clone(),
                account: row.account_id,
                currency: row.currency.clone(),
                cached: row.balance,
                actual: sum,
            });
        }
        let account = Account::from_key(&row.account_kind, row.account_id)
            .ok_or_else(|| StoreError::Corrupt(format!("account kind {}", row.account_kind)))?;
        if account.must_stay_positive() && row.balance < 0 {
            violations.push(Violation::Negative {
                kind: row.account_kind.clone(),
                account: row.account_id,
                currency: row.currency.clone(),
                balance: row.balance,
            });
        }
    }
    for ((kind, account, currency), sum) in actual {
        let found =
            Account::from_key(&kind, account).ok_or_else(|| StoreError::Corrupt(format!("account kind {kind}")))?;
        if found.is_cached() {
            violations.push(Violation::BalanceDrift { kind, account, currency, cached: 0, actual: sum });
        } else if found.must_stay_positive() && sum < 0 {
            violations.push(Violation::Negative { kind, account, currency, balance: sum });
        }
    }
    Ok(violations)
}

/// Locks an account's cached balance row until the transaction ends (outside
/// SQLite, whose single writer already serialises) and returns the balance:
/// a withdrawal checks and spends it without another one slipping between.
pub async fn balance_for_update(db: &impl ConnectionTrait, account: Account, currency: Currency) -> StoreResult<Money> {
    let (kind, account_id) = account.key();
    let mut select = balance::Entity::find_by_id((kind.to_owned(), account_id, currency.code().to_owned()));
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    Ok(Money::new(select.one(db).await?.map_or(0, |r| r.balance), currency))
}

/// One line of a user's money history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserEntry {
    pub transaction_id: Uuid,
    pub movement: Movement,
    pub contract_id: Option<ContractId>,
    /// The milestone it paid for; none for an hourly week, a withdrawal or a returned payout.
    pub milestone_id: Option<MilestoneId>,
    /// Where the money moved for the user: `available`, `pending`, or
    /// `payment` for what a client paid or got back through the provider.
    pub account: &'static str,
    /// Into the account when positive, out of it when negative.
    pub amount: Money,
    pub created_at: DateTime<Utc>,
}

/// Which of a user's entries to read.
#[derive(Debug, Clone, Copy)]
pub enum EntryWindow {
    /// Newest first, before a transaction id (exclusive), at most `limit`.
    Page { before: Option<Uuid>, limit: u64 },
    /// Everything in `[from, to)`.
    Between { from: DateTime<Utc>, to: DateTime<Utc> },
}

#[derive(FromQueryResult)]
struct EntryRow {
    transaction_id: Uuid,
    movement: String,
    contract_id: Option<Uuid>,
    milestone_id: Option<Uuid>,
    account_kind: String,
    currency: String,
    amount: i64,
    created_at: DateTime<Utc>,
}

/// A user's money history: what moved in their own available and pending
/// balances, and what they paid or got back through the provider as a
/// client. Newest first.
pub async fn user_entries(db: &impl ConnectionTrait, user: UserId, window: EntryWindow) -> StoreResult<Vec<UserEntry>> {
    let (available, _) = Account::Available(user).key();
    let (pending, _) = Account::Pending(user).key();
    let (clearing, _) = Account::ProviderClearing.key();
    let own = Condition::all()
        .add(Expr::col((posting::Entity, posting::Column::AccountId)).eq(user.into_uuid()))
        .add(Expr::col((posting::Entity, posting::Column::AccountKind)).is_in([available, pending]));
    let paid = Condition::all()
        .add(Expr::col((transaction::Entity, transaction::Column::UserId)).eq(user.into_uuid()))
        .add(Expr::col((posting::Entity, posting::Column::AccountKind)).eq(clearing))
        .add(
            Expr::col((transaction::Entity, transaction::Column::Movement))
                .is_in([Movement::Fund.as_str(), Movement::Refund.as_str()]),
        );
    let mut entries = Vec::new();
    for side in [own, paid] {
        let mut query = Query::select();
        query
            .expr_as(Expr::col((posting::Entity, posting::Column::TransactionId)), Alias::new("transaction_id"))
            .column((transaction::Entity, transaction::Column::Movement))
            .column((transaction::Entity, transaction::Column::ContractId))
            .column((transaction::Entity, transaction::Column::MilestoneId))
            .column((transaction::Entity, transaction::Column::CreatedAt))
            .column((posting::Entity, posting::Column::AccountKind))
            .column((posting::Entity, posting::Column::Currency))
            .column((posting::Entity, posting::Column::Amount))
            .from(posting::Entity)
            .inner_join(
                transaction::Entity,
                Expr::col((transaction::Entity, transaction::Column::Id))
                    .equals((posting::Entity, posting::Column::TransactionId)),
            )
            .cond_where(side)
            .order_by((transaction::Entity, transaction::Column::Id), sea_orm::Order::Desc);
        match window {
            EntryWindow::Page { before, limit } => {
                if let Some(before) = before {
                    query.and_where(Expr::col((transaction::Entity, transaction::Column::Id)).lt(before));
                }
                query.limit(limit);
            }
            EntryWindow::Between { from, to } => {
                query
                    .and_where(Expr::col((transaction::Entity, transaction::Column::CreatedAt)).gte(from))
                    .and_where(Expr::col((transaction::Entity, transaction::Column::CreatedAt)).lt(to));
            }
        }
        let backend = db.get_database_backend();
        for row in EntryRow::find_by_statement(backend.build(&query)).all(db).await? {
            let movement = crate::codec::label(Movement::parse, &row.movement)?;
            let account = match row.account_kind.as_str() {
                k if k == available => "available",
                k if k == pending => "pending",
                _ => "payment",
            };
            entries.push(UserEntry {
                transaction_id: row.transaction_id,
                movement,
                contract_id: row.contract_id.map(Into::into),
                milestone_id: row.milestone_id.map(Into::into),
                account,
                amount: Money::new(row.amount, crate::codec::currency(&row.currency)?),
                created_at: row.created_at,
            });
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.transaction_id));
    if let EntryWindow::Page { limit, .. } = window {
        entries.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    Ok(entries)
}

#[derive(FromQueryResult)]
struct CurrencySum {
    currency: String,
    total: Option<i64>,
}

/// What the user was paid for their work since `since`, per currency: the
/// releases into their own balances, after the service fee.
pub async fn earned_since(db: &impl ConnectionTrait, user: UserId, since: DateTime<Utc>) -> StoreResult<Vec<Money>> {
    let backend = db.get_database_backend();
    let (available, _) = Account::Available(user).key();
    let (pending, _) = Account::Pending(user).key();
    let query = Query::select()
        .column((posting::Entity, posting::Column::Currency))
        .expr_as(sum_of_amounts(backend), Alias::new("total"))
        .from(posting::Entity)
        .inner_join(
            transaction::Entity,
            Expr::col((transaction::Entity, transaction::Column::Id))
                .equals((posting::Entity, posting::Column::TransactionId)),
        )
        .and_where(Expr::col((posting::Entity, posting::Column::AccountId)).eq(user.into_uuid()))
        .and_where(Expr::col((posting::Entity, posting::Column::AccountKind)).is_in([available, pending]))
        .and_where(Expr::col((transaction::Entity, transaction::Column::Movement)).eq(Movement::Release.as_str()))
        .and_where(Expr::col((transaction::Entity, transaction::Column::CreatedAt)).gte(since))
        .group_by_col((posting::Entity, posting::Column::Currency))
        .to_owned();
    let mut earned = Vec::new();
    for row in CurrencySum::find_by_statement(backend.build(&query)).all(db).await? {
        earned.push(Money::new(row.total.unwrap_or(0), crate::codec::currency(&row.currency)?));
    }
    Ok(earned)
}

/// Whether any money went from the contract's escrow to its freelancer.
pub async fn released_under(db: &impl ConnectionTrait, contract: ContractId) -> StoreResult<bool> {
    let found: Option<Uuid> = transaction::Entity::find()
        .select_only()
        .column(transaction::Column::Id)
        .filter(transaction::Column::ContractId.eq(contract.into_uuid()))
        .filter(transaction::Column::Movement.eq(Movement::Release.as_str()))
        .into_tuple()
        .one(db)
        .await?;
    Ok(found.is_some())
}
