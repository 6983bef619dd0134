//! Demo work: jobs posted by the demo clients across the taxonomy, and the
//! freelancers' proposals on them.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use domain::job::{ExperienceLevel, JobStatus, PaymentTerms, PaymentType, ProjectDuration, Visibility};
use domain::proposal::ProposalInput;
use domain::settings::PlatformSettings;
use domain::user::Role;
use domain::{Currency, JobId, Money};
use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;
use rand::{Rng as _, SeedableRng as _};
use store::jobs::{self, JobContent, NewJob};
use store::skills::SkillRecord;
use store::{proposals, users};

use super::{DEMO_DOMAIN, progress};

const JOB_BATCH: u32 = 500;
const PROPOSAL_BATCH: usize = 1_000;

/// Demo jobs are posted for the default posting window.
fn open_days() -> i64 {
    i64::from(PlatformSettings::default().job_open_days)
}

const OBJECTS: [&str; 14] = [
    "an online store",
    "a booking system",
    "a mobile app",
    "a data pipeline",
    "a marketing website",
    "an internal dashboard",
    "a payment integration",
    "a brand identity",
    "a product launch video",
    "a public API",
    "a recommendation engine",
    "a customer portal",
    "a newsletter",
    "an inventory system",
];
const TITLES: [&str; 6] = [
    "{skill} developer for {object}",
    "Build {object} with {skill}",
    "{skill} expert needed for {object}",
    "Improve and maintain {object}",
    "{skill} help to launch {object}",
    "Senior {skill} freelancer for {object}",
];
const CLIENTS: [&str; 8] = [
    "a family bakery",
    "a fintech startup",
    "a regional hospital",
    "an online school",
    "a travel agency",
    "a logistics company",
    "a fashion label",
    "a nonprofit",
];
const ASKS: [&str; 6] = [
    "You will work closely with our small team and report progress weekly.",
    "Clean, tested work and clear communication matter more to us than speed.",
    "Please share examples of similar work in your proposal.",
    "The first milestone is a short discovery phase with a written plan.",
    "We value freelancers who suggest better ways of doing things.",
    "Long-term collaboration is possible if the first project goes well.",
];

/// Adds jobs until the database holds `target` of them.
pub async fn seed_jobs(db: &store::Db, target: u32) -> anyhow::Result<u32> {
    let clients = users::ids_at_domain(db, DEMO_DOMAIN, Role::Client).await?;
    anyhow::ensure!(!clients.is_empty() || target == 0, "jobs need demo clients: seed some users first");
    let existing = u32::try_from(jobs::count_all(db).await?).unwrap_or(u32::MAX);
    if existing >= target {
        return Ok(0);
    }
    let by_category = skills_by_category(db).await?;
    let bar = progress("jobs", u64::from(target))?;
    bar.set_position(u64::from(existing));
    let now = Utc::now();
    let mut n = existing;
    while n < target {
        let end = (n + JOB_BATCH).min(target);
        let contents: Vec<(usize, JobContent, JobStatus, Duration)> = (n..end)
            .map(|i| {
                let mut rng = StdRng::seed_from_u64(u64::from(i) + 1_000_000);
                let (content, status, age) = job(&mut rng, &by_category);
                (i as usize % clients.len(), content, status, age)
            })
            .collect();
        let batch: Vec<NewJob<'_>> = contents
            .iter()
            .map(|(client, content, status, age)| {
                let posted_at = now - *age;
                let posted =
                    (*status != JobStatus::Draft).then(|| (posted_at, posted_at + Duration::days(open_days())));
                NewJob {
                    id: JobId::new(),
                    client_id: clients[*client],
                    content,
                    status: *status,
                    posted,
                    now: posted_at,
                }
            })
            .collect();
        let txn = store::begin_write(db).await?;
        jobs::insert_batch(&txn, &batch).await?;
        txn.commit().await?;
        bar.set_position(u64::from(end));
        n = end;
    }
    bar.finish();
    Ok(target - existing)
}

