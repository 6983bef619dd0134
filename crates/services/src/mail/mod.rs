//! E-mail. Every mail is queued in the database inside a transaction: an
//! account's mail (sign-up, reset) in the transaction of what caused it, a
//! notification's mail in the one that marks the notification delivered. So
//! a rolled-back change sends nothing and a committed one cannot lose its
//! mail; [`Mail::deliver_due`] then sends what
//! is due through the [`Mailer`] port and retries what failed.

pub(crate) mod invite;
mod notification;
pub mod unsubscribe;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use domain::mail::{MAX_ATTEMPTS, retry_delay};
use secrecy::SecretString;
use store::Db;
use store::mail_queue::{self, QueuedMail};

pub(crate) use notification::NotificationMail;

use crate::Internal;
use crate::ports::{MailError, Mailer, OutgoingMail};

/// How many mails a sender claims at once.
const BATCH: u64 = 10;

/// The longest one mail may take to send; a slower try counts as failed.
const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// How long a claimed mail stays with its sender: long enough for the whole
/// batch to time out one mail after another, so that a mail is only taken
/// over from a sender that died, never from one still working through it.
fn lease() -> Duration {
    let batch = i64::try_from(BATCH).unwrap_or(i64::MAX);
    let per_mail = i64::try_from(SEND_TIMEOUT.as_secs()).unwrap_or(i64::MAX);
    Duration::seconds(batch.saturating_add(1).saturating_mul(per_mail))
}

/// What the mails about notifications need to know.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// Base of the links in e-mails, e.g. `https://downwork.example`.
    pub public_url: String,
    /// Signs the unsubscribe links, so that only the mail's recipient can
    /// turn their e-mails off without logging in.
    pub unsubscribe_secret: SecretString,
}

/// What one round of [`Mail::deliver_due`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    /// Tries that failed; those mails wait for their next try.
    pub failed: usize,
}

/// The sender: takes due mail off the queue and hands it to the mailer.
/// Several senders (one per instance) may run at once; each mail is claimed
/// by one of them.
#[derive(Clone)]
pub struct Mail {
    db: Db,
    mailer: Arc<dyn Mailer>,
}

impl Mail {
    pub fn new(db: Db, mailer: Arc<dyn Mailer>) -> Self {
        Self { db, mailer }
    }

    /// Sends every mail due at `now` that no other sender holds. A mail whose
    /// send fails is tried again later, waiting longer each time, and given
    /// up (and logged) after [`MAX_ATTEMPTS`] tries.
    pub async fn deliver_due(&self, now: DateTime<Utc>) -> Result<Delivery, Internal> {
        let mut delivery = Delivery::default();
        loop {
            // A batch smaller than asked for may only mean that other senders
            // won some of it, so the queue is done only when nothing is won.
            let claimed = mail_queue::claim_due(&self.db, now, now + lease(), MAX_ATTEMPTS, BATCH).await?;
            if claimed.is_empty() {
                return Ok(delivery);
            }
            for queued in claimed {
                if self.send(queued, now).await? {
                    delivery.sent += 1;
                } else {
                    delivery.failed += 1;
                }
            }
        }
    }

    /// Sends one claimed mail and records the outcome; true when it went out.
    async fn send(&self, queued: QueuedMail, now: DateTime<Utc>) -> Result<bool, Internal> {
        let QueuedMail { id, mail, attempts } = queued;
        let outgoing = OutgoingMail {
            id,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            unsubscribe_url: mail.unsubscribe_url,
        };
        let to = outgoing.to.clone();
        let sent = match tokio::time::timeout(SEND_TIMEOUT, self.mailer.send(outgoing)).await {
            Ok(sent) => sent,
            Err(_) => Err(MailError(format!("no answer within {} s", SEND_TIMEOUT.as_secs()))),
        };
        match sent {
            Ok(()) => {
                mail_queue::mark_sent(&self.db, id, now).await?;
                Ok(true)
            }
            Err(err) => {
                let attempts = attempts + 1;
                let retry_at = retry_delay(attempts).map(|wait| now + wait);
                mail_queue::mark_failed(&self.db, id, attempts, &err.to_string(), retry_at).await?;
                match retry_at {
                    Some(at) => {
                        tracing::warn!(mail_id = %id, %to, attempts, retry_at = %at, error = %err, "e-mail not sent; will retry")
                    }
                    None => tracing::error!(mail_id = %id, %to, attempts, error = %err, "e-mail not sent; giving up"),
                }
                Ok(false)
            }
        }
    }
}
