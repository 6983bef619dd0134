//! Signing up, logging in, sessions, e-mail verification and password reset.

mod mail;
mod recovery;
pub mod tokens;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use domain::settings::SignupMode;
use domain::user::{Email, Role, Signup};
use domain::{SessionFamilyId, UserId, ValidationError};
use secrecy::SecretString;
use store::users::{NewUser, UserRecord};
use store::{Db, StoreError, profiles, sessions, users};
use tokens::{AccessClaims, JwtKeys};

use crate::Internal;
use crate::passwords;
use crate::rate_limit::{LoginLimiter, LoginLimits};

#[derive(Debug, Clone)]
pub struct AuthSettings {
    pub jwt_secret: SecretString,
    pub access_ttl: chrono::Duration,
    pub refresh_ttl: chrono::Duration,
    /// Base of the links in e-mails, e.g. `https://downwork.example`.
    pub public_url: String,
    pub login_limits: LoginLimits,
}

impl AuthSettings {
    pub fn new(jwt_secret: SecretString, public_url: String) -> Self {
        Self {
            jwt_secret,
            access_ttl: chrono::Duration::minutes(15),
            refresh_ttl: chrono::Duration::days(30),
            public_url,
            login_limits: LoginLimits::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("an account with this e-mail address exists already")]
    EmailTaken,
    /// One answer for unknown e-mail and wrong password, so that login
    /// does not reveal who has an account.
    #[error("e-mail or password is wrong")]
    WrongCredentials,
    #[error("too many attempts")]
    RateLimited { retry_after: Duration },
    #[error("the session has ended; log in again")]
    SessionEnded,
    #[error("the link is invalid or has expired")]
    BadEmailToken,
    /// The account is suspended until then.
    #[error("this account is suspended until {0}")]
    Suspended(chrono::DateTime<Utc>),
    #[error("this account is banned")]
    Banned,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<StoreError> for AccountError {
    fn from(err: StoreError) -> Self {
        Self::Internal(err.into())
    }
}

impl From<store::DbErr> for AccountError {
    fn from(err: store::DbErr) -> Self {
        Self::Internal(err.into())
    }
}

/// A logged-in session as handed to the client.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: UserRecord,
    pub access_token: String,
    pub refresh_token: String,
}

#[derive(Clone)]
pub struct Accounts {
    db: Db,
    settings: Arc<AuthSettings>,
    keys: Arc<JwtKeys>,
    limiter: Arc<LoginLimiter>,
}

impl Accounts {
    pub fn new(db: Db, settings: AuthSettings) -> Self {
        Self {
            db,
            keys: Arc::new(JwtKeys::new(&settings.jwt_secret)),
            limiter: Arc::new(LoginLimiter::new(settings.login_limits)),
            settings: Arc::new(settings),
        }
    }

    /// Creates an account with its profile and session. While sign-up is
    /// invite-only (a platform setting) an unused `invite_code` is needed,
    /// taken in the same transaction; otherwise it is not looked at.
    pub async fn signup(
        &self,
        email: &str,
        password: &str,
        name: &str,
        role: &str,
        invite_code: Option<&str>,
    ) -> Result<Session, AccountError> {
        let signup = Signup::validate(email, password, name, role)?;
        let invite_code = match crate::settings::current(&self.db).await?.signup_mode {
            SignupMode::Open => None,
            SignupMode::InviteOnly => match invite_code.map(str::trim).filter(|c| !c.is_empty()) {
                Some(code) => Some(code),
                None => {
                    return Err(
                        ValidationError::single("invite_code", "an invitation code is needed to sign up").into()
                    );
                }
            },
        };
        let hash = passwords::hash(password.to_owned()).await?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let new = NewUser {
            id: UserId::new(),
            email: &signup.email,
            name: &signup.name,
            password_hash: &hash,
            role: signup.role,
            now,
        };
        let user = match users::insert(&txn, new).await {
            Err(StoreError::Duplicate(_)) => return Err(AccountError::EmailTaken),
            other => other?,
        };
        if let Some(code) = invite_code {
            take_invite(&txn, code, &signup.email, user.id, now).await?;
        }
        match signup.role {
            Role::Freelancer => {
                profiles::save_freelancer(&txn, user.id, &profiles::FreelancerRecord::empty(), &[], now).await?;
            }
            Role::Client => {
                let empty = profiles::ClientRecord {
                    company_name: String::new(),
                    website: None,
                    company_size: Default::default(),
                    industry: String::new(),
                    description: String::new(),
                    rating: None,
                };
                profiles::save_client(&txn, user.id, &empty, now).await?;
            }
            Role::Admin => {}
        }
        let session = self.open_session(&txn, user).await?;
        self.queue_verification(&txn, &session.user).await?;
        txn.commit().await?;
        Ok(session)
    }

    pub async fn login(&self, email: &str, password: &str, address: Option<IpAddr>) -> Result<Session, AccountError> {
        let key = email.trim().to_lowercase();
        self.limiter.check(&key, address).map_err(|retry_after| AccountError::RateLimited { retry_after })?;
        let user = match Email::parse(email) {
            Some(email) => users::find_by_email(&self.db, &email).await?,
            None => None,
        };
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        if !passwords::verify(password.to_owned(), hash).await? {
            return Err(AccountError::WrongCredentials);
        }
        let user = user.ok_or(AccountError::WrongCredentials)?;
        in_good_standing(&user)?;
        let txn = store::begin_write(&self.db).await?;
        let session = self.open_session(&txn, user).await?;
        txn.commit().await?;
        Ok(session)
    }

