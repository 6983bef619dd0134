//! Freelancer levels: a badge clients can read at a glance and filter by,
//! earned from the track record as on Fiverr and Upwork. The background
//! worker recomputes every freelancer's level once a day, so a level can
//! also be lost when the record no longer meets it.
//!
//! | level | completed contracts | released reviews | average stars | earned in 12 months | account age |
//! |---|---|---|---|---|---|
//! | New | — | — | — | — | — |
//! | Rising | 1 | — | 4.0 (if reviewed) | — | — |
//! | Level 1 | 3 | 1 | 4.4 | 1,000.00 | 30 days |
//! | Level 2 | 10 | 5 | 4.6 | 10,000.00 | 120 days |
//! | Top Rated | 25 | 10 | 4.8 | 30,000.00 | 365 days |
//!
//! Each level needs everything the one below it needs, and every row of its
//! own. Earnings are what the freelancer was paid (after the service fee)
//! in the last 12 months, in the currency they earned most in: amounts are
//! not converted between currencies, and each has two decimals.

use crate::labelled_enum;

labelled_enum! {
    pub enum FreelancerLevel default New {
        /// Nothing completed on Downwork yet.
        New => "new",
        /// A first contract completed well.
        Rising => "rising",
        Level1 => "level_1",
        Level2 => "level_2",
        /// The marketplace's best: long, large and consistently excellent records.
        TopRated => "top_rated",
    }
}

/// What a level is earned from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelSignals {
    pub completed_contracts: u32,
    /// Released reviews received as a freelancer, and the sum of their stars.
    pub review_count: u32,
    pub review_stars: u32,
    /// Minor units, in the currency earned most in over the last 12 months.
    pub earnings_12_months: i64,
    pub account_age_days: u32,
}

/// What one level asks for, on top of the levels below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub level: FreelancerLevel,
    pub completed_contracts: u32,
    pub review_count: u32,
    /// Hundredths of a star; checked only once there is a review.
    pub average_centi: u32,
    /// Minor units.
    pub earnings_12_months: i64,
    pub account_age_days: u32,
}

/// The levels above New, lowest first.
pub const THRESHOLDS: [Threshold; 4] = [
    // One delivered contract without a poor review: worth showing to clients.
    Threshold {
        level: FreelancerLevel::Rising,
        completed_contracts: 1,
        review_count: 0,
        average_centi: 400,
        earnings_12_months: 0,
        account_age_days: 0,
    },
    // A few contracts, a real income and a month on the platform: no longer a one-off.
    Threshold {
        level: FreelancerLevel::Level1,
        completed_contracts: 3,
        review_count: 1,
        average_centi: 440,
        earnings_12_months: 100_000,
        account_age_days: 30,
    },
    // Sustained work over a season, reviewed by several clients.
    Threshold {
        level: FreelancerLevel::Level2,
        completed_contracts: 10,
        review_count: 5,
        average_centi: 460,
        earnings_12_months: 1_000_000,
        account_age_days: 120,
    },
    // A year of consistently excellent, substantial work.
    Threshold {
        level: FreelancerLevel::TopRated,
        completed_contracts: 25,
        review_count: 10,
        average_centi: 480,
        earnings_12_months: 3_000_000,
        account_age_days: 365,
    },
];

impl Threshold {
    pub fn is_met(&self, s: &LevelSignals) -> bool {
        let stars_ok = s.review_count == 0
            || u64::from(s.review_stars) * 100 >= u64::from(self.average_centi) * u64::from(s.review_count);
        s.completed_contracts >= self.completed_contracts
            && s.review_count >= self.review_count
            && stars_ok
            && s.earnings_12_months >= self.earnings_12_months
            && s.account_age_days >= self.account_age_days
    }
}

