//! Contracts as their parties see them. Hiring creates them (see `jobs`);
//! what happens to money under them belongs to the payments module.

use domain::pagination::{Page, PageRequest};
use domain::{ContractId, UserId};
use store::Db;
use store::contracts::{self, ContractRecord};
use store::users::UserRecord;

use crate::jobs::MarketError;

#[derive(Clone)]
pub struct Contracts {
    db: Db,
}

impl Contracts {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// A contract, for its two parties and for admins; anyone else gets "not found".
    pub async fn get(&self, viewer: &UserRecord, id: ContractId) -> Result<ContractRecord, MarketError> {
        contracts::find(&self.db, id)
            .await?
            .filter(|c| c.is_party(viewer.id) || viewer.is_admin)
            .ok_or(MarketError::NotFound("contract"))
    }

    /// The caller's contracts, as client or freelancer, newest first.
    pub async fn mine(
        &self,
        user: UserId,
        page: &PageRequest<ContractId>,
    ) -> Result<Page<ContractRecord>, MarketError> {
        Ok(contracts::list_for_party(&self.db, user, page).await?)
    }
}