    /// Trades a refresh token for a new pair. A token can be used once; using
    /// it again means it was stolen, and ends every token of its family.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Session, AccountError> {
        let now = Utc::now();
        let hash = tokens::digest(refresh_token);
        let token = sessions::find_refresh_token(&self.db, &hash).await?.ok_or(AccountError::SessionEnded)?;
        if token.family_revoked || token.expires_at <= now {
            return Err(AccountError::SessionEnded);
        }
        if token.used {
            sessions::revoke_family(&self.db, token.family, now).await?;
            tracing::warn!(user_id = %token.user_id, "refresh token reused; session family revoked");
            return Err(AccountError::SessionEnded);
        }
        let txn = store::begin_write(&self.db).await?;
        if !sessions::mark_used(&txn, token.id, now).await? {
            drop(txn);
            sessions::revoke_family(&self.db, token.family, now).await?;
            return Err(AccountError::SessionEnded);
        }
        let user = users::find(&txn, token.user_id).await?.ok_or(AccountError::SessionEnded)?;
        in_good_standing(&user)?;
        let refresh_token = self.new_refresh_token(&txn, token.family).await?;
        txn.commit().await?;
        Ok(Session { access_token: self.access_token(user.id, token.family), refresh_token, user })
    }

    /// Ends the session the refresh token belongs to. Unknown tokens are
    /// ignored: the outcome the caller wants holds either way.
    pub async fn logout(&self, refresh_token: &str) -> Result<(), AccountError> {
        let hash = tokens::digest(refresh_token);
        if let Some(token) = sessions::find_refresh_token(&self.db, &hash).await? {
            sessions::revoke_family(&self.db, token.family, Utc::now()).await?;
        }
        Ok(())
    }

    /// Ends the session an access token belongs to.
    pub async fn logout_session(&self, family: SessionFamilyId) -> Result<(), AccountError> {
        sessions::revoke_family(&self.db, family, Utc::now()).await?;
        Ok(())
    }

    /// The user behind an access token, if both token and session are live.
    pub async fn authenticate(&self, access_token: &str) -> Result<Option<(UserRecord, AccessClaims)>, AccountError> {
        let Some(claims) = self.keys.verify(access_token) else { return Ok(None) };
        let user = sessions::live_session_user(&self.db, claims.user_id, claims.family).await?;
        // A suspended or banned user's sessions end when it happens; this
        // also holds for a token issued in the moment before.
        let now = Utc::now();
        Ok(user.filter(|u| u.standing(now).is_active()).map(|u| (u, claims)))
    }

    /// Forgets idle rate-limit keys; run every few minutes.
    pub fn housekeeping(&self) {
        self.limiter.forget_idle();
    }

    async fn open_session(&self, txn: &impl store::ConnectionTrait, user: UserRecord) -> Result<Session, AccountError> {
        let family = sessions::start_family(txn, user.id, Utc::now()).await?;
        let refresh_token = self.new_refresh_token(txn, family).await?;
        Ok(Session { access_token: self.access_token(user.id, family), refresh_token, user })
    }

    async fn new_refresh_token(
        &self,
        txn: &impl store::ConnectionTrait,
        family: SessionFamilyId,
    ) -> Result<String, AccountError> {
        let now = Utc::now();
        let token = tokens::random_token();
        sessions::insert_refresh_token(txn, family, &tokens::digest(&token), now + self.settings.refresh_ttl, now)
            .await?;
        Ok(token)
    }

    fn access_token(&self, user: UserId, family: SessionFamilyId) -> String {
        self.keys.issue(user, family, Utc::now(), self.settings.access_ttl)
    }
}

impl Accounts {
    /// Creates an administrator, or makes an existing account one. Used by
    /// `downwork create-admin`; there is no HTTP route to become an admin.
    pub async fn create_admin(&self, email: &str, password: &str, name: &str) -> Result<UserRecord, AccountError> {
        let valid = Signup::validate(email, password, name, "client")?;
        if let Some(existing) = users::find_by_email(&self.db, &valid.email).await? {
            users::grant_role(&self.db, existing.id, Role::Admin).await?;
            return Ok(users::find(&self.db, existing.id).await?.unwrap_or(existing));
        }
        let hash = passwords::hash(password.to_owned()).await?;
        let new = NewUser {
            id: UserId::new(),
            email: &valid.email,
            name: &valid.name,
            password_hash: &hash,
            role: Role::Admin,
            now: Utc::now(),
        };
        let user = users::insert(&self.db, new).await?;
        users::mark_email_verified(&self.db, user.id, Utc::now()).await?;
        Ok(user)
    }
}

/// Refuses users who are suspended or banned now.
fn in_good_standing(user: &UserRecord) -> Result<(), AccountError> {
    match user.standing(Utc::now()) {
        domain::moderation::Standing::Active => Ok(()),
        domain::moderation::Standing::Suspended { until } => Err(AccountError::Suspended(until)),
        domain::moderation::Standing::Banned => Err(AccountError::Banned),
    }
}

/// Takes an invitation code for the new account: it must exist, be unused
/// and unexpired, and be meant for this address if it names one. Of several
/// sign-ups with one code, the first to take it wins.
async fn take_invite(
    db: &impl store::ConnectionTrait,
    code: &str,
    email: &Email,
    user: UserId,
    now: chrono::DateTime<Utc>,
) -> Result<(), AccountError> {
    let invite = store::invite_codes::find_by_code(db, code)
        .await?
        .ok_or_else(|| ValidationError::single("invite_code", "there is no such invitation code"))?;
    domain::invite::check_use(invite.email.as_deref(), invite.used_at.is_some(), invite.expires_at, email, now)?;
    if !store::invite_codes::take(db, invite.id, user, now).await? {
        return Err(ValidationError::single("invite_code", "this invitation code has been used already").into());
    }
    Ok(())
}
