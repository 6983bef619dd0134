//! Uploads stored in S3. Runs against the local S3-compatible server that
//! `scripts/with-s3` starts (`make test-s3`), which sets `TEST_S3_ENDPOINT`.

use reqwest::StatusCode;

use crate::files::{PNG, upload};
use crate::support::TestApp;

#[tokio::test]
async fn s3_storage_keeps_uploads_in_the_bucket() {
    let Ok(endpoint) = std::env::var("TEST_S3_ENDPOINT") else {
        eprintln!("TEST_S3_ENDPOINT not set; run through `make test-s3`");
        return;
    };
    let bucket = format!("downwork-test-{}", uuid::Uuid::now_v7().simple());
    let created = reqwest::Client::new().put(format!("{endpoint}/{bucket}")).send().await.expect("create bucket");
    assert!(created.status().is_success(), "bucket created: {}", created.status());

    let app = TestApp::spawn_with(|c| c.storage_url = Some(format!("s3://{bucket}"))).await;
    let user = app.signup("freelancer").await;
    let file = upload(&app, &user.access, "avatar", PNG.to_vec()).await;
    let id = file["id"].as_str().expect("id");

    let listing =
        reqwest::get(format!("{endpoint}/{bucket}?list-type=2")).await.expect("list").text().await.expect("xml");
    assert!(listing.contains(&format!("files/{id}")), "object is in the bucket: {listing}");
    assert!(!app.data_dir.join("files").join("files").join(id).exists(), "nothing on local disk");

    let res = app.get(&format!("/api/files/{id}"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.expect("bytes").as_ref(), PNG);
}
