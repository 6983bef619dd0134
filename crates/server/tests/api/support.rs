//! `TestApp`: the real server on a free port with a fresh database, and a
//! small typed client for the stories the tests tell.
//!
//! The backend comes from `TEST_DATABASE` (`sqlite`, the default, `postgres`
//! or `mysql`); the latter two create a fresh database on the server named by
//! `TEST_POSTGRES_URL` / `TEST_MYSQL_URL` for every test.

use std::path::PathBuf;

use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, Statement};
use secrecy::SecretString;
use serde_json::{Value, json};
use server::app::App;
use server::config::Config;

pub const JWT_SECRET: &str = "integration-test-secret-0123456789abcdef";
pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub data_dir: PathBuf,
    pub db: store::Db,
    /// The running app's services, for driving the worker's sweeps at chosen times.
    pub services: services::Services,
    /// The database this app uses, for running the binary against it.
    pub database_url: String,
}

pub struct TestUser {
    pub id: String,
    pub email: String,
    pub access: String,
    pub refresh: String,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(customise: impl FnOnce(&mut Config)) -> Self {
        let data_dir = std::env::temp_dir().join(format!("downwork-test-{}", uuid::Uuid::now_v7()));
        Self::spawn_on(data_dir, fresh_database().await, customise).await
    }

    /// A second instance on this one's database and data dir, as behind a load balancer.
    pub async fn spawn_beside(&self, customise: impl FnOnce(&mut Config)) -> Self {
        let url = (!self.database_url.starts_with("sqlite:")).then(|| self.database_url.clone());
        Self::spawn_on(self.data_dir.clone(), url, customise).await
    }

