//! Clients finding freelancers: filters and sorts against profiles built here.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::usd;
use crate::support::{TestApp, TestUser, expect_error};

struct Pool {
    app: TestApp,
    people: Vec<(&'static str, TestUser)>,
}

impl Pool {
    fn set(&self, names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| self.people.iter().find(|(p, _)| p == n).expect("named").1.id.clone()).collect()
    }

    fn names(&self, ids: &[String]) -> Vec<&'static str> {
        ids.iter().map(|i| self.people.iter().find(|(_, u)| &u.id == i).expect("known").0).collect()
    }

    async fn all(&self, query: &str) -> Vec<String> {
        self.app.all_ids(&format!("/api/freelancers?limit=2&{query}")).await
    }
}

async fn pool() -> Pool {
    let app = TestApp::spawn().await;
    let specs = [
        (
            "ana",
            "Ana Rust",
            "Rust backend engineer",
            "Berlin, Germany",
            "full_time",
            "expert",
            9_000,
            vec!["rust", "postgresql", "go"],
        ),
        (
            "ben",
            "Ben Web",
            "React and CSS for shops",
            "Austin, USA",
            "part_time",
            "intermediate",
            4_000,
            vec!["react", "css"],
        ),
        (
            "caro",
            "Caro Data",
            "Data pipelines in Python and Rust",
            "berlin",
            "not_available",
            "expert",
            12_000,
            vec!["python", "rust"],
        ),
        (
            "dev",
            "Dev Design",
            "Logos and packaging",
            "Lagos, Nigeria",
            "full_time",
            "entry",
            2_500,
            vec!["logo-design"],
        ),
    ];
    let mut people = Vec::new();
    for (key, name, headline, location, availability, level, rate, skills) in specs {
        let user = app.signup("freelancer").await;
        let body = json!({
            "name": name,
            "location": location,
            "freelancer": {
                "headline": headline,
                "bio": format!("{headline}. Reliable and quick."),
                "hourly_rate": usd(rate),
                "availability": availability,
                "experience_level": level,
                "skills": skills,
            }
        });
        assert_eq!(app.put("/api/users/profile", body, &user.access).await.status(), StatusCode::OK, "{key}");
        people.push((key, user));
    }
    // Clients are not freelancers.
    app.signup("client").await;
    Pool { app, people }
}

#[tokio::test]
async fn filters_find_exactly_the_matching_freelancers() {
    let p = pool().await;
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("", vec!["ana", "ben", "caro", "dev"]),
        ("q=rust", vec!["ana", "caro"]),
        ("q=rust+pipelines", vec!["caro"]),
        ("skills=rust", vec!["ana", "caro"]),
        ("skills=rust,postgresql", vec!["ana"]),
        ("skills=rust,postgresql&skills_match=any", vec!["ana", "caro"]),
        ("skills=react,logo-design&skills_match=any", vec!["ben", "dev"]),
        ("experience_level=expert", vec!["ana", "caro"]),
        ("hourly_rate_min=5000", vec!["ana", "caro"]),
        ("hourly_rate_max=4000", vec!["ben", "dev"]),
        ("location=BERLIN", vec!["ana", "caro"]),
        ("availability=full_time", vec!["ana", "dev"]),
        ("min_rating=4", vec![]),
        ("min_rating=0", vec!["ana", "ben", "caro", "dev"]),
        ("min_completed_jobs=1", vec![]),
        ("min_completed_jobs=0", vec!["ana", "ben", "caro", "dev"]),
    ];
    for (query, expected) in cases {
        let found: BTreeSet<String> = p.all(query).await.into_iter().collect();
        assert_eq!(found, p.set(&expected), "query {query:?}");
    }
}

#[tokio::test]
async fn sorts_order_freelancers_by_rank_rate_and_sign_up() {
    let p = pool().await;
    assert_eq!(p.names(&p.all("sort=rate_low").await), vec!["dev", "ben", "ana", "caro"]);
    assert_eq!(p.names(&p.all("sort=rate_high").await), vec!["caro", "ana", "ben", "dev"]);
    assert_eq!(p.names(&p.all("sort=newest").await), vec!["dev", "caro", "ben", "ana"]);
    // Same completeness, so availability decides: full time, part time, none.
    let ranked = p.all("").await;
    let page = p.app.json("/api/freelancers?limit=4", None).await;
    let scores: Vec<i64> =
        page["items"].as_array().expect("items").iter().map(|f| f["rank_score"].as_i64().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(p.names(&ranked).last(), Some(&"caro"), "not available ranks last");
    let card = &page["items"][0];
    assert!(card.get("email").is_none(), "{card}");
    assert_eq!(card["completed_jobs"], 0);
    assert_eq!(card["rating"], Value::Null);
    // The stated level reads back on the profile.
    let ana = &p.people[0].1;
    let profile = p.app.json(&format!("/api/users/{}", ana.id), None).await;
    assert_eq!(profile["freelancer"]["experience_level"], "expert");
    assert_eq!(profile["freelancer"]["completed_jobs"], 0);
}

#[tokio::test]
async fn bad_freelancer_queries_get_the_error_shape() {
    let p = pool().await;
    let cases = [
        ("/api/freelancers?sort=cheapest", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/freelancers?availability=weekends", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/freelancers?skills_match=most", StatusCode::BAD_REQUEST, "invalid_query"),
        ("/api/freelancers?min_rating=7", StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        ("/api/freelancers?hourly_rate_min=9&hourly_rate_max=1", StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        ("/api/freelancers?limit=1000", StatusCode::BAD_REQUEST, "invalid_query"),
    ];
    for (path, status, code) in cases {
        expect_error(p.app.get(path, None).await, status, code).await;
    }
    let page = p.app.json("/api/freelancers?limit=1&sort=rate_low", None).await;
    let cursor = page["next_cursor"].as_str().expect("more");
    let res = p.app.get(&format!("/api/freelancers?cursor={cursor}"), None).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = p.app.get("/api/freelancers?location=%25%25&q=%27", None).await;
    assert_eq!(res.status(), StatusCode::OK);
}
