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
use domain::MailId;
use domain::mail::{MAX_ATTEMPTS, retry_delay};
use secrecy::SecretString;
use store::Db;
use store::mail_queue::{self, QueuedMail};

pub(crate) use notification::NotificationMail;

use crate::Internal;
use crate::ports::{MailError, Mailer, OutgoingMail};

/// How many mails a sender claims, and sends side by side, at once.
const BATCH: u64 = 20;

/// The longest one mail may take to send; a slower try counts as failed.
const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// How long a claimed mail stays with its sender: the batch's sends, made
/// together, have each timed out well before, so a mail is only taken over
/// from a sender that died, never from one still working through it.
fn lease() -> Duration {
    let per_send = i64::try_from(SEND_TIMEOUT.as_secs()).unwrap_or(i64::MAX);
    Duration::seconds(per_send.saturating_mul(2))
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

/// A mail handed to the mailer: what recording the outcome needs.
struct Tried {
    id: MailId,
    to: String,
    /// Tries that failed before this one.
    attempts: u32,
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
            // hold some of it, so the queue is done only when nothing is won.
            let txn = store::begin_write(&self.db).await?;
            let claimed = mail_queue::claim_due(&txn, now, now + lease(), MAX_ATTEMPTS, BATCH).await?;
            txn.commit().await?;
            if claimed.is_empty() {
                return Ok(delivery);
            }
            // Sent side by side: each send mostly waits on the mail server.
            let tries = futures::future::join_all(claimed.into_iter().map(|queued| self.send(queued))).await;
            let (sent, failed): (Vec<_>, Vec<_>) = tries.into_iter().partition(|(_, outcome)| outcome.is_ok());
            // What went out is recorded first: a failure to record a failed
            // try must not send the others again when their lease runs out.
            let sent: Vec<MailId> = sent.into_iter().map(|(tried, _)| tried.id).collect();
            mail_queue::mark_sent(&self.db, &sent, now).await?;
            delivery.sent += sent.len();
            for (tried, outcome) in failed {
                if let Err(err) = outcome {
                    self.record_failure(&tried, &err, now).await?;
                    delivery.failed += 1;
                }
            }
        }
    }

    /// Hands one claimed mail to the mailer, giving up after [`SEND_TIMEOUT`].
    async fn send(&self, queued: QueuedMail) -> (Tried, Result<(), MailError>) {
        let QueuedMail { id, mail, attempts } = queued;
        let tried = Tried { id, to: mail.to.clone(), attempts };
        let outgoing = OutgoingMail {
            id,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            unsubscribe_url: mail.unsubscribe_url,
        };
        let outcome = match tokio::time::timeout(SEND_TIMEOUT, self.mailer.send(outgoing)).await {
            Ok(sent) => sent,
            Err(_) => Err(MailError(format!("no answer within {} s", SEND_TIMEOUT.as_secs()))),
        };
        (tried, outcome)
    }

    /// Records a failed try: the mail waits longer each time for the next,
    /// and is given up after [`MAX_ATTEMPTS`].
    async fn record_failure(&self, tried: &Tried, err: &MailError, now: DateTime<Utc>) -> Result<(), Internal> {
        let (id, to) = (tried.id, &tried.to);
        let attempts = tried.attempts + 1;
        let retry_at = retry_delay(attempts).map(|wait| now + wait);
        mail_queue::mark_failed(&self.db, id, attempts, &err.to_string(), retry_at).await?;
        match retry_at {
            Some(at) => {
                tracing::warn!(mail_id = %id, %to, attempts, retry_at = %at, error = %err, "e-mail not sent; will retry")
            }
            None => tracing::error!(mail_id = %id, %to, attempts, error = %err, "e-mail not sent; giving up"),
        }
        Ok(())
    }
}
