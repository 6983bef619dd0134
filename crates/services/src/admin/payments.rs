//! Money as admins see it: the books' transactions with their postings,
//! every withdrawal, and refunding a milestone's escrow to the client.

use domain::pagination::{Page, PageRequest};
use domain::withdrawal::WithdrawalStatus;
use domain::{MilestoneId, UserId, WithdrawalId};
use store::contracts::MilestoneRecord;
use store::ledger_history::{self, LedgerTransaction, TransactionFilter};
use store::withdrawals::{self, WithdrawalRecord};
use uuid::Uuid;

use super::Admin;
use crate::jobs::MarketError;

impl Admin {
    /// Ledger transactions, newest first, each with its postings.
    pub async fn ledger_transactions(
        &self,
        filter: &TransactionFilter,
        page: &PageRequest<Uuid>,
    ) -> Result<Page<LedgerTransaction>, MarketError> {
        Ok(ledger_history::transactions(&self.db, filter, page).await?)
    }

    /// Every user's withdrawals, newest first.
    pub async fn payouts(
        &self,
        status: Option<WithdrawalStatus>,
        page: &PageRequest<WithdrawalId>,
    ) -> Result<Page<WithdrawalRecord>, MarketError> {
        Ok(withdrawals::all(&self.db, status, page).await?)
    }

    /// Gives a milestone's escrow back to the client (see
    /// [`crate::Payments::refund_by_admin`]).
    pub async fn refund_milestone(
        &self,
        admin: UserId,
        milestone: MilestoneId,
        reason: &str,
    ) -> Result<MilestoneRecord, MarketError> {
        self.payments.refund_by_admin(admin, milestone, reason).await
    }
}
