//! The outside world as the services see it. Adapters implement these traits
//! and are plugged in at start-up; tests fake them at the network edge only.

use async_trait::async_trait;
use bytes::Bytes;

/// An e-mail ready to go out, as the queue hands it to the mailer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    /// The queue's id, sent as the Message-ID: every try of one mail
    /// carries the same one, so a receiver can tell a repeat.
    pub id: domain::MailId,
    pub to: String,
    pub subject: String,
    pub text: String,
    /// The HTML alternative of `text`; the mail is plain text without it.
    pub html: Option<String>,
    /// Sent as `List-Unsubscribe`, with one-click unsubscribing (RFC 8058).
    pub unsubscribe_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("mail could not be sent: {0}")]
pub struct MailError(pub String);

/// Where mail leaves the marketplace: the outbox directory by default, an
/// SMTP server in production. Only the queue's sender calls it.
#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, mail: OutgoingMail) -> Result<(), MailError>;
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("no stored object at {0}")]
    NotFound(String),
    #[error("file storage failed: {0}")]
    Backend(String),
}

/// Where uploaded bytes live: local disk by default, S3 in production.
#[async_trait]
pub trait FileStorage: Send + Sync {
    async fn put(&self, key: &str, bytes: Bytes, content_type: &str) -> Result<(), StorageError>;
    async fn get(&self, key: &str) -> Result<Bytes, StorageError>;
    async fn delete(&self, key: &str) -> Result<(), StorageError>;
}

/// What a payment provider is asked to charge: the client's money for a
/// milestone or an hourly week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    /// Sent as the provider's idempotency key (Stripe `Idempotency-Key`,
    /// PayPal `PayPal-Request-Id`), so a retried call charges once.
    pub key: String,
    pub amount: domain::Money,
    /// What the client approved in the browser: a Stripe payment method
    /// (`pm_...`) or an approved PayPal order id. The sandbox needs none.
    pub source: Option<String>,
    pub description: String,
}

/// Money going back to the client, against an earlier charge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refund {
    pub key: String,
    pub amount: domain::Money,
    /// The provider's reference of the charge being refunded.
    pub charge_reference: String,
}

/// Money going out to a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payout {
    pub key: String,
    pub amount: domain::Money,
    /// Where it goes: a Stripe connected account (`acct_...`) or a PayPal
    /// e-mail address. The sandbox needs none.
    pub destination: Option<String>,
    pub description: String,
}

/// The provider's record of a call that succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The provider's id of what it created (payment intent, capture, refund,
    /// transfer, payout batch).
    pub reference: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProviderError {
    /// The provider said no (card declined, order not approved, ...); the
    /// message is the provider's, fit to show the user.
    #[error("the payment provider declined: {0}")]
    Declined(String),
    /// Something the caller must supply is missing (a payment method, a
    /// payout destination).
    #[error("{0}")]
    Missing(&'static str),
    /// The provider could not be reached or answered nonsense; nothing is
    /// known to have moved.
    #[error("the payment provider is unavailable: {0}")]
    Unavailable(String),
}

/// What a verified webhook tells us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderEvent {
    /// The provider's event id; each is applied once.
    pub id: String,
    /// The provider's event type, as it names it (`payout.failed`, ...).
    pub kind: String,
    /// The provider's id of the object the event is about.
    pub reference: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WebhookError {
    #[error("the webhook signature does not verify")]
    BadSignature,
    #[error("the webhook is too old or from the future")]
    Stale,
    #[error("the webhook body is not an event: {0}")]
    Malformed(String),
    #[error("webhook verification is unavailable: {0}")]
    Unavailable(String),
}

/// Where money enters and leaves the marketplace: `sandbox` (the default,
/// instant and offline), `stripe` or `paypal`. The ledger records each call
/// that succeeded, in the same database transaction as the change it pays
/// for; the idempotency key makes a retried call safe on the provider's side.
#[async_trait]
pub trait PaymentProvider: Send + Sync {
    /// `sandbox`, `stripe` or `paypal`.
    fn name(&self) -> &'static str;
    async fn charge(&self, charge: Charge) -> Result<Receipt, ProviderError>;
    async fn refund(&self, refund: Refund) -> Result<Receipt, ProviderError>;
    async fn payout(&self, payout: Payout) -> Result<Receipt, ProviderError>;
    /// Checks a webhook's signature and age (at most five minutes old) and
    /// reads its event.
    async fn verify_webhook(
        &self,
        headers: &[(String, String)],
        body: &[u8],
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ProviderEvent, WebhookError>;
}

/// Something to tell a user's open sockets at once. Live delivery is a
/// courtesy on top of the stored rows: a user who is offline, or whose push
/// is lost, catches up from the database (`sync`, `GET /api/notifications`).
#[derive(Debug, Clone)]
pub enum Push {
    /// A message was stored in one of the user's conversations.
    MessageNew(crate::chat::ChatMessage),
    /// A message was edited or deleted.
    MessageUpdated(crate::chat::ChatMessage),
    /// A member read a conversation up to `seq`.
    MessageRead { conversation_id: domain::ConversationId, user_id: domain::UserId, seq: i64 },
    /// A member started or stopped typing.
    Typing { conversation_id: domain::ConversationId, user_id: domain::UserId, typing: bool },
    /// A notification was stored for the user.
    Notification(store::notifications::NotificationRecord),
}

/// Fan-out to users' sockets: in-process, or across instances through Redis.
#[async_trait]
pub trait Fanout: Send + Sync {
    /// Sends `push` to every open socket of each of `users`.
    async fn push(&self, users: &[domain::UserId], push: Push);
    /// Closes every open socket of `user`, on every instance.
    async fn disconnect(&self, user: domain::UserId);
    /// Sockets connected now, on every instance.
    async fn connected(&self) -> u64;
}
