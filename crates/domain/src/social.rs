//! Friendships and what friends do for each other: recommend freelancers and
//! share jobs.
//!
//! A friendship is one record per pair, whoever asked. It starts `pending`
//! (a request) and becomes `accepted` when the addressee says yes; declining,
//! cancelling and unfriending end it outright, so the pair may start again.

use crate::UserId;
use crate::labelled_enum;
use crate::validation::{FieldErrors, ValidationError};

labelled_enum! {
    pub enum FriendshipStatus {
        /// Asked, not yet answered.
        Pending => "pending",
        Accepted => "accepted",
    }
}

/// Longest note on a recommendation or a shared job, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;
/// Most friends one share goes to at once.
pub const MAX_SHARE_RECIPIENTS: usize = 50;

/// Why a friendship cannot change the way asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FriendshipError {
    #[error("only the person asked may answer a friend request")]
    NotAddressee,
    #[error("only the person who asked may cancel a friend request")]
    NotRequester,
    #[error("the friend request was already answered")]
    NotPending,
    #[error("you are not friends")]
    NotFriends,
    #[error("you are not part of this friendship")]
    Stranger,
}

/// A friendship as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Friendship {
    pub requester: UserId,
    pub addressee: UserId,
    pub status: FriendshipStatus,
}

impl Friendship {
    pub fn involves(&self, user: UserId) -> bool {
        user == self.requester || user == self.addressee
    }

    /// The member who is not `user`.
    pub fn other(&self, user: UserId) -> UserId {
        if user == self.requester { self.addressee } else { self.requester }
    }

    /// Only the addressee turns a request into a friendship.
    pub fn accept(&self, by: UserId) -> Result<FriendshipStatus, FriendshipError> {
        self.answer(by)?;
        Ok(FriendshipStatus::Accepted)
    }

    /// The addressee says no; the request ends.
    pub fn decline(&self, by: UserId) -> Result<(), FriendshipError> {
        self.answer(by)
    }

    /// The requester takes the request back.
    pub fn cancel(&self, by: UserId) -> Result<(), FriendshipError> {
        if !self.involves(by) {
            return Err(FriendshipError::Stranger);
        }
        if by != self.requester {
            return Err(FriendshipError::NotRequester);
        }
        if self.status != FriendshipStatus::Pending {
            return Err(FriendshipError::NotPending);
        }
        Ok(())
    }

    /// Either friend ends the friendship.
    pub fn unfriend(&self, by: UserId) -> Result<(), FriendshipError> {
        if !self.involves(by) {
            return Err(FriendshipError::Stranger);
        }
        if self.status != FriendshipStatus::Accepted {
            return Err(FriendshipError::NotFriends);
        }
        Ok(())
    }

    fn answer(&self, by: UserId) -> Result<(), FriendshipError> {
        if !self.involves(by) {
            return Err(FriendshipError::Stranger);
        }
        if by != self.addressee {
            return Err(FriendshipError::NotAddressee);
        }
        if self.status != FriendshipStatus::Pending {
            return Err(FriendshipError::NotPending);
        }
        Ok(())
    }
}

/// A note attached to a recommendation or a share, trimmed; it may be empty.
pub fn note(value: &str) -> Result<String, ValidationError> {
    let mut errors = FieldErrors::new();
    let note = value.trim().to_owned();
    errors.ensure(note.chars().count() <= MAX_NOTE_CHARS, "note", format!("at most {MAX_NOTE_CHARS} characters"));
    errors.finish()?;
    Ok(note)
}

/// The friends a job goes to: at least one, each once, never oneself.
pub fn share_recipients(sharer: UserId, recipients: &[UserId]) -> Result<Vec<UserId>, ValidationError> {
    let mut errors = FieldErrors::new();
    let mut unique = recipients.to_vec();
    unique.sort_unstable();
    unique.dedup();
    errors.ensure(!unique.is_empty(), "user_ids", "name at least one friend");
    errors.ensure(
        unique.len() <= MAX_SHARE_RECIPIENTS,
        "user_ids",
        format!("at most {MAX_SHARE_RECIPIENTS} friends at once"),
    );
    errors.ensure(!unique.contains(&sharer), "user_ids", "you cannot share a job with yourself");
    errors.finish()?;
    Ok(unique)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Friendship {
        Friendship { requester: UserId::new(), addressee: UserId::new(), status: FriendshipStatus::Pending }
    }

    #[test]
    fn only_the_addressee_answers_a_request() {
        let f = request();
        assert_eq!(f.accept(f.requester), Err(FriendshipError::NotAddressee));
        assert_eq!(f.accept(UserId::new()), Err(FriendshipError::Stranger));
        assert_eq!(f.accept(f.addressee), Ok(FriendshipStatus::Accepted));
        assert_eq!(f.decline(f.requester), Err(FriendshipError::NotAddressee));
        assert_eq!(f.decline(f.addressee), Ok(()));
    }

    #[test]
    fn only_the_requester_cancels_and_only_while_pending() {
        let f = request();
        assert_eq!(f.cancel(f.addressee), Err(FriendshipError::NotRequester));
        assert_eq!(f.cancel(f.requester), Ok(()));
        let friends = Friendship { status: FriendshipStatus::Accepted, ..f };
        assert_eq!(friends.cancel(f.requester), Err(FriendshipError::NotPending));
        assert_eq!(friends.accept(f.addressee), Err(FriendshipError::NotPending));
    }

    #[test]
    fn either_friend_unfriends_but_a_request_is_not_a_friendship() {
        let f = request();
        assert_eq!(f.unfriend(f.requester), Err(FriendshipError::NotFriends));
        let friends = Friendship { status: FriendshipStatus::Accepted, ..f };
        assert_eq!(friends.unfriend(f.requester), Ok(()));
        assert_eq!(friends.unfriend(f.addressee), Ok(()));
        assert_eq!(friends.unfriend(UserId::new()), Err(FriendshipError::Stranger));
    }

    #[test]
    fn shares_go_to_others_each_once() {
        let me = UserId::new();
        let friend = UserId::new();
        assert_eq!(share_recipients(me, &[friend, friend]), Ok(vec![friend]));
        assert!(share_recipients(me, &[]).is_err());
        assert!(share_recipients(me, &[me]).is_err());
    }

    #[test]
    fn notes_are_trimmed_and_bounded() {
        assert_eq!(note("  hi "), Ok("hi".to_owned()));
        assert!(note(&"x".repeat(MAX_NOTE_CHARS + 1)).is_err());
    }
}
