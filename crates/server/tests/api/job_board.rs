//! The job board: every filter and sort against data built here, facets,
//! full-text relevance, and cursors that survive concurrent posting.

use std::collections::{BTreeSet, HashSet};

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, hourly_job, id, usd};
use crate::support::{TestApp, TestUser, expect_error};

/// A board of known jobs, each with a name the assertions use.
struct Board {
    app: TestApp,
    client: TestUser,
    jobs: Vec<(&'static str, String)>,
}

impl Board {
    fn id(&self, name: &str) -> String {
        self.jobs.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone()).expect("named job")
    }

    fn set(&self, names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| self.id(n)).collect()
    }

    /// Every job a query lists, across all its pages.
    async fn all(&self, query: &str) -> Vec<String> {
        self.app.all_ids(&format!("/api/jobs?limit=2&{query}")).await
    }

    async fn matches(&self, query: &str) -> BTreeSet<String> {
        self.all(query).await.into_iter().collect()
    }

    fn names(&self, ids: &[String]) -> Vec<&'static str> {
        ids.iter().map(|i| self.jobs.iter().find(|(_, id)| id == i).map(|(n, _)| *n).expect("known id")).collect()
    }
}

async fn board() -> Board {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let day = |n: i64| (Utc::now() + Duration::days(n)).date_naive().to_string();
    let specs = [
        (
            "rust-api",
            fixed_job(json!({
                "title": "Rust API for an inventory system",
                "description": "Design and build a REST service in Rust with PostgreSQL storage.",
                "category": "software-engineering", "skills": ["rust", "postgresql"],
                "budget": usd(300_000), "deadline": day(40), "experience_level": "expert",
            })),
        ),
        (
            "landing",
            fixed_job(json!({
                "title": "Landing page for a bakery",
                "description": "A friendly single page with opening hours and a map. Some Rust knowledge welcome.",
                "category": "web-development", "skills": ["react", "css"],
                "budget": usd(40_000), "deadline": day(10), "experience_level": "entry",
            })),
        ),
        (
            "shop",
            fixed_job(json!({
                "title": "Online shop on Shopify",
                "description": "Set up a store with twenty products, payments and shipping rules.",
                "category": "web-development", "skills": ["shopify"],
                "budget": usd(120_000), "experience_level": "intermediate",
            })),
        ),
        (
            "maintenance",
            hourly_job(json!({
                "title": "Backend maintenance in Rust",
                "description": "Keep our services healthy, review pull requests and fix bugs.",
                "category": "software-engineering", "skills": ["rust"],
                "hourly_rate_min": usd(5_000), "hourly_rate_max": usd(9_000), "deadline": day(20),
            })),
        ),
        (
            "design",
            hourly_job(json!({
                "title": "Brand designer for packaging",
                "description": "Ongoing packaging and label design for a coffee roaster.",
                "category": "design-creative", "skills": [],
                "hourly_rate_min": usd(2_500), "hourly_rate_max": usd(4_000), "experience_level": "intermediate",
            })),
        ),
    ];
    let mut jobs = Vec::new();
    for (name, body) in specs {
        let job = app.post_job(&client, body).await;
        jobs.push((name, id(&job)));
    }
    // Jobs the board must never list.
    app.post_job(&client, fixed_job(json!({"title": "A draft about Rust", "draft": true}))).await;
    app.post_job(&client, fixed_job(json!({"title": "Private Rust work", "visibility": "invite_only"}))).await;
    let closed = app.post_job(&client, fixed_job(json!({"title": "Closed Rust job"}))).await;
    let res = app.post(&format!("/api/jobs/{}/close", id(&closed)), json!({}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    Board { app, client, jobs }
}

#[tokio::test]
async fn every_filter_returns_exactly_the_matching_open_public_jobs() {
    let b = board().await;
    let before_deadline = (Utc::now() + Duration::days(15)).date_naive();
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("".into(), vec!["rust-api", "landing", "shop", "maintenance", "design"]),
        ("category=web-development".into(), vec!["landing", "shop"]),
        ("payment_type=hourly".into(), vec!["maintenance", "design"]),
        ("budget_min=100000".into(), vec!["rust-api", "shop"]),
        ("budget_max=100000".into(), vec!["landing"]),
        ("budget_min=50000&budget_max=150000".into(), vec!["shop"]),
        ("hourly_rate_min=4500".into(), vec!["maintenance"]),
        ("hourly_rate_max=3000".into(), vec!["design"]),
        (format!("deadline_before={before_deadline}"), vec!["landing"]),
        ("skills=rust".into(), vec!["rust-api", "maintenance"]),
        ("skills=shopify,css".into(), vec!["landing", "shop"]),
        ("skills=no-such-skill".into(), vec![]),
        ("experience_level=entry".into(), vec!["landing"]),
        ("posted_within_days=1".into(), vec!["rust-api", "landing", "shop", "maintenance", "design"]),
        ("q=rust".into(), vec!["rust-api", "landing", "maintenance"]),
        ("q=rust+postgresql".into(), vec!["rust-api"]),
        ("q=RUST%20Maintenance!".into(), vec!["maintenance"]),
        ("q=coffee".into(), vec!["design"]),
        ("q=quantum".into(), vec![]),
        ("q=rust&payment_type=fixed&category=software-engineering".into(), vec!["rust-api"]),
    ];
    for (query, expected) in cases {
        assert_eq!(b.matches(&query).await, b.set(&expected), "query {query:?}");
    }
}

#[tokio::test]
async fn sorts_order_the_board() {
    let b = board().await;
    let newest = b.all("").await;
    assert_eq!(b.names(&newest), vec!["design", "maintenance", "shop", "landing", "rust-api"]);
    let by_budget = b.all("sort=budget").await;
    assert_eq!(b.names(&by_budget), vec!["rust-api", "shop", "landing", "maintenance", "design"]);
    let by_deadline = b.all("sort=deadline").await;
    assert_eq!(b.names(&by_deadline), vec!["landing", "maintenance", "rust-api", "shop", "design"]);
    // A title match outranks a mention in the description.
    let relevant = b.all("q=rust").await;
    assert_eq!(b.names(&relevant).last(), Some(&"landing"), "{:?}", b.names(&relevant));
    let page = b.app.json("/api/jobs?q=rust&limit=1", None).await;
    assert!(page["items"][0]["score"].as_f64().is_some_and(|s| s > 0.0), "{page}");
}

#[tokio::test]
async fn facets_count_each_value_with_the_other_filters_applied() {
    let b = board().await;
    let page = b.app.json("/api/jobs?category=web-development&limit=1", None).await;
    assert_eq!(
        page["facets"]["categories"],
        json!([
            {"value": "design-creative", "count": 1},
            {"value": "software-engineering", "count": 2},
            {"value": "web-development", "count": 2},
        ])
    );
    assert_eq!(page["facets"]["payment_types"], json!([{"value": "fixed", "count": 2}]));
    let page = b.app.json("/api/jobs?q=rust", None).await;
    assert_eq!(
        page["facets"]["payment_types"],
        json!([{"value": "fixed", "count": 2}, {"value": "hourly", "count": 1}])
    );
}

#[tokio::test]
async fn paging_visits_every_job_once_while_new_jobs_are_posted() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let mut existing = HashSet::new();
    for i in 0..12 {
        let job = app.post_job(&client, fixed_job(json!({"budget": usd(10_000 + (i % 4) * 1_000)}))).await;
        existing.insert(id(&job));
    }
    // Another client keeps posting while the board is read page by page.
    let (http, url, token) = (app.http.clone(), app.url("/api/jobs"), client.access.clone());
    let poster = tokio::spawn(async move {
        for i in 0..40 {
            let body = fixed_job(json!({"budget": usd(10_500 + (i % 4) * 1_000)}));
            let res = http.post(&url).bearer_auth(&token).json(&body).send().await.expect("posted");
            assert_eq!(res.status(), StatusCode::CREATED);
        }
    });
    for sort in ["newest", "budget", "deadline"] {
        let seen = app.all_ids(&format!("/api/jobs?limit=5&sort={sort}")).await;
        let unique: HashSet<_> = seen.iter().cloned().collect();
        assert_eq!(unique.len(), seen.len(), "{sort}: no job twice");
        assert!(existing.is_subset(&unique), "{sort}: every job that existed at the start was seen");
    }
    poster.await.expect("poster finished");
}

