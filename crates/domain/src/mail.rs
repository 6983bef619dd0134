//! E-mail rules: which notifications go out by e-mail unless a user says
//! otherwise, and how long a mail that could not be delivered waits before
//! the next try.

use chrono::Duration;

use crate::notification::NotificationKind;

/// Tries before a mail is given up. With [`retry_delay`] that spans about
/// four hours, long enough to ride out an SMTP server's restart or a short
/// outage, short enough that a sign-up link is not delivered days late.
pub const MAX_ATTEMPTS: u32 = 10;

const FIRST_RETRY_SECONDS: i64 = 30;
const LONGEST_WAIT_SECONDS: i64 = 3_600;

/// How long to wait after the `attempts`-th failed try (1 for the first):
/// 30 s, doubling each time, at most an hour; `None` once the mail has had
/// its [`MAX_ATTEMPTS`].
pub fn retry_delay(attempts: u32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let doublings = attempts.saturating_sub(1).min(16);
    let seconds = FIRST_RETRY_SECONDS.saturating_mul(1_i64 << doublings).min(LONGEST_WAIT_SECONDS);
    Some(Duration::seconds(seconds))
}

/// Whether a kind of notification is e-mailed to a user who has not chosen.
/// Money and hiring are what people act on away from the site; the steps
/// of a bid and news from friends they will see when they next visit.
/// Written as a full match so that a new kind cannot be added without
/// deciding.
pub const fn emailed_by_default(kind: NotificationKind) -> bool {
    use NotificationKind as K;
    match kind {
        K::JobInvitation
        | K::ProposalReceived
        | K::Hired
        | K::MilestoneFunded
        | K::MilestoneReleased
        | K::MilestoneSubmitted
        | K::ChangesRequested
        | K::MilestoneRefunded
        | K::CancellationRequested
        | K::ContractEnded
        | K::WithdrawalFailed
        | K::Announcement
        | K::ReviewReceived
        | K::DisputeOpened
        | K::DisputeResolved
        | K::JobModerated
        | K::AdminRefund => true,
        K::InvitationAnswered
        | K::ProposalShortlisted
        | K::ProposalDeclined
        | K::ProposalClosed
        | K::InvoiceReady
        | K::FriendRequest
        | K::FriendRequestAccepted
        | K::FreelancerRecommended
        | K::JobShared
        | K::ReportHandled
        | K::DisputeUpdated => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_thirty_seconds_up_to_an_hour_then_stop() {
        let waits: Vec<i64> = (1..MAX_ATTEMPTS).filter_map(retry_delay).map(|d| d.num_seconds()).collect();
        assert_eq!(waits, vec![30, 60, 120, 240, 480, 960, 1_920, 3_600, 3_600]);
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
        assert_eq!(retry_delay(u32::MAX), None);
    }

    #[test]
    fn money_and_hiring_go_out_by_default_and_bid_steps_do_not() {
        assert!(emailed_by_default(NotificationKind::MilestoneReleased));
        assert!(emailed_by_default(NotificationKind::Hired));
        assert!(!emailed_by_default(NotificationKind::ProposalShortlisted));
    }
}
