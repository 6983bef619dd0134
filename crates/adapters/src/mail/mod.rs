//! Mailers: where the queue's mail leaves the marketplace. The outbox writes
//! `.eml` files for development; SMTP delivers in production. Both build the
//! same message, so what a developer opens is what a user would get.

mod message;
mod outbox;
mod smtp;

pub use outbox::OutboxMailer;
pub use smtp::SmtpMailer;
