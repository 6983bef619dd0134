//! Clients looking for freelancers.

use domain::ValidationError;
use domain::freelancer_search::{FreelancerCursor, FreelancerFilters, FreelancerSort};
use domain::pagination::{Page, PageRequest};
use store::Db;
use store::freelancer_search::{self, FreelancerSummary};

use crate::jobs::MarketError;

#[derive(Clone)]
pub struct Freelancers {
    db: Db,
}

impl Freelancers {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn search(
        &self,
        filters: &FreelancerFilters,
        sort: FreelancerSort,
        page: &PageRequest<FreelancerCursor>,
    ) -> Result<Page<FreelancerSummary>, MarketError> {
        filters.validate()?;
        if page.after.as_ref().is_some_and(|c| c.sort() != sort) {
            return Err(ValidationError::single("cursor", "belongs to another sort order").into());
        }
        Ok(freelancer_search::search(&self.db, filters, sort, page).await?)
    }
}
