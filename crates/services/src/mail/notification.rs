//! The e-mail that tells a user about a notification, for the kinds they
//! want by e-mail. It is queued in the transaction that marks the
//! notification delivered, so each notification is mailed once.

use std::collections::HashMap;

use askama::Template;
use chrono::{DateTime, Utc};
use domain::mail::emailed_by_default;
use domain::notification::NotificationKind;
use domain::{Money, UserId};
use serde_json::Value;
use store::mail_queue::{self, NewMail};
use store::notifications::NotificationRecord;
use store::users::UserRecord;
use store::{ConnectionTrait, notification_preferences, users};

use super::MailSettings;
use super::unsubscribe::UnsubscribeKey;
use crate::Internal;

/// Renders and queues notification mails.
#[derive(Debug)]
pub(crate) struct NotificationMail {
    public_url: String,
    key: UnsubscribeKey,
}

impl NotificationMail {
    pub fn new(settings: &MailSettings) -> Self {
        Self {
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            key: UnsubscribeKey::new(settings.unsubscribe_secret.clone()),
        }
    }

    /// Queues the mail about each notification whose user wants its kind by
    /// e-mail, with one look-up of choices and addresses for the whole batch.
    pub async fn queue(
        &self,
        db: &impl ConnectionTrait,
        notifications: &[NotificationRecord],
        now: DateTime<Utc>,
    ) -> Result<(), Internal> {
        let mut users: Vec<UserId> = notifications.iter().map(|n| n.user_id).collect();
        users.sort_unstable();
        users.dedup();
        let choices: HashMap<(UserId, String), bool> = notification_preferences::for_users(db, &users)
            .await?
            .into_iter()
            .map(|(user, kind, email)| ((user, kind), email))
            .collect();
        let wanted: Vec<(&NotificationRecord, NotificationKind)> = notifications
            .iter()
            .filter_map(|n| Some((n, NotificationKind::parse(&n.kind)?)))
            .filter(|(n, kind)| {
                choices.get(&(n.user_id, n.kind.clone())).copied().unwrap_or_else(|| emailed_by_default(*kind))
            })
            .collect();
        if wanted.is_empty() {
            return Ok(());
        }
        let recipients: HashMap<UserId, UserRecord> =
            users::find_many(db, &users).await?.into_iter().map(|u| (u.id, u)).collect();
        let mails = wanted
            .into_iter()
            .filter_map(|(notification, kind)| {
                let recipient = recipients.get(&notification.user_id)?;
                Some(self.render(recipient, kind, &notification.payload))
            })
            .collect();
        Ok(mail_queue::enqueue_all(db, mails, now).await?)
    }

    fn render(&self, recipient: &UserRecord, kind: NotificationKind, payload: &Value) -> NewMail {
        let unsubscribe_url =
            format!("{}/api/notifications/unsubscribe?token={}", self.public_url, self.key.token(recipient.id, kind));
        let (headline, detail) = describe(kind, payload);
        let content = Content {
            name: &recipient.name,
            headline: &headline,
            detail: detail.as_deref(),
            link: &format!("{}{}", self.public_url, link_path(kind, payload)),
            settings_link: &format!("{}/notifications", self.public_url),
            unsubscribe_link: &unsubscribe_url,
            kind: &kind.as_str().replace('_', " "),
        };
        NewMail {
            to: recipient.email.clone(),
            subject: headline.clone(),
            // Every value printed is a `&str`, whose `Display` cannot fail,
            // into a `String`: rendering has no way to error.
            text: TextMail { c: &content }.to_string(),
            html: Some(HtmlMail { c: &content }.to_string()),
            kind: Some(kind.as_str().to_owned()),
            unsubscribe_url: Some(unsubscribe_url.clone()),
        }
    }
}

/// What both forms of the mail say.
struct Content<'a> {
    name: &'a str,
    headline: &'a str,
    detail: Option<&'a str>,
    link: &'a str,
    settings_link: &'a str,
    unsubscribe_link: &'a str,
    /// The kind in words, for the line that says why this mail came.
    kind: &'a str,
}

