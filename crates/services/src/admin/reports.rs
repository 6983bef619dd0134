//! The queue of users' reports, and closing them.

use chrono::Utc;
use domain::UserId;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::trust::ReportStatus;
use serde_json::json;
use store::reports::{self, ReportRecord};
use uuid::Uuid;

use super::{Action, Admin, audit};
use crate::jobs::MarketError;

impl Admin {
    /// Reports in `status` (all when `None`), oldest first.
    pub async fn reports(
        &self,
        status: Option<ReportStatus>,
        page: &PageRequest<Uuid>,
    ) -> Result<Page<ReportRecord>, MarketError> {
        Ok(reports::queue(&self.db, status, page).await?)
    }

    /// Closes an open report as resolved or dismissed; the reporter is told.
    pub async fn handle_report(
        &self,
        admin: UserId,
        id: Uuid,
        outcome: ReportStatus,
        note: &str,
    ) -> Result<ReportRecord, MarketError> {
        let note = domain::moderation::reason(note)?;
        if outcome == ReportStatus::Open {
            return Err(MarketError::Invalid(domain::ValidationError::single("outcome", "resolved or dismissed")));
        }
        let report = reports::find(&self.db, id).await?.ok_or(MarketError::NotFound("report"))?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        if !reports::handle(&txn, id, outcome, admin, now).await? {
            return Err(MarketError::conflict("report_handled", "this report was already handled"));
        }
        let action = Action {
            admin,
            action: "report.handle",
            subject_kind: "report",
            subject_id: Some(id),
            reason: &note,
            details: json!({"outcome": outcome, "subject": report.subject, "subject_id": report.subject_id}),
        };
        audit(&txn, action, now).await?;
        let payload = json!({"report_id": id, "outcome": outcome});
        self.notifier.notify(&txn, report.reporter_id, NotificationKind::ReportHandled, payload, now).await?;
        txn.commit().await?;
        Ok(reports::find(&self.db, id).await?.unwrap_or(report))
    }
}
