//! Accounts: roles, e-mail addresses and the rules for signing up.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validation::{self, FieldErrors, ValidationError};

/// What a user does on the marketplace. A user may hold several roles: a
/// freelancer can add a client profile later, as on Upwork.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Freelancer,
    Client,
    Admin,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Freelancer => "freelancer",
            Self::Client => "client",
            Self::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}")]
pub struct UnknownRole(String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "freelancer" => Ok(Self::Freelancer),
            "client" => Ok(Self::Client),
            "admin" => Ok(Self::Admin),
            other => Err(UnknownRole(other.to_owned())),
        }
    }
}

/// A syntactically valid e-mail address, trimmed and lower-cased so that
/// `Ann@Example.com` and `ann@example.com` are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Option<Self> {
        let email = raw.trim().to_lowercase();
        let (local, domain) = email.rsplit_once('@')?;
        let valid = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !email.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
            && !domain.contains('@');
        valid.then_some(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const PASSWORD_MIN_CHARS: usize = 8;
/// Bounds the work argon2 does for one request.
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const NAME_MAX_CHARS: usize = 100;

pub fn check_password(errors: &mut FieldErrors, field: &str, password: &str) {
    let len = password.chars().count();
    if len < PASSWORD_MIN_CHARS {
        errors.add(field, format!("must be at least {PASSWORD_MIN_CHARS} characters"));
    } else if len > PASSWORD_MAX_CHARS {
        errors.add(field, format!("must be at most {PASSWORD_MAX_CHARS} characters"));
    }
}

/// A sign-up request that passed validation.
#[derive(Debug, Clone)]
pub struct Signup {
    pub email: Email,
    pub name: String,
    pub role: Role,
}

impl Signup {
    /// Validates every field at once; admins cannot sign themselves up.
    pub fn validate(email: &str, password: &str, name: &str, role: &str) -> Result<Self, ValidationError> {
        let mut errors = FieldErrors::new();
        let parsed_email = Email::parse(email);
        errors.ensure(parsed_email.is_some(), "email", "must be a valid e-mail address");
        check_password(&mut errors, "password", password);
        validation::text(&mut errors, "name", name, 1, NAME_MAX_CHARS);
        let role = match role.parse::<Role>() {
            Ok(role @ (Role::Freelancer | Role::Client)) => Some(role),
            _ => {
                errors.add("role", "must be \"freelancer\" or \"client\"");
                None
            }
        };
        errors.finish()?;
        match (parsed_email, role) {
            (Some(email), Some(role)) => Ok(Self { email, name: name.trim().to_owned(), role }),
            _ => Err(ValidationError::single("email", "must be a valid e-mail address")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised() {
        assert_eq!(Email::parse("  Ann@Example.COM ").map(|e| e.0), Some("ann@example.com".to_owned()));
    }

    #[test]
    fn bad_emails_are_refused() {
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.com",
            "ann@example",
            "a b@example.com",
            "ann@exa..mple.com",
            "ann@.example.com",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn signup_reports_every_bad_field() {
        let err = Signup::validate("nope", "short", "", "admin").expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["email", "name", "password", "role"]);
    }

    #[test]
    fn signup_trims_the_name() {
        let ok = Signup::validate("a@b.co", "long enough", "  Ann  ", "client").expect("valid");
        assert_eq!(ok.name, "Ann");
        assert_eq!(ok.role, Role::Client);
    }
}
