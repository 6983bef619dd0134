//! The default mailer: every message becomes an `.eml` file in the outbox
//! directory, where a developer can open it in any mail client.

use std::path::PathBuf;

use async_trait::async_trait;
use chrono::Utc;
use services::ports::{MailError, Mailer, OutgoingMail};
use uuid::Uuid;

pub struct OutboxMailer {
    dir: PathBuf,
    from: String,
}

impl OutboxMailer {
    pub fn new(dir: impl Into<PathBuf>, from: impl Into<String>) -> Self {
        Self { dir: dir.into(), from: from.into() }
    }
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, mail: OutgoingMail) -> Result<(), MailError> {
        let now = Utc::now();
        let id = Uuid::now_v7();
        let message = render(&self.from, &mail, &now.to_rfc2822(), id);
        tokio::fs::create_dir_all(&self.dir).await.map_err(|e| MailError(e.to_string()))?;
        // Written under a temporary name and renamed, so a reader never sees half a message.
        let name = format!("{}-{id}.eml", now.format("%Y%m%dT%H%M%S%.6fZ"));
        let tmp = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, message).await.map_err(|e| MailError(e.to_string()))?;
        tokio::fs::rename(&tmp, self.dir.join(&name)).await.map_err(|e| MailError(e.to_string()))?;
        tracing::info!(to = %mail.to, subject = %mail.subject, file = %name, "e-mail written to outbox");
        Ok(())
    }
}

/// An RFC 5322 message. Header values are stripped of line breaks so that no
/// user-supplied text can inject headers.
fn render(from: &str, mail: &OutgoingMail, date: &str, id: Uuid) -> String {
    let clean = |s: &str| s.replace(['\r', '\n'], " ");
    format!(
        "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {date}\r\nMessage-ID: <{id}@downwork>\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
        clean(from),
        clean(&mail.to),
        encode_header(&clean(&mail.subject)),
        mail.text.replace("\r\n", "\n").replace('\n', "\r\n"),
    )
}

/// RFC 2047 encoded-word for non-ASCII header text.
fn encode_header(value: &str) -> String {
    if value.is_ascii() {
        return value.to_owned();
    }
    let hex: String = value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("={b:02X}") })
        .collect();
    format!("=?utf-8?Q?{hex}?=")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_cannot_be_injected() {
        let mail = OutgoingMail { to: "a@b.co\r\nBcc: evil@x.co".into(), subject: "Hi".into(), text: "Body".into() };
        let message = render("Downwork <no-reply@downwork.local>", &mail, "date", Uuid::nil());
        assert!(!message.contains("\r\nBcc:"));
    }

    #[test]
    fn non_ascii_subjects_are_encoded() {
        assert_eq!(encode_header("Grüße"), "=?utf-8?Q?Gr=C3=BC=C3=9Fe?=");
    }
}
