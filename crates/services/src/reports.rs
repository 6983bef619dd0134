//! Users reporting a user, a job or a message they can see, for the admins
//! to look at.

use chrono::Utc;
use domain::trust::{ReportReason, ReportStatus, ReportSubject};
use domain::{JobId, MessageId, UserId};
use store::Db;
use store::reports::{self, ReportRecord};
use uuid::Uuid;

use crate::jobs::MarketError;

#[derive(Clone)]
pub struct Reports {
    db: Db,
}

impl Reports {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Files a report. One open report per reporter and subject: reporting
    /// the same thing again while it is open is refused.
    pub async fn file(
        &self,
        reporter: UserId,
        subject: ReportSubject,
        subject_id: Uuid,
        reason: ReportReason,
        details: &str,
    ) -> Result<ReportRecord, MarketError> {
        let details = domain::trust::report_details(details)?;
        self.check_visible(reporter, subject, subject_id).await?;
        if reports::open_by(&self.db, reporter, subject_id).await?.is_some() {
            return Err(MarketError::conflict(
                "already_reported",
                "you reported this already; an admin will look at it",
            ));
        }
        let report = ReportRecord {
            id: Uuid::now_v7(),
            reporter_id: reporter,
            subject,
            subject_id,
            reason,
            details,
            status: ReportStatus::Open,
            created_at: Utc::now(),
            handled_by: None,
            handled_at: None,
        };
        reports::insert(&self.db, &report).await?;
        Ok(report)
    }

    /// Only what the reporter can see may be reported; anything else is not there.
    async fn check_visible(&self, reporter: UserId, subject: ReportSubject, id: Uuid) -> Result<(), MarketError> {
        match subject {
            ReportSubject::User => {
                if UserId::from(id) == reporter {
                    return Err(MarketError::Invalid(domain::ValidationError::single(
                        "subject_id",
                        "you cannot report yourself",
                    )));
                }
                store::users::find(&self.db, id.into()).await?.ok_or(MarketError::NotFound("user"))?;
            }
            ReportSubject::Job => {
                let job = store::jobs::find(&self.db, JobId::from(id)).await?.ok_or(MarketError::NotFound("job"))?;
                if !crate::jobs::may_view(&self.db, Some(reporter), &job).await? {
                    return Err(MarketError::NotFound("job"));
                }
            }
            ReportSubject::Message => {
                let message = store::messages::find(&self.db, MessageId::from(id))
                    .await?
                    .ok_or(MarketError::NotFound("message"))?;
                let member = store::conversations::find(&self.db, message.conversation_id)
                    .await?
                    .is_some_and(|c| c.is_member(reporter));
                if !member || message.sender_id == reporter {
                    return Err(MarketError::NotFound("message"));
                }
            }
        }
        Ok(())
    }
}
