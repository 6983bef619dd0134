//! The default mailer: every message becomes an `.eml` file in the outbox
//! directory, where a developer can open it in any mail client.

use std::path::PathBuf;

use async_trait::async_trait;
use chrono::Utc;
use lettre::message::Mailbox;
use services::ports::{MailError, Mailer, OutgoingMail};

use super::message::{self, Encoding};

pub struct OutboxMailer {
    dir: PathBuf,
    from: Mailbox,
}

impl OutboxMailer {
    pub fn new(dir: impl Into<PathBuf>, from: &str) -> Result<Self, MailError> {
        Ok(Self { dir: dir.into(), from: message::sender(from)? })
    }
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, mail: OutgoingMail) -> Result<(), MailError> {
        let message = message::build(&self.from, &mail, Encoding::Readable)?.formatted();
        tokio::fs::create_dir_all(&self.dir).await.map_err(|e| MailError(e.to_string()))?;
        // Named by time, so that a directory listing reads oldest first, and
        // written under a temporary name and renamed, so that a reader never
        // sees half a message.
        let name = format!("{}-{}.eml", Utc::now().format("%Y%m%dT%H%M%S%.6fZ"), mail.id);
        let tmp = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, message).await.map_err(|e| MailError(e.to_string()))?;
        tokio::fs::rename(&tmp, self.dir.join(&name)).await.map_err(|e| MailError(e.to_string()))?;
        tracing::info!(to = %mail.to, subject = %mail.subject, file = %name, "e-mail written to outbox");
        Ok(())
    }
}
