//! Hourly contracts: the freelancer logs time by hand, within the weekly
//! limit; each week (Monday to Sunday, UTC) is billed on the Monday after,
//! charged to the client, and held for a review period before it is paid.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::dispute::DisputeOutcome;
use crate::labelled_enum;
use crate::labels::IllegalTransition;
use crate::money::{Money, MoneyError};
use crate::validation::{FieldErrors, ValidationError};

/// The longest single entry: one day.
pub const MAX_ENTRY_MINUTES: u32 = 24 * 60;

labelled_enum! {
    /// Where a billed week's money is.
    pub enum HourlyWeekStatus {
        /// Charged and paid into the freelancer's pending balance; the client may still dispute it.
        Held => "held",
        /// The review period passed; the money is the freelancer's to withdraw.
        Released => "released",
        /// A party disputed it in the review period; an admin decides.
        Disputed => "disputed",
        /// A dispute gave the week's money back to the client.
        Refunded => "refunded",
        /// A dispute ended with part of the week's money to each party.
        Split => "split",
    }
}

impl HourlyWeekStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition { what: "hourly week", action, state: self.as_str() }
    }

    /// A party disputes a week still under review; it is not paid out
    /// while the dispute is open. (That the review period has not ended is
    /// the caller's check: it depends on the clock.)
    pub fn dispute(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Held => Ok(Self::Disputed),
            _ => Err(self.illegal("dispute")),
        }
    }

    /// The opener withdraws the dispute; the week is held again and paid
    /// out when its review period is over.
    pub fn undispute(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Disputed => Ok(Self::Held),
            _ => Err(self.illegal("withdraw the dispute of")),
        }
    }

    /// An admin decides a disputed week. Billed time cannot be reworked.
    pub fn settle(self, outcome: DisputeOutcome) -> Result<Self, IllegalTransition> {
        match (self, outcome) {
            (Self::Disputed, DisputeOutcome::Refund) => Ok(Self::Refunded),
            (Self::Disputed, DisputeOutcome::Release) => Ok(Self::Released),
            (Self::Disputed, DisputeOutcome::Split) => Ok(Self::Split),
            _ => Err(self.illegal("settle")),
        }
    }
}

/// Time the freelancer logs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeEntryInput {
    /// The day the work was done (UTC).
    pub work_date: NaiveDate,
    /// 1 to 1,440 minutes.
    pub minutes: u32,
    /// What was done (1 to 500 characters).
    pub memo: String,
}

impl TimeEntryInput {
    /// Checks the entry on its own: a real day, not in the future nor before
    /// the contract started, a sensible length, a memo.
    pub fn validate(&self, today: NaiveDate, started: NaiveDate) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        errors.ensure(self.work_date <= today, "work_date", "must not be in the future");
        errors.ensure(self.work_date >= started, "work_date", "must not be before the contract started");
        errors.ensure((1..=MAX_ENTRY_MINUTES).contains(&self.minutes), "minutes", "must be between 1 and 1440");
        crate::validation::text(&mut errors, "memo", &self.memo, 1, 500);
        errors.finish()
    }
}

/// The Monday of the week `day` falls in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Sunday a week starting on `monday` ends with.
pub fn week_end(monday: NaiveDate) -> NaiveDate {
    monday + Duration::days(6)
}

/// Whether a week's total stays within the weekly limit.
pub fn within_limit(week_minutes: u32, limit_hours: u16) -> bool {
    week_minutes <= u32::from(limit_hours) * 60
}

/// What `minutes` at `rate` per hour cost, rounded half up to the cent.
pub fn week_amount(minutes: u32, rate: Money) -> Result<Money, MoneyError> {
    let cents = (i128::from(rate.amount) * i128::from(minutes) + 30) / 60;
    let cents = i64::try_from(cents).map_err(|_| MoneyError::Overflow)?;
    Ok(Money::new(cents, rate.currency))
}

/// "12 h 30 min".
pub fn hours_and_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        assert_eq!(week_start(day("2026-11-29")), day("2026-11-23"), "a Sunday belongs to the week before");
        assert_eq!(week_start(day("2026-11-30")), day("2026-11-30"));
        assert_eq!(week_end(day("2026-11-23")), day("2026-11-29"));
    }

    #[test]
    fn a_week_costs_its_minutes_at_the_rate_rounded_to_the_cent() {
        let rate = Money::new(5_000, Currency::Usd);
        assert_eq!(week_amount(90, rate), Ok(Money::new(7_500, Currency::Usd)));
        let odd = Money::new(3_333, Currency::Usd);
        assert_eq!(week_amount(1, odd), Ok(Money::new(56, Currency::Usd)), "55.55 rounds up");
        assert!(week_amount(u32::MAX, Money::new(i64::MAX, Currency::Usd)).is_err());
    }

    #[test]
    fn entries_are_checked_against_the_calendar_and_the_limit() {
        let entry = TimeEntryInput { work_date: day("2026-11-27"), minutes: 90, memo: "API".into() };
        assert!(entry.validate(day("2026-11-28"), day("2026-11-01")).is_ok());
        assert!(entry.validate(day("2026-11-26"), day("2026-11-01")).is_err(), "future");
        assert!(entry.validate(day("2026-11-28"), day("2026-11-28")).is_err(), "before the start");
        assert!(TimeEntryInput { minutes: 0, ..entry.clone() }.validate(day("2026-11-28"), day("2026-11-01")).is_err());
        assert!(within_limit(40 * 60, 40));
        assert!(!within_limit(40 * 60 + 1, 40));
        assert_eq!(hours_and_minutes(750), "12 h 30 min");
    }

    #[test]
    fn a_disputed_week_waits_for_a_decision() {
        use HourlyWeekStatus as S;
        let disputed = S::Held.dispute().expect("disputable");
        assert!(S::Released.dispute().is_err() && disputed.dispute().is_err());
        assert_eq!(disputed.undispute(), Ok(S::Held));
        assert_eq!(disputed.settle(DisputeOutcome::Refund), Ok(S::Refunded));
        assert_eq!(disputed.settle(DisputeOutcome::Split), Ok(S::Split));
        assert_eq!(disputed.settle(DisputeOutcome::Release), Ok(S::Released));
        assert!(disputed.settle(DisputeOutcome::Rework).is_err());
        assert!(S::Held.settle(DisputeOutcome::Release).is_err());
    }
}
