//! Hourly contracts: the freelancer logs time within the weekly limit; the
//! worker bills each finished week (Monday to Sunday, UTC) on the Monday
//! after, charging the client and paying the freelancer's pending balance,
//! and makes it available once the client's review period has passed.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::contract::ContractStatus;
use domain::hourly::{
    HourlyWeekStatus, TimeEntryInput, hours_and_minutes, week_amount, week_end, week_start, within_limit,
};
use domain::invoice::{InvoiceKind, InvoiceLine};
use domain::job::PaymentType;
use domain::ledger::rules;
use domain::{ContractId, InvoiceId, TimeEntryId, UserId, ValidationError};
use store::contracts::{self, ContractRecord};
use store::hourly::{self, HourlyWeekRecord, TimeEntryRecord};
use store::invoices::Billed;
use store::ledger::{self, Subject};
use store::users::UserRecord;
use store::{ConnectionTrait, StoreError};

use super::books::Books;
use super::invoices::{Bill, issue};
use super::{Payments, invalid};
use crate::jobs::MarketError;
use crate::settings;

/// A week of an hourly contract's time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekSheet {
    pub entries: Vec<TimeEntryRecord>,
    /// The contract's weekly limit (the default when the hire named none).
    pub weekly_limit_hours: u16,
    /// Whether the week is billed; its entries no longer change.
    pub billed: bool,
}

/// Most weeks billed or made available by one sweep; the next takes the rest.
const SWEEP_BATCH: u64 = 100;