/// Adds proposals by random demo freelancers on random open jobs until the
/// database holds `target` of them.
pub async fn seed_proposals(db: &store::Db, target: u32) -> anyhow::Result<u32> {
    let mut taken = proposals::pairs(db).await?;
    let existing = u32::try_from(taken.len()).unwrap_or(u32::MAX);
    if existing >= target {
        return Ok(0);
    }
    let freelancers = users::ids_at_domain(db, DEMO_DOMAIN, Role::Freelancer).await?;
    let open = jobs::open_ids(db).await?;
    let room = freelancers.len().saturating_mul(open.len()).saturating_sub(taken.len());
    anyhow::ensure!(
        room >= (target - existing) as usize,
        "{} freelancers and {} open jobs leave too little room for {target} proposals",
        freelancers.len(),
        open.len()
    );
    let bar = progress("proposals", u64::from(target))?;
    bar.set_position(u64::from(existing));
    let mut rng = StdRng::seed_from_u64(u64::from(existing) + 7);
    let mut count = existing;
    while count < target {
        let size = PROPOSAL_BATCH.min((target - count) as usize);
        let mut batch = Vec::with_capacity(size);
        while batch.len() < size {
            let (job, payment_type, currency) = open[rng.gen_range(0..open.len())];
            let freelancer = freelancers[rng.gen_range(0..freelancers.len())];
            // One proposal per freelancer per job, as the product allows.
            if taken.insert((job, freelancer)) {
                batch.push((job, freelancer, proposal(&mut rng, payment_type, currency)));
            }
        }
        let txn = store::begin_write(db).await?;
        proposals::insert_batch(&txn, &batch, Utc::now()).await?;
        txn.commit().await?;
        count += u32::try_from(batch.len()).unwrap_or(0);
        bar.set_position(u64::from(count));
    }
    bar.finish();
    Ok(count - existing)
}

async fn skills_by_category(db: &store::Db) -> anyhow::Result<Vec<(String, Vec<SkillRecord>)>> {
    let mut by_category: BTreeMap<String, Vec<SkillRecord>> = BTreeMap::new();
    for skill in store::skills::all(db).await? {
        by_category.entry(domain::labels::slug(&skill.category)).or_default().push(skill);
    }
    anyhow::ensure!(!by_category.is_empty(), "the skills taxonomy is empty");
    Ok(by_category.into_iter().collect())
}

/// One job's content, its state, and how long ago it was posted.
fn job(rng: &mut StdRng, by_category: &[(String, Vec<SkillRecord>)]) -> (JobContent, JobStatus, Duration) {
    let (category, skills) = &by_category[rng.gen_range(0..by_category.len())];
    let count = rng.gen_range(1..=4).min(skills.len());
    let chosen: Vec<SkillRecord> = skills.choose_multiple(rng, count).cloned().collect();
    let main = chosen.first().map_or("Freelance", |s| s.name.as_str());
    let object = OBJECTS[rng.gen_range(0..OBJECTS.len())];
    let title = TITLES[rng.gen_range(0..TITLES.len())].replace("{skill}", main).replace("{object}", object);
    let for_whom = CLIENTS[rng.gen_range(0..CLIENTS.len())];
    let names: Vec<&str> = chosen.iter().map(|s| s.name.as_str()).collect();
    let mut description =
        format!("We are {for_whom} looking for help with {object}. The work needs {}. ", names.join(", "));
    for ask in ASKS.choose_multiple(rng, 2) {
        description.push_str(ask);
        description.push(' ');
    }
    let terms = if rng.gen_bool(0.6) {
        PaymentTerms::Fixed { budget: dollars(rng.gen_range(50..5_000)) }
    } else {
        let min = rng.gen_range(15..80);
        PaymentTerms::Hourly {
            rate_min: dollars(min),
            rate_max: dollars(min + rng.gen_range(5..60)),
            hours_per_week: Some([10, 20, 30, 40][rng.gen_range(0..4)]),
        }
    };
    let today = Utc::now().date_naive();
    let content = JobContent {
        title,
        description: description.trim_end().to_owned(),
        category: category.clone(),
        skills: chosen,
        terms,
        duration: Some(ProjectDuration::ALL[rng.gen_range(0..ProjectDuration::ALL.len())]),
        experience_level: ExperienceLevel::ALL[rng.gen_range(0..ExperienceLevel::ALL.len())],
        // Demo proposals are loaded in bulk without answers, so demo jobs ask none.
        screening_questions: Vec::new(),
        attachment_file_ids: Vec::new(),
        visibility: if rng.gen_bool(0.95) { Visibility::Public } else { Visibility::InviteOnly },
        hires_wanted: 1,
        deadline: rng.gen_bool(0.5).then(|| today + Duration::days(rng.gen_range(5..120))),
    };
    let status = match rng.gen_range(0..100) {
        0..=89 => JobStatus::Open,
        90..=95 => JobStatus::Closed,
        _ => JobStatus::Draft,
    };
    // Spread over the open window so that none has expired yet.
    let age = Duration::seconds(rng.gen_range(0..(open_days() - 1) * 86_400));
    (content, status, age)
}

