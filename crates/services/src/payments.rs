//! Money on contracts: milestones are added while unfunded, funded into
//! escrow by the client and released to the freelancer. Every movement is
//! posted to the ledger in the same database transaction as the state change
//! it pays for, after the milestone's row is locked and its state re-checked,
//! so a double click moves money once.
//!
//! The sandbox provider is the default: a charge succeeds at once and only
//! the ledger records it.

use chrono::Utc;
use domain::contract::{ContractStatus, PaymentAction};
use domain::job::{BUDGET_CENTS, PaymentType};
use domain::ledger::LedgerError;
use domain::ledger::rules::{self, Fees};
use domain::notification::NotificationKind;
use domain::proposal::MilestoneDraft;
use domain::{ContractId, FieldErrors, MilestoneId, UserId, ValidationError, validation};
use serde_json::json;
use store::contracts::{self, ContractRecord, MilestoneRecord};
use store::ledger::{self, Subject};
use store::{Db, milestones};

use crate::jobs::MarketError;
use crate::notifications::notify;

#[derive(Clone)]
pub struct Payments {
    db: Db,
    fees: Fees,
}

impl Payments {
    pub fn new(db: Db) -> Self {
        Self { db, fees: Fees::default() }
    }

    /// Either party adds a milestone to an active fixed-price contract; it
    /// waits, unfunded, for the client.
    pub async fn add_milestone(
        &self,
        user: UserId,
        contract_id: ContractId,
        draft: MilestoneDraft,
    ) -> Result<MilestoneRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = party_contract(&txn, user, contract_id).await?;
        if contract.payment_type != PaymentType::Fixed || contract.status != ContractStatus::Active {
            return Err(MarketError::conflict(
                "contract_not_fixed_active",
                "milestones belong to active fixed-price contracts",
            ));
        }
        check_draft(&contract, &draft, now.date_naive())?;
        let id = milestones::insert(&txn, contract_id, draft.title.trim(), draft.amount, draft.due_date, now).await?;
        let added =
            contracts::find(&txn, contract_id).await?.and_then(|c| c.milestones.into_iter().find(|m| m.id == id));
        let added = added.ok_or(MarketError::NotFound("milestone"))?;
        txn.commit().await?;
        Ok(added)
    }

    /// Either party rewrites a milestone that is not funded yet.
    pub async fn edit_milestone(
        &self,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
        draft: MilestoneDraft,
    ) -> Result<MilestoneRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = party_contract(&txn, user, contract_id).await?;
        let milestone = own_milestone(&txn, contract_id, milestone_id).await?;
        milestone.status.edit()?;
        check_draft(&contract, &draft, now.date_naive())?;
        if !milestones::update_proposed(&txn, milestone_id, draft.title.trim(), draft.amount, draft.due_date, now)
            .await?
        {
            return Err(changed());
        }
        let updated = contracts::find(&txn, contract_id)
            .await?
            .and_then(|c| c.milestones.into_iter().find(|m| m.id == milestone_id));
        let updated = updated.ok_or(MarketError::NotFound("milestone"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Either party removes a milestone that is not funded yet.
    pub async fn delete_milestone(
        &self,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
    ) -> Result<(), MarketError> {
        let txn = store::begin_write(&self.db).await?;
        party_contract(&txn, user, contract_id).await?;
        let milestone = own_milestone(&txn, contract_id, milestone_id).await?;
        milestone.status.edit()?;
        if !milestones::delete_proposed(&txn, milestone_id).await? {
            return Err(changed());
        }
        txn.commit().await?;
        Ok(())
    }

    /// The client funds a milestone into escrow, or releases it to the freelancer.
    pub async fn pay(
        &self,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
        action: PaymentAction,
    ) -> Result<MilestoneRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = party_contract(&txn, user, contract_id).await?;
        if user != contract.client_id {
            return Err(MarketError::forbidden("client_only", format!("only the client can {action} a milestone")));
        }
        let milestone = own_milestone(&txn, contract_id, milestone_id).await?;
        let subject = Subject { contract: Some(contract_id), milestone: Some(milestone_id) };
        let (next, transaction, kind) = match action {
            PaymentAction::Fund => {
                if contract.status != ContractStatus::Active {
                    return Err(MarketError::conflict("contract_not_active", "only an active contract takes funding"));
                }
                let next = milestone.status.fund()?;
                // The sandbox charge succeeds at once; a real provider is charged here.
                let (transaction, _charge) = rules::fund(contract_id, milestone.amount, self.fees).map_err(invalid)?;
                (next, transaction, NotificationKind::MilestoneFunded)
            }
            PaymentAction::Release => {
                let next = milestone.status.release()?;
                let transaction =
                    rules::release(contract_id, contract.freelancer_id, milestone.amount, self.fees, false)
                        .map_err(invalid)?;
                (next, transaction, NotificationKind::MilestoneReleased)
            }
        };
        if !milestones::transition(&txn, milestone_id, milestone.status, next, now).await? {
            return Err(MarketError::conflict(
                "milestone_changed",
                "the milestone changed meanwhile; reload and try again",
            ));
        }
        ledger::record(&txn, &transaction, subject, now).await?;
        let payload = json!({ "contract_id": contract_id, "milestone_id": milestone_id, "title": milestone.title, "amount": milestone.amount });
        notify(&txn, contract.freelancer_id, kind, payload, now).await?;
        let updated = contracts::find(&txn, contract_id)
            .await?
            .and_then(|c| c.milestones.into_iter().find(|m| m.id == milestone_id));
        let updated = updated.ok_or(MarketError::NotFound("milestone"))?;
        txn.commit().await?;
        Ok(updated)
    }
}

/// The contract, if `user` is one of its parties; "not found" for anyone else.
async fn party_contract(
    db: &impl store::ConnectionTrait,
    user: UserId,
    id: ContractId,
) -> Result<ContractRecord, MarketError> {
    contracts::find(db, id).await?.filter(|c| c.is_party(user)).ok_or(MarketError::NotFound("contract"))
}

/// A milestone of the contract, its row locked.
async fn own_milestone(
    db: &impl store::ConnectionTrait,
    contract_id: ContractId,
    milestone_id: MilestoneId,
) -> Result<MilestoneRecord, MarketError> {
    let found = milestones::find_for_update(db, milestone_id).await?.filter(|m| m.contract_id == contract_id);
    Ok(found.ok_or(MarketError::NotFound("milestone"))?.milestone)
}

/// A milestone's title, amount and due date, checked against its contract.
fn check_draft(contract: &ContractRecord, draft: &MilestoneDraft, today: chrono::NaiveDate) -> Result<(), MarketError> {
    let mut errors = FieldErrors::new();
    validation::text(&mut errors, "title", &draft.title, 1, 100);
    let currency = contract.amount.map(|a| a.currency);
    errors.ensure(Some(draft.amount.currency) == currency, "amount", "must be in the contract's currency");
    errors.ensure(
        (BUDGET_CENTS.0..=BUDGET_CENTS.1).contains(&draft.amount.amount),
        "amount",
        "must be between 5.00 and 10,000,000.00",
    );
    if let Some(due) = draft.due_date {
        errors.ensure(due > today, "due_date", "must be after today");
    }
    Ok(errors.finish()?)
}

fn changed() -> MarketError {
    MarketError::conflict("milestone_changed", "the milestone changed meanwhile; reload and try again")
}

fn invalid(err: LedgerError) -> MarketError {
    ValidationError::single("amount", err.to_string()).into()
}