impl Payments {
    /// The freelancer logs time on an active hourly contract, within the
    /// weekly limit, in a week not billed yet.
    pub async fn log_time(
        &self,
        user: UserId,
        contract_id: ContractId,
        input: TimeEntryInput,
    ) -> Result<TimeEntryRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = timesheet_of(&txn, user, contract_id).await?;
        check_entry(&txn, &contract, &input, None, now).await?;
        let id = hourly::insert_entry(&txn, contract_id, &input, now).await?;
        let entry = hourly::find_entry(&txn, id).await?.ok_or(MarketError::NotFound("time entry"))?;
        txn.commit().await?;
        Ok(entry)
    }

    /// The freelancer corrects an entry that is not billed yet.
    pub async fn edit_time(
        &self,
        user: UserId,
        contract_id: ContractId,
        id: TimeEntryId,
        input: TimeEntryInput,
    ) -> Result<TimeEntryRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = timesheet_of(&txn, user, contract_id).await?;
        let entry = own_entry(&txn, contract_id, id).await?;
        if entry.hourly_week_id.is_some() {
            return Err(billed());
        }
        check_entry(&txn, &contract, &input, Some(id), now).await?;
        if !hourly::update_entry(&txn, id, &input, now).await? {
            return Err(billed());
        }
        let entry = own_entry(&txn, contract_id, id).await?;
        txn.commit().await?;
        Ok(entry)
    }

    /// The freelancer removes an entry that is not billed yet.
    pub async fn delete_time(&self, user: UserId, contract_id: ContractId, id: TimeEntryId) -> Result<(), MarketError> {
        let txn = store::begin_write(&self.db).await?;
        timesheet_of(&txn, user, contract_id).await?;
        own_entry(&txn, contract_id, id).await?;
        if !hourly::delete_entry(&txn, id).await? {
            return Err(billed());
        }
        txn.commit().await?;
        Ok(())
    }

    /// The week starting `monday` of a contract's time, for its parties and admins.
    pub async fn timesheet(
        &self,
        viewer: &UserRecord,
        contract_id: ContractId,
        monday: NaiveDate,
    ) -> Result<WeekSheet, MarketError> {
        let contract = visible_contract(&self.db, viewer, contract_id).await?;
        let entries = hourly::entries(&self.db, contract_id, monday, week_end(monday)).await?;
        let billed = hourly::weeks(&self.db, contract_id).await?.iter().any(|w| w.week_start == monday);
        let weekly_limit_hours = contract.weekly_limit_hours.unwrap_or(domain::contract::DEFAULT_WEEKLY_LIMIT_HOURS);
        Ok(WeekSheet { entries, weekly_limit_hours, billed })
    }

    /// A contract's billed weeks, newest first, each with its invoice, for
    /// its parties and admins.
    pub async fn hourly_weeks(
        &self,
        viewer: &UserRecord,
        contract_id: ContractId,
    ) -> Result<Vec<(HourlyWeekRecord, Option<InvoiceId>)>, MarketError> {
        visible_contract(&self.db, viewer, contract_id).await?;
        let weeks = hourly::weeks(&self.db, contract_id).await?;
        let ids: Vec<uuid::Uuid> = weeks.iter().map(|w| w.id).collect();
        let invoices = store::invoices::of_weeks(&self.db, &ids).await?;
        Ok(weeks
            .into_iter()
            .map(|week| {
                let invoice = invoices.get(&week.id).copied();
                (week, invoice)
            })
            .collect())
    }

    /// Bills every finished week with unbilled time: charges the client,
    /// pays the freelancer's pending balance less the fee, and issues the
    /// week's invoice; returns how many weeks were billed. Each week is its
    /// own transaction; the unique week row makes a second worker skip it.
    pub async fn bill_hourly_weeks(&self, now: DateTime<Utc>) -> Result<usize, MarketError> {
        let this_week = week_start(now.date_naive());
        let mut billed = 0;
        for (contract_id, monday) in
            hourly::unbilled_weeks(&self.db, this_week).await?.into_iter().take(SWEEP_BATCH as usize)
        {
            match self.bill_week(contract_id, monday, now).await {
                Ok(true) => billed += 1,
                Ok(false) => {}
                // One client's failed charge must not hold up everyone else's week.
                Err(err) => tracing::error!(%contract_id, %monday, error = %err, "billing an hourly week failed"),
            }
        }
        Ok(billed)
    }

    async fn bill_week(
        &self,
        contract_id: ContractId,
        monday: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, MarketError> {
        let txn = store::begin_write(&self.db).await?;
        let contract = contracts::find_for_update(&txn, contract_id).await?.ok_or(MarketError::NotFound("contract"))?;
        let Some(rate) = contract.hourly_rate else { return Ok(false) };
        let entries = hourly::entries(&txn, contract_id, monday, week_end(monday)).await?;
        let minutes: u32 = entries.iter().filter(|e| e.hourly_week_id.is_none()).map(|e| e.minutes).sum();
        if minutes == 0 {
            return Ok(false);
        }
        let settings = settings::current(&txn).await?;
        let amount = week_amount(minutes, rate).map_err(|e| invalid(e.into()))?;
        let fee = amount.percentage(settings.freelancer_fee_bps).map_err(|e| invalid(e.into()))?;
        let week = HourlyWeekRecord {
            id: uuid::Uuid::now_v7(),
            contract_id,
            week_start: monday,
            minutes,
            amount,
            freelancer_net: amount.checked_sub(fee).map_err(|e| invalid(e.into()))?,
            status: HourlyWeekStatus::Held,
            release_after: now + Duration::days(i64::from(settings.hourly_review_days)),
            created_at: now,
        };
        match hourly::insert_week(&txn, &week, now).await {
            Err(StoreError::Duplicate(_)) => return Ok(false),
            other => other?,
        }
        hourly::mark_billed(&txn, contract_id, monday, week.id).await?;
        let books = Books { provider: self.provider.as_ref(), notifier: &self.notifier, settings, now };
        let key = format!("week-{contract_id}-{monday}");
        let charged = books.charge(&txn, &contract, None, amount, key, None).await?;
        hourly::set_charge_transaction(&txn, week.id, charged.transaction).await?;
        let client_fee = charged.client_fee;
        let freelancer_fee = books.release(&txn, &contract, None, amount, true).await?;
        let line = InvoiceLine {
            description: format!("Week of {monday}: {} at {rate}/h", hours_and_minutes(minutes)),
            minutes: Some(minutes),
            hourly_rate: Some(rate),
            amount,
            client_fee,
            freelancer_fee,
        };
        let bill = Bill {
            kind: InvoiceKind::HourlyWeek,
            billed: Billed::HourlyWeek(week.id),
            period: Some((monday, week_end(monday))),
            lines: vec![line],
        };
        issue(&txn, &self.notifier, &contract, bill, now).await?;
        txn.commit().await?;
        Ok(true)
    }

    /// Makes held weeks whose review period has passed available to the
    /// freelancer; returns how many.
    pub async fn release_reviewed_weeks(&self, now: DateTime<Utc>) -> Result<usize, MarketError> {
        let mut released = 0;
        for week in hourly::reviewed(&self.db, now, SWEEP_BATCH).await? {
            let txn = store::begin_write(&self.db).await?;
            if !hourly::set_week_status(&txn, week.id, HourlyWeekStatus::Held, HourlyWeekStatus::Released, now).await? {
                continue;
            }
            let contract = contracts::find(&txn, week.contract_id).await?.ok_or(MarketError::NotFound("contract"))?;
            let transaction = rules::clear_pending(contract.freelancer_id, week.freelancer_net).map_err(invalid)?;
            let subject = Subject { contract: Some(contract.id), ..Subject::default() };
            ledger::record(&txn, &transaction, subject, now).await?;
            txn.commit().await?;
            released += 1;
        }
        Ok(released)
    }
}

