//! Ending a contract. Completing it needs no money left in escrow. Cancelling
//! is by agreement: the client asks and the freelancer agrees, or the
//! freelancer cancels at once (they are the one giving money up); every
//! funded milestone that is not disputed is refunded to the client.

use chrono::Utc;
use domain::contract::{ContractEnding as Ending, ContractStatus};
use domain::notification::NotificationKind;
use domain::{ContractId, UserId};
use serde_json::json;
use store::contracts::{self, ContractRecord};
use store::{ConnectionTrait, payables, profiles};

use super::Payments;
use super::books::Books;
use super::milestones::refund;
use crate::jobs::MarketError;
use crate::notifier::Notifier;
use crate::settings;

impl Payments {
    /// Either party completes a contract with nothing left in escrow.
    /// Completion counts towards the freelancer's record and rank.
    pub async fn end_contract(
        &self,
        user: UserId,
        contract_id: ContractId,
        ending: Ending,
    ) -> Result<ContractRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = contracts::find_for_update(&txn, contract_id)
            .await?
            .filter(|c| c.is_party(user))
            .ok_or(MarketError::NotFound("contract"))?;
        match ending {
            Ending::Complete => complete(&txn, &self.notifier, &contract, user, now).await?,
            Ending::Cancel => {
                contract.status.cancel()?;
                if user == contract.freelancer_id {
                    let books = Books {
                        provider: self.provider.as_ref(),
                        notifier: &self.notifier,
                        settings: settings::current(&txn).await?,
                        now,
                    };
                    cancel(&txn, &books, &contract, user).await?;
                } else {
                    contracts::set_cancel_request(&txn, contract.id, Some(user), now).await?;
                    let payload = json!({ "contract_id": contract.id, "title": contract.title });
                    self.notifier
                        .notify(&txn, contract.freelancer_id, NotificationKind::CancellationRequested, payload, now)
                        .await?;
                }
            }
        }
        let ended = contracts::find(&txn, contract_id).await?.ok_or(MarketError::NotFound("contract"))?;
        txn.commit().await?;
        Ok(ended)
    }
}

async fn complete(
    db: &impl ConnectionTrait,
    notifier: &Notifier,
    contract: &ContractRecord,
    user: UserId,
    now: chrono::DateTime<Utc>,
) -> Result<(), MarketError> {
    let next = contract.status.complete()?;
    if contract.milestones.iter().any(|m| m.status.is_funded()) {
        return Err(MarketError::conflict(
            "escrow_outstanding",
            "release or refund every funded milestone before completing the contract",
        ));
    }
    if !contracts::end(db, contract.id, contract.status, next, now).await? {
        return Err(ended_meanwhile());
    }
    profiles::add_completed_job(db, contract.freelancer_id).await?;
    crate::reputation::refresh_rank(db, contract.freelancer_id, now).await?;
    tell_other_party(db, notifier, contract, user, next, now).await
}

async fn cancel(
    db: &impl ConnectionTrait,
    books: &Books<'_>,
    contract: &ContractRecord,
    user: UserId,
) -> Result<(), MarketError> {
    if contract.milestones.iter().any(|m| m.status == domain::contract::MilestoneStatus::Disputed) {
        return Err(MarketError::conflict("milestone_disputed", "a disputed milestone must be decided first"));
    }
    let next = contract.status.cancel()?;
    for milestone in contract.milestones.iter().filter(|m| m.status.is_funded()) {
        let locked =
            payables::find(db, contract.id, milestone.id, true).await?.ok_or(MarketError::NotFound("milestone"))?;
        refund(db, books, &locked, Some(user)).await?;
    }
    if !contracts::end(db, contract.id, contract.status, next, books.now).await? {
        return Err(ended_meanwhile());
    }
    tell_other_party(db, books.notifier, contract, user, next, books.now).await
}

async fn tell_other_party(
    db: &impl ConnectionTrait,
    notifier: &Notifier,
    contract: &ContractRecord,
    user: UserId,
    status: ContractStatus,
    now: chrono::DateTime<Utc>,
) -> Result<(), MarketError> {
    let other = if user == contract.client_id { contract.freelancer_id } else { contract.client_id };
    let payload = json!({ "contract_id": contract.id, "title": contract.title, "status": status });
    notifier.notify(db, other, NotificationKind::ContractEnded, payload, now).await?;
    Ok(())
}

fn ended_meanwhile() -> MarketError {
    MarketError::conflict("contract_changed", "the contract changed meanwhile; reload and try again")
}
