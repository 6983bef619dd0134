//! The `downwork` binary's library half: configuration, wiring of adapters
//! into services, and the commands. Integration tests start the real server
//! through [`app::App`].

pub mod app;
pub mod commands;
pub mod config;
pub mod mail_sender;
pub mod periodic;
pub mod realtime;
pub mod telemetry;
pub mod worker;
