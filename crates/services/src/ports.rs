//! The outside world as the services see it. Adapters implement these traits
//! and are plugged in at start-up; tests fake them at the network edge only.

use async_trait::async_trait;
use bytes::Bytes;

/// An e-mail ready to go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
#[error("mail could not be sent: {0}")]
pub struct MailError(pub String);

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
