//! The money side of disputes: freezing a milestone's escrow or an hourly
//! week's held pay while a dispute is open, unfreezing it when the opener
//! withdraws, and posting an admin's decision. Each step runs in the
//! caller's transaction on a milestone or week whose row it locked first
//! (the order every money flow locks in), and re-checks the state it found.

use chrono::{DateTime, Utc};
use domain::contract::MilestoneEventKind;
use domain::dispute::{Decision, Disputed};
use domain::hourly::HourlyWeekStatus;
use domain::invoice::{InvoiceKind, InvoiceLine};
use domain::ledger::settlement::{self, Held};
use domain::{Money, UserId};
use store::ConnectionTrait;
use store::contracts::{self, ContractRecord, MilestoneRecord};
use store::disputes::DisputeRecord;
use store::hourly::{self, HourlyWeekRecord};
use store::invoices::Billed;
use store::milestones;
use store::provider::{self, ProviderPayment};

use super::books::Books;
use super::invoices::{Bill, issue};
use super::{Payments, changed, invalid, own_milestone};
use crate::jobs::MarketError;
use crate::settings;

/// The disputed milestone or week, its row locked, as it is now.
#[derive(Debug, Clone)]
pub enum Frozen {
    Milestone(MilestoneRecord),
    Week(HourlyWeekRecord),
}

impl Frozen {
    /// What is held for it: the milestone's escrow or the week's charge.
    pub fn held(&self) -> Money {
        match self {
            Self::Milestone(m) => m.amount,
            Self::Week(w) => w.amount,
        }
    }

    pub fn is_milestone(&self) -> bool {
        matches!(self, Self::Milestone(_))
    }
}

fn already_disputed() -> MarketError {
    MarketError::conflict("dispute_open", "this is disputed already; add to the open dispute instead")
}

impl Payments {
    /// Freezes what `user` disputes, on a contract they are a party of:
    /// a funded milestone goes to disputed, so that nothing releases or
    /// refunds it; a held hourly week still under review goes to disputed,
    /// so that the review sweep does not pay it out. Returns the contract
    /// and the milestone or week as it was before.
    pub(crate) async fn freeze(
        &self,
        db: &impl ConnectionTrait,
        user: UserId,
        subject: Disputed,
        now: DateTime<Utc>,
    ) -> Result<(ContractRecord, Frozen), MarketError> {
        match subject {
            Disputed::Milestone(id) => {
                let owned = milestones::find_for_update(db, id).await?.ok_or(MarketError::NotFound("milestone"))?;
                let contract = contract_of(db, user, owned.contract_id, "milestone").await?;
                let milestone = owned.milestone;
                if milestone.status == domain::contract::MilestoneStatus::Disputed {
                    return Err(already_disputed());
                }
                let next = milestone.status.dispute()?;
                if !milestones::transition(db, milestone.id, milestone.status, next, now).await? {
                    return Err(changed());
                }
                milestones::add_event(db, milestone.id, Some(user), MilestoneEventKind::Disputed, "", now).await?;
                Ok((contract, Frozen::Milestone(milestone)))
            }
            Disputed::HourlyWeek(id) => {
                let week = hourly::find_week_for_update(db, id).await?.ok_or(MarketError::NotFound("hourly week"))?;
                let contract = contract_of(db, user, week.contract_id, "hourly week").await?;
                if week.status == HourlyWeekStatus::Disputed {
                    return Err(already_disputed());
                }
                let next = week.status.dispute()?;
                if week.release_after <= now {
                    return Err(MarketError::conflict(
                        "review_period_over",
                        "the week's review period is over; it can no longer be disputed",
                    ));
                }
                if !hourly::set_week_status(db, week.id, week.status, next, now).await? {
                    return Err(changed());
                }
                Ok((contract, Frozen::Week(week)))
            }
        }
    }

    /// Locks the milestone or week of `dispute` and reads it as it is now.
    pub(crate) async fn lock_disputed(
        &self,
        db: &impl ConnectionTrait,
        dispute: &DisputeRecord,
    ) -> Result<Frozen, MarketError> {
        match dispute.subject {
            Disputed::Milestone(id) => Ok(Frozen::Milestone(own_milestone(db, dispute.contract_id, id).await?)),
            Disputed::HourlyWeek(id) => {
                let week = hourly::find_week_for_update(db, id).await?;
                Ok(Frozen::Week(week.ok_or(MarketError::NotFound("hourly week"))?))
            }
        }
    }

    /// The opener withdrew: the milestone is back where it was (a
    /// submitted one with its review clock started again, since the
    /// dispute took the client's time), the week held until its review
    /// period ends.
    pub(crate) async fn unfreeze(
        &self,
        db: &impl ConnectionTrait,
        dispute: &DisputeRecord,
        frozen: &Frozen,
        now: DateTime<Utc>,
    ) -> Result<(), MarketError> {
        match frozen {
            Frozen::Milestone(milestone) => {
                let before = dispute.milestone_before.ok_or_else(|| crate::Internal("dispute without state".into()))?;
                let next = milestone.status.undispute(before)?;
                if !milestones::transition(db, milestone.id, milestone.status, next, now).await? {
                    return Err(changed());
                }
                let by = Some(dispute.opened_by);
                milestones::add_event(db, milestone.id, by, MilestoneEventKind::DisputeWithdrawn, "", now).await?;
            }
            Frozen::Week(week) => {
                let next = week.status.undispute()?;
                if !hourly::set_week_status(db, week.id, week.status, next, now).await? {
                    return Err(changed());
                }
            }
        }
        Ok(())
    }

