//! Uploads. The type is sniffed from the bytes, never taken from the
//! client's word for it, and only a few safe types are kept.

use std::sync::Arc;

use bytes::Bytes;
use chrono::Utc;
use domain::{FileId, UserId};
use store::Db;
use store::attachments::{self, Subject};
use store::files::{self, FileRecord};
use store::{contracts, jobs, milestones, proposals};

use crate::Internal;
use crate::ports::{FileStorage, StorageError};

pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

const IMAGE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/webp", "image/gif"];
const DOCUMENT_TYPES: [&str; 1] = ["application/pdf"];

/// What a file is for; it decides the allowed types and who may read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Public: shown on the profile.
    Avatar,
    /// Public: shown on the profile.
    Portfolio,
    /// Private to its owner and to whoever may see the job or proposal it
    /// is attached to.
    Attachment,
}

impl Purpose {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "avatar" => Some(Self::Avatar),
            "portfolio" => Some(Self::Portfolio),
            "attachment" => Some(Self::Attachment),
            _ => None,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Avatar => "avatar",
            Self::Portfolio => "portfolio",
            Self::Attachment => "attachment",
        }
    }

    fn accepts(self, content_type: &str) -> bool {
        IMAGE_TYPES.contains(&content_type) || (self == Self::Attachment && DOCUMENT_TYPES.contains(&content_type))
    }

    pub fn is_public(self) -> bool {
        matches!(self, Self::Avatar | Self::Portfolio)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("the file is larger than 10 MB")]
    TooLarge,
    #[error("the file is empty")]
    Empty,
    #[error("files of this type are not accepted here")]
    UnsupportedType,
    #[error("file not found")]
    NotFound,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<store::StoreError> for FileError {
    fn from(err: store::StoreError) -> Self {
        Self::Internal(err.into())
    }
}

impl From<StorageError> for FileError {
    fn from(err: StorageError) -> Self {
        Self::Internal(Internal(err.to_string()))
    }
}

#[derive(Clone)]
pub struct Files {
    db: Db,
    storage: Arc<dyn FileStorage>,
}

impl Files {
    pub fn new(db: Db, storage: Arc<dyn FileStorage>) -> Self {
        Self { db, storage }
    }

    pub async fn upload(&self, owner: UserId, purpose: Purpose, bytes: Bytes) -> Result<FileRecord, FileError> {
        if bytes.is_empty() {
            return Err(FileError::Empty);
        }
        if bytes.len() > MAX_FILE_BYTES {
            return Err(FileError::TooLarge);
        }
        let content_type = sniff(&bytes).filter(|t| purpose.accepts(t)).ok_or(FileError::UnsupportedType)?;
        let id = FileId::new();
        let record = FileRecord {
            id,
            owner_id: owner,
            purpose: purpose.as_str().to_owned(),
            content_type: content_type.to_owned(),
            size_bytes: i64::try_from(bytes.len()).map_err(|_| FileError::TooLarge)?,
            storage_key: format!("files/{id}"),
            created_at: Utc::now(),
        };
        self.storage.put(&record.storage_key, bytes, content_type).await?;
        if let Err(err) = files::insert(&self.db, &record).await {
            // Keep storage free of bytes nobody can reference.
            if let Err(cleanup) = self.storage.delete(&record.storage_key).await {
                tracing::warn!(key = %record.storage_key, error = %cleanup, "orphaned upload left in storage");
            }
            return Err(err.into());
        }
        Ok(record)
    }

    /// A file and its bytes, if `viewer` may see it. Avatars and portfolio
    /// images are public; an attachment is its owner's and is shown to
    /// whoever may see a job, proposal, hand-in, message or dispute it is
    /// attached to.
    pub async fn download(&self, viewer: Option<UserId>, id: FileId) -> Result<(FileRecord, Bytes), FileError> {
        let record = files::find(&self.db, id).await?.ok_or(FileError::NotFound)?;
        let public = Purpose::parse(&record.purpose).is_some_and(Purpose::is_public);
        if !public && viewer != Some(record.owner_id) && !self.shared_with(viewer, id).await? {
            return Err(FileError::NotFound);
        }
        let bytes = match self.storage.get(&record.storage_key).await {
            Err(StorageError::NotFound(_)) => return Err(FileError::NotFound),
            other => other?,
        };
        Ok((record, bytes))
    }
}

impl Files {
    async fn shared_with(&self, viewer: Option<UserId>, id: FileId) -> Result<bool, FileError> {
        let Some(viewer) = viewer else { return Ok(false) };
        for subject in attachments::subjects_of(&self.db, id).await? {
            let job_id = match subject {
                // A milestone hand-in's files are for the contract's parties.
                Subject::Submission(event) => {
                    let Some(contract) = milestones::contract_of_event(&self.db, event).await? else { continue };
                    match contracts::find(&self.db, contract).await? {
                        Some(c) if c.is_party(viewer) => return Ok(true),
                        _ => continue,
                    }
                }
                // A message's files are for the conversation's members, until it is deleted.
                Subject::Message(message) => {
                    let Some(found) = store::messages::find(&self.db, message).await? else { continue };
                    if found.deleted_at.is_some() {
                        continue;
                    }
                    match store::conversations::find(&self.db, found.conversation_id).await? {
                        Some(c) if c.is_member(viewer) => return Ok(true),
                        _ => continue,
                    }
                }
                // A dispute's evidence is for its parties and admins.
                Subject::Dispute(event) => {
                    let Some(dispute) = store::disputes::of_event(&self.db, event).await? else { continue };
                    if dispute.is_party(viewer) || self.is_admin(viewer).await? {
                        return Ok(true);
                    }
                    continue;
                }
                Subject::Job(job_id) => job_id,
                Subject::Proposal(proposal_id) => match proposals::find(&self.db, proposal_id).await? {
                    Some(p) if p.freelancer_id == viewer => return Ok(true),
                    Some(p) => p.job_id,
                    None => continue,
                },
            };
            let Some(job) = jobs::find(&self.db, job_id).await? else { continue };
            let allowed = match subject {
                // A proposal's files are for its freelancer and the job's client.
                Subject::Proposal(_) => job.client_id == viewer,
                Subject::Submission(_) | Subject::Message(_) | Subject::Dispute(_) => false,
                Subject::Job(_) => crate::jobs::may_view(&self.db, Some(viewer), &job)
                    .await
                    .map_err(|e| FileError::Internal(crate::Internal(e.to_string())))?,
            };
            if allowed {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl Files {
    async fn is_admin(&self, user: UserId) -> Result<bool, FileError> {
        Ok(store::users::find(&self.db, user).await?.is_some_and(|u| u.is_admin))
    }
}

fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let kind = infer::get(bytes)?;
    let mime = kind.mime_type();
    (IMAGE_TYPES.contains(&mime) || DOCUMENT_TYPES.contains(&mime)).then_some(mime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b"MZ\x90\0"), None);
    }

    #[test]
    fn avatars_must_be_images() {
        assert!(Purpose::Avatar.accepts("image/webp"));
        assert!(!Purpose::Avatar.accepts("application/pdf"));
        assert!(Purpose::Attachment.accepts("application/pdf"));
    }
}
