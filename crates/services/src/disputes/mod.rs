//! Disputes: either party of a contract contests money held for a
//! milestone or a billed hourly week. Opening one freezes the money where it
//! is (see `payments::disputes`); the other party may respond within the
//! platform's response period; both parties and admins write on its
//! timeline; the opener may withdraw it, and an admin decides it
//! ([`resolve`]). Only the parties and admins see a dispute, its timeline
//! and its evidence; anyone else is told it does not exist.

mod resolve;

use chrono::{DateTime, Utc};
use domain::dispute::{
    DisputeEventKind, DisputeMessage, DisputeResponse, DisputeStatus, Disputed, NewDispute, respond_by,
};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{ContractId, DisputeId, FileId, UserId, ValidationError};
use serde_json::json;
use store::disputes::{self, DisputeEventRecord, DisputeRecord};
use store::users::UserRecord;
use store::{ConnectionTrait, Db, StoreError, files};

use crate::jobs::MarketError;
use crate::notifier::Notifier;
use crate::payments::{Frozen, Payments};
use crate::settings;

#[derive(Clone)]
pub struct Disputes {
    db: Db,
    payments: Payments,
    notifier: Notifier,
}

/// A dispute with its timeline, oldest entry first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputeDetail {
    pub dispute: DisputeRecord,
    pub timeline: Vec<DisputeEventRecord>,
}

impl Disputes {
    pub fn new(db: Db, payments: Payments, notifier: Notifier) -> Self {
        Self { db, payments, notifier }
    }

    /// A party opens a dispute on a funded milestone or a held hourly week
    /// of their contract; the money freezes and the other party is told.
    pub async fn open(&self, user: UserId, new: NewDispute) -> Result<DisputeDetail, MarketError> {
        let subject = new.validate()?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        check_files(&txn, user, &new.evidence_file_ids, "evidence_file_ids").await?;
        let (contract, frozen) = self.payments.freeze(&txn, user, subject, now).await?;
        let response_days = settings::current(&txn).await?.dispute_response_days;
        let dispute = DisputeRecord {
            id: DisputeId::new(),
            contract_id: contract.id,
            subject,
            client_id: contract.client_id,
            freelancer_id: contract.freelancer_id,
            opened_by: user,
            reason: new.reason,
            description: new.description.trim().to_owned(),
            status: DisputeStatus::Open,
            milestone_before: match &frozen {
                Frozen::Milestone(m) => Some(m.status),
                Frozen::Week(_) => None,
            },
            held: frozen.held(),
            respond_by: respond_by(now, response_days),
            responded_at: None,
            resolution: None,
            closed_at: None,
            created_at: now,
        };
        match disputes::insert(&txn, &dispute).await {
            Err(StoreError::Duplicate(_)) => {
                return Err(MarketError::conflict("dispute_open", "this is disputed already"));
            }
            other => other?,
        }
        let kind = DisputeEventKind::Opened;
        disputes::add_event(&txn, dispute.id, Some(user), kind, &dispute.description, &new.evidence_file_ids, now)
            .await?;
        let payload = payload(&dispute, &contract.title);
        self.notifier.notify(&txn, dispute.respondent(), NotificationKind::DisputeOpened, payload, now).await?;
        let detail = detail(&txn, dispute.id).await?;
        txn.commit().await?;
        Ok(detail)
    }

    /// A dispute with its timeline, for its parties and admins.
    pub async fn get(&self, viewer: &UserRecord, id: DisputeId) -> Result<DisputeDetail, MarketError> {
        visible(&self.db, viewer, id).await?;
        detail(&self.db, id).await
    }

    /// The disputes the caller is a party of, newest first.
    /// The disputes the user is a party of, newest first; only those of
    /// `contract` when given.
    pub async fn mine(
        &self,
        user: UserId,
        contract: Option<ContractId>,
        page: &PageRequest<DisputeId>,
    ) -> Result<Page<DisputeRecord>, MarketError> {
        Ok(disputes::for_party(&self.db, user, contract, page).await?)
    }