    /// Carries out an admin's decision on the frozen milestone or week:
    /// moves its state on and posts the money in this transaction. A
    /// release or split of a milestone issues its invoice for the
    /// freelancer's part.
    pub(crate) async fn settle(
        &self,
        db: &impl ConnectionTrait,
        dispute: &DisputeRecord,
        frozen: &Frozen,
        decision: Decision,
        admin: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), MarketError> {
        let contract = &contracts::find(db, dispute.contract_id).await?.ok_or(MarketError::NotFound("contract"))?;
        let books = Books {
            provider: self.provider.as_ref(),
            notifier: &self.notifier,
            settings: settings::current(db).await?,
            now,
        };
        let key = format!("dispute-{}", dispute.id);
        match frozen {
            Frozen::Milestone(milestone) => {
                let next = milestone.status.settle(decision.outcome())?;
                if !milestones::transition(db, milestone.id, milestone.status, next, now).await? {
                    return Err(changed());
                }
                let note = dispute_note(decision);
                milestones::add_event(db, milestone.id, Some(admin), MilestoneEventKind::DisputeResolved, &note, now)
                    .await?;
                if let Decision::Rework { due_date } = decision {
                    milestones::set_due_date(db, milestone.id, due_date, now).await?;
                    return Ok(());
                }
                let charge = provider::charge_for_milestone(db, milestone.id).await?;
                let client_fee = fee_charged(charge.as_ref(), milestone.amount, books.settings.client_fee_bps)?;
                let held = Held::Escrow { contract: contract.id, amount: milestone.amount, client_fee };
                let (to_client, to_freelancer) = decision.parts(milestone.amount);
                let settled =
                    settlement::settle(held, contract.freelancer_id, to_client, to_freelancer, books.settings.fees())
                        .map_err(invalid)?;
                let reference = charge.map(|c| c.reference).unwrap_or_default();
                books.settle(db, contract, Some(milestone.id), &settled, reference, key).await?;
                if to_freelancer.is_positive() {
                    let line = InvoiceLine {
                        description: milestone.title.clone(),
                        minutes: None,
                        hourly_rate: None,
                        amount: to_freelancer,
                        client_fee: settled.client_fee,
                        freelancer_fee: settled.freelancer_fee,
                    };
                    let billed = Billed::Milestone(milestone.id);
                    let bill = Bill { kind: InvoiceKind::Milestone, billed, period: None, lines: vec![line] };
                    issue(db, books.notifier, contract, bill, now).await?;
                }
            }
            Frozen::Week(week) => {
                let next = week.status.settle(decision.outcome())?;
                if !hourly::set_week_status(db, week.id, week.status, next, now).await? {
                    return Err(changed());
                }
                let charge = provider::charge_for_week(db, week.id).await?;
                let client_fee = fee_charged(charge.as_ref(), week.amount, books.settings.client_fee_bps)?;
                let freelancer_fee = week.amount.checked_sub(week.freelancer_net).map_err(|e| invalid(e.into()))?;
                let held = Held::Pending { amount: week.amount, client_fee, freelancer_fee };
                let (to_client, to_freelancer) = decision.parts(week.amount);
                let settled =
                    settlement::settle(held, contract.freelancer_id, to_client, to_freelancer, books.settings.fees())
                        .map_err(invalid)?;
                let reference = charge.map(|c| c.reference).unwrap_or_default();
                books.settle(db, contract, None, &settled, reference, key).await?;
            }
        }
        Ok(())
    }
}

/// The contract of something `user` disputes; "not found" as `what` when
/// they are not one of its parties.
async fn contract_of(
    db: &impl ConnectionTrait,
    user: UserId,
    id: domain::ContractId,
    what: &'static str,
) -> Result<ContractRecord, MarketError> {
    contracts::find(db, id).await?.filter(|c| c.is_party(user)).ok_or(MarketError::NotFound(what))
}

/// What the client paid on top of `amount`: the recorded charge less the
/// amount, or the current rate when the charge predates its record.
fn fee_charged(charge: Option<&ProviderPayment>, amount: Money, client_bps: u32) -> Result<Money, MarketError> {
    let fee = match charge {
        Some(charge) => charge.amount.checked_sub(amount),
        None => amount.percentage(client_bps),
    };
    fee.map_err(|e| invalid(e.into()))
}

/// The parts of a decision as the milestone's history shows them.
fn dispute_note(decision: Decision) -> String {
    match decision {
        Decision::Refund => "the escrow went back to the client".to_owned(),
        Decision::Release => "the escrow was released to the freelancer".to_owned(),
        Decision::Split { to_client, to_freelancer } => {
            format!("{to_client} to the client, {to_freelancer} to the freelancer")
        }
        Decision::Rework { due_date } => format!("back to funded for rework, due {due_date}"),
    }
}
