//! Payment providers: the sandbox (default), Stripe and PayPal.

mod sandbox;

pub use sandbox::SandboxProvider;
