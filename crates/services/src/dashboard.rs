//! Dashboards: each user's own figures, and the platform's for admins. All
//! are computed from the tables and the ledger when asked.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use domain::contract::ContractStatus;
use domain::level::FreelancerLevel;
use domain::profile_view::DayViews;
use domain::{Money, UserId};
use store::Db;
use store::metrics::{self, Range};

use crate::balances::Balance;
use crate::jobs::MarketError;
use crate::payments::MonthFigures;
use crate::ports::Fanout;
use crate::{Balances, Payments, ProfileViews};

/// Months of earnings and spending a dashboard shows, this one included.
const MONTHS: u32 = 12;
/// Open jobs a client's dashboard lists, newest first.
const OPEN_JOBS: u64 = 20;

#[derive(Debug, Clone)]
pub struct FreelancerFigures {
    pub active_contracts: u64,
    pub proposals_by_status: BTreeMap<String, u64>,
    pub months: Vec<MonthFigures>,
    pub balance: Balance,
    pub profile_views: Vec<DayViews>,
    /// Completed contracts out of all ended ones, 0 to 100; none before the first ends.
    pub job_success_score: Option<u8>,
    pub level: Option<FreelancerLevel>,
}

#[derive(Debug, Clone)]
pub struct ClientFigures {
    pub open_jobs: Vec<(domain::JobId, String, u64)>,
    /// All open jobs, also those past the first page in `open_jobs`.
    pub open_jobs_total: u64,
    pub active_contracts: u64,
    pub months: Vec<MonthFigures>,
    pub freelancers_hired: u64,
}

#[derive(Debug, Clone)]
pub struct PlatformFigures {
    pub range: Range,
    /// Sign-ups per day in the range: (day, freelancers, clients).
    pub signups: Vec<(NaiveDate, u64, u64)>,
    /// Everyone now: freelancers, clients, admins.
    pub users_by_role: (u64, u64, u64),
    pub jobs_posted: u64,
    pub contracts_started: u64,
    /// What clients were charged to fund work in the range, fees included.
    pub gross_volume: Vec<Money>,
    /// Fees the platform kept from movements in the range (net of refunded fees).
    pub platform_revenue: Vec<Money>,
    /// Client money held in escrow now.
    pub escrow_held: Vec<Money>,
    pub active_sockets: u64,
    /// Disputes waiting for a decision now.
    pub disputes_open: u64,
    pub disputes_opened: u64,
    /// Median seconds from opening to decision of the disputes decided in the range.
    pub median_resolution_seconds: Option<i64>,
}

#[derive(Clone)]
pub struct Dashboard {
    db: Db,
    payments: Payments,
    balances: Balances,
    views: ProfileViews,
    fanout: std::sync::Arc<dyn Fanout>,
}

impl Dashboard {
    pub fn new(
        db: Db,
        payments: Payments,
        balances: Balances,
        views: ProfileViews,
        fanout: std::sync::Arc<dyn Fanout>,
    ) -> Self {
        Self { db, payments, balances, views, fanout }
    }

    pub async fn freelancer(&self, user: UserId, now: DateTime<Utc>) -> Result<FreelancerFigures, MarketError> {
        let contracts = metrics::contracts_by_status(&self.db, user, false).await?;
        let count = |status: ContractStatus| contracts.get(status.as_str()).copied().unwrap_or(0);
        let ended = count(ContractStatus::Completed) + count(ContractStatus::Cancelled);
        let job_success_score =
            (ended > 0).then(|| u8::try_from(count(ContractStatus::Completed) * 100 / ended).unwrap_or(100));
        let level = store::profiles::load(&self.db, user).await?.and_then(|p| p.freelancer).map(|f| f.level);
        Ok(FreelancerFigures {
            active_contracts: count(ContractStatus::Active),
            proposals_by_status: metrics::proposals_by_status(&self.db, user).await?,
            months: self.months(user, now).await?,
            balance: self.balances.of(user).await?,
            profile_views: self.views.series(user, None, None, now).await?,
            job_success_score,
            level,
        })
    }

    pub async fn client(&self, user: UserId, now: DateTime<Utc>) -> Result<ClientFigures, MarketError> {
        let contracts = metrics::contracts_by_status(&self.db, user, true).await?;
        let first_page = domain::pagination::PageRequest { limit: OPEN_JOBS, after: None };
        let jobs =
            store::jobs::list_for_client(&self.db, user, Some(domain::job::JobStatus::Open), &first_page).await?;
        let jobs_by_status = metrics::jobs_by_status(&self.db, user).await?;
        Ok(ClientFigures {
            open_jobs: jobs.items.into_iter().map(|own| (own.job.id, own.job.title, own.proposals)).collect(),
            open_jobs_total: jobs_by_status.get(domain::job::JobStatus::Open.as_str()).copied().unwrap_or(0),
            active_contracts: contracts.get(ContractStatus::Active.as_str()).copied().unwrap_or(0),
            months: self.months(user, now).await?,
            freelancers_hired: metrics::freelancers_hired(&self.db, user).await?,
        })
    }

