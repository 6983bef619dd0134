//! What admins may do to accounts, and what it means for the user: a
//! suspension locks them out until a time, a ban for good. Either ends their
//! sessions at once; a suspension ends by itself when its time passes.

use chrono::{DateTime, Duration, Utc};

use crate::validation::{FieldErrors, ValidationError};

/// Longest suspension; anything longer is a ban.
pub const MAX_SUSPENSION_DAYS: i64 = 365;
/// Longest reason, in characters.
pub const MAX_REASON_CHARS: usize = 1_000;

/// Whether a user may use the site now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Active,
    Suspended { until: DateTime<Utc> },
    Banned,
}

impl Standing {
    pub fn of(banned_at: Option<DateTime<Utc>>, suspended_until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Self {
        if banned_at.is_some() {
            return Self::Banned;
        }
        match suspended_until {
            Some(until) if until > now => Self::Suspended { until },
            _ => Self::Active,
        }
    }

    pub fn is_active(self) -> bool {
        self == Self::Active
    }
}

/// Why an admin acts: required, so the audit log always says.
pub fn reason(value: &str) -> Result<String, ValidationError> {
    let reason = value.trim().to_owned();
    let mut errors = FieldErrors::new();
    errors.ensure(!reason.is_empty(), "reason", "say why");
    errors.ensure(
        reason.chars().count() <= MAX_REASON_CHARS,
        "reason",
        format!("at most {MAX_REASON_CHARS} characters"),
    );
    errors.finish()?;
    Ok(reason)
}

/// A suspension's end: in the future, and within a year.
pub fn suspension_end(until: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>, ValidationError> {
    let mut errors = FieldErrors::new();
    errors.ensure(until > now, "until", "must be in the future");
    errors.ensure(until <= now + Duration::days(MAX_SUSPENSION_DAYS), "until", "at most a year ahead; ban instead");
    errors.finish()?;
    Ok(until)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suspension_ends_by_itself_and_a_ban_does_not() {
        let now = Utc::now();
        let later = now + Duration::hours(1);
        assert_eq!(Standing::of(None, Some(later), now), Standing::Suspended { until: later });
        assert_eq!(Standing::of(None, Some(later), later), Standing::Active);
        assert_eq!(Standing::of(Some(now), None, later), Standing::Banned);
        assert!(Standing::of(None, None, now).is_active());
    }

    #[test]
    fn suspensions_are_future_and_bounded_and_reasons_required() {
        let now = Utc::now();
        assert!(suspension_end(now - Duration::minutes(1), now).is_err());
        assert!(suspension_end(now + Duration::days(400), now).is_err());
        assert!(suspension_end(now + Duration::days(3), now).is_ok());
        assert!(reason("  ").is_err());
        assert_eq!(reason(" spam "), Ok("spam".to_owned()));
    }
}
