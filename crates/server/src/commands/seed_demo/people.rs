//! Demo people: freelancers with complete profiles and clients with companies.

use anyhow::Context as _;
use chrono::{Months, Utc};
use domain::freelancer_search::rank_score;
use domain::job::ExperienceLevel;
use domain::profile::{Availability, CompanySize, Education, Experience, SkillTag};
use domain::user::{Email, Role};
use domain::{Currency, Money, UserId};
use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;
use rand::{Rng as _, SeedableRng as _};
use store::profiles::{self, ClientRecord, FreelancerRecord};
use store::skills::all as all_skills;
use store::users::{self, NewUser};

use super::{DEMO_PASSWORD, progress};
const BATCH: u32 = 250;

const FIRST: [&str; 16] = [
    "Ada", "Ben", "Chloé", "Dev", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Maya", "Nils",
    "Olu", "Priya",
];
const LAST: [&str; 12] = [
    "Okafor",
    "Lindqvist",
    "Sato",
    "García",
    "Novak",
    "Haddad",
    "Müller",
    "Reyes",
    "Kowalski",
    "Tran",
    "Moreau",
    "Singh",
];
const COMPANIES: [&str; 8] = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne"];
const INDUSTRIES: [&str; 6] = ["Software", "E-commerce", "Healthcare", "Finance", "Education", "Media"];
const CITIES: [(&str, &str); 6] = [
    ("Berlin, Germany", "Europe/Berlin"),
    ("Lagos, Nigeria", "Africa/Lagos"),
    ("Austin, USA", "America/Chicago"),
    ("Bangalore, India", "Asia/Kolkata"),
    ("São Paulo, Brazil", "America/Sao_Paulo"),
    ("Warsaw, Poland", "Europe/Warsaw"),
];

/// Creates the demo users `0..users` that do not exist yet; returns how many were new.
pub async fn seed(db: &store::Db, users: u32) -> anyhow::Result<u32> {
    let hash = services::passwords::hash(DEMO_PASSWORD.to_owned()).await?;
    let skills = all_skills(db).await?;
    anyhow::ensure!(!skills.is_empty(), "the skills taxonomy is empty");
    let bar = progress("users", u64::from(users))?;
    let mut created = 0u32;
    let mut start = 0;
    while start < users {
        let end = (start + BATCH).min(users);
        let txn = store::begin_write(db).await?;
        for n in start..end {
            let role = if n % 2 == 0 { Role::Freelancer } else { Role::Client };
            let email = Email::parse(&format!("{role}{n}@demo.downwork.test")).context("demo e-mail")?;
            if users::find_by_email(&txn, &email).await?.is_some() {
                continue;
            }
            let mut rng = StdRng::seed_from_u64(u64::from(n));
            let name = format!("{} {}", FIRST[rng.gen_range(0..FIRST.len())], LAST[rng.gen_range(0..LAST.len())]);
            let now = Utc::now();
            let new = NewUser { id: UserId::new(), email: &email, name: &name, password_hash: &hash, role, now };
            let user = users::insert(&txn, new).await?;
            users::mark_email_verified(&txn, user.id, now).await?;
            let (location, timezone) = CITIES[rng.gen_range(0..CITIES.len())];
            let basics =
                users::Basics { name: &name, avatar_file_id: None, location: Some(location), timezone: Some(timezone) };
            users::update_basics(&txn, user.id, basics, now).await?;
            match role {
                Role::Client => profiles::save_client(&txn, user.id, &client(&mut rng), now).await?,
                _ => {
                    let count = rng.gen_range(3..8);
                    let chosen: Vec<_> = skills.choose_multiple(&mut rng, count).cloned().collect();
                    let profile = freelancer(&mut rng, &chosen);
                    profiles::save_freelancer(&txn, user.id, &profile, &chosen, now).await?;
                    if let Some(saved) = profiles::load(&txn, user.id).await? {
                        let signals = services::reputation::profile_signals(&saved, &profile);
                        profiles::set_rank(&txn, user.id, rank_score(&signals)).await?;
                    }
                }
            }
            created += 1;
        }
        txn.commit().await?;
        bar.set_position(u64::from(end));
        start = end;
    }
    bar.finish();
    Ok(created)
}

fn freelancer(rng: &mut StdRng, skills: &[store::skills::SkillRecord]) -> FreelancerRecord {
    let main = skills.first().map_or("Software", |s| s.name.as_str());
    let years = rng.gen_range(1..15);
    let today = Utc::now().date_naive();
    let start = today.checked_sub_months(Months::new(12 * years)).unwrap_or(today);
    FreelancerRecord {
        headline: format!("{main} specialist with {years} years of experience"),
        bio: format!(
            "I help teams ship with {}. Clear communication, tested work, on time.",
            skills.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
        ),
        hourly_rate: Some(Money::new(rng.gen_range(15..150) * 100, Currency::Usd)),
        availability: [Availability::FullTime, Availability::PartTime, Availability::NotAvailable][rng.gen_range(0..3)],
        skills: skills.iter().map(|s| SkillTag { slug: s.slug.clone(), name: s.name.clone() }).collect(),
        experience: vec![Experience {
            title: format!("Senior {main} Engineer"),
            company: COMPANIES[rng.gen_range(0..COMPANIES.len())].to_owned(),
            start_date: start,
            end_date: None,
            description: "Led delivery of client projects end to end.".to_owned(),
        }],
        education: vec![Education {
            school: "Open University".to_owned(),
            degree: "BSc".to_owned(),
            field_of_study: "Computer Science".to_owned(),
            start_year: 2005 + rng.gen_range(0..12),
            end_year: None,
        }],
        portfolio: Vec::new(),
        experience_level: [ExperienceLevel::Entry, ExperienceLevel::Intermediate, ExperienceLevel::Expert]
            [rng.gen_range(0..3)],
        ..FreelancerRecord::empty()
    }
}

fn client(rng: &mut StdRng) -> ClientRecord {
    let company = COMPANIES[rng.gen_range(0..COMPANIES.len())];
    ClientRecord {
        company_name: format!("{company} {}", ["Labs", "Inc.", "GmbH", "Studio"][rng.gen_range(0..4)]),
        website: Some(format!("https://{}.example", company.to_lowercase())),
        company_size: [CompanySize::Small, CompanySize::Medium, CompanySize::Large][rng.gen_range(0..3)],
        industry: INDUSTRIES[rng.gen_range(0..INDUSTRIES.len())].to_owned(),
        description: "We hire freelancers for product and marketing work.".to_owned(),
        rating: None,
    }
}