impl FreelancerLevel {
    /// The highest level whose thresholds, and those of every level below
    /// it, the record meets.
    pub fn earned(signals: &LevelSignals) -> Self {
        THRESHOLDS.iter().take_while(|t| t.is_met(signals)).last().map_or(Self::New, |t| t.level)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const NOTHING: LevelSignals = LevelSignals {
        completed_contracts: 0,
        review_count: 0,
        review_stars: 0,
        earnings_12_months: 0,
        account_age_days: 0,
    };

    #[test]
    fn a_first_completed_contract_makes_a_freelancer_rising() {
        assert_eq!(FreelancerLevel::earned(&NOTHING), FreelancerLevel::New);
        let first = LevelSignals { completed_contracts: 1, ..NOTHING };
        assert_eq!(FreelancerLevel::earned(&first), FreelancerLevel::Rising);
        let poorly = LevelSignals { review_count: 1, review_stars: 3, ..first };
        assert_eq!(FreelancerLevel::earned(&poorly), FreelancerLevel::New);
    }

    #[test]
    fn each_threshold_must_be_met_in_full() {
        let level_1 = LevelSignals {
            completed_contracts: 3,
            review_count: 1,
            review_stars: 5,
            earnings_12_months: 100_000,
            account_age_days: 30,
        };
        assert_eq!(FreelancerLevel::earned(&level_1), FreelancerLevel::Level1);
        for short in [
            LevelSignals { completed_contracts: 2, ..level_1 },
            LevelSignals { review_count: 0, review_stars: 0, ..level_1 },
            LevelSignals { review_count: 2, review_stars: 8, ..level_1 },
            LevelSignals { earnings_12_months: 99_999, ..level_1 },
            LevelSignals { account_age_days: 29, ..level_1 },
        ] {
            assert_eq!(FreelancerLevel::earned(&short), FreelancerLevel::Rising, "{short:?}");
        }
        let top = LevelSignals {
            completed_contracts: 40,
            review_count: 30,
            review_stars: 147,
            earnings_12_months: 5_000_000,
            account_age_days: 400,
        };
        assert_eq!(FreelancerLevel::earned(&top), FreelancerLevel::TopRated);
    }

    #[test]
    fn thresholds_rise_with_the_level() {
        for pair in THRESHOLDS.windows(2) {
            let (low, high) = (pair[0], pair[1]);
            assert!(high.completed_contracts >= low.completed_contracts);
            assert!(high.review_count >= low.review_count);
            assert!(high.average_centi >= low.average_centi);
            assert!(high.earnings_12_months >= low.earnings_12_months);
            assert!(high.account_age_days >= low.account_age_days);
        }
    }

    fn rank(level: FreelancerLevel) -> usize {
        FreelancerLevel::ALL.iter().position(|l| *l == level).unwrap_or_default()
    }

    prop_compose! {
        fn signals()(
            completed_contracts in 0u32..60,
            (review_count, average) in (0u32..40, 1u32..=5),
            earnings_12_months in 0i64..6_000_000,
            account_age_days in 0u32..800,
        ) -> LevelSignals {
            LevelSignals {
                completed_contracts,
                review_count,
                review_stars: review_count * average,
                earnings_12_months,
                account_age_days,
            }
        }
    }

    proptest! {
        #[test]
        fn more_of_the_record_never_lowers_the_level(s in signals(), more in 1u32..30) {
            let base = rank(FreelancerLevel::earned(&s));
            let better = [
                LevelSignals { completed_contracts: s.completed_contracts + more, ..s },
                LevelSignals { earnings_12_months: s.earnings_12_months + i64::from(more) * 100_000, ..s },
                LevelSignals { account_age_days: s.account_age_days + more * 10, ..s },
                LevelSignals { review_stars: (s.review_stars + more).min(s.review_count * 5), ..s },
                LevelSignals { review_count: s.review_count + more, review_stars: s.review_stars + 5 * more, ..s },
            ];
            for (i, signals) in better.iter().enumerate() {
                prop_assert!(rank(FreelancerLevel::earned(signals)) >= base, "change {i} for {s:?}");
            }
        }
    }
}
