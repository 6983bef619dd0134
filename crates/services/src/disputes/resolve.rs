//! Admins decide disputes: the queue of disputes waiting for them, and the
//! decision that moves the frozen money (refund, release, split) or sends a
//! milestone back for rework, written to the audit log with it. A decision is taken once: the milestone or
//! week is locked, then the dispute, and its state re-checked, so of two
//! admins deciding at the same moment the second is told it is decided.

use chrono::Utc;
use domain::DisputeId;
use domain::dispute::{Decision, DisputeEventKind, DisputeStatus, Resolution};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use serde_json::json;
use store::disputes::{self, DisputeRecord, ResolutionRecord};
use store::users::UserRecord;

use super::{DisputeDetail, Disputes, closed, detail};
use crate::admin::{Action, audit};
use crate::jobs::MarketError;

impl Disputes {
    /// Disputes in `status` (all when none), oldest first, for admins.
    pub async fn queue(
        &self,
        admin: &UserRecord,
        status: Option<DisputeStatus>,
        page: &PageRequest<DisputeId>,
    ) -> Result<Page<DisputeRecord>, MarketError> {
        if !admin.is_admin {
            return Err(MarketError::NotFound("dispute"));
        }
        Ok(disputes::queue(&self.db, status, page).await?)
    }

    /// An admin decides an open dispute. The money moves in this
    /// transaction with the dispute's state change; a split must add up to
    /// exactly what is held, or nothing moves.
    pub async fn resolve(
        &self,
        admin: &UserRecord,
        id: DisputeId,
        resolution: Resolution,
    ) -> Result<DisputeDetail, MarketError> {
        if !admin.is_admin {
            return Err(MarketError::NotFound("dispute"));
        }
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let found = disputes::find(&txn, id).await?.ok_or(MarketError::NotFound("dispute"))?;
        let frozen = self.payments.lock_disputed(&txn, &found).await?;
        let dispute = disputes::find_for_update(&txn, id).await?.ok_or(MarketError::NotFound("dispute"))?;
        let next = dispute.status.resolve().map_err(|_| closed(dispute.status))?;
        let decision = resolution.decide(frozen.held(), frozen.is_milestone(), now.date_naive())?;
        self.payments.settle(&txn, &dispute, &frozen, decision, admin.id, now).await?;
        let (client_amount, freelancer_amount) = match decision {
            Decision::Split { to_client, to_freelancer } => (Some(to_client), Some(to_freelancer)),
            _ => (None, None),
        };
        let record = ResolutionRecord {
            outcome: decision.outcome(),
            client_amount,
            freelancer_amount,
            due_date: match decision {
                Decision::Rework { due_date } => Some(due_date),
                _ => None,
            },
            note: resolution.note.trim().to_owned(),
            resolved_by: admin.id,
        };
        if !disputes::close(&txn, id, next, Some(&record), now).await? {
            return Err(closed(DisputeStatus::Resolved));
        }
        disputes::add_event(&txn, id, Some(admin.id), DisputeEventKind::Resolved, &record.note, &[], now).await?;
        let details = json!({
            "outcome": record.outcome,
            "held": dispute.held,
            "client_amount": record.client_amount,
            "freelancer_amount": record.freelancer_amount,
            "due_date": record.due_date,
            "contract_id": dispute.contract_id,
        });
        let action = Action {
            admin: admin.id,
            action: "dispute.resolve",
            subject_kind: "dispute",
            subject_id: Some(id.into_uuid()),
            reason: &record.note,
            details,
        };
        audit(&txn, action, now).await?;
        let resolved = DisputeRecord { status: next, resolution: Some(record), ..dispute };
        self.tell(&txn, &resolved, admin.id, NotificationKind::DisputeResolved, now).await?;
        let detail = detail(&txn, id).await?;
        txn.commit().await?;
        Ok(detail)
    }
}
