//! What a user says about themselves: the shared part (name, avatar, place),
//! the freelancer profile and the client profile.
//!
//! `PUT /api/users/profile` replaces the shared fields and every section it
//! carries; a section left out is left unchanged. Sending a section the user
//! does not have yet creates it, which is how a freelancer becomes a client too.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::FileId;
use crate::job::ExperienceLevel;
use crate::labelled_enum;
use crate::money::Money;
use crate::user::NAME_MAX_CHARS;
use crate::validation::{self, FieldErrors, ValidationError};

pub const MAX_SKILLS: usize = 15;
pub const MAX_EXPERIENCE: usize = 20;
pub const MAX_EDUCATION: usize = 10;
pub const MAX_PORTFOLIO: usize = 20;
pub const MAX_PORTFOLIO_IMAGES: usize = 10;
/// $10,000.00 an hour is beyond any real rate; more is a typo.
pub const MAX_HOURLY_RATE_CENTS: i64 = 1_000_000;

labelled_enum! {
    pub enum Availability default FullTime {
        FullTime => "full_time",
        PartTime => "part_time",
        NotAvailable => "not_available",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
pub enum CompanySize {
    #[default]
    #[serde(rename = "1")]
    JustMe,
    #[serde(rename = "2-10")]
    Small,
    #[serde(rename = "11-50")]
    Medium,
    #[serde(rename = "51-200")]
    Large,
    #[serde(rename = "201-1000")]
    VeryLarge,
    #[serde(rename = "1000+")]
    Enterprise,
}

impl CompanySize {
    const ALL: [Self; 6] = [Self::JustMe, Self::Small, Self::Medium, Self::Large, Self::VeryLarge, Self::Enterprise];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::JustMe => "1",
            Self::Small => "2-10",
            Self::Medium => "11-50",
            Self::Large => "51-200",
            Self::VeryLarge => "201-1000",
            Self::Enterprise => "1000+",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A skill as shown on a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SkillTag {
    pub slug: String,
    pub name: String,
}

/// The body of `PUT /api/users/profile`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileUpdate {
    pub name: String,
    pub avatar_file_id: Option<FileId>,
    pub location: Option<String>,
    /// IANA time zone name such as `Europe/Berlin`.
    pub timezone: Option<String>,
    pub freelancer: Option<FreelancerProfileInput>,
    pub client: Option<ClientProfileInput>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FreelancerProfileInput {
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub bio: String,
    pub hourly_rate: Option<Money>,
    #[serde(default)]
    pub availability: Availability,
    /// How experienced the freelancer says they are; clients filter by it.
    #[serde(default)]
    pub experience_level: ExperienceLevel,
    /// Skill slugs from `GET /api/skills`.
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub portfolio: Vec<PortfolioItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub title: String,
    pub company: String,
    pub start_date: NaiveDate,
    /// Absent while the position is current.
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub school: String,
    #[serde(default)]
    pub degree: String,
    #[serde(default)]
    pub field_of_study: String,
    pub start_year: i32,
    pub end_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PortfolioItem {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub link: Option<String>,
    #[serde(default)]
    pub image_file_ids: Vec<FileId>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientProfileInput {
    pub company_name: String,
    pub website: Option<String>,
    #[serde(default)]
    pub company_size: CompanySize,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub description: String,
}

impl ProfileUpdate {
    /// Checks every field; `today` bounds dates so that nobody starts a job
    /// in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        validation::text(&mut errors, "name", &self.name, 1, NAME_MAX_CHARS);
        if let Some(location) = &self.location {
            validation::text(&mut errors, "location", location, 0, 100);
        }
        if let Some(tz) = &self.timezone {
            errors.ensure(is_timezone_name(tz), "timezone", "must be an IANA time zone such as Europe/Berlin");
        }
        if let Some(freelancer) = &self.freelancer {
            freelancer.check(&mut errors, today);
        }
        if let Some(client) = &self.client {
            client.check(&mut errors);
        }
        errors.finish()
    }
}

impl FreelancerProfileInput {
    fn check(&self, errors: &mut FieldErrors, today: NaiveDate) {
        validation::text(errors, "freelancer.headline", &self.headline, 0, 120);
        validation::text(errors, "freelancer.bio", &self.bio, 0, 5_000);
        if let Some(rate) = self.hourly_rate {
            errors.ensure(
                rate.is_positive() && rate.amount <= MAX_HOURLY_RATE_CENTS,
                "freelancer.hourly_rate",
                "must be more than 0 and at most 10,000.00 an hour",
            );
        }
        errors.ensure(self.skills.len() <= MAX_SKILLS, "freelancer.skills", format!("at most {MAX_SKILLS} skills"));
        let mut seen = std::collections::HashSet::new();
        errors.ensure(self.skills.iter().all(|s| seen.insert(s)), "freelancer.skills", "must not repeat a skill");
        errors.ensure(
            self.experience.len() <= MAX_EXPERIENCE,
            "freelancer.experience",
            format!("at most {MAX_EXPERIENCE} entries"),
        );
        for (i, entry) in self.experience.iter().enumerate() {
            let at = format!("freelancer.experience[{i}]");
            validation::text(errors, &format!("{at}.title"), &entry.title, 1, 100);
            validation::text(errors, &format!("{at}.company"), &entry.company, 1, 100);
            validation::text(errors, &format!("{at}.description"), &entry.description, 0, 2_000);
            errors.ensure(entry.start_date <= today, format!("{at}.start_date"), "must not be in the future");
            if let Some(end) = entry.end_date {
                errors.ensure(end >= entry.start_date, format!("{at}.end_date"), "must not be before the start date");
            }
        }
        errors.ensure(
            self.education.len() <= MAX_EDUCATION,
            "freelancer.education",
            format!("at most {MAX_EDUCATION} entries"),
        );
        for (i, entry) in self.education.iter().enumerate() {
            let at = format!("freelancer.education[{i}]");
            validation::text(errors, &format!("{at}.school"), &entry.school, 1, 150);
            validation::text(errors, &format!("{at}.degree"), &entry.degree, 0, 100);
            validation::text(errors, &format!("{at}.field_of_study"), &entry.field_of_study, 0, 100);
            errors.ensure(
                (1900..=today.year() + 10).contains(&entry.start_year),
                format!("{at}.start_year"),
                "must be a plausible year",
            );
            if let Some(end) = entry.end_year {
                errors.ensure(
                    end >= entry.start_year && end <= today.year() + 10,
                    format!("{at}.end_year"),
                    "must not be before the start year",
                );
            }
        }
        errors.ensure(
            self.portfolio.len() <= MAX_PORTFOLIO,
            "freelancer.portfolio",
            format!("at most {MAX_PORTFOLIO} items"),
        );
        for (i, item) in self.portfolio.iter().enumerate() {
            let at = format!("freelancer.portfolio[{i}]");
            validation::text(errors, &format!("{at}.title"), &item.title, 1, 100);
            validation::text(errors, &format!("{at}.description"), &item.description, 0, 2_000);
            if let Some(link) = &item.link {
                validation::url(errors, &format!("{at}.link"), link);
            }
            errors.ensure(
                item.image_file_ids.len() <= MAX_PORTFOLIO_IMAGES,
                format!("{at}.image_file_ids"),
                format!("at most {MAX_PORTFOLIO_IMAGES} images"),
            );
        }
    }
}

impl ClientProfileInput {
    fn check(&self, errors: &mut FieldErrors) {
        // Individuals hire too; a company name is optional, as on Upwork.
        validation::text(errors, "client.company_name", &self.company_name, 0, 120);
        if let Some(website) = &self.website {
            validation::url(errors, "client.website", website);
        }
        validation::text(errors, "client.industry", &self.industry, 0, 100);
        validation::text(errors, "client.description", &self.description, 0, 5_000);
    }
}

/// IANA names are `UTC` or `Area/Location[/Sub]` made of letters, digits, `_`, `-` and `+`.
fn is_timezone_name(tz: &str) -> bool {
    if tz == "UTC" {
        return true;
    }
    let parts: Vec<&str> = tz.split('/').collect();
    tz.len() <= 64
        && (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
    }

    fn update() -> ProfileUpdate {
        ProfileUpdate {
            name: "Ann".into(),
            avatar_file_id: None,
            location: None,
            timezone: None,
            freelancer: None,
            client: None,
        }
    }

    #[test]
    fn accepts_a_minimal_update() {
        assert!(update().validate(today()).is_ok());
    }

    #[test]
    fn timezones_must_look_like_iana_names() {
        for ok in ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5"] {
            assert!(is_timezone_name(ok), "{ok}");
        }
        for bad in ["", "berlin", "Europe/", "Europe/Berlin/X/Y", "<script>/x"] {
            assert!(!is_timezone_name(bad), "{bad}");
        }
    }

    #[test]
    fn nested_errors_name_their_path() {
        let mut u = update();
        u.freelancer = Some(FreelancerProfileInput {
            headline: "x".repeat(121),
            bio: String::new(),
            hourly_rate: Some(Money::new(0, Currency::Usd)),
            availability: Availability::FullTime,
            experience_level: ExperienceLevel::Expert,
            skills: vec!["rust".into(), "rust".into()],
            experience: vec![Experience {
                title: "Dev".into(),
                company: "Acme".into(),
                start_date: NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid date"),
                end_date: None,
                description: String::new(),
            }],
            education: vec![],
            portfolio: vec![],
        });
        let err = u.validate(today()).expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|(f, _)| f.to_owned()).collect();
        assert_eq!(
            fields,
            vec![
                "freelancer.experience[0].start_date",
                "freelancer.headline",
                "freelancer.hourly_rate",
                "freelancer.skills"
            ]
        );
    }

    #[test]
    fn company_size_round_trips() {
        for size in CompanySize::ALL {
            assert_eq!(CompanySize::parse(size.as_str()), Some(size));
        }
    }
}