/// The contract whose timesheet `user` may write: its freelancer's, while
/// it is an active hourly contract. The row stays locked, so two entries
/// at once are checked against the weekly limit one after the other.
async fn timesheet_of(
    db: &impl ConnectionTrait,
    user: UserId,
    contract_id: ContractId,
) -> Result<ContractRecord, MarketError> {
    let contract = contracts::find_for_update(db, contract_id)
        .await?
        .filter(|c| c.is_party(user))
        .ok_or(MarketError::NotFound("contract"))?;
    if user != contract.freelancer_id {
        return Err(MarketError::forbidden("freelancer_only", "only the freelancer logs time"));
    }
    if contract.payment_type != PaymentType::Hourly || contract.status != ContractStatus::Active {
        return Err(MarketError::conflict("contract_not_hourly_active", "time is logged on active hourly contracts"));
    }
    Ok(contract)
}

async fn visible_contract(
    db: &impl ConnectionTrait,
    viewer: &UserRecord,
    contract_id: ContractId,
) -> Result<ContractRecord, MarketError> {
    contracts::find(db, contract_id)
        .await?
        .filter(|c| c.is_party(viewer.id) || viewer.is_admin)
        .ok_or(MarketError::NotFound("contract"))
}

async fn own_entry(
    db: &impl ConnectionTrait,
    contract_id: ContractId,
    id: TimeEntryId,
) -> Result<TimeEntryRecord, MarketError> {
    hourly::find_entry(db, id)
        .await?
        .filter(|e| e.contract_id == contract_id)
        .ok_or(MarketError::NotFound("time entry"))
}

/// The entry on its own, its week not billed, and the week within the limit.
async fn check_entry(
    db: &impl ConnectionTrait,
    contract: &ContractRecord,
    input: &TimeEntryInput,
    editing: Option<TimeEntryId>,
    now: DateTime<Utc>,
) -> Result<(), MarketError> {
    input.validate(now.date_naive(), contract.started_at.date_naive())?;
    let monday = week_start(input.work_date);
    if hourly::weeks(db, contract.id).await?.iter().any(|w| w.week_start == monday) {
        return Err(billed());
    }
    let limit = contract.weekly_limit_hours.unwrap_or(domain::contract::DEFAULT_WEEKLY_LIMIT_HOURS);
    let logged = hourly::week_minutes(db, contract.id, monday, editing).await?;
    if !within_limit(logged + input.minutes, limit) {
        let message = format!("the week's limit is {limit} h and {} is logged already", hours_and_minutes(logged));
        return Err(ValidationError::single("minutes", message).into());
    }
    Ok(())
}

fn billed() -> MarketError {
    MarketError::conflict("week_billed", "this week is billed already; its time can no longer change")
}
