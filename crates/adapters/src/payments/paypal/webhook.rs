//! PayPal webhook deliveries: the `PAYPAL-*` headers that identify one, and
//! the request and answer of PayPal's verify-webhook-signature call.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::payments::http;

/// The `PAYPAL-*` headers of a webhook delivery.
#[derive(Debug)]
pub(super) struct Transmission<'a> {
    pub(super) auth_algo: &'a str,
    pub(super) cert_url: &'a str,
    pub(super) id: &'a str,
    pub(super) sig: &'a str,
    pub(super) time: &'a str,
}

impl<'a> Transmission<'a> {
    pub(super) fn from_headers(headers: &'a [(String, String)]) -> Option<Self> {
        Some(Self {
            auth_algo: http::header(headers, "PAYPAL-AUTH-ALGO")?,
            cert_url: http::header(headers, "PAYPAL-CERT-URL")?,
            id: http::header(headers, "PAYPAL-TRANSMISSION-ID")?,
            sig: http::header(headers, "PAYPAL-TRANSMISSION-SIG")?,
            time: http::header(headers, "PAYPAL-TRANSMISSION-TIME")?,
        })
    }

    pub(super) fn sent_at(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(self.time).ok().map(|time| time.with_timezone(&Utc))
    }
}

/// The event goes back to PayPal exactly as it arrived: re-serialising it
/// could reorder keys or reformat numbers, and the signature covers the
/// original bytes.
#[derive(Debug, Serialize)]
pub(super) struct VerifyRequest<'a> {
    pub(super) auth_algo: &'a str,
    pub(super) cert_url: &'a str,
    pub(super) transmission_id: &'a str,
    pub(super) transmission_sig: &'a str,
    pub(super) transmission_time: &'a str,
    pub(super) webhook_id: &'a str,
    pub(super) webhook_event: &'a RawValue,
}

#[derive(Debug, Deserialize)]
pub(super) struct VerifyAnswer {
    pub(super) verification_status: String,
}

/// The parts of a webhook event the services use.
#[derive(Debug, Deserialize)]
pub(super) struct Event {
    pub(super) id: String,
    pub(super) event_type: String,
    pub(super) resource: Option<EventResource>,
}

#[derive(Debug, Deserialize)]
pub(super) struct EventResource {
    pub(super) id: Option<String>,
}
