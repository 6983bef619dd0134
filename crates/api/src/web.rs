//! Serves the built single-page app; unknown paths get `index.html` so that
//! client-side routes survive a reload.

use std::path::Path;

use axum::response::Html;
use axum::routing::{MethodRouter, get};
use tower_http::services::{ServeDir, ServeFile};

pub fn service(dir: Option<&Path>) -> MethodRouter {
    match dir.filter(|d| d.join("index.html").is_file()) {
        Some(dir) => {
            let spa = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
            axum::routing::get_service(spa)
        }
        None => get(|| async {
            Html(
                "<!doctype html><title>Downwork</title><h1>Downwork API</h1>\
                 <p>The web app is not built. Run <code>make run</code>, or browse the \
                 <a href=\"/api/docs/\">API docs</a>.</p>",
            )
        }),
    }
}