    /// The platform's figures over `range`.
    pub async fn platform(&self, range: Range) -> Result<PlatformFigures, MarketError> {
        if range.to <= range.from || range.to - range.from > Duration::days(366) {
            return Err(MarketError::Invalid(domain::ValidationError::single("to", "the range must be 1 to 366 days")));
        }
        let mut days: BTreeMap<NaiveDate, (u64, u64)> = BTreeMap::new();
        let mut day = range.from.date_naive();
        while day < range.to.date_naive() || (day == range.to.date_naive() && range.to.time() > chrono::NaiveTime::MIN)
        {
            days.insert(day, (0, 0));
            day += Duration::days(1);
        }
        let db = &self.db;
        // The figures are independent reads: asked at once, the answer takes
        // as long as the slowest rather than the sum.
        let (signups, users_by_role, jobs_posted, contracts_started, gross, revenue, escrow, open, opened, resolved) =
            tokio::try_join!(
                metrics::signups(db, range),
                metrics::users_by_role(db),
                metrics::jobs_posted(db, range),
                metrics::contracts_started(db, range),
                // The provider's clearing account is debited by what clients pay in.
                metrics::posted(db, "provider_clearing", Some("fund"), Some(range)),
                metrics::posted(db, "platform_revenue", None, Some(range)),
                metrics::posted(db, "escrow", None, None),
                metrics::disputes_open(db),
                metrics::disputes_opened(db, range),
                metrics::disputes_resolved(db, range),
            )?;
        for (day, freelancers, clients) in signups {
            let counts = days.entry(day).or_default();
            counts.0 += freelancers;
            counts.1 += clients;
        }
        let money = |sums: BTreeMap<String, i64>, sign: i64| -> Vec<Money> {
            sums.into_iter()
                .filter_map(|(currency, total)| Some(Money::new(total * sign, currency.parse().ok()?)))
                .filter(|m| m.amount != 0)
                .collect()
        };
        Ok(PlatformFigures {
            signups: days.into_iter().map(|(day, (f, c))| (day, f, c)).collect(),
            users_by_role,
            jobs_posted,
            contracts_started,
            gross_volume: money(gross, -1),
            platform_revenue: money(revenue, 1),
            escrow_held: money(escrow, 1),
            active_sockets: self.fanout.connected().await,
            disputes_open: open,
            disputes_opened: opened,
            median_resolution_seconds: median_seconds(resolved),
            range,
        })
    }

    async fn months(&self, user: UserId, now: DateTime<Utc>) -> Result<Vec<MonthFigures>, MarketError> {
        let this_month = NaiveDate::from_ymd_opt(now.year(), now.month(), 1).unwrap_or(now.date_naive());
        let first = this_month.checked_sub_months(chrono::Months::new(MONTHS - 1)).unwrap_or(this_month);
        self.payments.monthly(user, first, this_month).await
    }
}

/// The median of the spans, in whole seconds (the mean of the middle two
/// when there is an even number); none without spans. Sorting in memory is
/// the one way that works alike on every backend, and disputes are few.
fn median_seconds(spans: Vec<(DateTime<Utc>, DateTime<Utc>)>) -> Option<i64> {
    let mut seconds: Vec<i64> = spans.into_iter().map(|(from, to)| (to - from).num_seconds()).collect();
    seconds.sort_unstable();
    let middle = seconds.len() / 2;
    match seconds.len() {
        0 => None,
        n if n % 2 == 1 => Some(seconds[middle]),
        _ => Some((seconds[middle - 1] + seconds[middle]) / 2),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::median_seconds;

    #[test]
    fn the_median_is_the_middle_span_or_the_mean_of_the_middle_two() {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("a time");
        let spans = |secs: &[i64]| secs.iter().map(|s| (at, at + Duration::seconds(*s))).collect::<Vec<_>>();
        assert_eq!(median_seconds(spans(&[])), None);
        assert_eq!(median_seconds(spans(&[50, 10, 900])), Some(50));
        assert_eq!(median_seconds(spans(&[7200, 3600])), Some(5400));
    }
}
