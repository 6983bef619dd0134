//! Profile views: how often a profile was looked at, per UTC day, for the
//! owner's dashboard. A viewer counts once per profile and day, however
//! often they reload it, so the figure means "people", not "page loads".

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::validation::ValidationError;

/// The longest series asked for at once: a year, leap day included.
pub const MAX_SERIES_DAYS: u64 = 366;
/// The series given when no range is asked for: the last 30 days.
pub const DEFAULT_SERIES_DAYS: u64 = 30;

/// Views of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayViews {
    pub day: NaiveDate,
    pub views: u64,
}

/// The days of a series: `from` and `to` both included, defaulting to the
/// [`DEFAULT_SERIES_DAYS`] ending `today`.
pub fn series_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), ValidationError> {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| to.checked_sub_days(Days::new(DEFAULT_SERIES_DAYS - 1)).unwrap_or(to));
    if from > to {
        return Err(ValidationError::single("from", "must not be after to"));
    }
    let span = u64::try_from((to - from).num_days()).unwrap_or(u64::MAX).saturating_add(1);
    if span > MAX_SERIES_DAYS {
        return Err(ValidationError::single("to", format!("at most {MAX_SERIES_DAYS} days at once")));
    }
    Ok((from, to))
}

/// Every day from `from` to `to`, with the counted views or zero.
pub fn fill_series(from: NaiveDate, to: NaiveDate, counted: &BTreeMap<NaiveDate, u64>) -> Vec<DayViews> {
    from.iter_days()
        .take_while(|day| *day <= to)
        .map(|day| DayViews { day, views: counted.get(&day).copied().unwrap_or(0) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("date")
    }

    #[test]
    fn every_day_of_the_range_is_listed_with_zeros_between() {
        let counted = BTreeMap::from([(day(2), 3), (day(4), 1)]);
        let views: Vec<u64> = fill_series(day(1), day(5), &counted).iter().map(|d| d.views).collect();
        assert_eq!(views, [0, 3, 0, 1, 0]);
    }

    #[test]
    fn the_range_defaults_to_the_last_thirty_days_and_is_bounded() {
        assert_eq!(series_range(None, None, day(31)), Ok((day(2), day(31))));
        assert_eq!(series_range(Some(day(5)), Some(day(5)), day(31)), Ok((day(5), day(5))));
        assert!(series_range(Some(day(6)), Some(day(5)), day(31)).is_err());
        let long_ago = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
        assert!(series_range(Some(long_ago), Some(day(5)), day(31)).is_err());
    }
}
