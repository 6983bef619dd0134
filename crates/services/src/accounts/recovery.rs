//! E-mail verification and password reset: both mail a one-time link.

use chrono::Utc;
use domain::user::{Email, check_password};
use domain::{FieldErrors, UserId};
use store::email_tokens::{self, Purpose};
use store::users::UserRecord;
use store::{sessions, users};

use super::{AccountError, Accounts, mail, tokens};
use crate::passwords;
use crate::ports::OutgoingMail;

impl Accounts {
    /// Mails a reset link if the address has an account. The answer is the
    /// same either way so that the form does not reveal who is registered.
    pub async fn request_password_reset(&self, email: &str) -> Result<(), AccountError> {
        let Some(email) = Email::parse(email) else { return Ok(()) };
        let Some(user) = users::find_by_email(&self.db, &email).await? else { return Ok(()) };
        let token = self.new_email_token(user.id, Purpose::ResetPassword, chrono::Duration::hours(1)).await?;
        let link = format!("{}/reset-password?token={token}", self.settings.public_url);
        self.deliver(mail::reset_password(&user.email, &user.name, &link)).await;
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
        if let Some(user) = users::find(&self.db, user_id).await? {
            self.send_verification(&user).await;
        }
        Ok(())
    }

    /// Best effort: a mail failure must not undo a sign-up; the user can ask again.
    pub(super) async fn send_verification(&self, user: &UserRecord) {
        if user.email_verified_at.is_some() {
            return;
        }
        match self.new_email_token(user.id, Purpose::VerifyEmail, chrono::Duration::hours(48)).await {
            Ok(token) => {
                let link = format!("{}/verify-email?token={token}", self.settings.public_url);
                self.deliver(mail::verify_email(&user.email, &user.name, &link)).await;
            }
            Err(err) => tracing::error!(user_id = %user.id, error = %err, "could not create verification token"),
        }
    }

    async fn new_email_token(
        &self,
        user_id: UserId,
        purpose: Purpose,
        ttl: chrono::Duration,
    ) -> Result<String, AccountError> {
        let now = Utc::now();
        let token = tokens::random_token();
        email_tokens::insert(&self.db, user_id, purpose, &tokens::digest(&token), now + ttl, now).await?;
        Ok(token)
    }

    async fn deliver(&self, mail: OutgoingMail) {
        if let Err(err) = self.mailer.send(mail).await {
            tracing::error!(error = %err, "account e-mail not sent");
        }
    }
}
