//! Invoices as issued: numbered without gaps within each year, stored whole
//! and never rewritten.

use domain::invoice::{Invoice, invoice_number, numbering_year};
use domain::pagination::{Page, PageRequest};
use domain::{ContractId, InvoiceId, JobId, MilestoneId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::sea_query::{ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::codec::{from_json, to_json};
use crate::entity::{invoice, invoice_counter as counter};
use crate::error::{StoreError, StoreResult};

/// The next number of `year`. The counter's row stays locked until the
/// transaction ends, so numbers are handed out one at a time and a rolled
/// back transaction gives its number back: there are no gaps. Take it as
/// late in the transaction as possible, since it queues every issuer.
async fn next_number(db: &impl ConnectionTrait, year: i32) -> StoreResult<String> {
    let last = match count_up(db, year).await? {
        Some(last) => last,
        // The year's first invoice creates its counter; every later one only counts up.
        None => {
            let first = counter::ActiveModel { year: Set(year), last: Set(0) };
            let keep = OnConflict::column(counter::Column::Year).do_nothing_on([counter::Column::Year]).to_owned();
            counter::Entity::insert(first).on_conflict(keep).exec_without_returning(db).await?;
            count_up(db, year).await?.ok_or_else(|| StoreError::Corrupt(format!("invoice counter {year} vanished")))?
        }
    };
    Ok(invoice_number(year, u32::try_from(last).unwrap_or_default()))
}

/// Adds one to the year's counter and answers its new value; `None` when the
/// year has no counter yet. One statement where the database returns what
/// an update wrote (PostgreSQL, SQLite), two on MariaDB.
async fn count_up(db: &impl ConnectionTrait, year: i32) -> StoreResult<Option<i32>> {
    let update = counter::Entity::update_many()
        .col_expr(counter::Column::Last, Expr::col(counter::Column::Last).add(1))
        .filter(counter::Column::Year.eq(year));
    if db.support_returning() {
        return Ok(update.exec_with_returning(db).await?.first().map(|c| c.last));
    }
    if update.exec(db).await?.rows_affected == 0 {
        return Ok(None);
    }
    Ok(counter::Entity::find_by_id(year).select_only().column(counter::Column::Last).into_tuple().one(db).await?)
}

/// What an invoice bills, besides its contract.
#[derive(Debug, Clone, Copy)]
pub enum Billed {
    Milestone(MilestoneId),
    HourlyWeek(uuid::Uuid),
}

/// Numbers `invoice` (in the year it is issued, whatever number it carries)
/// and stores it; answers the number. Call it last in the transaction: see
/// [`next_number`]. A second invoice for the same milestone or week fails
/// with [`StoreError::Duplicate`].
pub async fn issue(db: &impl ConnectionTrait, invoice: &Invoice, billed: Billed) -> StoreResult<String> {
    let number = next_number(db, numbering_year(invoice.issued_at)).await?;
    insert(db, &Invoice { number: number.clone(), ..invoice.clone() }, billed).await?;
    Ok(number)
}

async fn insert(db: &impl ConnectionTrait, invoice: &Invoice, billed: Billed) -> StoreResult<()> {
    let (milestone, week) = match billed {
        Billed::Milestone(id) => (Some(id.into_uuid()), None),
        Billed::HourlyWeek(id) => (None, Some(id)),
    };
    invoice::Entity::insert(invoice::ActiveModel {
        id: Set(invoice.id.into_uuid()),
        number: Set(invoice.number.clone()),
        kind: Set(invoice.kind.as_str().to_owned()),
        contract_id: Set(invoice.contract_id.into_uuid()),
        job_id: Set(invoice.job_id.into_uuid()),
        client_id: Set(invoice.client.id.into_uuid()),
        freelancer_id: Set(invoice.freelancer.id.into_uuid()),
        milestone_id: Set(milestone),
        hourly_week_id: Set(week),
        currency: Set(invoice.currency.code().to_owned()),
        client_total: Set(invoice.totals.client_total.amount),
        freelancer_net: Set(invoice.totals.freelancer_net.amount),
        document: Set(to_json(invoice)?),
        issued_at: Set(invoice.issued_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

fn parties(user: UserId) -> Condition {
    Condition::any()
        .add(invoice::Column::ClientId.eq(user.into_uuid()))
        .add(invoice::Column::FreelancerId.eq(user.into_uuid()))
}

/// One invoice; the caller decides who may see it.
pub async fn find(db: &impl ConnectionTrait, id: InvoiceId) -> StoreResult<Option<Invoice>> {
    let row = invoice::Entity::find_by_id(id.into_uuid()).one(db).await?;
    row.map(|r| from_json(&r.document)).transpose()
}

/// The invoices of a job, oldest first.
pub async fn for_job(db: &impl ConnectionTrait, job: JobId) -> StoreResult<Vec<Invoice>> {
    let rows = invoice::Entity::find()
        .filter(invoice::Column::JobId.eq(job.into_uuid()))
        .order_by_asc(invoice::Column::Id)
        .all(db)
        .await?;
    rows.iter().map(|r| from_json(&r.document)).collect()
}

/// The invoices a user is a party to, newest first; only those of
/// `contract` when given.
pub async fn for_user(
    db: &impl ConnectionTrait,
    user: UserId,
    contract: Option<ContractId>,
    page: &PageRequest<InvoiceId>,
) -> StoreResult<Page<Invoice>> {
    let mut select =
        invoice::Entity::find().filter(parties(user)).order_by_desc(invoice::Column::Id).limit(page.limit + 1);
    if let Some(contract) = contract {
        select = select.filter(invoice::Column::ContractId.eq(contract.into_uuid()));
    }
    if let Some(after) = page.after {
        select = select.filter(invoice::Column::Id.lt(after.into_uuid()));
    }
    let rows = select.all(db).await?;
    let invoices = rows.iter().map(|r| from_json(&r.document)).collect::<StoreResult<Vec<Invoice>>>()?;
    Ok(Page::from_rows(invoices, page.limit, |i| i.id))
}

/// The invoice of each of the given billed hourly weeks, by week.
pub async fn of_weeks(
    db: &impl ConnectionTrait,
    weeks: &[uuid::Uuid],
) -> StoreResult<std::collections::HashMap<uuid::Uuid, InvoiceId>> {
    if weeks.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows: Vec<(Option<uuid::Uuid>, uuid::Uuid)> = invoice::Entity::find()
        .select_only()
        .columns([invoice::Column::HourlyWeekId, invoice::Column::Id])
        .filter(invoice::Column::HourlyWeekId.is_in(weeks.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(week, id)| Some((week?, InvoiceId::from(id)))).collect())
}
