//! Building blocks for marketplace stories: jobs, proposals and the people
//! who post and bid.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{TestApp, TestUser};

pub fn usd(amount: i64) -> Value {
    json!({"amount": amount, "currency": "usd"})
}

/// A valid fixed-price job; `changes` overrides or adds fields.
pub fn fixed_job(changes: Value) -> Value {
    let mut job = json!({
        "title": "Build a landing page",
        "description": "A single responsive page with a signup form and analytics.",
        "category": "web-development",
        "skills": ["react", "css"],
        "payment_type": "fixed",
        "budget": usd(50_000),
        "experience_level": "intermediate",
    });
    merge(&mut job, changes);
    job
}

/// A valid hourly job; `changes` overrides or adds fields.
pub fn hourly_job(changes: Value) -> Value {
    let mut job = json!({
        "title": "Ongoing backend maintenance",
        "description": "Keep our Rust services healthy, review pull requests, fix bugs.",
        "category": "software-engineering",
        "skills": ["rust", "postgresql"],
        "payment_type": "hourly",
        "hourly_rate_min": usd(4_000),
        "hourly_rate_max": usd(8_000),
        "hours_per_week": 20,
        "experience_level": "expert",
    });
    merge(&mut job, changes);
    job
}

/// A valid proposal for `amount` (a fixed total or an hourly rate).
pub fn proposal(amount: i64, changes: Value) -> Value {
    let mut body = json!({
        "cover_letter": "I have shipped many projects like this one, on time.",
        "amount": usd(amount),
        "duration_days": 14,
    });
    merge(&mut body, changes);
    body
}

fn merge(target: &mut Value, changes: Value) {
    if let (Some(target), Value::Object(changes)) = (target.as_object_mut(), changes) {
        for (key, value) in changes {
            target.insert(key, value);
        }
    }
}

impl TestApp {
    /// Posts `job` as `client` and returns the created job.
    pub async fn post_job(&self, client: &TestUser, job: Value) -> Value {
        let res = self.post("/api/jobs", job, Some(&client.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "posting a job");
        res.json().await.expect("json")
    }

    /// `freelancer` proposes on `job_id`; returns the proposal.
    pub async fn bid(&self, freelancer: &TestUser, job_id: &str, body: Value) -> Value {
        let res = self.post(&format!("/api/jobs/{job_id}/bid"), body, Some(&freelancer.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "bidding");
        res.json().await.expect("json")
    }

    pub async fn json(&self, path: &str, token: Option<&str>) -> Value {
        let res = self.get(path, token).await;
        assert_eq!(res.status(), StatusCode::OK, "GET {path}");
        res.json().await.expect("json")
    }

    /// The ids of every item of a list, following `next_cursor` page by page.
    /// `path` carries the query string, `limit` included.
    pub async fn all_ids(&self, path: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = match &cursor {
                Some(c) => self.json(&format!("{path}&cursor={c}"), None).await,
                None => self.json(path, None).await,
            };
            found.extend(ids(&page));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => return found,
            }
        }
    }

    /// A client, a freelancer and their fixed-price contract with two
    /// milestones: Design ($200) and Build ($300).
    pub async fn fixed_contract(&self) -> (TestUser, TestUser, Value) {
        let client = self.signup("client").await;
        let freelancer = self.signup("freelancer").await;
        let job = self.post_job(&client, fixed_job(json!({}))).await;
        let milestones = json!([
            {"title": "Design", "amount": usd(20_000), "due_date": null},
            {"title": "Build", "amount": usd(30_000), "due_date": null},
        ]);
        let bid = self.bid(&freelancer, &id(&job), proposal(50_000, json!({"milestones": milestones}))).await;
        let res =
            self.put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": bid["id"]}), &client.access).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        (client, freelancer, res.json().await.expect("json"))
    }

    /// Every ledger invariant holds.
    pub async fn assert_books_balance(&self) {
        let violations = store::ledger::check(&self.db).await.expect("ledger check");
        assert_eq!(violations, vec![], "the books balance");
    }

    /// A POST with an `Idempotency-Key`.
    pub async fn keyed_post(&self, path: &str, body: Value, token: &str, key: &str) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
            .await
            .expect("sent")
    }

    /// The kinds of `user`'s notifications, newest first.
    pub async fn notification_kinds(&self, user: &TestUser) -> Vec<String> {
        let page = self.json("/api/notifications", Some(&user.access)).await;
        page["items"].as_array().expect("items").iter().map(|n| n["kind"].as_str().expect("kind").to_owned()).collect()
    }
}

/// The `id` fields of a page's items, in order.
pub fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().expect("items").iter().map(|i| i["id"].as_str().expect("id").to_owned()).collect()
}

pub fn id(value: &Value) -> String {
    value["id"].as_str().expect("id").to_owned()
}

/// The body of `POST /api/contracts/{id}/payment`.
pub fn pay(milestone: &Value, action: &str) -> Value {
    json!({"milestone_id": milestone["id"], "action": action})
}
