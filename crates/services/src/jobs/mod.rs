//! The marketplace: clients post jobs, freelancers find them and propose,
//! clients invite and hire.
//!
//! - [`posting`]: creating, editing, publishing, closing and expiring jobs
//! - [`board`]: the public job board's search and facets
//! - [`proposals`]: bidding, and the client's handling of bids
//! - [`invitations`]: a client asking a freelancer to propose
//! - [`hiring`]: turning a proposal into a contract

mod board;
mod error;
mod hiring;
mod invitations;
mod posting;
mod proposals;

use std::sync::Arc;
use std::time::Duration;

use domain::job_search::JobFilters;
use domain::{JobId, UserId};
use moka::future::Cache;
use store::Db;
use store::jobs::JobRecord;

pub use board::{BoardPage, Facets};
pub use error::MarketError;
pub use hiring::Hire;
pub use invitations::InvitationWithJob;
pub use proposals::ProposalWithJob;

/// Facet counts are the costly part of a filtered board page and need not
/// be exact to the second: they are shared for this long per filter set.
const FACET_TTL: Duration = Duration::from_secs(30);
/// Ranking every match of a common word is the costly part of a text
/// search, and popular searches repeat: a text search's pages are shared for
/// this long. Pages without text are index range scans and always fresh.
const TEXT_RESULTS_TTL: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct Jobs {
    db: Db,
    facets: Cache<JobFilters, Arc<Facets>>,
    text_results: Cache<String, Arc<board::RankedPage>>,
}

impl Jobs {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            facets: Cache::builder().max_capacity(10_000).time_to_live(FACET_TTL).build(),
            text_results: Cache::builder().max_capacity(10_000).time_to_live(TEXT_RESULTS_TTL).build(),
        }
    }
}

/// Loads a job the caller owns; anyone else's job is "not found".
async fn owned_job(db: &impl store::ConnectionTrait, client: UserId, id: JobId) -> Result<JobRecord, MarketError> {
    store::jobs::find_for_update(db, id)
        .await?
        .filter(|job| job.client_id == client)
        .ok_or(MarketError::NotFound("job"))
}
