//! Uploads: sniffed types, size limit, visibility.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::support::{TestApp, expect_error};

/// The PNG signature and header chunk; enough for content sniffing.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

async fn send(app: &TestApp, token: &str, purpose: &str, bytes: Vec<u8>, name: &str) -> reqwest::Response {
    let form =
        Form::new().text("purpose", purpose.to_owned()).part("file", Part::bytes(bytes).file_name(name.to_owned()));
    app.http.post(app.url("/api/files")).bearer_auth(token).multipart(form).send().await.expect("sent")
}

pub async fn upload(app: &TestApp, token: &str, purpose: &str, bytes: Vec<u8>) -> Value {
    let res = send(app, token, purpose, bytes, "upload.bin").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.expect("json")
}

#[tokio::test]
async fn the_type_is_sniffed_from_the_content_not_the_name() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let res = send(&app, &user.access, "avatar", PNG.to_vec(), "photo.exe").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let file: Value = res.json().await.expect("json");
    assert_eq!(file["content_type"], "image/png");
    assert_eq!(file["size_bytes"], PNG.len());

    let before = app.snapshot().await;
    let html = send(&app, &user.access, "avatar", b"<html><script>alert(1)</script></html>".to_vec(), "x.png").await;
    expect_error(html, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let pdf_avatar = send(&app, &user.access, "avatar", PDF.to_vec(), "cv.pdf").await;
    expect_error(pdf_avatar, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let empty = send(&app, &user.access, "avatar", Vec::new(), "x.png").await;
    expect_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let bad_purpose = send(&app, &user.access, "banner", PNG.to_vec(), "x.png").await;
    expect_error(bad_purpose, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.snapshot().await, before);

    let pdf = upload(&app, &user.access, "attachment", PDF.to_vec()).await;
    assert_eq!(pdf["content_type"], "application/pdf");
}

#[tokio::test]
async fn files_over_ten_megabytes_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let before = app.snapshot().await;
    let mut big = PNG.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    expect_error(
        send(&app, &user.access, "avatar", big, "big.png").await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;
    let mut huge = PNG.to_vec();
    huge.resize(12 * 1024 * 1024, 0);
    expect_error(
        send(&app, &user.access, "avatar", huge, "huge.png").await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;
    assert_eq!(app.snapshot().await, before);

    let mut max = PNG.to_vec();
    max.resize(10 * 1024 * 1024, 0);
    upload(&app, &user.access, "portfolio", max).await;
}

#[tokio::test]
async fn uploads_need_an_account_and_a_multipart_body() {
    let app = TestApp::spawn().await;
    let form = Form::new().part("file", Part::bytes(PNG.to_vec()));
    let res = app.http.post(app.url("/api/files")).multipart(form).send().await.expect("sent");
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let user = app.signup("client").await;
    let res = app.post("/api/files", serde_json::json!({"file": "x"}), Some(&user.access)).await;
    expect_error(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    let res = app
        .http
        .post(app.url("/api/files"))
        .bearer_auth(&user.access)
        .multipart(Form::new().text("purpose", "avatar"))
        .send()
        .await
        .expect("sent");
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn attachments_are_private_to_their_owner_and_avatars_public() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let stranger = app.signup("freelancer").await;
    let doc = upload(&app, &owner.access, "attachment", PDF.to_vec()).await;
    let url = doc["url"].as_str().expect("url");
    let own = app.get(url, Some(&owner.access)).await;
    assert_eq!(own.status(), StatusCode::OK);
    assert_eq!(own.headers()["content-type"], "application/pdf");
    assert_eq!(own.headers()["content-disposition"], "attachment");
    assert_eq!(own.bytes().await.expect("bytes").as_ref(), PDF);
    expect_error(app.get(url, Some(&stranger.access)).await, StatusCode::NOT_FOUND, "file_not_found").await;
    expect_error(app.get(url, None).await, StatusCode::NOT_FOUND, "file_not_found").await;

    let avatar = upload(&app, &owner.access, "avatar", PNG.to_vec()).await;
    let res = app.get(avatar["url"].as_str().expect("url"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}
