//! Contracts and their milestones, as a hire creates them.

use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::{ContractStatus, ContractTerms, MilestoneStatus};
use domain::job::PaymentType;
use domain::pagination::{Page, PageRequest};
use domain::{ContractId, JobId, MilestoneId, Money, ProposalId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::codec::{currency, label};
use crate::entity::{contract, milestone};
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRecord {
    pub id: ContractId,
    pub job_id: JobId,
    pub proposal_id: ProposalId,
    pub client_id: UserId,
    pub freelancer_id: UserId,
    pub title: String,
    pub payment_type: PaymentType,
    /// The fixed total (fixed-price contracts).
    pub amount: Option<Money>,
    /// The hourly rate (hourly contracts).
    pub hourly_rate: Option<Money>,
    pub weekly_limit_hours: Option<u16>,
    pub status: ContractStatus,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    /// The party who asked to cancel, while the other has not agreed.
    pub cancel_requested_by: Option<UserId>,
    pub milestones: Vec<MilestoneRecord>,
}

impl ContractRecord {
    pub fn is_party(&self, user: UserId) -> bool {
        user == self.client_id || user == self.freelancer_id
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRecord {
    pub id: MilestoneId,
    pub position: u16,
    pub title: String,
    pub amount: Money,
    pub due_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
    /// When the work was last handed in; it is released on its own some days later.
    pub submitted_at: Option<DateTime<Utc>>,
}

impl TryFrom<milestone::Model> for MilestoneRecord {
    type Error = StoreError;

    fn try_from(m: milestone::Model) -> StoreResult<Self> {
        Ok(Self {
            id: m.id.into(),
            position: u16::try_from(m.position).unwrap_or_default(),
            amount: Money::new(m.amount, currency(&m.currency)?),
            due_date: m.due_date,
            submitted_at: m.submitted_at,
            status: label(MilestoneStatus::parse, &m.status)?,
            title: m.title,
        })
    }
}

fn record(m: contract::Model, milestones: Vec<milestone::Model>) -> StoreResult<ContractRecord> {
    let currency = currency(&m.currency)?;
    Ok(ContractRecord {
        id: m.id.into(),
        job_id: m.job_id.into(),
        proposal_id: m.proposal_id.into(),
        client_id: m.client_id.into(),
        freelancer_id: m.freelancer_id.into(),
        payment_type: label(PaymentType::parse, &m.payment_type)?,
        amount: m.amount.map(|a| Money::new(a, currency)),
        hourly_rate: m.hourly_rate.map(|a| Money::new(a, currency)),
        weekly_limit_hours: m.weekly_limit_hours.and_then(|h| u16::try_from(h).ok()),
        status: label(ContractStatus::parse, &m.status)?,
        started_at: m.started_at,
        ended_at: m.ended_at,
        cancel_requested_by: m.cancel_requested_by.map(Into::into),
        milestones: milestones.into_iter().map(TryInto::try_into).collect::<Result<_, _>>()?,
        title: m.title,
    })
}

/// The parties and what they agreed, for [`insert`].
#[derive(Debug, Clone)]
pub struct NewContract<'a> {
    pub job_id: JobId,
    pub proposal_id: ProposalId,
    pub client_id: UserId,
    pub freelancer_id: UserId,
    pub title: &'a str,
    pub terms: &'a ContractTerms,
}

/// Creates an active contract with its milestones. Hiring the same proposal
/// twice fails with [`StoreError::Duplicate`] (a unique index).
pub async fn insert(db: &impl ConnectionTrait, new: &NewContract<'_>, now: DateTime<Utc>) -> StoreResult<ContractId> {
    let id = ContractId::new();
    let (currency, amount, rate, limit) = match new.terms {
        ContractTerms::Fixed { amount, .. } => (amount.currency, Some(amount.amount), None, None),
        ContractTerms::Hourly { rate, weekly_limit_hours } => {
            (rate.currency, None, Some(rate.amount), Some(i32::from(*weekly_limit_hours)))
        }
    };
    contract::Entity::insert(contract::ActiveModel {
        id: Set(id.into_uuid()),
        job_id: Set(new.job_id.into_uuid()),
        proposal_id: Set(new.proposal_id.into_uuid()),
        client_id: Set(new.client_id.into_uuid()),
        freelancer_id: Set(new.freelancer_id.into_uuid()),
        title: Set(new.title.to_owned()),
        payment_type: Set(new.terms.payment_type().as_str().to_owned()),
        currency: Set(currency.code().to_owned()),
        amount: Set(amount),
        hourly_rate: Set(rate),
        weekly_limit_hours: Set(limit),
        status: Set(ContractStatus::Active.as_str().to_owned()),
        started_at: Set(now),
        ended_at: Set(None),
        cancel_requested_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    if let ContractTerms::Fixed { milestones, .. } = new.terms {
        let rows = milestones.iter().zip(0..).map(|(m, position)| milestone::ActiveModel {
            id: Set(MilestoneId::new().into_uuid()),
            contract_id: Set(id.into_uuid()),
            position: Set(position),
            title: Set(m.title.trim().to_owned()),
            amount: Set(m.amount.amount),
            currency: Set(m.amount.currency.code().to_owned()),
            due_date: Set(m.due_date),
            status: Set(MilestoneStatus::Proposed.as_str().to_owned()),
            submitted_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        });
        if !milestones.is_empty() {
            milestone::Entity::insert_many(rows).exec_without_returning(db).await?;
        }
    }
    Ok(id)
}

pub async fn find(db: &impl ConnectionTrait, id: ContractId) -> StoreResult<Option<ContractRecord>> {
    let Some(model) = contract::Entity::find_by_id(id.into_uuid()).one(db).await? else { return Ok(None) };
    let milestones = milestone::Entity::find()
        .filter(milestone::Column::ContractId.eq(id.into_uuid()))
        .order_by_asc(milestone::Column::Position)
        .all(db)
        .await?;
    record(model, milestones).map(Some)
}

/// The contract without its milestones (`milestones` left empty).
pub async fn find_head(db: &impl ConnectionTrait, id: ContractId) -> StoreResult<Option<ContractRecord>> {
    let Some(model) = contract::Entity::find_by_id(id.into_uuid()).one(db).await? else { return Ok(None) };
    head(model).map(Some)
}

/// A contract row as a record without its milestones.
pub(crate) fn head(model: contract::Model) -> StoreResult<ContractRecord> {
    record(model, Vec::new())
}

/// Contracts the user is a party of, newest first, with milestones.
pub async fn list_for_party(
    db: &impl ConnectionTrait,
    user: UserId,
    page: &PageRequest<ContractId>,
) -> StoreResult<Page<ContractRecord>> {
    let mut select = contract::Entity::find()
        .filter(
            Condition::any()
                .add(contract::Column::ClientId.eq(user.into_uuid()))
                .add(contract::Column::FreelancerId.eq(user.into_uuid())),
        )
        .order_by_desc(contract::Column::Id)
        .limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(contract::Column::Id.lt(after.into_uuid()));
    }
    let contracts = select.all(db).await?;
    let ids: Vec<_> = contracts.iter().map(|c| c.id).collect();
    let mut milestones = if ids.is_empty() {
        Vec::new()
    } else {
        milestone::Entity::find()
            .filter(milestone::Column::ContractId.is_in(ids))
            .order_by_asc(milestone::Column::Position)
            .all(db)
            .await?
    };
    let mut records = Vec::with_capacity(contracts.len());
    for contract in contracts {
        let (own, rest): (Vec<_>, Vec<_>) = milestones.into_iter().partition(|m| m.contract_id == contract.id);
        milestones = rest;
        records.push(record(contract, own)?);
    }
    Ok(Page::from_rows(records, page.limit, |c| c.id))
}

/// Whether the two users are the parties of any contract, either way round.
pub async fn are_parties(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<bool> {
    let pair = |client: UserId, freelancer: UserId| {
        Condition::all()
            .add(contract::Column::ClientId.eq(client.into_uuid()))
            .add(contract::Column::FreelancerId.eq(freelancer.into_uuid()))
    };
    let found = contract::Entity::find()
        .select_only()
        .column(contract::Column::Id)
        .filter(Condition::any().add(pair(a, b)).add(pair(b, a)))
        .into_tuple::<sea_orm::prelude::Uuid>()
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// The contract each of these proposals was hired into, as (proposal, contract) pairs.
pub async fn ids_for_proposals(
    db: &impl ConnectionTrait,
    proposals: &[ProposalId],
) -> StoreResult<Vec<(ProposalId, ContractId)>> {
    if proposals.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(sea_orm::prelude::Uuid, sea_orm::prelude::Uuid)> = contract::Entity::find()
        .select_only()
        .columns([contract::Column::ProposalId, contract::Column::Id])
        .filter(contract::Column::ProposalId.is_in(proposals.iter().map(|p| p.into_uuid())))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(proposal, contract)| (proposal.into(), contract.into())).collect())
}

/// Reads a contract and, outside SQLite, locks its row until the
/// transaction ends, so that two requests to end it run one after the other.
pub async fn find_for_update(db: &impl ConnectionTrait, id: ContractId) -> StoreResult<Option<ContractRecord>> {
    let mut select = contract::Entity::find_by_id(id.into_uuid());
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    if select.one(db).await?.is_none() {
        return Ok(None);
    }
    find(db, id).await
}

/// Ends a contract that is still `from`; false when another request moved it first.
pub async fn end(
    db: &impl ConnectionTrait,
    id: ContractId,
    from: ContractStatus,
    to: ContractStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = contract::Entity::update_many()
        .col_expr(contract::Column::Status, Expr::value(to.as_str()))
        .col_expr(contract::Column::EndedAt, Expr::value(now))
        .col_expr(contract::Column::CancelRequestedBy, Expr::value(Option::<sea_orm::prelude::Uuid>::None))
        .col_expr(contract::Column::UpdatedAt, Expr::value(now))
        .filter(contract::Column::Id.eq(id.into_uuid()))
        .filter(contract::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Records (or with `None`, withdraws) a party's request to cancel.
pub async fn set_cancel_request(
    db: &impl ConnectionTrait,
    id: ContractId,
    by: Option<UserId>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    contract::Entity::update_many()
        .col_expr(contract::Column::CancelRequestedBy, Expr::value(by.map(UserId::into_uuid)))
        .col_expr(contract::Column::UpdatedAt, Expr::value(now))
        .filter(contract::Column::Id.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn count(db: &impl ConnectionTrait) -> StoreResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(contract::Entity::find().count(db).await?)
}
