//! Implementations of the services' ports, chosen at start-up by configuration.

pub mod mail;
pub mod payments;
pub mod storage;