#[derive(Template)]
#[template(path = "notification_mail.txt")]
struct TextMail<'a> {
    c: &'a Content<'a>,
}

/// Askama escapes every value printed into an `.html` template, so job
/// titles and names cannot inject markup.
#[derive(Template)]
#[template(path = "notification_mail.html")]
struct HtmlMail<'a> {
    c: &'a Content<'a>,
}

/// One line saying what happened, used as the subject too, and an optional
/// second one with more.
fn describe(kind: NotificationKind, payload: &Value) -> (String, Option<String>) {
    use NotificationKind as K;
    let text = |key: &str| payload.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    let job = text("job_title");
    let title = text("title");
    let amount = payload
        .get("amount")
        .and_then(|v| serde_json::from_value::<Money>(v.clone()).ok())
        .map_or_else(|| "Money".to_owned(), |m| m.to_string());
    let headline = match kind {
        K::JobInvitation => format!("You are invited to propose on \u{201c}{job}\u{201d}"),
        K::InvitationAnswered if payload.get("accepted").and_then(Value::as_bool) == Some(true) => {
            format!("A freelancer accepted your invitation to \u{201c}{job}\u{201d}")
        }
        K::InvitationAnswered => format!("A freelancer declined your invitation to \u{201c}{job}\u{201d}"),
        K::ProposalReceived => format!("New proposal on \u{201c}{job}\u{201d}"),
        K::ProposalShortlisted => format!("Your proposal for \u{201c}{job}\u{201d} was shortlisted"),
        K::ProposalDeclined => format!("Your proposal for \u{201c}{job}\u{201d} was declined"),
        K::ProposalClosed => format!("\u{201c}{job}\u{201d} is no longer taking proposals"),
        K::Hired => format!("You were hired for \u{201c}{job}\u{201d}"),
        K::MilestoneFunded => format!("{amount} is in escrow for \u{201c}{title}\u{201d}"),
        K::MilestoneReleased => format!("{amount} was released to you for \u{201c}{title}\u{201d}"),
        K::MilestoneSubmitted => format!("Work was handed in for \u{201c}{title}\u{201d}"),
        K::ChangesRequested => format!("Changes were requested on \u{201c}{title}\u{201d}"),
        K::MilestoneRefunded => format!("{amount} for \u{201c}{title}\u{201d} was refunded to you"),
        K::InvoiceReady => "A new invoice is ready".to_owned(),
        K::CancellationRequested => format!("The client asked to cancel \u{201c}{title}\u{201d}"),
        K::ContractEnded => format!("The contract \u{201c}{title}\u{201d} has ended"),
        K::WithdrawalFailed => format!("Your withdrawal of {amount} came back to your balance"),
        K::FriendRequest => "You have a new friend request".to_owned(),
        K::FriendRequestAccepted => "Your friend request was accepted".to_owned(),
        K::FreelancerRecommended => format!("A friend recommended {}", text("freelancer_name")),
        K::JobShared => format!("A friend shared \u{201c}{job}\u{201d} with you"),
        K::Announcement => title.clone(),
        K::ReportHandled => "An administrator looked at your report".to_owned(),
        K::ReviewReceived => "You have a new review".to_owned(),
        K::DisputeOpened => format!("A dispute was opened on \u{201c}{title}\u{201d}"),
        K::DisputeUpdated => format!("There is news on the dispute about \u{201c}{title}\u{201d}"),
        K::DisputeResolved => format!("The dispute about \u{201c}{title}\u{201d} was decided"),
        K::JobModerated => match text("action").as_str() {
            "hidden" => format!("An administrator hid your job \u{201c}{job}\u{201d}"),
            "closed" => format!("An administrator closed your job \u{201c}{job}\u{201d}"),
            _ => format!("An administrator restored your job \u{201c}{job}\u{201d}"),
        },
        K::AdminRefund => format!("An administrator refunded {amount} for \u{201c}{title}\u{201d} to the client"),
    };
    let detail = match kind {
        K::ProposalDeclined => Some(text("reason")).filter(|r| !r.is_empty()).map(|r| format!("The reason given: {r}")),
        K::Announcement => Some(text("body")).filter(|b| !b.is_empty()),
        K::JobModerated | K::AdminRefund => {
            Some(text("reason")).filter(|r| !r.is_empty()).map(|r| format!("The reason given: {r}"))
        }
        _ => None,
    };
    (headline, detail)
}

