//! Integration tests through the real HTTP interface, one module per area.

mod accounts;
mod chat;
mod commands;
mod concurrency;
mod conventions;
mod escrow;
mod files;
mod freelancers;
mod friends;
mod hiring;
mod hourly;
mod job_board;
mod jobs;
mod market;
mod payments;
mod profiles;
mod proposals;
mod realtime;
mod realtime_cluster;
mod sessions;
mod sharing;
mod sockets;
mod storage_s3;
mod support;
mod webhooks;
mod withdrawals;