#[tokio::test]
async fn bad_board_queries_are_refused_with_the_error_shape() {
    let b = board().await;
    let cases = [
        ("/api/jobs?sort=cheapest", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/jobs?payment_type=barter", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/jobs?budget_min=abc", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/jobs?limit=0", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/jobs?cursor=not-a-cursor", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/jobs?budget_min=500&budget_max=100", StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        ("/api/jobs?budget_min=-1", StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        ("/api/jobs?sort=relevance", StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        ("/api/jobs?posted_within_days=0", StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        ("/api/jobs?deadline_before=tomorrow", StatusCode::BAD_REQUEST, "invalid_query"),
    ];
    for (path, status, code) in cases {
        expect_error(b.app.get(path, None).await, status, code).await;
    }
    // A cursor from one sort does not continue another.
    let page = b.app.json("/api/jobs?limit=1&sort=budget", None).await;
    let cursor = page["next_cursor"].as_str().expect("more pages");
    let res = b.app.get(&format!("/api/jobs?sort=newest&cursor={cursor}"), None).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // Query syntax of any database is just text.
    for q in ["%22", "rust*", "NEAR(rust", "-rust", "rust%20OR%20design", "'%3B--"] {
        let res = b.app.get(&format!("/api/jobs?q={q}"), None).await;
        assert_eq!(res.status(), StatusCode::OK, "q={q}");
        let _: Value = res.json().await.expect("json");
    }
    let _ = &b.client;
}
