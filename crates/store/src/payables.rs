//! What deciding a payment on a milestone reads: the contract, the
//! milestone (locked, for a payment that calls the provider), the settings
//! in force, the parties' names for an invoice and the charge that funded
//! the milestone. One statement, so that a payment pays one round trip for
//! its reads as it pays one for its writes (`milestone_moves`).

use domain::ledger::Movement;
use domain::{ContractId, MilestoneId, Money};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, IntoCondition, JoinType, LockType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, QueryTrait,
};

use crate::codec::{currency, from_json};
use crate::contracts::{self, ContractRecord, MilestoneRecord};
use crate::entity::{contract, ledger_transaction as transaction, milestone, provider_payment as payment, user};
use crate::error::{StoreError, StoreResult};
use crate::milestones;
use crate::provider::ProviderPayment;
use crate::settings::Stored;

/// A milestone with everything a payment on it is decided from.
#[derive(Debug, Clone)]
pub struct Payable {
    /// The contract without its milestones.
    pub contract: ContractRecord,
    pub milestone: MilestoneRecord,
    /// The stored platform settings by name (defaults apply to the missing ones).
    pub settings: Stored,
    pub client_name: String,
    pub freelancer_name: String,
    /// The charge that paid the milestone into escrow, once it is funded.
    pub charge: Option<ProviderPayment>,
}

/// The milestone `milestone` of contract `contract`, or `None` when the
/// contract has no such milestone. With `lock`, the milestone's row stays
/// locked until the transaction ends (SQLite's writing transaction holds
/// the whole database already).
pub async fn find(
    db: &impl ConnectionTrait,
    contract: ContractId,
    milestone: MilestoneId,
    lock: bool,
) -> StoreResult<Option<Payable>> {
    let backend = db.get_database_backend();
    // MariaDB locks every row a locking join reads (the parties' users
    // among them), so there the milestone is locked alone, first; the
    // join's plain read that follows sees it as locked.
    if lock && backend == DbBackend::MySql && milestones::find_for_update(db, milestone).await?.is_none() {
        return Ok(None);
    }
    let (client, freelancer) = (Alias::new("client"), Alias::new("freelancer"));
    let mut select = milestone::Entity::find_by_id(milestone.into_uuid())
        .filter(milestone::Column::ContractId.eq(contract.into_uuid()))
        .select_also(contract::Entity)
        .expr_as(Expr::col((client.clone(), user::Column::Name)), "client_name")
        .expr_as(Expr::col((freelancer.clone(), user::Column::Name)), "freelancer_name")
        .expr_as(Expr::col((payment::Entity, payment::Column::Reference)), "charge_reference")
        .expr_as(Expr::col((payment::Entity, payment::Column::Amount)), "charge_amount")
        .expr_as(Expr::col((payment::Entity, payment::Column::Currency)), "charge_currency")
        .expr_as(Expr::cust(settings_object(backend)), "settings");
    let query = QueryTrait::query(&mut select);
    let party = |alias: &Alias, column: contract::Column| {
        Expr::col((alias.clone(), user::Column::Id)).equals((contract::Entity, column)).into_condition()
    };
    query
        .join(
            JoinType::InnerJoin,
            contract::Entity,
            Expr::col((contract::Entity, contract::Column::Id))
                .equals((milestone::Entity, milestone::Column::ContractId)),
        )
        .join_as(JoinType::InnerJoin, user::Entity, client.clone(), party(&client, contract::Column::ClientId))
        .join_as(
            JoinType::InnerJoin,
            user::Entity,
            freelancer.clone(),
            party(&freelancer, contract::Column::FreelancerId),
        )
        .join(
            JoinType::LeftJoin,
            transaction::Entity,
            Expr::col((transaction::Entity, transaction::Column::MilestoneId))
                .equals((milestone::Entity, milestone::Column::Id))
                .and(Expr::col((transaction::Entity, transaction::Column::Movement)).eq(Movement::Fund.as_str())),
        )
        .join(
            JoinType::LeftJoin,
            payment::Entity,
            Expr::col((payment::Entity, payment::Column::LedgerTransactionId))
                .equals((transaction::Entity, transaction::Column::Id)),
        );
    if lock && backend == DbBackend::Postgres {
        query.lock_with_tables(LockType::Update, [milestone::Entity]);
    }
    let statement = backend.build(&*query);
    let Some(row) = db.query_one_raw(statement).await? else { return Ok(None) };
    let milestone = milestone::Model::from_query_result(&row, "A_")?;
    let contract = contract::Model::from_query_result(&row, "B_")?;
    let charge = match row.try_get::<Option<String>>("", "charge_reference")? {
        Some(reference) => {
            let code: String = row.try_get("", "charge_currency")?;
            Some(ProviderPayment { reference, amount: Money::new(row.try_get("", "charge_amount")?, currency(&code)?) })
        }
        None => None,
    };
    let settings = row.try_get::<Option<String>>("", "settings")?;
    Ok(Some(Payable {
        contract: contracts::head(contract)?,
        milestone: milestone.try_into()?,
        settings: stored_settings(settings.as_deref())?,
        client_name: row.try_get("", "client_name")?,
        freelancer_name: row.try_get("", "freelancer_name")?,
        charge,
    }))
}

/// The stored settings as one JSON object of their stored texts by name;
/// NULL (or `{}`) when none is stored.
fn settings_object(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => "(SELECT json_object_agg(name, value)::text FROM platform_settings)",
        DbBackend::MySql => "(SELECT JSON_OBJECTAGG(name, value) FROM platform_settings)",
        // SQLite
        _ => "(SELECT json_group_object(name, value) FROM platform_settings)",
    }
}

fn stored_settings(object: Option<&str>) -> StoreResult<Stored> {
    let Some(object) = object else { return Ok(Stored::new()) };
    let texts: Stored = from_json(object)?;
    texts
        .into_iter()
        .map(|(name, text)| match text {
            serde_json::Value::String(text) => Ok((name, from_json(&text)?)),
            other => Err(StoreError::Corrupt(format!("setting {name} stored as {other}"))),
        })
        .collect()
}
