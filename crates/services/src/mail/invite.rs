//! The e-mail that carries an invitation code to someone without an account
//! yet. Plain text, like the account e-mails; no unsubscribe link, as there
//! is no user to turn it off for.

use chrono::{DateTime, Utc};
use store::mail_queue::NewMail;

/// The invitation from `from` (a name) to `to`; `link` signs up with the code.
pub(crate) fn invitation(to: &str, from: &str, code: &str, link: &str, expires_at: DateTime<Utc>) -> NewMail {
    NewMail {
        to: to.to_owned(),
        subject: format!("{from} invites you to Downwork"),
        text: format!(
            "Hello,\n\n{from} invites you to join Downwork, where clients and freelancers find each other.\n\n\
             Sign up with this link:\n\n{link}\n\nor enter the invitation code {code} when you sign up. \
             The code works once, until {}.\n",
            expires_at.format("%-d %B %Y")
        ),
        html: None,
        kind: Some("invite".to_owned()),
        unsubscribe_url: None,
    }
}
