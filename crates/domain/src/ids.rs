//! Typed identifiers. Every id is a UUIDv7 (time-ordered, so it doubles as a
//! stable sort key) wrapped in its own type so that the compiler keeps a
//! `FileId` out of a `UserId` slot.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

macro_rules! define_id {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
        )]
        #[serde(transparent)]
        #[schema(value_type = String, format = Uuid)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub const fn into_uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }
    )+};
}

define_id! {
    /// A person with an account (freelancer, client, admin or several of them).
    UserId;
    /// An uploaded file (avatar, portfolio image, attachment).
    FileId;
    /// A refresh token; each rotation creates a new one.
    SessionId;
    /// All refresh tokens descending from one login share a family.
    SessionFamilyId;
    /// A skill of the taxonomy.
    SkillId;
    /// One-time token sent by e-mail (verification, password reset).
    EmailTokenId;
    /// Work a client posted.
    JobId;
    /// A freelancer's bid on a job.
    ProposalId;
    /// A client's invitation to a freelancer to propose on a job.
    InvitationId;
    /// The agreement a hire creates between a client and a freelancer.
    ContractId;
    /// A part of a fixed-price contract, paid on its own.
    MilestoneId;
    /// Something that happened to a user, kept for them to read.
    NotificationId;
    /// An e-mail waiting in the queue or sent from it; also its Message-ID.
    MailId;
    /// What a client was charged and a freelancer paid for a milestone or an hourly week.
    InvoiceId;
    /// Minutes a freelancer logged on an hourly contract.
    TimeEntryId;
    /// A user's request to move available money out to their provider.
    WithdrawalId;
    /// A code that lets someone sign up while the platform is invite-only.
    InviteCodeId;
    /// A direct conversation between two users.
    ConversationId;
    /// One message of a conversation.
    MessageId;
    /// A friendship between two users, or the request for one.
    FriendshipId;
    /// A user's recommendation of a freelancer to a friend.
    RecommendationId;
    /// A job a user shared with a friend.
    JobShareId;
    /// What one party of a finished contract said of the other.
    ReviewId;
    /// A party's contest of money held for a milestone or an hourly week.
    DisputeId;
    /// One entry of a dispute's timeline: its opening, a response, a message, its end.
    DisputeEventId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_v7_and_round_trip_through_strings() {
        let id = UserId::new();
        assert_eq!(id.into_uuid().get_version_num(), 7);
        let parsed: UserId = id.to_string().parse().expect("parses");
        assert_eq!(parsed, id);
    }

    #[test]
    fn later_ids_sort_after_earlier_ones() {
        let first = UserId::new();
        let second = UserId::new();
        assert!(second > first);
    }

    #[test]
    fn ids_serialize_as_plain_strings() {
        let id = FileId::new();
        let json = serde_json::to_string(&id).expect("serializes");
        assert_eq!(json, format!("\"{id}\""));
    }
}