/// Where in the web app the user acts on the notification.
fn link_path(kind: NotificationKind, payload: &Value) -> String {
    use NotificationKind as K;
    let id = |key: &str| payload.get(key).and_then(Value::as_str).map(str::to_owned);
    match kind {
        K::ProposalReceived | K::InvitationAnswered => {
            id("job_id").map_or_else(|| "/my/jobs".to_owned(), |job| format!("/jobs/{job}/proposals"))
        }
        K::JobInvitation => "/my/invitations".to_owned(),
        K::ProposalShortlisted | K::ProposalDeclined | K::ProposalClosed => "/my/proposals".to_owned(),
        K::InvoiceReady => "/invoices".to_owned(),
        K::WithdrawalFailed => "/balance".to_owned(),
        K::FriendRequest => id("from_user_id").map_or_else(|| "/notifications".to_owned(), |u| format!("/users/{u}")),
        K::FriendRequestAccepted => {
            id("user_id").map_or_else(|| "/notifications".to_owned(), |u| format!("/users/{u}"))
        }
        K::FreelancerRecommended => {
            id("freelancer_id").map_or_else(|| "/notifications".to_owned(), |u| format!("/users/{u}"))
        }
        K::JobShared | K::JobModerated => id("job_id").map_or_else(|| "/jobs".to_owned(), |job| format!("/jobs/{job}")),
        K::Announcement | K::ReportHandled => "/notifications".to_owned(),
        K::ReviewReceived => id("reviewee_id").map_or_else(|| "/notifications".to_owned(), |u| format!("/users/{u}")),
        K::Hired
        | K::MilestoneFunded
        | K::MilestoneReleased
        | K::MilestoneSubmitted
        | K::ChangesRequested
        | K::MilestoneRefunded
        | K::CancellationRequested
        | K::ContractEnded
        | K::DisputeOpened
        | K::DisputeUpdated
        | K::DisputeResolved
        | K::AdminRefund => {
            id("contract_id").map_or_else(|| "/contracts".to_owned(), |contract| format!("/contracts/{contract}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn money_notifications_name_the_amount_and_link_the_contract() {
        let payload = json!({"contract_id": "c1", "title": "Logo", "amount": {"amount": 150_000, "currency": "usd"}});
        let (headline, _) = describe(NotificationKind::MilestoneReleased, &payload);
        assert_eq!(headline, "$1,500.00 was released to you for \u{201c}Logo\u{201d}");
        assert_eq!(link_path(NotificationKind::MilestoneReleased, &payload), "/contracts/c1");
    }

    #[test]
    fn the_html_form_escapes_user_text() {
        let content = Content {
            name: "<b>Eve</b>",
            headline: "New proposal on \u{201c}<script>\u{201d}",
            detail: None,
            link: "https://x.test/jobs/1/proposals",
            settings_link: "https://x.test/notifications",
            unsubscribe_link: "https://x.test/api/notifications/unsubscribe?token=a.b.c",
            kind: "proposal received",
        };
        let html = HtmlMail { c: &content }.to_string();
        assert!(!html.contains("<script>") && !html.contains("<b>Eve"), "{html}");
        let text = TextMail { c: &content }.to_string();
        assert!(text.contains("Hi <b>Eve</b>,") && text.contains("token=a.b.c"), "{text}");
    }
}
