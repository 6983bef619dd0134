//! Invitation codes: while sign-up is invite-only, an account needs one.
//! Admins make them, and any user may make one for a friend; each is used
//! once and runs out after a fortnight.

use chrono::{DateTime, Duration, Utc};

use crate::user::Email;
use crate::validation::{self, FieldErrors, ValidationError};

/// How long a code stays usable.
pub const VALID_DAYS: i64 = 14;
/// Codes a user may have out, unused and unexpired, at once; admins are not limited.
pub const MAX_UNUSED_PER_USER: u64 = 20;
pub const MAX_NOTE_CHARS: usize = 500;

/// When a code made now runs out.
pub fn expires_at(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(VALID_DAYS)
}

/// Who makes a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Maker {
    /// A user inviting a friend, who must name the friend's address.
    Friend,
    /// An admin, who must say in the note what the code is for (the audit
    /// log's reason); the address is optional.
    Admin,
}

/// Checks what a code is made with: an address to send it to (then only
/// that address may use it) and a note.
pub fn request(maker: Maker, email: Option<&str>, note: &str) -> Result<(Option<Email>, String), ValidationError> {
    let mut errors = FieldErrors::new();
    let email = email.map(str::trim).filter(|e| !e.is_empty());
    let parsed = email.and_then(Email::parse);
    errors.ensure(email.is_none() || parsed.is_some(), "email", "must be a valid e-mail address");
    errors.ensure(maker == Maker::Admin || email.is_some(), "email", "is needed to send the invitation");
    let least = if maker == Maker::Admin { 1 } else { 0 };
    validation::text(&mut errors, "note", note, least, MAX_NOTE_CHARS);
    errors.finish()?;
    Ok((parsed, note.trim().to_owned()))
}

/// Whether a code as stored lets `signup` (an address) through at `now`.
pub fn check_use(
    invited: Option<&str>,
    used: bool,
    expires_at: DateTime<Utc>,
    signup: &Email,
    now: DateTime<Utc>,
) -> Result<(), ValidationError> {
    let refusal = if used {
        Some("has been used already")
    } else if expires_at <= now {
        Some("has expired")
    } else if invited.is_some_and(|address| address != signup.as_str()) {
        Some("was sent to another e-mail address")
    } else {
        None
    };
    match refusal {
        Some(why) => Err(ValidationError::single("invite_code", format!("this invitation code {why}"))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(raw: &str) -> Email {
        Email::parse(raw).expect("valid")
    }

    #[test]
    fn a_code_is_used_once_before_it_runs_out_and_by_its_address_only() {
        let now = Utc::now();
        let later = expires_at(now);
        assert_eq!(later - now, Duration::days(14));
        let ada = email("ada@example.com");
        assert!(check_use(None, false, later, &ada, now).is_ok());
        assert!(check_use(Some("ada@example.com"), false, later, &ada, now).is_ok());
        assert!(check_use(Some("bob@example.com"), false, later, &ada, now).is_err());
        assert!(check_use(None, true, later, &ada, now).is_err());
        assert!(check_use(None, false, now, &ada, now).is_err());
    }

    #[test]
    fn a_friend_is_invited_by_address() {
        assert!(request(Maker::Friend, None, "").is_err());
        assert!(request(Maker::Admin, Some("not an address"), "beta").is_err());
        assert!(request(Maker::Admin, None, "  ").is_err(), "an admin says what for");
        let (to, note) = request(Maker::Friend, Some(" Ada@Example.com "), "  welcome ").expect("valid");
        assert_eq!(to.map(|e| e.as_str().to_owned()), Some("ada@example.com".to_owned()));
        assert_eq!(note, "welcome");
        assert_eq!(request(Maker::Admin, None, "for the meetup").expect("valid").0, None);
    }
}
