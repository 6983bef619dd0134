//! The public job board: open public jobs, filtered, sorted and counted.

use std::sync::Arc;

use chrono::Utc;
use domain::job_search::{JobCursor, JobFilters, JobSort};
use domain::pagination::{Page, PageRequest};
use domain::{SkillId, ValidationError};
use store::job_search;
use store::jobs::JobRecord;

use super::{Jobs, MarketError};

/// How many listed jobs each value would give, other filters applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facets {
    pub categories: Vec<(String, u64)>,
    pub payment_types: Vec<(String, u64)>,
}

/// Jobs, each with its relevance score when sorted by relevance.
pub type RankedPage = Page<(JobRecord, Option<f64>)>;

#[derive(Debug, Clone)]
pub struct BoardPage {
    pub jobs: Arc<RankedPage>,
    pub facets: Arc<Facets>,
}

impl Jobs {
    pub async fn search(
        &self,
        filters: JobFilters,
        sort: JobSort,
        page: &PageRequest<JobCursor>,
    ) -> Result<BoardPage, MarketError> {
        filters.validate(sort)?;
        if page.after.as_ref().is_some_and(|c| c.sort() != sort) {
            return Err(ValidationError::single("cursor", "belongs to another sort order").into());
        }
        let skill_ids = self.skill_ids(&filters.skills).await?;
        // Concurrent requests for the same page or filters wait for one
        // computation rather than each running it.
        let key = format!("{filters:?}|{sort}|{}|{:?}", page.limit, page.after);
        let query = async {
            let found = job_search::search(&self.db, &filters, &skill_ids, sort, page, Utc::now()).await?;
            Ok::<_, MarketError>(Arc::new(found))
        };
        let pages = if filters.terms.is_empty() { &self.pages } else { &self.text_pages };
        let jobs = pages.try_get_with(key, query).await.map_err(shared_error)?;
        let count = async {
            let (categories, payment_types) = job_search::facets(&self.db, &filters, &skill_ids, Utc::now()).await?;
            Ok::<_, MarketError>(Arc::new(Facets { categories, payment_types }))
        };
        let facets = self.facets.try_get_with(filters.clone(), count).await.map_err(shared_error)?;
        Ok(BoardPage { jobs, facets })
    }

    async fn skill_ids(&self, slugs: &[String]) -> Result<Vec<SkillId>, MarketError> {
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        Ok(store::skills::find_by_slugs(&self.db, slugs).await?.into_iter().map(|s| s.id).collect())
    }
}

/// A failure while filling a cache entry is shared by everyone who waited on
/// it; each of them reports it as an internal error.
fn shared_error(err: Arc<MarketError>) -> MarketError {
    MarketError::Internal(crate::Internal(err.to_string()))
}
