//! E-mail verification and password reset: both mail a one-time link.

use chrono::Utc;
use domain::user::{Email, check_password};
use domain::{FieldErrors, UserId};
use store::email_tokens::{self, Purpose};
use store::users::UserRecord;
use store::{ConnectionTrait, mail_queue, sessions, users};

use super::{AccountError, Accounts, mail, tokens};
use crate::passwords;

impl Accounts {
    /// Mails a reset link if the address has an account. The answer is the
    /// same either way so that the form does not reveal who is registered.
    pub async fn request_password_reset(&self, email: &str) -> Result<(), AccountError> {
        let Some(email) = Email::parse(email) else { return Ok(()) };
        let Some(user) = users::find_by_email(&self.db, &email).await? else { return Ok(()) };
        let txn = store::begin_write(&self.db).await?;
        let token = new_email_token(&txn, user.id, Purpose::ResetPassword, chrono::Duration::hours(1)).await?;
        let link = format!("{}/reset-password?token={token}", self.settings.public_url);
        mail_queue::enqueue(&txn, mail::reset_password(&user.email, &user.name, &link), Utc::now()).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Sets a new password from a reset link and ends every session, since
    /// whoever knew the old password may hold one.
    pub async fn reset_password(&self, token: &str, new_password: &str) -> Result<(), AccountError> {
        let mut errors = FieldErrors::new();
        check_password(&mut errors, "password", new_password);
        errors.finish()?;
        let hash = passwords::hash(new_password.to_owned()).await?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let user_id = email_tokens::consume(&txn, Purpose::ResetPassword, &tokens::digest(token), now)
            .await?
            .ok_or(AccountError::BadEmailToken)?;
        users::set_password(&txn, user_id, &hash, now).await?;
        // Following the link proves the address too.
        users::mark_email_verified(&txn, user_id, now).await?;
        sessions::revoke_all(&txn, user_id, now).await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn verify_email(&self, token: &str) -> Result<(), AccountError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let user_id = email_tokens::consume(&txn, Purpose::VerifyEmail, &tokens::digest(token), now)
            .await?
            .ok_or(AccountError::BadEmailToken)?;
        users::mark_email_verified(&txn, user_id, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Mails a fresh verification link unless the address is verified already.
    pub async fn resend_verification(&self, user_id: UserId) -> Result<(), AccountError> {
        let txn = store::begin_write(&self.db).await?;
        if let Some(user) = users::find(&txn, user_id).await? {
            self.queue_verification(&txn, &user).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Queues the verification mail in the caller's transaction, so that an
    /// account and its link exist together or not at all.
    pub(super) async fn queue_verification(
        &self,
        txn: &impl ConnectionTrait,
        user: &UserRecord,
    ) -> Result<(), AccountError> {
        if user.email_verified_at.is_some() {
            return Ok(());
        }
        let token = new_email_token(txn, user.id, Purpose::VerifyEmail, chrono::Duration::hours(48)).await?;
        let link = format!("{}/verify-email?token={token}", self.settings.public_url);
        mail_queue::enqueue(txn, mail::verify_email(&user.email, &user.name, &link), Utc::now()).await?;
        Ok(())
    }
}

async fn new_email_token(
    db: &impl ConnectionTrait,
    user_id: UserId,
    purpose: Purpose,
    ttl: chrono::Duration,
) -> Result<String, AccountError> {
    let now = Utc::now();
    let token = tokens::random_token();
    email_tokens::insert(db, user_id, purpose, &tokens::digest(&token), now + ttl, now).await?;
    Ok(token)
}
