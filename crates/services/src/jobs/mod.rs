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
mod suggestions;

use std::sync::Arc;
use std::time::Duration;

use domain::job_search::JobFilters;
use domain::{JobId, UserId};
use moka::future::Cache;
use store::Db;
use store::jobs::JobRecord;

use crate::notifier::Notifier;

pub use board::{BoardPage, Facets};
pub use error::MarketError;
pub use hiring::Hire;
pub use invitations::InvitationWithJob;
pub(crate) use posting::{close_proposals, held_by_admin, may_view, posting_window};
pub use proposals::{ProposalWithJob, ReceivedProposal};
pub use suggestions::{MAX_SUGGESTED, Suggested};

/// Facet counts are the costly part of a filtered board page and need not
/// be exact to the second: they are shared for this long per filter set.
const FACET_TTL: Duration = Duration::from_secs(30);
/// The board is public, read far more than written, and the same pages are
/// asked for again and again: a page is shared for this long, so a new or
/// closed job shows there within two seconds.
const PAGE_TTL: Duration = Duration::from_secs(2);
/// Ranking every match of a common word is the costly part of a text
/// search, and popular searches repeat: text search pages are shared longer.
const TEXT_PAGE_TTL: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Jobs {
    db: Db,
    facets: Cache<JobFilters, Arc<Facets>>,
    pages: Cache<String, Arc<board::RankedPage>>,
    text_pages: Cache<String, Arc<board::RankedPage>>,
    notifier: Notifier,
}

impl Jobs {
    pub fn new(db: Db, notifier: Notifier) -> Self {
        Self {
            db,
            notifier,
            facets: Cache::builder().max_capacity(10_000).time_to_live(FACET_TTL).build(),
            pages: Cache::builder().max_capacity(10_000).time_to_live(PAGE_TTL).build(),
            text_pages: Cache::builder().max_capacity(10_000).time_to_live(TEXT_PAGE_TTL).build(),
        }
    }
}

impl Jobs {
    /// Drops the board's shared pages and counts, so that a job an admin
    /// hid or restored leaves or joins it at once on this instance (others
    /// catch up within their caches' lifetimes).
    pub fn forget_board(&self) {
        self.pages.invalidate_all();
        self.text_pages.invalidate_all();
        self.facets.invalidate_all();
    }
}

/// Loads a job the caller owns; anyone else's job is "not found".
async fn owned_job(db: &impl store::ConnectionTrait, client: UserId, id: JobId) -> Result<JobRecord, MarketError> {
    store::jobs::find_for_update(db, id)
        .await?
        .filter(|job| job.client_id == client)
        .ok_or(MarketError::NotFound("job"))
}