    async fn spawn_on(data_dir: PathBuf, database_url: Option<String>, customise: impl FnOnce(&mut Config)) -> Self {
        let mut config = Config {
            addr: "127.0.0.1:0".parse().expect("address"),
            data_dir: data_dir.clone(),
            database_url: database_url.map(SecretString::from),
            database_max_connections: 5,
            jwt_secret: Some(SecretString::from(JWT_SECRET)),
            web_dir: data_dir.join("no-web-app"),
            // Tests run the sweeps themselves, at the times they choose.
            worker: false,
            ..Config::default()
        };
        customise(&mut config);
        let database_url = config.database_url();
        let app = App::build(&config).await.expect("app builds");
        let db = app.services.db.clone();
        let services = app.services.clone();
        let listener = tokio::net::TcpListener::bind(config.addr).await.expect("binds");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(app.serve(listener, std::future::pending()));
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Self { base, http, data_dir, db, services, database_url }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut req = self.http.get(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("request")
    }

    pub async fn post(&self, path: &str, body: Value, token: Option<&str>) -> Response {
        let mut req = self.http.post(self.url(path)).json(&body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("request")
    }

    pub async fn put(&self, path: &str, body: Value, token: &str) -> Response {
        self.http.put(self.url(path)).json(&body).bearer_auth(token).send().await.expect("request")
    }

    /// Signs up `email` as `role` with [`PASSWORD`].
    pub async fn signup_as(&self, email: &str, role: &str) -> TestUser {
        let body = json!({"email": email, "password": PASSWORD, "name": "Test User", "role": role});
        let res = self.post("/api/users/signup", body, None).await;
        assert_eq!(res.status(), StatusCode::CREATED, "signup of {email}");
        let body: Value = res.json().await.expect("json");
        TestUser {
            id: body["user"]["id"].as_str().expect("id").to_owned(),
            email: email.to_owned(),
            access: body["access_token"].as_str().expect("access").to_owned(),
            refresh: body["refresh_token"].as_str().expect("refresh").to_owned(),
        }
    }

    pub async fn signup(&self, role: &str) -> TestUser {
        self.signup_as(&format!("{}@example.com", uuid::Uuid::now_v7().simple()), role).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post("/api/users/login", json!({"email": email, "password": password}), None).await
    }

    /// Waits until every stored notification is delivered (pushed, and its
    /// mail queued if wanted), as the delivery loop does within 250 ms.
    pub async fn notifications_delivered(&self) {
        let backend = self.db.get_database_backend();
        let undelivered = "SELECT COUNT(*) AS n FROM notifications WHERE pushed_at IS NULL";
        for _ in 0..500 {
            self.services.notifications.deliver_pending(chrono::Utc::now()).await.expect("delivery runs");
            let row = self.db.query_one_raw(Statement::from_string(backend, undelivered)).await.expect("query");
            if row.expect("a row").try_get::<i64>("", "n").expect("count") == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("notifications still undelivered after 10 s");
    }

    /// Sends the mail queue's due mail now, as the sender loop would.
    pub async fn deliver_mail(&self) -> services::mail::Delivery {
        self.notifications_delivered().await;
        self.services.mail.deliver_due(chrono::Utc::now()).await.expect("mail delivery runs")
    }

    /// The text of every e-mail sent to `to`, oldest first, after sending
    /// what the queue holds.
    pub async fn mails_to(&self, to: &str) -> Vec<String> {
        self.deliver_mail().await;
        let Ok(entries) = std::fs::read_dir(self.data_dir.join("outbox")) else { return Vec::new() };
        let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        names.sort();
        names
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|m| m.contains(&format!("\r\nTo: {to}\r\n")))
            .collect()
    }

    /// The token of the last link to `path` mailed to `to`.
    pub async fn mailed_token(&self, to: &str, path: &str) -> String {
        let mails = self.mails_to(to).await;
        let mail = mails.last().expect("a mail was sent");
        let marker = format!("{path}?token=");
        let start = mail.find(&marker).expect("mail has the link") + marker.len();
        // The link may sit in a header between angle brackets or in an HTML attribute.
        mail[start..].split(|c: char| c.is_whitespace() || c == '>' || c == '"').next().expect("token").to_owned()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let backend = self.db.get_database_backend();
        let stmt = Statement::from_string(backend, format!("SELECT COUNT(*) AS n FROM {table}"));
        let row = self.db.query_one_raw(stmt).await.expect("count query").expect("a row");
        row.try_get::<i64>("", "n").expect("count")
    }

    /// Row counts of every table a request could write to.
    pub async fn snapshot(&self) -> Vec<i64> {
        // Mail for earlier notifications is queued after them; let it land first.
        self.notifications_delivered().await;
        let mut counts = Vec::new();
        for table in [
            "users",
            "session_families",
            "refresh_tokens",
            "email_tokens",
            "files",
            "freelancer_profiles",
            "client_profiles",
            "freelancer_skills",
            "jobs",
            "job_skills",
            "proposals",
            "invitations",
            "contracts",
            "milestones",
            "notifications",
            "attachment_links",
            "ledger_transactions",
            "ledger_postings",
            "account_balances",
            "idempotency_keys",
            "milestone_events",
            "platform_settings",
            "invoice_counters",
            "invoices",
            "withdrawals",
            "payout_accounts",
            "provider_payments",
            "provider_events",
            "hourly_weeks",
            "time_entries",
            "conversations",
            "conversation_members",
            "messages",
            "friendships",
            "user_blocks",
            "recommendations",
            "job_shares",
            "audit_log",
            "reports",
            "announcements",
            "mail_queue",
            "notification_preferences",
            "reviews",
            "profile_views",
            "disputes",
            "dispute_events",
            "invite_codes",
        ] {
            counts.push(self.count(table).await);
        }
        counts
    }
}

/// A new, empty database on the server `TEST_DATABASE` names, or `None` for SQLite.
async fn fresh_database() -> Option<String> {
    let kind = std::env::var("TEST_DATABASE").unwrap_or_default();
    let var = match kind.as_str() {
        "" | "sqlite" => return None,
        "postgres" => "TEST_POSTGRES_URL",
        "mysql" => "TEST_MYSQL_URL",
        other => panic!("unknown TEST_DATABASE {other:?}"),
    };
    let admin_url = std::env::var(var).unwrap_or_else(|_| panic!("TEST_DATABASE={kind} needs {var}"));
    let name = format!("dw_test_{}", uuid::Uuid::now_v7().simple());
    let admin = Database::connect(&admin_url).await.expect("connects to the test server");
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("creates the database");
    admin.close().await.ok();
    let mut url = url::Url::parse(&admin_url).expect("test database URL");
    url.set_path(&format!("/{name}"));
    Some(url.to_string())
}

/// Asserts the shared error shape and returns the body.
pub async fn expect_error(res: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status, "status for expected {code}");
    let body: Value = res.json().await.expect("error body is JSON");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    body
}
