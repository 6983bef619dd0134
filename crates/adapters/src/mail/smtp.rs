//! Delivery through an SMTP server named by `SMTP_URL`:
//! `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://...:465`
//! (TLS from the start) or plain `smtp://host:25` for a local relay. TLS is
//! rustls with the Mozilla roots compiled in.

use std::time::Duration;

use async_trait::async_trait;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};
use services::ports::{MailError, Mailer, OutgoingMail};

use super::message::{self, Encoding};

/// How long one exchange with the server may take before the try counts as
/// failed; the queue tries again later.
const TIMEOUT: Duration = Duration::from_secs(30);

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &SecretString, from: &str) -> Result<Self, MailError> {
        // The URL holds the password: the error names the problem, not the URL.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
            .map_err(|e| MailError(format!("invalid SMTP_URL: {e}")))?
            .timeout(Some(TIMEOUT))
            .build();
        Ok(Self { transport, from: message::sender(from)? })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: OutgoingMail) -> Result<(), MailError> {
        let message = message::build(&self.from, &mail, Encoding::Transport)?;
        self.transport.send(message).await.map_err(|e| MailError(format!("SMTP: {e}")))?;
        tracing::info!(to = %mail.to, subject = %mail.subject, mail_id = %mail.id, "e-mail sent over SMTP");
        Ok(())
    }
}
