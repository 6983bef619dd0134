//! The kinds of things a user is told about.

use crate::labelled_enum;

labelled_enum! {
    pub enum NotificationKind {
        /// A client invited the freelancer to propose on a job.
        JobInvitation => "job_invitation",
        /// A freelancer answered the client's invitation.
        InvitationAnswered => "invitation_answered",
        /// A freelancer proposed on the client's job.
        ProposalReceived => "proposal_received",
        ProposalShortlisted => "proposal_shortlisted",
        ProposalDeclined => "proposal_declined",
        /// The job was filled or closed without the freelancer's proposal.
        ProposalClosed => "proposal_closed",
        /// The freelancer was hired: a contract started.
        Hired => "hired",
        /// The client put a milestone's money in escrow.
        MilestoneFunded => "milestone_funded",
        /// The client paid a milestone out to the freelancer.
        MilestoneReleased => "milestone_released",
        /// The freelancer handed in a milestone's work for review.
        MilestoneSubmitted => "milestone_submitted",
        /// The client asked for changes to submitted work.
        ChangesRequested => "changes_requested",
        /// A milestone's escrow went back to the client.
        MilestoneRefunded => "milestone_refunded",
        /// An invoice was issued for money that moved.
        InvoiceReady => "invoice_ready",
        /// The other party asked to cancel the contract.
        CancellationRequested => "cancellation_requested",
        /// The contract ended, completed or cancelled.
        ContractEnded => "contract_ended",
        /// A withdrawal came back from the provider; the money is available again.
        WithdrawalFailed => "withdrawal_failed",
        /// Someone asked to be the user's friend.
        FriendRequest => "friend_request",
        /// The user's friend request was accepted.
        FriendRequestAccepted => "friend_request_accepted",
        /// A friend recommended a freelancer to the user.
        FreelancerRecommended => "freelancer_recommended",
        /// A friend shared a job with the user.
        JobShared => "job_shared",
        /// News from the platform's administrators.
        Announcement => "announcement",
        /// An admin handled what the user reported.
        ReportHandled => "report_handled",
        /// A review of the user was released: the other party's review is in, or the window closed.
        ReviewReceived => "review_received",
        /// The other party disputed money held on a contract of the user's.
        DisputeOpened => "dispute_opened",
        /// A dispute the user is a party of got a response or a message, or was withdrawn.
        DisputeUpdated => "dispute_updated",
        /// An admin decided a dispute the user is a party of.
        DisputeResolved => "dispute_resolved",
        /// An admin hid, closed or restored the user's job.
        JobModerated => "job_moderated",
        /// An admin refunded a milestone's escrow of the freelancer's contract to the client.
        AdminRefund => "admin_refund",
    }
}
