//! What a user holds with the marketplace, from the ledger.

use domain::{Money, UserId};
use store::Db;

use crate::Internal;

/// Money a user may withdraw, and earnings still under review, per currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance {
    pub available: Vec<Money>,
    pub pending: Vec<Money>,
}

#[derive(Clone)]
pub struct Balances {
    db: Db,
}

impl Balances {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn of(&self, user: UserId) -> Result<Balance, Internal> {
        let (available, pending) = store::ledger::user_balances(&self.db, user).await?;
        Ok(Balance { available, pending })
    }
}
