//! Direct messages: what a message may hold and who may change it.
//!
//! A message is never removed: deleting it keeps a tombstone in its place, so
//! that the order (`seq`) of a conversation has no holes and a client that
//! synchronises later learns that the message is gone.

use chrono::{DateTime, Utc};

use crate::validation::{FieldErrors, ValidationError};
use crate::{FileId, UserId};

/// Longest message body, in characters.
pub const MAX_BODY_CHARS: usize = 5_000;
/// Most files on one message.
pub const MAX_ATTACHMENTS: usize = 10;
/// Longest client-chosen message id, used to make re-sends harmless.
pub const MAX_CLIENT_ID_LEN: usize = 64;

/// A message as the sender wrote it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub body: String,
    pub attachments: Vec<FileId>,
    /// The sender's own id for the message: sending the same one twice stores it once.
    pub client_id: Option<String>,
}

impl Draft {
    /// A message needs words or files; the body is kept as written, less
    /// surrounding white space.
    pub fn new(body: &str, attachments: Vec<FileId>, client_id: Option<String>) -> Result<Self, ValidationError> {
        let mut errors = FieldErrors::new();
        let body = body.trim().to_owned();
        check_body(&mut errors, &body, !attachments.is_empty());
        errors.ensure(attachments.len() <= MAX_ATTACHMENTS, "attachments", format!("at most {MAX_ATTACHMENTS} files"));
        let mut unique = attachments.clone();
        unique.sort_unstable();
        unique.dedup();
        errors.ensure(unique.len() == attachments.len(), "attachments", "a file is attached twice");
        if let Some(id) = &client_id {
            errors.ensure(
                !id.is_empty() && id.len() <= MAX_CLIENT_ID_LEN && id.chars().all(|c| c.is_ascii_graphic()),
                "client_id",
                format!("must be 1 to {MAX_CLIENT_ID_LEN} printable ASCII characters"),
            );
        }
        errors.finish()?;
        Ok(Self { body, attachments, client_id })
    }
}

/// A new body for an existing message.
pub fn edited_body(body: &str) -> Result<String, ValidationError> {
    let mut errors = FieldErrors::new();
    let body = body.trim().to_owned();
    check_body(&mut errors, &body, false);
    errors.finish()?;
    Ok(body)
}

fn check_body(errors: &mut FieldErrors, body: &str, has_files: bool) {
    let chars = body.chars().count();
    errors.ensure(chars > 0 || has_files, "body", "write something or attach a file");
    errors.ensure(chars <= MAX_BODY_CHARS, "body", format!("at most {MAX_BODY_CHARS} characters"));
}

/// Why a message cannot be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MessageChangeError {
    #[error("only the sender may change a message")]
    NotSender,
    #[error("the message was deleted")]
    Deleted,
}

/// The parts of a stored message that decide whether it may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageState {
    pub sender: UserId,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl MessageState {
    /// Editing and deleting are the sender's, and end once the message is deleted.
    pub fn change_by(self, user: UserId) -> Result<(), MessageChangeError> {
        if self.sender != user {
            return Err(MessageChangeError::NotSender);
        }
        if self.deleted_at.is_some() {
            return Err(MessageChangeError::Deleted);
        }
        Ok(())
    }
}

/// The two members of a direct conversation in a fixed order, so that one
/// pair has one conversation whoever writes first.
pub fn pair(a: UserId, b: UserId) -> (UserId, UserId) {
    if a.into_uuid() <= b.into_uuid() { (a, b) } else { (b, a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_needs_words_or_files() {
        assert!(Draft::new("  ", vec![], None).is_err());
        assert!(Draft::new("", vec![FileId::new()], None).is_ok());
        assert_eq!(Draft::new("  hi  ", vec![], None).map(|d| d.body), Ok("hi".to_owned()));
    }

    #[test]
    fn long_bodies_and_odd_client_ids_are_refused() {
        assert!(Draft::new(&"x".repeat(MAX_BODY_CHARS + 1), vec![], None).is_err());
        assert!(Draft::new(&"é".repeat(MAX_BODY_CHARS), vec![], None).is_ok());
        assert!(Draft::new("hi", vec![], Some("has space".into())).is_err());
        assert!(Draft::new("hi", vec![], Some("x".repeat(65))).is_err());
        assert!(Draft::new("hi", vec![], Some("c-1".into())).is_ok());
    }

    #[test]
    fn a_file_is_attached_once() {
        let file = FileId::new();
        assert!(Draft::new("hi", vec![file, file], None).is_err());
    }

    #[test]
    fn only_the_sender_changes_a_live_message() {
        let (sender, other) = (UserId::new(), UserId::new());
        let live = MessageState { sender, deleted_at: None };
        assert_eq!(live.change_by(sender), Ok(()));
        assert_eq!(live.change_by(other), Err(MessageChangeError::NotSender));
        let gone = MessageState { sender, deleted_at: Some(Utc::now()) };
        assert_eq!(gone.change_by(sender), Err(MessageChangeError::Deleted));
    }

    #[test]
    fn a_pair_is_the_same_whoever_writes_first() {
        let (a, b) = (UserId::new(), UserId::new());
        assert_eq!(pair(a, b), pair(b, a));
    }
}