    /// The other party answers, once, before the response period ends.
    pub async fn respond(
        &self,
        user: UserId,
        id: DisputeId,
        response: DisputeResponse,
    ) -> Result<DisputeDetail, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let dispute = party_dispute(&txn, user, id).await?;
        response.validate()?;
        dispute.status.discuss().map_err(|_| closed(dispute.status))?;
        if user != dispute.respondent() {
            return Err(MarketError::forbidden("respondent_only", "the other party responds to a dispute"));
        }
        if dispute.responded_at.is_some() {
            return Err(answered());
        }
        if now > dispute.respond_by {
            return Err(MarketError::conflict(
                "response_period_over",
                "the time to respond has passed; write a message instead",
            ));
        }
        check_files(&txn, user, &response.evidence_file_ids, "evidence_file_ids").await?;
        if !disputes::mark_responded(&txn, id, now).await? {
            return Err(answered());
        }
        let (message, files) = (response.message.trim(), &response.evidence_file_ids);
        disputes::add_event(&txn, id, Some(user), DisputeEventKind::Response, message, files, now).await?;
        self.tell(&txn, &dispute, user, NotificationKind::DisputeUpdated, now).await?;
        let detail = detail(&txn, id).await?;
        txn.commit().await?;
        Ok(detail)
    }

    /// A party or an admin writes on an open dispute's timeline.
    pub async fn post_message(
        &self,
        author: &UserRecord,
        id: DisputeId,
        message: DisputeMessage,
    ) -> Result<DisputeEventRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let dispute = visible(&txn, author, id).await?;
        message.validate()?;
        dispute.status.discuss().map_err(|_| closed(dispute.status))?;
        check_files(&txn, author.id, &message.file_ids, "file_ids").await?;
        let kind = DisputeEventKind::Message;
        let event =
            disputes::add_event(&txn, id, Some(author.id), kind, message.body.trim(), &message.file_ids, now).await?;
        self.tell(&txn, &dispute, author.id, NotificationKind::DisputeUpdated, now).await?;
        let entry = disputes::events(&txn, id).await?.into_iter().find(|e| e.id == event);
        txn.commit().await?;
        entry.ok_or(MarketError::NotFound("dispute"))
    }

    /// The opener takes an open dispute back: the milestone returns to the
    /// state it had, the week to its review.
    pub async fn withdraw(&self, user: UserId, id: DisputeId) -> Result<DisputeDetail, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let found = party_dispute(&txn, user, id).await?;
        if user != found.opened_by {
            return Err(MarketError::forbidden("opener_only", "only the party who opened a dispute withdraws it"));
        }
        let frozen = self.payments.lock_disputed(&txn, &found).await?;
        let dispute = disputes::find_for_update(&txn, id).await?.ok_or(MarketError::NotFound("dispute"))?;
        let next = dispute.status.withdraw().map_err(|_| closed(dispute.status))?;
        self.payments.unfreeze(&txn, &dispute, &frozen, now).await?;
        if !disputes::close(&txn, id, next, None, now).await? {
            return Err(MarketError::conflict("dispute_changed", "the dispute changed meanwhile; reload it"));
        }
        disputes::add_event(&txn, id, Some(user), DisputeEventKind::Withdrawn, "", &[], now).await?;
        let withdrawn = DisputeRecord { status: next, ..dispute };
        self.tell(&txn, &withdrawn, user, NotificationKind::DisputeUpdated, now).await?;
        let detail = detail(&txn, id).await?;
        txn.commit().await?;
        Ok(detail)
    }
}

async fn detail(db: &impl ConnectionTrait, id: DisputeId) -> Result<DisputeDetail, MarketError> {
    let dispute = disputes::find(db, id).await?.ok_or(MarketError::NotFound("dispute"))?;
    let timeline = disputes::events(db, id).await?;
    Ok(DisputeDetail { dispute, timeline })
}

/// The dispute, if `user` is one of its parties.
async fn party_dispute(db: &impl ConnectionTrait, user: UserId, id: DisputeId) -> Result<DisputeRecord, MarketError> {
    disputes::find(db, id).await?.filter(|d| d.is_party(user)).ok_or(MarketError::NotFound("dispute"))
}

/// The dispute, if `viewer` is one of its parties or an admin.
async fn visible(db: &impl ConnectionTrait, viewer: &UserRecord, id: DisputeId) -> Result<DisputeRecord, MarketError> {
    disputes::find(db, id)
        .await?
        .filter(|d| d.is_party(viewer.id) || viewer.is_admin)
        .ok_or(MarketError::NotFound("dispute"))
}

/// Evidence must be attachments the writer uploaded.
async fn check_files(db: &impl ConnectionTrait, user: UserId, ids: &[FileId], field: &str) -> Result<(), MarketError> {
    let owned = files::find_owned(db, user, ids).await?;
    if ids.iter().all(|id| owned.iter().any(|f| f.id == *id && f.purpose == "attachment")) {
        Ok(())
    } else {
        Err(ValidationError::single(field, "must be attachments you uploaded").into())
    }
}

impl Disputes {
    /// Tells the dispute's parties other than `author` what happened.
    async fn tell(
        &self,
        db: &impl ConnectionTrait,
        dispute: &DisputeRecord,
        author: UserId,
        kind: NotificationKind,
        now: DateTime<Utc>,
    ) -> Result<(), MarketError> {
        let title = store::contracts::find(db, dispute.contract_id).await?.map(|c| c.title).unwrap_or_default();
        for party in [dispute.client_id, dispute.freelancer_id].into_iter().filter(|p| *p != author) {
            self.notifier.notify(db, party, kind, payload(dispute, &title), now).await?;
        }
        Ok(())
    }
}

fn payload(dispute: &DisputeRecord, title: &str) -> serde_json::Value {
    let (milestone_id, hourly_week_id) = match dispute.subject {
        Disputed::Milestone(id) => (Some(id.into_uuid()), None),
        Disputed::HourlyWeek(id) => (None, Some(id)),
    };
    json!({
        "dispute_id": dispute.id,
        "contract_id": dispute.contract_id,
        "title": title,
        "milestone_id": milestone_id,
        "hourly_week_id": hourly_week_id,
        "reason": dispute.reason,
        "status": dispute.status,
        "outcome": dispute.resolution.as_ref().map(|r| r.outcome),
    })
}

/// A dispute that is no longer open, by how it ended.
fn closed(status: DisputeStatus) -> MarketError {
    match status {
        DisputeStatus::Resolved => MarketError::conflict("dispute_resolved", "the dispute was decided already"),
        _ => MarketError::conflict("dispute_closed", "the dispute was withdrawn"),
    }
}

fn answered() -> MarketError {
    MarketError::conflict("dispute_answered", "the dispute has its response; write a message instead")
}
