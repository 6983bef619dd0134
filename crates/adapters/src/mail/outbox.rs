//! The default mailer: every message becomes an `.eml` file in the outbox
//! directory, where a developer can open it in any mail client.

use std::path::PathBuf;

use async_trait::async_trait;
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
        // Named by the queue's id, which orders mails by when they were
        // queued: a directory listing reads oldest first even when a batch is
        // sent side by side and finishes in any order. Written under a
        // temporary name and renamed, so that a reader never sees half a message.
        let name = format!("{}.eml", mail.id);
        let tmp = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, message).await.map_err(|e| MailError(e.to_string()))?;
        tokio::fs::rename(&tmp, self.dir.join(&name)).await.map_err(|e| MailError(e.to_string()))?;
        tracing::info!(to = %mail.to, subject = %mail.subject, file = %name, "e-mail written to outbox");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use domain::MailId;

    use super::*;

    fn mail(id: MailId, subject: &str) -> OutgoingMail {
        OutgoingMail {
            id,
            to: "finn@example.com".to_owned(),
            subject: subject.to_owned(),
            text: "Hello.".to_owned(),
            html: None,
            unsubscribe_url: None,
        }
    }

    #[tokio::test]
    async fn the_outbox_lists_mails_in_the_order_they_were_queued_whatever_order_they_are_sent_in() {
        let dir = std::env::temp_dir().join(format!("downwork-outbox-{}", MailId::new()));
        let outbox = OutboxMailer::new(&dir, "Downwork <no-reply@downwork.local>").expect("an outbox");
        let (first, second) = (MailId::new(), MailId::new());
        outbox.send(mail(second, "Queued second")).await.expect("sent");
        outbox.send(mail(first, "Queued first")).await.expect("sent");

        let mut names: Vec<_> =
            std::fs::read_dir(&dir).expect("the outbox").map(|e| e.expect("an entry").file_name()).collect();
        names.sort();
        let first_queued: Vec<bool> = names
            .iter()
            .map(|name| std::fs::read_to_string(dir.join(name)).expect("a mail").contains("Subject: Queued first"))
            .collect();
        std::fs::remove_dir_all(&dir).expect("cleaned up");
        assert_eq!(first_queued, [true, false]);
    }
}
