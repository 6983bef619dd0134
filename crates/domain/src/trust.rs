//! Users reporting abuse, and admins announcing news: what is accepted.

use crate::labelled_enum;
use crate::validation::{FieldErrors, ValidationError, text};

labelled_enum! {
    /// What a report is about.
    pub enum ReportSubject {
        User => "user",
        Job => "job",
        Message => "message",
    }
}

labelled_enum! {
    pub enum ReportReason {
        Spam => "spam",
        Fraud => "fraud",
        Harassment => "harassment",
        Inappropriate => "inappropriate",
        OffPlatformPayment => "off_platform_payment",
        Other => "other",
    }
}

labelled_enum! {
    pub enum ReportStatus {
        Open => "open",
        /// An admin acted on it.
        Resolved => "resolved",
        /// An admin found nothing to act on.
        Dismissed => "dismissed",
    }
}

labelled_enum! {
    /// Who an announcement is for.
    pub enum Audience {
        All => "all",
        Freelancers => "freelancer",
        Clients => "client",
    }
}

/// Longest report details, in characters.
pub const MAX_DETAILS_CHARS: usize = 2_000;

/// The details of a report: optional, bounded.
pub fn report_details(value: &str) -> Result<String, ValidationError> {
    let details = value.trim().to_owned();
    let mut errors = FieldErrors::new();
    errors.ensure(
        details.chars().count() <= MAX_DETAILS_CHARS,
        "details",
        format!("at most {MAX_DETAILS_CHARS} characters"),
    );
    errors.finish()?;
    Ok(details)
}

/// An announcement's title and body, trimmed.
pub fn announcement(title: &str, body: &str) -> Result<(String, String), ValidationError> {
    let mut errors = FieldErrors::new();
    text(&mut errors, "title", title, 3, 200);
    text(&mut errors, "body", body, 1, 10_000);
    errors.finish()?;
    Ok((title.trim().to_owned(), body.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_need_a_title_and_a_body() {
        assert!(announcement("Hi", "body").is_err());
        assert!(announcement("New fees", " ").is_err());
        assert_eq!(announcement(" New fees ", " From May "), Ok(("New fees".to_owned(), "From May".to_owned())));
    }

    #[test]
    fn details_are_bounded() {
        assert!(report_details(&"x".repeat(MAX_DETAILS_CHARS + 1)).is_err());
        assert_eq!(report_details(" spam link "), Ok("spam link".to_owned()));
    }
}
