//! Platform settings admins may change at run time: fees, the clocks of the
//! money flows and of job postings, and who may sign up. Each is stored by
//! name; a missing one takes its default.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::labelled_enum;
use crate::ledger::rules::Fees;
use crate::validation::{FieldErrors, ValidationError};

labelled_enum! {
    /// Who may create an account.
    pub enum SignupMode default Open {
        /// Anyone.
        Open => "open",
        /// Only someone with an unused invitation code.
        InviteOnly => "invite_only",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PlatformSettings {
    /// Service fee taken from what freelancers are paid, in basis points (1,000 = 10%).
    pub freelancer_fee_bps: u32,
    /// Marketplace fee added to what clients pay, in basis points (500 = 5%).
    pub client_fee_bps: u32,
    /// Days after which submitted work the client has not answered is released.
    pub auto_release_days: u32,
    /// Days an hourly week is held for the client's review before it is paid out.
    pub hourly_review_days: u32,
    /// Days the other party of a dispute has to respond.
    pub dispute_response_days: u32,
    /// Days a published or reopened job takes proposals before it expires.
    pub job_open_days: u32,
    /// `open`, or `invite_only`: sign-up needs an invitation code.
    pub signup_mode: SignupMode,
}

impl Default for PlatformSettings {
    fn default() -> Self {
        let fees = Fees::default();
        Self {
            freelancer_fee_bps: fees.freelancer_bps,
            client_fee_bps: fees.client_bps,
            auto_release_days: 14,
            hourly_review_days: 5,
            dispute_response_days: 5,
            job_open_days: 30,
            signup_mode: SignupMode::Open,
        }
    }
}

impl PlatformSettings {
    pub const fn fees(&self) -> Fees {
        Fees { freelancer_bps: self.freelancer_fee_bps, client_bps: self.client_fee_bps }
    }

    /// Fees up to 50%, money clocks of 1 to 90 days, postings open 1 to 365 days.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        errors.ensure(self.freelancer_fee_bps <= 5_000, "freelancer_fee_bps", "must be at most 5000 (50%)");
        errors.ensure(self.client_fee_bps <= 5_000, "client_fee_bps", "must be at most 5000 (50%)");
        errors.ensure((1..=90).contains(&self.auto_release_days), "auto_release_days", "must be 1 to 90");
        errors.ensure((1..=90).contains(&self.hourly_review_days), "hourly_review_days", "must be 1 to 90");
        errors.ensure((1..=90).contains(&self.dispute_response_days), "dispute_response_days", "must be 1 to 90");
        errors.ensure((1..=365).contains(&self.job_open_days), "job_open_days", "must be 1 to 365");
        errors.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_published_fees_and_clocks() {
        let settings = PlatformSettings::default();
        assert_eq!(settings.fees(), Fees { freelancer_bps: 1_000, client_bps: 500 });
        assert_eq!((settings.auto_release_days, settings.hourly_review_days), (14, 5));
        assert_eq!(settings.dispute_response_days, 5);
        assert_eq!((settings.job_open_days, settings.signup_mode), (30, SignupMode::Open));
        assert!(settings.validate().is_ok());
    }

    #[test]
    fn a_partial_document_keeps_the_other_defaults() {
        let settings: PlatformSettings = serde_json::from_str(r#"{"client_fee_bps": 300}"#).expect("parses");
        assert_eq!(settings.client_fee_bps, 300);
        assert_eq!(settings.freelancer_fee_bps, 1_000);
        assert!(PlatformSettings { auto_release_days: 0, ..settings }.validate().is_err());
        assert!(PlatformSettings { job_open_days: 366, ..settings }.validate().is_err());
        let invite_only: PlatformSettings = serde_json::from_str(r#"{"signup_mode": "invite_only"}"#).expect("parses");
        assert_eq!(invite_only.signup_mode, SignupMode::InviteOnly);
    }
}
