//! `/api/files`: uploads (avatars, portfolio images, attachments) and downloads.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use domain::FileId;
use serde::Serialize;
use services::files::{MAX_FILE_BYTES, Purpose};
use services::records::FileRecord;
use utoipa::ToSchema;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiPath;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        // Room for the multipart framing around a file of the maximum size;
        // the file itself is measured exactly by the service.
        .routes(routes!(upload).layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 64 * 1024)))
        .routes(routes!(download))
}

/// The multipart form of an upload.
#[derive(ToSchema)]
#[allow(dead_code)]
struct UploadForm {
    /// PNG, JPEG, WebP or GIF (PDF too for attachments); at most 10 MB.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// `avatar`, `portfolio` or `attachment`.
    purpose: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UploadedFile {
    pub id: FileId,
    pub purpose: String,
    /// Sniffed from the content, not taken from the upload.
    pub content_type: String,
    pub size_bytes: i64,
    pub url: String,
    pub created_at: DateTime<Utc>,
}

impl From<FileRecord> for UploadedFile {
    fn from(f: FileRecord) -> Self {
        Self {
            url: format!("/api/files/{}", f.id),
            id: f.id,
            purpose: f.purpose,
            content_type: f.content_type,
            size_bytes: f.size_bytes,
            created_at: f.created_at,
        }
    }
}

fn multipart_error(err: axum::extract::multipart::MultipartError) -> AppError {
    if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::malformed("malformed_multipart", err.body_text())
    }
}

/// Upload a file. The type is sniffed from the bytes.
#[utoipa::path(post, path = "/api/files", tag = "files", security(("bearer" = [])),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = UploadedFile),
        (status = 413, body = ErrorBody),
        (status = 422, description = "missing file, unknown purpose or type not accepted", body = ErrorBody),
    ))]
async fn upload(
    State(state): State<AppState>,
    auth: AuthUser,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<UploadedFile>), AppError> {
    let mut multipart = multipart
        .map_err(|e| AppError::UnsupportedMediaType(format!("expected multipart/form-data: {}", e.body_text())))?;
    let mut purpose = None;
    let mut file: Option<Bytes> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("purpose") => purpose = Some(field.text().await.map_err(multipart_error)?),
            Some("file") => file = Some(field.bytes().await.map_err(multipart_error)?),
            _ => {}
        }
    }
    let purpose = match purpose.as_deref() {
        None => Purpose::Attachment,
        Some(p) => Purpose::parse(p)
            .ok_or_else(|| AppError::invalid_field("purpose", "must be avatar, portfolio or attachment"))?,
    };
    let file = file.ok_or_else(|| AppError::invalid_field("file", "is required"))?;
    let record = state.services.files.upload(auth.user.id, purpose, file).await?;
    Ok((StatusCode::CREATED, Json(record.into())))
}

/// Download a file. Avatars and portfolio images are public; attachments
/// are visible to their owner.
#[utoipa::path(get, path = "/api/files/{id}", tag = "files",
    params(("id" = FileId, Path, description = "file id")),
    responses((status = 200, description = "the bytes, with their sniffed content type"), (status = 404, body = ErrorBody)))]
async fn download(
    State(state): State<AppState>,
    auth: Option<AuthUser>,
    ApiPath(id): ApiPath<FileId>,
) -> Result<Response, AppError> {
    let (record, bytes) = state.services.files.download(auth.map(|a| a.user.id), id).await?;
    let public = Purpose::parse(&record.purpose).is_some_and(Purpose::is_public);
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(content_type) = HeaderValue::from_str(&record.content_type) {
        headers.insert(header::CONTENT_TYPE, content_type);
    }
    // Files never change once uploaded (a new upload gets a new id).
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public { "public, max-age=31536000, immutable" } else { "private, max-age=3600" }),
    );
    let disposition = if record.content_type.starts_with("image/") { "inline" } else { "attachment" };
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(disposition));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    Ok(response)
}
