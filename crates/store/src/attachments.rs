//! Links from attachments to what carries them: a job, a proposal, a
//! milestone submission, a message or an entry of a dispute's timeline.

use std::collections::HashMap;

use domain::{DisputeEventId, FileId, JobId, ProposalId};
use sea_orm::prelude::Uuid;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::attachment_link as link;
use crate::error::StoreResult;

/// What an attachment is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Job(JobId),
    Proposal(ProposalId),
    /// A milestone hand-in: an entry of the milestone's history.
    Submission(Uuid),
    /// A direct message.
    Message(domain::MessageId),
    /// Evidence on a dispute's timeline.
    Dispute(DisputeEventId),
}

impl Subject {
    fn parts(self) -> (&'static str, Uuid) {
        match self {
            Self::Job(id) => ("job", id.into_uuid()),
            Self::Proposal(id) => ("proposal", id.into_uuid()),
            Self::Submission(id) => ("submission", id),
            Self::Message(id) => ("message", id.into_uuid()),
            Self::Dispute(id) => ("dispute", id.into_uuid()),
        }
    }
}

/// Makes `files` the attachments of `subject`, replacing earlier ones.
pub async fn replace(db: &impl ConnectionTrait, subject: Subject, files: &[FileId]) -> StoreResult<()> {
    let (kind, id) = subject.parts();
    link::Entity::delete_many()
        .filter(link::Column::Subject.eq(kind))
        .filter(link::Column::SubjectId.eq(id))
        .exec(db)
        .await?;
    if !files.is_empty() {
        let rows = files.iter().map(|file| link::ActiveModel {
            file_id: Set(file.into_uuid()),
            subject: Set(kind.to_owned()),
            subject_id: Set(id),
        });
        link::Entity::insert_many(rows).exec_without_returning(db).await?;
    }
    Ok(())
}

/// Everything the file is attached to.
pub async fn subjects_of(db: &impl ConnectionTrait, file: FileId) -> StoreResult<Vec<Subject>> {
    let rows = link::Entity::find().filter(link::Column::FileId.eq(file.into_uuid())).all(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| match row.subject.as_str() {
            "job" => Some(Subject::Job(row.subject_id.into())),
            "proposal" => Some(Subject::Proposal(row.subject_id.into())),
            "submission" => Some(Subject::Submission(row.subject_id)),
            "message" => Some(Subject::Message(row.subject_id.into())),
            "dispute" => Some(Subject::Dispute(row.subject_id.into())),
            _ => None,
        })
        .collect())
}

/// The files of each milestone history entry, by entry.
pub async fn of_submissions(db: &impl ConnectionTrait, events: &[Uuid]) -> StoreResult<HashMap<Uuid, Vec<FileId>>> {
    files_of(db, "submission", events.iter().copied()).await
}

/// The files of each message, by message.
pub async fn of_messages(
    db: &impl ConnectionTrait,
    messages: &[domain::MessageId],
) -> StoreResult<HashMap<Uuid, Vec<FileId>>> {
    files_of(db, "message", messages.iter().map(|m| m.into_uuid())).await
}

/// The files of each dispute timeline entry, by entry.
pub async fn of_dispute_events(
    db: &impl ConnectionTrait,
    events: &[DisputeEventId],
) -> StoreResult<HashMap<Uuid, Vec<FileId>>> {
    files_of(db, "dispute", events.iter().map(|e| e.into_uuid())).await
}

async fn files_of(
    db: &impl ConnectionTrait,
    kind: &str,
    subjects: impl ExactSizeIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, Vec<FileId>>> {
    let mut files: HashMap<Uuid, Vec<FileId>> = HashMap::new();
    if subjects.len() == 0 {
        return Ok(files);
    }
    let rows = link::Entity::find()
        .filter(link::Column::Subject.eq(kind))
        .filter(link::Column::SubjectId.is_in(subjects))
        .all(db)
        .await?;
    for row in rows {
        files.entry(row.subject_id).or_default().push(row.file_id.into());
    }
    Ok(files)
}
