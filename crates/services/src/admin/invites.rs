//! Admins' invitation codes: made with a note saying what for (kept as the
//! audit log's reason) and optionally an address to mail it to; the list of
//! every code, used or not.

use chrono::Utc;
use domain::invite::Maker;
use domain::pagination::{Page, PageRequest};
use domain::{InviteCodeId, UserId};
use serde_json::json;
use store::invite_codes::{self, InviteCodeRecord};
use store::users;

use super::{Action, Admin, audit};
use crate::jobs::MarketError;

impl Admin {
    pub async fn create_invite(
        &self,
        admin: UserId,
        email: Option<&str>,
        note: &str,
    ) -> Result<InviteCodeRecord, MarketError> {
        let (to, note) = domain::invite::request(Maker::Admin, email, note)?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let by = users::find(&txn, admin).await?.ok_or(MarketError::NotFound("user"))?;
        let code = self.invites.create(&txn, &by, true, to, note, now).await?;
        let details = json!({"email": code.email, "expires_at": code.expires_at});
        let subject_id = Some(code.id.into_uuid());
        let action =
            Action { admin, action: "invite.create", subject_kind: "invite", subject_id, reason: &code.note, details };
        audit(&txn, action, now).await?;
        txn.commit().await?;
        Ok(code)
    }

    /// Every code, newest first.
    pub async fn invites(&self, page: &PageRequest<InviteCodeId>) -> Result<Page<InviteCodeRecord>, MarketError> {
        Ok(invite_codes::list(&self.db, None, page).await?)
    }
}
