//! Withdrawals: a user's available money going out through the provider,
//! and where each user wants it sent.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::withdrawal::WithdrawalStatus;
use domain::{Money, UserId, WithdrawalId};
use sea_orm::prelude::Expr;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::{currency, label};
use crate::entity::{payout_account, withdrawal};
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithdrawalRecord {
    pub id: WithdrawalId,
    pub user_id: UserId,
    pub amount: Money,
    pub status: WithdrawalStatus,
    pub provider: String,
    pub destination: Option<String>,
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<withdrawal::Model> for WithdrawalRecord {
    type Error = crate::StoreError;

    fn try_from(m: withdrawal::Model) -> StoreResult<Self> {
        Ok(Self {
            id: m.id.into(),
            user_id: m.user_id.into(),
            amount: Money::new(m.amount, currency(&m.currency)?),
            status: label(WithdrawalStatus::parse, &m.status)?,
            provider: m.provider,
            destination: m.destination,
            reference: m.reference,
            created_at: m.created_at,
        })
    }
}

pub async fn insert(db: &impl ConnectionTrait, record: &WithdrawalRecord) -> StoreResult<()> {
    withdrawal::Entity::insert(withdrawal::ActiveModel {
        id: Set(record.id.into_uuid()),
        user_id: Set(record.user_id.into_uuid()),
        amount: Set(record.amount.amount),
        currency: Set(record.amount.currency.code().to_owned()),
        status: Set(record.status.as_str().to_owned()),
        provider: Set(record.provider.clone()),
        destination: Set(record.destination.clone()),
        reference: Set(record.reference.clone()),
        created_at: Set(record.created_at),
        updated_at: Set(record.created_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Marks a paid withdrawal failed; false when it was not paid (already failed).
pub async fn mark_failed(db: &impl ConnectionTrait, id: WithdrawalId, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = withdrawal::Entity::update_many()
        .col_expr(withdrawal::Column::Status, Expr::value(WithdrawalStatus::Failed.as_str()))
        .col_expr(withdrawal::Column::UpdatedAt, Expr::value(now))
        .filter(withdrawal::Column::Id.eq(id.into_uuid()))
        .filter(withdrawal::Column::Status.eq(WithdrawalStatus::Paid.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The withdrawal the provider knows by `reference`.
pub async fn find_by_reference(
    db: &impl ConnectionTrait,
    provider: &str,
    reference: &str,
) -> StoreResult<Option<WithdrawalRecord>> {
    let row = withdrawal::Entity::find()
        .filter(withdrawal::Column::Provider.eq(provider))
        .filter(withdrawal::Column::Reference.eq(reference))
        .one(db)
        .await?;
    row.map(TryInto::try_into).transpose()
}

/// A user's withdrawals, newest first.
pub async fn for_user(
    db: &impl ConnectionTrait,
    user: UserId,
    page: &PageRequest<WithdrawalId>,
) -> StoreResult<Page<WithdrawalRecord>> {
    let mut select = withdrawal::Entity::find()
        .filter(withdrawal::Column::UserId.eq(user.into_uuid()))
        .order_by_desc(withdrawal::Column::Id)
        .limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(withdrawal::Column::Id.lt(after.into_uuid()));
    }
    let rows = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |w| w.id))
}

/// Every user's withdrawals, newest first, optionally in one state.
pub async fn all(
    db: &impl ConnectionTrait,
    status: Option<WithdrawalStatus>,
    page: &PageRequest<WithdrawalId>,
) -> StoreResult<Page<WithdrawalRecord>> {
    let mut select = withdrawal::Entity::find().order_by_desc(withdrawal::Column::Id).limit(page.limit + 1);
    if let Some(status) = status {
        select = select.filter(withdrawal::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = page.after {
        select = select.filter(withdrawal::Column::Id.lt(after.into_uuid()));
    }
    let rows = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |w| w.id))
}

/// Where a user's withdrawals go at a provider.
pub async fn payout_destination(
    db: &impl ConnectionTrait,
    user: UserId,
    provider: &str,
) -> StoreResult<Option<String>> {
    let row = payout_account::Entity::find_by_id(user.into_uuid()).one(db).await?;
    Ok(row.filter(|r| r.provider == provider).map(|r| r.destination))
}

pub async fn set_payout_destination(
    db: &impl ConnectionTrait,
    user: UserId,
    provider: &str,
    destination: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let row = payout_account::ActiveModel {
        user_id: Set(user.into_uuid()),
        provider: Set(provider.to_owned()),
        destination: Set(destination.to_owned()),
        updated_at: Set(now),
    };
    let replace = OnConflict::column(payout_account::Column::UserId)
        .update_columns([
            payout_account::Column::Provider,
            payout_account::Column::Destination,
            payout_account::Column::UpdatedAt,
        ])
        .to_owned();
    payout_account::Entity::insert(row).on_conflict(replace).exec_without_returning(db).await?;
    Ok(())
}