fn proposal(rng: &mut StdRng, payment_type: PaymentType, currency: Currency) -> ProposalInput {
    let amount = match payment_type {
        PaymentType::Fixed => rng.gen_range(50..5_000) * 100,
        PaymentType::Hourly => rng.gen_range(15..120) * 100,
    };
    ProposalInput {
        cover_letter: "I have delivered several projects like this one and can start this week. \
            I will share progress every few days and keep the code documented."
            .to_owned(),
        amount: Money::new(amount, currency),
        duration_days: Some(rng.gen_range(3..90)),
        answers: Vec::new(),
        milestones: Vec::new(),
        attachment_file_ids: Vec::new(),
    }
}

fn dollars(n: i64) -> Money {
    Money::new(n * 100, Currency::Usd)
}

/// Milestones each demo contract gets besides the one hiring gives it, so
/// that there is escrow to fund and release.
const EXTRA_MILESTONES: u32 = 4;

/// Hires on open fixed-price jobs, through the same service as the web
/// app, until the database holds `target` contracts; each gets a few more
/// unfunded milestones.
pub async fn seed_contracts(db: &store::Db, target: u32) -> anyhow::Result<u32> {
    let existing = u32::try_from(store::contracts::count(db).await?).unwrap_or(u32::MAX);
    if existing >= target {
        return Ok(0);
    }
    // Demo accounts have made-up addresses: their notifications are stored, not mailed.
    let hiring = services::Jobs::new(db.clone(), services::Notifier::quiet());
    let open: Vec<JobId> = jobs::open_ids(db)
        .await?
        .into_iter()
        .filter(|(_, kind, _)| *kind == PaymentType::Fixed)
        .map(|(id, _, _)| id)
        .collect();
    let bar = progress("contracts", u64::from(target))?;
    bar.set_position(u64::from(existing));
    let mut count = existing;
    for chunk in open.chunks(500) {
        if count >= target {
            break;
        }
        let found = jobs::find_many(db, chunk).await?;
        for (proposal_id, job_id) in proposals::first_submitted_on(db, chunk).await? {
            if count >= target {
                break;
            }
            let Some(job) = found.iter().find(|j| j.id == job_id) else { continue };
            let hire = services::jobs::Hire { proposal_id, weekly_limit_hours: None };
            let contract =
                hiring.hire(job.client_id, job_id, hire).await.map_err(|e| anyhow::anyhow!("hiring: {e}"))?;
            let amount = contract.milestones.first().map(|m| m.amount);
            if let Some(amount) = amount {
                let txn = store::begin_write(db).await?;
                for n in 0..EXTRA_MILESTONES {
                    let title = format!("Follow-up {}", n + 1);
                    store::milestones::insert(&txn, contract.id, &title, amount, None, Utc::now()).await?;
                }
                txn.commit().await?;
            }
            count += 1;
            bar.set_position(u64::from(count));
        }
    }
    bar.finish();
    Ok(count - existing)
}
