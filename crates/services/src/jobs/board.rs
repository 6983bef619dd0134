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

#[derive(Debug, Clone)]
pub struct BoardPage {
    /// Each job with its relevance score when sorted by relevance.
    pub jobs: Page<(JobRecord, Option<f64>)>,
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
        let now = Utc::now();
        let skill_ids = self.skill_ids(&filters.skills).await?;
        let jobs = job_search::search(&self.db, &filters, &skill_ids, sort, page, now).await?;
        let facets = match self.facets.get(&filters) {
            Some(hit) => hit,
            None => {
                let (categories, payment_types) = job_search::facets(&self.db, &filters, &skill_ids, now).await?;
                let facets = Arc::new(Facets { categories, payment_types });
                self.facets.insert(filters, Arc::clone(&facets));
                facets
            }
        };
        Ok(BoardPage { jobs, facets })
    }

    async fn skill_ids(&self, slugs: &[String]) -> Result<Vec<SkillId>, MarketError> {
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        Ok(store::skills::find_by_slugs(&self.db, slugs).await?.into_iter().map(|s| s.id).collect())
    }
}
