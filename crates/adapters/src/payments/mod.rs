//! Payment providers: the sandbox (default), Stripe and PayPal.

mod http;
mod paypal;
mod sandbox;
mod stripe;

pub use http::ProviderSetupError;
pub use paypal::{PaypalConfig, PaypalProvider};
pub use sandbox::SandboxProvider;
pub use stripe::{StripeConfig, StripeProvider};
