//! Invitation codes: any signed-in user may invite a friend by e-mail (with
//! at most [`MAX_UNUSED_PER_USER`] codes out at once); admins make codes
//! with or without an address (see `Admin::create_invite`). Sign-up takes
//! them while the platform is invite-only.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use domain::invite::{self, MAX_UNUSED_PER_USER, Maker};
use domain::pagination::{Page, PageRequest};
use domain::user::Email;
use domain::{InviteCodeId, UserId};
use rand::RngCore;
use store::invite_codes::{self, InviteCodeRecord};
use store::users::UserRecord;
use store::{ConnectionTrait, Db, mail_queue, users};

use crate::jobs::MarketError;
use crate::mail::invite::invitation;

#[derive(Clone)]
pub struct Invites {
    db: Db,
    /// Base of the sign-up link in the mail, without a trailing slash.
    public_url: String,
}

impl Invites {
    pub fn new(db: Db, public_url: &str) -> Self {
        Self { db, public_url: public_url.trim_end_matches('/').to_owned() }
    }

    /// Makes a code for the friend at `email` and mails it to them.
    pub async fn invite_friend(&self, user: UserId, email: &str) -> Result<InviteCodeRecord, MarketError> {
        let (to, note) = invite::request(Maker::Friend, Some(email), "")?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        // Locked, so that simultaneous invitations are counted one by one.
        let inviter = users::find_for_update(&txn, user).await?.ok_or(MarketError::NotFound("user"))?;
        if invite_codes::unused_count(&txn, user, now).await? >= MAX_UNUSED_PER_USER {
            return Err(MarketError::conflict(
                "too_many_invites",
                format!("you have {MAX_UNUSED_PER_USER} unused invitations; wait until some are used or expire"),
            ));
        }
        let code = self.create(&txn, &inviter, false, to, note, now).await?;
        txn.commit().await?;
        Ok(code)
    }

    /// The user's codes, newest first.
    pub async fn mine(
        &self,
        user: UserId,
        page: &PageRequest<InviteCodeId>,
    ) -> Result<Page<InviteCodeRecord>, MarketError> {
        Ok(invite_codes::list(&self.db, Some(user), page).await?)
    }

    /// Stores a new code by `by` inside the caller's transaction and, when
    /// it names an address, queues the mail to it in the same transaction.
    pub(crate) async fn create(
        &self,
        db: &impl ConnectionTrait,
        by: &UserRecord,
        by_admin: bool,
        email: Option<Email>,
        note: String,
        now: DateTime<Utc>,
    ) -> Result<InviteCodeRecord, MarketError> {
        let record = InviteCodeRecord {
            id: InviteCodeId::new(),
            code: new_code(),
            created_by: by.id,
            by_admin,
            email: email.map(|e| e.as_str().to_owned()),
            note,
            expires_at: invite::expires_at(now),
            used_by: None,
            used_at: None,
            created_at: now,
        };
        invite_codes::insert(db, &record).await?;
        if let Some(to) = &record.email {
            let link = format!("{}/signup?invite={}", self.public_url, record.code);
            mail_queue::enqueue(db, invitation(to, &by.name, &record.code, &link, record.expires_at), now).await?;
        }
        Ok(record)
    }
}

/// Sixteen URL-safe characters from 96 random bits: unguessable, and short
/// enough to type.
fn new_code() -> String {
    let mut bytes = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}
