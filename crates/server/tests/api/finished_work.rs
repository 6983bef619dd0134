//! Building blocks for reputation stories: contracts worked through to
//! their end, reviews, and moving a contract's end into the past.

use chrono::{DateTime, Utc};
use reqwest::{Response, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::market::{fixed_job, id, pay, proposal, usd};
use crate::support::{TestApp, TestUser};

impl TestApp {
    /// `client` hires `freelancer` on a new fixed-price job: Design ($200)
    /// and Build ($300).
    pub async fn hire(&self, client: &TestUser, freelancer: &TestUser) -> Value {
        let job = self.post_job(client, fixed_job(json!({}))).await;
        let milestones = json!([
            {"title": "Design", "amount": usd(20_000), "due_date": null},
            {"title": "Build", "amount": usd(30_000), "due_date": null},
        ]);
        let bid = self.bid(freelancer, &id(&job), proposal(50_000, json!({"milestones": milestones}))).await;
        let res =
            self.put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": bid["id"]}), &client.access).await;
        assert_eq!(res.status(), StatusCode::CREATED, "hiring");
        res.json().await.expect("json")
    }

    /// The client funds and releases the contract's milestone at `index`.
    pub async fn pay_milestone(&self, client: &TestUser, contract: &Value, index: usize) {
        let path = format!("/api/contracts/{}/payment", id(contract));
        let milestone = &contract["milestones"][index];
        for action in ["fund", "release"] {
            let res = self.post(&path, pay(milestone, action), Some(&client.access)).await;
            assert_eq!(res.status(), StatusCode::OK, "{action}");
        }
    }

    /// Pays every milestone and completes the contract.
    pub async fn finish(&self, client: &TestUser, contract: &Value) {
        for index in 0..contract["milestones"].as_array().expect("milestones").len() {
            self.pay_milestone(client, contract, index).await;
        }
        let res = self.end_contract(client, contract, "complete").await;
        assert_eq!(res.status(), StatusCode::OK, "completing");
    }

    pub async fn end_contract(&self, user: &TestUser, contract: &Value, ending: &str) -> Response {
        self.post(&format!("/api/contracts/{}/end", id(contract)), json!({"ending": ending}), Some(&user.access)).await
    }

    /// A client and a freelancer with one completed, fully paid contract.
    pub async fn finished_contract(&self) -> (TestUser, TestUser, Value) {
        let client = self.signup("client").await;
        let freelancer = self.signup("freelancer").await;
        let contract = self.hire(&client, &freelancer).await;
        self.finish(&client, &contract).await;
        (client, freelancer, contract)
    }

    pub async fn review(&self, user: &TestUser, contract: &Value, rating: Value, comment: &str) -> Response {
        let body = json!({"contract_id": contract["id"], "rating": rating, "comment": comment});
        self.post("/api/reviews", body, Some(&user.access)).await
    }

    /// Reviews that must succeed; returns the review.
    pub async fn reviewed(&self, user: &TestUser, contract: &Value, rating: u8) -> Value {
        let res = self.review(user, contract, json!(rating), "Worked well together.").await;
        assert_eq!(res.status(), StatusCode::CREATED, "reviewing");
        res.json().await.expect("json")
    }

    /// Moves the contract's end to `at`, as if it had ended then.
    pub async fn set_ended_at(&self, contract: &Value, at: DateTime<Utc>) {
        use store::entity::contract as c;
        let contract_id: uuid::Uuid = id(contract).parse().expect("uuid");
        c::Entity::update_many()
            .col_expr(c::Column::EndedAt, Expr::value(at))
            .filter(c::Column::Id.eq(contract_id))
            .exec(&self.db)
            .await
            .expect("moved the end");
    }
}
