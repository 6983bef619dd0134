//! Browsing the skills taxonomy.

use domain::pagination::{Page, PageRequest};
use store::Db;
use store::skills::{self, CategoryRecord, SkillRecord};

use crate::Internal;

#[derive(Clone)]
pub struct Skills {
    db: Db,
}

impl Skills {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn list(
        &self,
        query: Option<&str>,
        category: Option<&str>,
        page: &PageRequest<String>,
    ) -> Result<Page<SkillRecord>, Internal> {
        Ok(skills::list(&self.db, query, category, page).await?)
    }

    /// The categories jobs are filed under.
    pub async fn categories(&self) -> Result<Vec<CategoryRecord>, Internal> {
        Ok(skills::categories(&self.db).await?)
    }
}
