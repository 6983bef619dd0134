//! Use cases. Each module is one domain of the product; each public method is
//! one thing a user can do, run in one database transaction. The outside world
//! (mail, file storage) is reached only through the traits in [`ports`].

pub mod accounts;
pub mod admin;
pub mod balances;
pub mod chat;
pub mod contracts;
pub mod dashboard;
pub mod disputes;

/// Figures' ranges, for the edge.
pub mod metrics {
    pub use store::metrics::Range;
}
pub mod files;
pub mod freelancers;
pub mod idempotency;
pub mod invites;
pub mod jobs;
pub mod mail;
pub mod notification_settings;
pub mod notifications;
pub mod notifier;
pub mod ports;
pub mod profile_views;
pub mod profiles;
pub mod rate_limit;
pub mod reports;
pub mod reputation;
pub mod reviews;
pub mod settings;
pub mod skills;
pub mod social;

pub mod passwords;
pub mod payments;

use std::sync::Arc;

use store::Db;

pub use accounts::{Accounts, AuthSettings};

/// The records services hand to the edge.
pub mod records {
    pub use store::announcements::AnnouncementRecord;
    pub use store::audit::AuditEntry;
    pub use store::contracts::{ContractRecord, MilestoneRecord};
    pub use store::conversations::ConversationRecord;
    pub use store::disputes::{DisputeEventRecord, DisputeRecord, ResolutionRecord};
    pub use store::files::FileRecord;
    pub use store::freelancer_search::FreelancerSummary;
    pub use store::friendships::FriendshipRecord;
    pub use store::hourly::{HourlyWeekRecord, TimeEntryRecord};
    pub use store::invitations::InvitationRecord;
    pub use store::invite_codes::InviteCodeRecord;
    pub use store::job_shares::JobShareRecord;
    pub use store::jobs::{JobRecord, OwnJob};
    pub use store::ledger::UserEntry;
    pub use store::messages::MessageRecord;
    pub use store::milestones::MilestoneEvent;
    pub use store::notifications::NotificationRecord;
    pub use store::profiles::{ClientRecord, FreelancerRecord, ProfileRecord, Rating};
    pub use store::proposals::ProposalRecord;
    pub use store::reports::ReportRecord;
    pub use store::reviews::ReviewRecord;
    pub use store::skills::CategoryRecord;
    pub use store::skills::SkillRecord;
    pub use store::users::UserRecord;
    pub use store::withdrawals::WithdrawalRecord;
}
pub use admin::Admin;
pub use balances::Balances;
pub use chat::Chat;
pub use contracts::Contracts;
pub use dashboard::Dashboard;
pub use disputes::Disputes;
pub use files::Files;
pub use freelancers::Freelancers;
pub use idempotency::Idempotency;
pub use invites::Invites;
pub use jobs::Jobs;
pub use mail::{Mail, MailSettings};
pub use notification_settings::NotificationSettings;
pub use notifications::Notifications;
pub use notifier::Notifier;
pub use payments::Payments;
pub use profile_views::ProfileViews;
pub use profiles::Profiles;
pub use reports::Reports;
pub use reputation::Reputation;
pub use reviews::Reviews;
pub use settings::Settings;
pub use skills::Skills;
pub use social::Social;

/// Everything the HTTP edge needs, cheap to clone.
#[derive(Clone)]
pub struct Services {
    pub db: Db,
    pub accounts: Accounts,
    pub profiles: Profiles,
    pub files: Files,
    pub skills: Skills,
    pub jobs: Jobs,
    pub freelancers: Freelancers,
    pub contracts: Contracts,
    pub balances: Balances,
    pub payments: Payments,
    pub settings: Settings,
    pub idempotency: Idempotency,
    pub notifications: Notifications,
    pub chat: Chat,
    pub social: Social,
    pub admin: Admin,
    pub dashboard: Dashboard,
    pub reports: Reports,
    pub notification_settings: NotificationSettings,
    /// Sends the mail queue; run by the sender loop.
    pub mail: Mail,
    pub reviews: Reviews,
    pub reputation: Reputation,
    pub profile_views: ProfileViews,
    pub disputes: Disputes,
    pub invites: Invites,
}

/// The adapters chosen at start-up.
pub struct Ports {
    pub mailer: Arc<dyn ports::Mailer>,
    pub storage: Arc<dyn ports::FileStorage>,
    pub payments: Arc<dyn ports::PaymentProvider>,
    pub fanout: Arc<dyn ports::Fanout>,
}

impl Services {
    pub fn new(db: Db, ports: Ports, auth: AuthSettings, mail: MailSettings) -> Self {
        let files = Files::new(db.clone(), ports.storage);
        let notifier = Notifier::new();
        let notifications = Notifications::new(db.clone(), ports.fanout.clone(), &mail);
        let unsubscribe = crate::mail::unsubscribe::UnsubscribeKey::new(mail.unsubscribe_secret);
        let profiles = Profiles::new(db.clone());
        let profile_views = ProfileViews::new(db.clone());
        let balances = Balances::new(db.clone());
        let payments = Payments::new(db.clone(), ports.payments, notifier);
        let dashboard =
            Dashboard::new(db.clone(), payments.clone(), balances.clone(), profile_views.clone(), ports.fanout.clone());
        let jobs = Jobs::new(db.clone(), notifier);
        let invites = Invites::new(db.clone(), &mail.public_url);
        Self {
            dashboard,
            accounts: Accounts::new(db.clone(), auth),
            reviews: Reviews::new(db.clone(), profiles.clone(), notifier),
            reputation: Reputation::new(db.clone(), profiles.clone()),
            profile_views,
            profiles,
            skills: Skills::new(db.clone()),
            admin: Admin::new(
                db.clone(),
                ports.fanout.clone(),
                notifier,
                jobs.clone(),
                payments.clone(),
                invites.clone(),
            ),
            jobs,
            freelancers: Freelancers::new(db.clone()),
            contracts: Contracts::new(db.clone()),
            balances,
            disputes: Disputes::new(db.clone(), payments.clone(), notifier),
            payments,
            settings: Settings::new(db.clone()),
            idempotency: Idempotency::new(db.clone()),
            notifications,
            reports: Reports::new(db.clone()),
            chat: Chat::new(db.clone(), ports.fanout),
            invites,
            social: Social::new(db.clone(), notifier),
            notification_settings: NotificationSettings::new(db.clone(), unsubscribe),
            mail: Mail::new(db.clone(), ports.mailer),
            files,
            db,
        }
    }
}

impl Services {
    /// Whether the database answers; backs `/readyz`.
    pub async fn ping(&self) -> Result<(), Internal> {
        Ok(store::db::ping(&self.db).await?)
    }
}

/// A failure that is ours, not the caller's: the database or an adapter broke.
/// Services log the detail; the edge answers 500 without it.
#[derive(Debug, thiserror::Error)]
#[error("internal error: {0}")]
pub struct Internal(pub String);

impl From<store::StoreError> for Internal {
    fn from(err: store::StoreError) -> Self {
        Self(err.to_string())
    }
}

impl From<store::DbErr> for Internal {
    fn from(err: store::DbErr) -> Self {
        Self(err.to_string())
    }
}
