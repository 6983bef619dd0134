//! Withdrawals, where each user's payouts go, and each user's money history
//! and monthly figures, all read from the ledger.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use domain::ledger::{Account, Movement, rules};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::withdrawal::{WithdrawalStatus, check_amount};
use domain::{Currency, Money, UserId, ValidationError, WithdrawalId};
use serde_json::json;
use store::ledger::{self, EntryWindow, Subject, UserEntry};
use store::provider::{self, PaymentKind};
use store::withdrawals::{self, WithdrawalRecord};

use super::{Payments, invalid};
use crate::jobs::MarketError;
use crate::ports::Payout;

/// One line of a user's money history.
pub type TransactionRecord = UserEntry;

/// What a user earned and spent in one month, per currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFigures {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Paid to the user as a freelancer, after service fees.
    pub earned: Vec<Money>,
    /// Paid by the user as a client, fees included, less refunds.
    pub spent: Vec<Money>,
}

/// The longest span the monthly figures cover at once.
const MAX_MONTHS: u32 = 36;

impl Payments {
    /// Moves `amount` of the user's available balance out through the
    /// provider. The balance row is locked first, so two withdrawals at once
    /// cannot both spend the same money.
    pub async fn withdraw(&self, user: UserId, amount: Money) -> Result<WithdrawalRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let available = ledger::balance_for_update(&txn, Account::Available(user), amount.currency).await?;
        check_amount(amount, available)?;
        let destination = withdrawals::payout_destination(&txn, user, self.provider.name()).await?;
        let id = WithdrawalId::new();
        let transaction = rules::withdraw(user, amount).map_err(invalid)?;
        let payout = Payout {
            key: format!("withdraw-{id}"),
            amount,
            destination: destination.clone(),
            description: "Downwork earnings".to_owned(),
        };
        let receipt = self.provider.payout(payout).await?;
        let subject = Subject { user: Some(user), ..Subject::default() };
        let booked = ledger::record(&txn, &transaction, subject, now).await?;
        let name = self.provider.name();
        provider::record_payment(&txn, PaymentKind::Payout, name, &receipt.reference, amount, booked, now).await?;
        let record = WithdrawalRecord {
            id,
            user_id: user,
            amount,
            status: WithdrawalStatus::Paid,
            provider: name.to_owned(),
            destination,
            reference: Some(receipt.reference),
            created_at: now,
        };
        withdrawals::insert(&txn, &record).await?;
        txn.commit().await?;
        Ok(record)
    }

    /// The caller's withdrawals, newest first.
    pub async fn my_withdrawals(
        &self,
        user: UserId,
        page: &PageRequest<WithdrawalId>,
    ) -> Result<Page<WithdrawalRecord>, MarketError> {
        Ok(withdrawals::for_user(&self.db, user, page).await?)
    }

    /// Where the user's withdrawals go at the configured provider, if set.
    pub async fn payout_destination(&self, user: UserId) -> Result<Option<String>, MarketError> {
        Ok(withdrawals::payout_destination(&self.db, user, self.provider.name()).await?)
    }

    /// Where the user's withdrawals go at the configured provider: a Stripe
    /// connected account (`acct_...`) or a PayPal e-mail address.
    pub async fn set_payout_destination(&self, user: UserId, destination: &str) -> Result<(), MarketError> {
        let destination = destination.trim();
        let valid = match self.provider.name() {
            "stripe" => destination.starts_with("acct_") && destination.len() <= 255,
            "paypal" => destination.contains('@') && destination.len() <= 254,
            _ => !destination.is_empty() && destination.len() <= 255,
        };
        if !valid {
            let message = format!("is not a {} payout destination", self.provider.name());
            return Err(ValidationError::single("destination", message).into());
        }
        withdrawals::set_payout_destination(&self.db, user, self.provider.name(), destination, Utc::now()).await?;
        Ok(())
    }

    /// The caller's money history, newest first.
    pub async fn transactions(
        &self,
        user: UserId,
        page: &PageRequest<uuid::Uuid>,
    ) -> Result<Page<TransactionRecord>, MarketError> {
        let window = EntryWindow::Page { before: page.after, limit: page.limit + 1 };
        let entries = ledger::user_entries(&self.db, user, window).await?;
        Ok(Page::from_rows(entries, page.limit, |e| e.transaction_id))
    }

    /// Earnings and spending per month from `from` to `to` (first days of
    /// months, both included), every month present even when nothing moved.
    pub async fn monthly(
        &self,
        user: UserId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<MonthFigures>, MarketError> {
        let months = months_between(from, to)?;
        let (Some(first), Some(last)) = (months.first(), months.last()) else { return Ok(Vec::new()) };
        let end = next_month(*last);
        let window = EntryWindow::Between { from: start_of(*first), to: start_of(end) };
        let entries = ledger::user_entries(&self.db, user, window).await?;
        let mut sums: BTreeMap<(NaiveDate, Currency), (i64, i64)> = BTreeMap::new();
        for entry in entries {
            let month = first_of_month(entry.created_at.date_naive());
            let sum = sums.entry((month, entry.amount.currency)).or_default();
            match (entry.movement, entry.account) {
                // A disputed hourly week given back takes its pay out of pending again.
                (Movement::Release | Movement::Refund, "available" | "pending") => sum.0 += entry.amount.amount,
                // A client's charge is negative and a refund positive, from their side.
                (Movement::Fund | Movement::Refund, "payment") => sum.1 -= entry.amount.amount,
                _ => {}
            }
        }
        Ok(months
            .into_iter()
            .map(|month| {
                let of = |pick: fn(&(i64, i64)) -> i64| -> Vec<Money> {
                    sums.iter()
                        .filter(|((m, _), _)| *m == month)
                        .map(|((_, currency), sum)| Money::new(pick(sum), *currency))
                        .filter(|money| money.amount != 0)
                        .collect()
                };
                MonthFigures { month, earned: of(|s| s.0), spent: of(|s| s.1) }
            })
            .collect())
    }

    /// A payout the provider reports as failed: the withdrawal's money comes
    /// back to the user's available balance, once.
    pub(super) async fn reverse_withdrawal(
        &self,
        db: &impl store::ConnectionTrait,
        reference: &str,
        now: DateTime<Utc>,
    ) -> Result<(), MarketError> {
        let Some(withdrawal) = withdrawals::find_by_reference(db, self.provider.name(), reference).await? else {
            return Ok(());
        };
        if !withdrawals::mark_failed(db, withdrawal.id, now).await? {
            return Ok(());
        }
        let transaction = rules::return_payout(withdrawal.user_id, withdrawal.amount).map_err(invalid)?;
        let subject = Subject { user: Some(withdrawal.user_id), ..Subject::default() };
        ledger::record(db, &transaction, subject, now).await?;
        let payload = json!({ "withdrawal_id": withdrawal.id, "amount": withdrawal.amount });
        self.notifier.notify(db, withdrawal.user_id, NotificationKind::WithdrawalFailed, payload, now).await?;
        Ok(())
    }
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn next_month(month: NaiveDate) -> NaiveDate {
    let (year, next) = if month.month() == 12 { (month.year() + 1, 1) } else { (month.year(), month.month() + 1) };
    NaiveDate::from_ymd_opt(year, next, 1).unwrap_or(month)
}

fn start_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// The first days of the months from `from` to `to`, both included.
fn months_between(from: NaiveDate, to: NaiveDate) -> Result<Vec<NaiveDate>, MarketError> {
    let (mut month, last) = (first_of_month(from), first_of_month(to));
    if month > last {
        return Err(ValidationError::single("from", "must not be after to").into());
    }
    let mut months = Vec::new();
    while month <= last {
        if months.len() == MAX_MONTHS as usize {
            return Err(ValidationError::single("to", format!("at most {MAX_MONTHS} months at once")).into());
        }
        months.push(month);
        month = next_month(month);
    }
    Ok(months)
}
