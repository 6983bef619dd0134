//! What the Stripe and PayPal clients share: the HTTP client, the API base
//! URL, header lookup, and the one rule for reading an answer as a success, a
//! refusal the user should see, or an outage.

use std::time::Duration;

use reqwest::{Client, Response, StatusCode, redirect};
use serde::de::DeserializeOwned;
use services::ports::ProviderError;
use url::Url;

/// A provider call that has not answered by then is treated as an outage.
/// The idempotency key makes the caller's retry safe even if it did go
/// through.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Why a provider could not be set up at start-up.
#[derive(Debug, thiserror::Error)]
pub enum ProviderSetupError {
    #[error("the payment provider's API base URL must be an http or https URL, not {0}")]
    ApiBase(Url),
    #[error("the payment provider's HTTP client could not be built: {0}")]
    Client(#[from] reqwest::Error),
}

/// The one HTTP client a provider keeps for its lifetime, so connections are
/// pooled. Redirects are not followed: neither API redirects its endpoints,
/// and a redirected POST would silently turn into a GET.
pub(crate) fn client() -> Result<Client, ProviderSetupError> {
    let client = Client::builder()
        .timeout(TIMEOUT)
        .redirect(redirect::Policy::none())
        .user_agent(concat!("downwork/", env!("CARGO_PKG_VERSION")))
        .build()?;
    Ok(client)
}

/// The root every endpoint is joined to, e.g. `https://api.stripe.com`.
#[derive(Debug, Clone)]
pub(crate) struct ApiBase(Url);

impl ApiBase {
    pub(crate) fn new(url: Url) -> Result<Self, ProviderSetupError> {
        if matches!(url.scheme(), "http" | "https") && url.query().is_none() && url.fragment().is_none() {
            Ok(Self(url))
        } else {
            Err(ProviderSetupError::ApiBase(url))
        }
    }

    /// The endpoint at `segments` below the base. Each segment is
    /// percent-encoded on its own, so an id from a request (an order or a
    /// capture id) cannot reach another path.
    pub(crate) fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.0.clone();
        // `new` admits only http(s) URLs, which always have a path to extend.
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }
}

/// The value of the first header called `name`, whatever its case: HTTP
/// header names are case-insensitive and proxies do change them.
pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
}

/// The provider-specific parts of reading an answer.
pub(crate) struct Dialect {
    /// How messages name the provider.
    pub(crate) name: &'static str,
    /// The response header carrying the provider's id of the request, which
    /// its support asks for.
    pub(crate) request_id_header: &'static str,
    /// The message of an error body fit to show the user, if the body is the
    /// provider's error object.
    pub(crate) error_message: fn(&[u8]) -> Option<String>,
}

impl Dialect {
    /// A request that got no answer: refused connection, timeout, reset.
    pub(crate) fn unreachable(&self, err: reqwest::Error) -> ProviderError {
        ProviderError::Unavailable(format!("{} could not be reached: {err}", self.name))
    }

    /// Reads a 2xx answer as `T`. Anything else becomes `Declined` with the
    /// provider's message when it is a refusal of this request, and
    /// `Unavailable` otherwise.
    pub(crate) async fn read<T: DeserializeOwned>(&self, response: Response) -> Result<T, ProviderError> {
        let status = response.status();
        let request_id = response
            .headers()
            .get(self.request_id_header)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("none")
            .to_owned();
        let body = response.bytes().await.map_err(|err| self.unreachable(err))?;
        if status.is_success() {
            return serde_json::from_slice(&body).map_err(|err| {
                tracing::warn!(provider = self.name, %status, %request_id, error = %err, "unreadable answer");
                ProviderError::Unavailable(format!("{} answered {status} with an unreadable body", self.name))
            });
        }
        let message = (self.error_message)(&body);
        match message {
            Some(message) if refuses_the_request(status) => Err(ProviderError::Declined(message)),
            message => {
                tracing::warn!(provider = self.name, %status, %request_id, ?message, "payment provider failed");
                Err(ProviderError::Unavailable(format!("{} answered {status} (request {request_id})", self.name)))
            }
        }
    }
}

/// Whether a 4xx status means the provider refused this request for a reason
/// the user can act on (a declined card, an unknown order, a bad amount).
/// Bad credentials (401, 403) are our configuration, and a timeout, a
/// concurrent request under the same idempotency key or a rate limit (408,
/// 409, 429) pass with time: those are outages, not answers.
fn refuses_the_request(status: StatusCode) -> bool {
    status.is_client_error()
        && !matches!(
            status,
            StatusCode::UNAUTHORIZED
                | StatusCode::FORBIDDEN
                | StatusCode::REQUEST_TIMEOUT
                | StatusCode::CONFLICT
                | StatusCode::TOO_MANY_REQUESTS
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(url: &str) -> ApiBase {
        ApiBase::new(Url::parse(url).expect("a URL")).expect("an API base")
    }

    #[test]
    fn endpoints_are_joined_below_the_base_and_encode_ids() {
        assert_eq!(
            base("https://api.stripe.com").endpoint(&["v1", "refunds"]).as_str(),
            "https://api.stripe.com/v1/refunds"
        );
        assert_eq!(
            base("http://127.0.0.1:8080/stripe/").endpoint(&["v1", "x"]).as_str(),
            "http://127.0.0.1:8080/stripe/v1/x"
        );
        assert_eq!(
            base("https://api-m.paypal.com").endpoint(&["v2", "orders", "../x?y", "capture"]).as_str(),
            "https://api-m.paypal.com/v2/orders/..%2Fx%3Fy/capture"
        );
    }

    #[test]
    fn only_http_bases_without_query_are_accepted() {
        for url in ["mailto:a@b.co", "file:///tmp", "https://api.stripe.com/?a=b"] {
            assert!(ApiBase::new(Url::parse(url).expect("a URL")).is_err(), "{url}");
        }
    }

    #[test]
    fn headers_are_found_whatever_their_case() {
        let headers = vec![("stripe-signature".to_owned(), "t=1".to_owned())];
        assert_eq!(header(&headers, "Stripe-Signature"), Some("t=1"));
        assert_eq!(header(&headers, "PayPal-Auth-Algo"), None);
    }

    #[test]
    fn only_refusals_of_the_request_decline() {
        assert!(refuses_the_request(StatusCode::PAYMENT_REQUIRED));
        assert!(refuses_the_request(StatusCode::UNPROCESSABLE_ENTITY));
        assert!(!refuses_the_request(StatusCode::UNAUTHORIZED));
        assert!(!refuses_the_request(StatusCode::TOO_MANY_REQUESTS));
        assert!(!refuses_the_request(StatusCode::INTERNAL_SERVER_ERROR));
    }
}
