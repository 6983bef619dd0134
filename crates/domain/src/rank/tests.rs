use proptest::prelude::*;

use super::*;

fn complete(availability: Availability) -> RankSignals {
    RankSignals {
        has_headline: true,
        has_bio: true,
        skill_count: 3,
        has_hourly_rate: true,
        has_portfolio: true,
        has_avatar: true,
        ..RankSignals::newcomer(availability)
    }
}

#[test]
fn the_weights_add_up_to_a_thousand() {
    let total = RATING_POINTS
        + COMPLETED_POINTS
        + REPEAT_CLIENT_POINTS
        + RECENCY_POINTS
        + RECOMMENDATION_POINTS
        + COMPLETENESS_POINTS
        + AVAILABILITY_POINTS;
    assert!((total - 1000.0).abs() < f64::EPSILON);
}

#[test]
fn a_complete_newcomer_starts_from_the_prior() {
    // 350 * 3/4 for the 4-star prior, 100 complete, 50 available.
    assert_eq!(rank_score(&complete(Availability::FullTime)), 413);
    assert_eq!(rank_score(&RankSignals::newcomer(Availability::NotAvailable)), 263);
}

#[test]
fn many_good_reviews_beat_one_perfect_one() {
    let one_perfect = RankSignals { review_count: 1, review_stars: 5, ..complete(Availability::FullTime) };
    let many_good = RankSignals { review_count: 50, review_stars: 240, ..complete(Availability::FullTime) };
    assert!(rank_score(&many_good) > rank_score(&one_perfect));
    let one_bad = RankSignals { review_count: 1, review_stars: 1, ..complete(Availability::FullTime) };
    assert!(rank_score(&one_bad) > rank_score(&RankSignals { review_count: 10, review_stars: 10, ..one_bad }));
}

#[test]
fn the_best_record_reaches_nearly_a_thousand() {
    let best = RankSignals {
        review_count: 500,
        review_stars: 2_500,
        completed_contracts: 500,
        repeat_clients: 100,
        days_since_activity: Some(0),
        recommenders: 100,
        ..complete(Availability::FullTime)
    };
    let score = rank_score(&best);
    assert!((990..=1000).contains(&score), "{score}");
}

#[test]
fn recency_fades_over_ninety_days() {
    let at = |days| rank_score(&RankSignals { days_since_activity: Some(days), ..complete(Availability::FullTime) });
    assert_eq!(at(0) - at(90), 80);
    assert_eq!(at(45) - at(90), 40);
    assert_eq!(at(90), at(400));
    assert_eq!(at(90), rank_score(&complete(Availability::FullTime)));
}

fn availability() -> impl Strategy<Value = Availability> {
    prop_oneof![Just(Availability::FullTime), Just(Availability::PartTime), Just(Availability::NotAvailable)]
}

prop_compose! {
    fn signals()(
        (review_count, average) in (0u32..2_000, 1u32..=5),
        extra in 0u32..2_000,
        completed_contracts in 0u32..5_000,
        repeat_clients in 0u32..500,
        days_since_activity in proptest::option::of(0u32..1_000),
        recommenders in 0u32..1_000,
        availability in availability(),
        flags in proptest::collection::vec(any::<bool>(), 5),
        skill_count in 0usize..20,
    ) -> RankSignals {
        // Stars between count * average and at most five per review.
        let review_stars = (review_count * average + extra.min(review_count * (5 - average))).min(review_count * 5);
        RankSignals {
            review_count,
            review_stars,
            completed_contracts,
            repeat_clients,
            days_since_activity,
            recommenders,
            availability,
            has_headline: flags[0],
            has_bio: flags[1],
            skill_count,
            has_hourly_rate: flags[2],
            has_portfolio: flags[3],
            has_avatar: flags[4],
        }
    }
}

proptest! {
    #[test]
    fn the_score_stays_within_zero_and_a_thousand(s in signals()) {
        let score = rank_score(&s);
        prop_assert!((0..=1000).contains(&score), "{score} for {s:?}");
    }

    #[test]
    fn more_of_any_good_thing_never_lowers_the_score(s in signals(), more in 1u32..50) {
        let base = rank_score(&s);
        let better = [
            RankSignals { completed_contracts: s.completed_contracts + more, ..s },
            RankSignals { repeat_clients: s.repeat_clients + more, ..s },
            RankSignals { recommenders: s.recommenders + more, ..s },
            RankSignals { days_since_activity: Some(s.days_since_activity.map_or(0, |d| d.saturating_sub(more))), ..s },
            // Higher stars on the same reviews.
            RankSignals { review_stars: (s.review_stars + more).min(s.review_count * 5), ..s },
            // More reviews at five stars.
            RankSignals { review_count: s.review_count + more, review_stars: s.review_stars + 5 * more, ..s },
            RankSignals { has_headline: true, has_bio: true, has_portfolio: true, has_avatar: true, ..s },
            RankSignals { has_hourly_rate: true, skill_count: s.skill_count.max(3), ..s },
        ];
        for (i, signals) in better.iter().enumerate() {
            prop_assert!(rank_score(signals) >= base, "change {i}: {} < {base} for {s:?}", rank_score(signals));
        }
    }

    #[test]
    fn availability_orders_otherwise_equal_profiles(s in signals()) {
        let at = |availability| rank_score(&RankSignals { availability, ..s });
        prop_assert!(at(Availability::FullTime) >= at(Availability::PartTime));
        prop_assert!(at(Availability::PartTime) >= at(Availability::NotAvailable));
    }
}
