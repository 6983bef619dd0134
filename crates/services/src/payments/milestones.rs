//! Milestones of fixed-price contracts: added, edited and removed while
//! unfunded; funded by the client; submitted by the freelancer with a
//! message and files; sent back for changes or approved and released by the
//! client; released on their own when the client does not answer in time;
//! refunded by the freelancer.

use chrono::{DateTime, Duration, Utc};
use domain::contract::{ContractStatus, MilestoneEventKind, MilestoneStatus, PaymentAction, WorkNote};
use domain::invoice::{InvoiceKind, InvoiceLine, InvoiceParty};
use domain::job::{BUDGET_CENTS, PaymentType};
use domain::notification::NotificationKind;
use domain::proposal::MilestoneDraft;
use domain::{ContractId, FieldErrors, MilestoneId, UserId, ValidationError, validation};
use serde_json::json;
use store::attachments::{self, Subject};
use store::contracts::{ContractRecord, MilestoneRecord};
use store::invoices::Billed;
use store::ledger;
use store::milestone_moves::{self, MilestoneMove};
use store::milestones::{self, MilestoneEvent};
use store::payables::{self, Payable};
use store::settings::Stored;
use store::{ConnectionTrait, files};

use super::books::Books;
use super::invoices::{Bill, draft, ready_notices};
use super::{Payments, changed, own_milestone, party_contract, reload_milestone};
use crate::jobs::MarketError;
use crate::settings;

/// The two steps of reviewing work: a hand-in and a request for changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReviewStep {
    Submit,
    RequestChanges,
}

/// Most milestones released by one sweep of the worker; the next sweep takes the rest.
const RELEASE_BATCH: u64 = 100;

impl Payments {
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
        let added = reload_milestone(&txn, contract_id, id).await?;
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
        let updated = reload_milestone(&txn, contract_id, milestone_id).await?;
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

    /// Moves a milestone's money: the client funds it into escrow (charged
    /// through the provider with `payment_source`) or releases it to the
    /// freelancer; the freelancer refunds it to the client.
    ///
    /// A funding or refund calls the provider, so it holds the milestone's
    /// lock from reading it until the money is booked: a second request on
    /// the milestone waits and then finds it moved, and the provider is
    /// never asked twice. A release asks nobody outside: it is decided from
    /// the milestone as read and written in one go only if the milestone is
    /// still as it was read.
    pub async fn pay(
        &self,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
        action: PaymentAction,
        payment_source: Option<String>,
    ) -> Result<MilestoneRecord, MarketError> {
        let now = Utc::now();
        if action == PaymentAction::Release {
            let payable = payable(&self.db, user, contract_id, milestone_id, action, false).await?;
            let books = self.books(&payable.settings, now)?;
            let release = release(&books, &payable, Some(user))?;
            milestone_moves::write_alone(&self.db, &release).await?.ok_or_else(changed)?;
            return Ok(MilestoneRecord { status: release.to, ..payable.milestone });
        }
        let txn = store::begin_write(&self.db).await?;
        let payable = payable(&txn, user, contract_id, milestone_id, action, true).await?;
        let books = self.books(&payable.settings, now)?;
        let status = if action == PaymentAction::Fund {
            let funding = fund(&books, &payable.contract, &payable.milestone, payment_source).await?;
            milestone_moves::write(&txn, &funding).await?.ok_or_else(changed)?;
            funding.to
        } else {
            refund(&txn, &books, &payable, Some(user)).await?
        };
        txn.commit().await?;
        // A payment changes the milestone's status and nothing else of it.
        Ok(MilestoneRecord { status, ..payable.milestone })
    }

    /// The books of a payment under the `stored` settings, read with what it moves.
    fn books(&self, stored: &Stored, now: DateTime<Utc>) -> Result<Books<'_>, MarketError> {
        Ok(Books {
            provider: self.provider.as_ref(),
            notifier: &self.notifier,
            settings: settings::in_force(stored)?,
            now,
        })
    }

    /// An admin gives a funded (or submitted, or changes-requested)
    /// milestone's escrow back to the client, the way a freelancer's refund
    /// does: under the milestone's lock, with the provider's refund booked,
    /// and the decision in the audit log of the same transaction. A disputed
    /// milestone is decided through its dispute instead.
    pub async fn refund_by_admin(
        &self,
        admin: UserId,
        milestone_id: MilestoneId,
        reason: &str,
    ) -> Result<MilestoneRecord, MarketError> {
        let reason = domain::moderation::reason(reason)?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let found = milestones::find(&txn, milestone_id).await?.ok_or(MarketError::NotFound("milestone"))?;
        let contract_id = found.contract_id;
        let payable =
            payables::find(&txn, contract_id, milestone_id, true).await?.ok_or(MarketError::NotFound("milestone"))?;
        let (contract, milestone) = (&payable.contract, &payable.milestone);
        if milestone.status == MilestoneStatus::Disputed {
            return Err(MarketError::conflict(
                "milestone_disputed",
                "the milestone's escrow is frozen by a dispute; decide the dispute instead",
            ));
        }
        let books = self.books(&payable.settings, now)?;
        refund(&txn, &books, &payable, Some(admin)).await?;
        let details =
            json!({"contract_id": contract.id, "amount": milestone.amount, "status_before": milestone.status});
        let action = crate::admin::Action {
            admin,
            action: "payment.refund",
            subject_kind: "milestone",
            subject_id: Some(milestone_id.into_uuid()),
            reason: &reason,
            details,
        };
        crate::admin::audit(&txn, action, now).await?;
        // The client hears of the money from the refund itself; the freelancer hears why.
        let mut told = payload(contract, milestone);
        told["reason"] = json!(reason);
        self.notifier.notify(&txn, contract.freelancer_id, NotificationKind::AdminRefund, told, now).await?;
        let updated = reload_milestone(&txn, contract_id, milestone_id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// The freelancer hands in a funded milestone's work for review. The
    /// client has the auto-release period to answer before it is paid.
    pub async fn submit_work(
        &self,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
        note: WorkNote,
    ) -> Result<MilestoneRecord, MarketError> {
        self.review_step(ReviewStep::Submit, user, contract_id, milestone_id, note).await
    }

    /// The client sends submitted work back with what should change; the
    /// money stays in escrow and the auto-release clock stops.
    pub async fn request_changes(
        &self,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
        note: WorkNote,
    ) -> Result<MilestoneRecord, MarketError> {
        self.review_step(ReviewStep::RequestChanges, user, contract_id, milestone_id, note).await
    }

    async fn review_step(
        &self,
        step: ReviewStep,
        user: UserId,
        contract_id: ContractId,
        milestone_id: MilestoneId,
        note: WorkNote,
    ) -> Result<MilestoneRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = party_contract(&txn, user, contract_id).await?;
        let (actor, other) = match step {
            ReviewStep::Submit => (contract.freelancer_id, contract.client_id),
            ReviewStep::RequestChanges => (contract.client_id, contract.freelancer_id),
        };
        if user != actor {
            return Err(match step {
                ReviewStep::Submit => MarketError::forbidden("freelancer_only", "only the freelancer can submit work"),
                ReviewStep::RequestChanges => {
                    MarketError::forbidden("client_only", "only the client can request changes")
                }
            });
        }
        note.validate()?;
        let owned = files::find_owned(&txn, user, &note.file_ids).await?;
        let own_attachments =
            note.file_ids.iter().all(|id| owned.iter().any(|f| f.id == *id && f.purpose == "attachment"));
        if step == ReviewStep::RequestChanges && !note.file_ids.is_empty() {
            return Err(ValidationError::single("file_ids", "only a hand-in carries files").into());
        }
        if !own_attachments {
            return Err(ValidationError::single("file_ids", "must be attachments you uploaded").into());
        }
        let milestone = own_milestone(&txn, contract_id, milestone_id).await?;
        let (next, kind, told) = match step {
            ReviewStep::Submit => {
                (milestone.status.submit()?, MilestoneEventKind::Submitted, NotificationKind::MilestoneSubmitted)
            }
            ReviewStep::RequestChanges => (
                milestone.status.request_changes()?,
                MilestoneEventKind::ChangesRequested,
                NotificationKind::ChangesRequested,
            ),
        };
        if !milestones::transition(&txn, milestone_id, milestone.status, next, now).await? {
            return Err(changed());
        }
        let event = milestones::add_event(&txn, milestone_id, Some(user), kind, note.message.trim(), now).await?;
        attachments::replace(&txn, Subject::Submission(event), &note.file_ids).await?;
        self.notifier.notify(&txn, other, told, payload(&contract, &milestone), now).await?;
        let updated = reload_milestone(&txn, contract_id, milestone_id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// The history of a contract's milestones, for its parties and admins.
    pub async fn milestone_history(&self, contract: &ContractRecord) -> Result<Vec<MilestoneEvent>, MarketError> {
        let ids: Vec<MilestoneId> = contract.milestones.iter().map(|m| m.id).collect();
        Ok(milestones::events(&self.db, &ids).await?)
    }

    /// Releases submitted work the client left unanswered for the
    /// auto-release period; returns how many were released. Each runs in its
    /// own transaction under the milestone's lock, so a client approving at
    /// the same moment, or another worker, releases it once.
    pub async fn release_unanswered(&self, now: DateTime<Utc>) -> Result<usize, MarketError> {
        let days = settings::current(&self.db).await?.auto_release_days;
        let due = milestones::unanswered(&self.db, now - Duration::days(i64::from(days)), RELEASE_BATCH).await?;
        let mut released = 0;
        for owned in due {
            // Under the milestone's lock, checked again: the client may have
            // approved it, or asked for changes that were handed in since.
            let txn = store::begin_write(&self.db).await?;
            let payable = payables::find(&txn, owned.contract_id, owned.milestone.id, true)
                .await?
                .ok_or(MarketError::NotFound("milestone"))?;
            let still_due = payable.milestone.status == MilestoneStatus::Submitted
                && payable.milestone.submitted_at.is_some_and(|at| at <= now - Duration::days(i64::from(days)));
            if !still_due {
                continue;
            }
            let books = self.books(&payable.settings, now)?;
            let release = release(&books, &payable, None)?;
            milestone_moves::write(&txn, &release).await?.ok_or_else(changed)?;
            txn.commit().await?;
            released += 1;
        }
        Ok(released)
    }
}

/// Finds the milestone a payment is asked on, with what deciding the
/// payment needs, and checks that `user` may make it: the client funds and
/// releases, the freelancer refunds; a disputed milestone's escrow moves
/// only through its dispute. With `lock`, the milestone stays locked until
/// the transaction ends.
async fn payable(
    db: &impl ConnectionTrait,
    user: UserId,
    contract_id: ContractId,
    milestone_id: MilestoneId,
    action: PaymentAction,
    lock: bool,
) -> Result<Payable, MarketError> {
    let Some(payable) = payables::find(db, contract_id, milestone_id, lock).await? else {
        // No such milestone on the contract; what the caller is told depends on who they are.
        let contract = store::contracts::find_head(db, contract_id).await?;
        let contract = contract.filter(|c| c.is_party(user)).ok_or(MarketError::NotFound("contract"))?;
        may_pay(&contract, user, action)?;
        return Err(MarketError::NotFound("milestone"));
    };
    if !payable.contract.is_party(user) {
        return Err(MarketError::NotFound("contract"));
    }
    may_pay(&payable.contract, user, action)?;
    if payable.milestone.status == MilestoneStatus::Disputed {
        return Err(MarketError::conflict("milestone_disputed", "the milestone's escrow is frozen by a dispute"));
    }
    Ok(payable)
}

/// Whether `user` may make a payment of this kind on the contract.
fn may_pay(contract: &ContractRecord, user: UserId, action: PaymentAction) -> Result<(), MarketError> {
    let allowed = match action {
        PaymentAction::Fund | PaymentAction::Release => user == contract.client_id,
        PaymentAction::Refund => user == contract.freelancer_id,
    };
    if allowed {
        return Ok(());
    }
    let who = if action == PaymentAction::Refund { "freelancer" } else { "client" };
    Err(MarketError::forbidden(
        if who == "client" { "client_only" } else { "freelancer_only" },
        format!("only the {who} can {action} a milestone"),
    ))
}

/// Charges the client and decides how the money goes into escrow.
async fn fund(
    books: &Books<'_>,
    contract: &ContractRecord,
    milestone: &MilestoneRecord,
    source: Option<String>,
) -> Result<MilestoneMove, MarketError> {
    if contract.status != ContractStatus::Active {
        return Err(MarketError::conflict("contract_not_active", "only an active contract takes funding"));
    }
    let next = milestone.status.fund()?;
    // Another card after a decline is another attempt; the same card again is a retry.
    let key = match &source {
        Some(source) => format!("fund-{}-{source}", milestone.id),
        None => format!("fund-{}", milestone.id),
    };
    let charge = books.take_charge(contract, milestone.amount, key, source).await?;
    Ok(MilestoneMove {
        milestone: milestone.id,
        from: milestone.status,
        to: next,
        at: books.now,
        transaction: charge.transaction,
        subject: ledger::Subject {
            contract: Some(contract.id),
            milestone: Some(milestone.id),
            user: Some(contract.client_id),
        },
        receipt: Some(charge.receipt),
        event: None,
        notifications: vec![(
            contract.freelancer_id,
            NotificationKind::MilestoneFunded.as_str(),
            payload(contract, milestone),
        )],
        notifications_delivered: books.notifier.stores_delivered(),
        invoice: None,
    })
}

/// Decides how the milestone is paid out of escrow to the freelancer, and
/// its invoice. `by` is the approving client, or nobody for an automatic release.
fn release(books: &Books<'_>, payable: &Payable, by: Option<UserId>) -> Result<MilestoneMove, MarketError> {
    let Payable { contract, milestone, charge, .. } = payable;
    let next = milestone.status.release()?;
    let (transaction, freelancer_fee) = books.payout(contract, milestone.amount, false)?;
    let mut line = InvoiceLine::priced(milestone.title.clone(), milestone.amount, books.settings.fees())
        .map_err(|e| super::invalid(e.into()))?;
    line.freelancer_fee = freelancer_fee;
    if let Some(charged) = charge {
        line.client_fee = charged.amount.checked_sub(milestone.amount).map_err(|e| super::invalid(e.into()))?;
    }
    let billed = Billed::Milestone(milestone.id);
    let bill = Bill { kind: InvoiceKind::Milestone, billed, period: None, lines: vec![line] };
    let parties = [
        InvoiceParty { id: contract.client_id, name: payable.client_name.clone() },
        InvoiceParty { id: contract.freelancer_id, name: payable.freelancer_name.clone() },
    ];
    let invoice = draft(contract, parties, bill, books.now)?;
    let released = (contract.freelancer_id, NotificationKind::MilestoneReleased, payload(contract, milestone));
    let notifications = std::iter::once(released)
        .chain(ready_notices(&invoice))
        .map(|(user, kind, payload)| (user, kind.as_str(), payload))
        .collect();
    let kind = if by.is_some() { MilestoneEventKind::Released } else { MilestoneEventKind::AutoReleased };
    Ok(MilestoneMove {
        milestone: milestone.id,
        from: milestone.status,
        to: next,
        at: books.now,
        transaction,
        subject: ledger::Subject { contract: Some(contract.id), milestone: Some(milestone.id), user: None },
        receipt: None,
        event: Some((by, kind)),
        notifications,
        notifications_delivered: books.notifier.stores_delivered(),
        invoice: Some((invoice, billed)),
    })
}

/// Gives a funded milestone's money back to the client.
pub(super) async fn refund(
    db: &impl ConnectionTrait,
    books: &Books<'_>,
    payable: &Payable,
    by: Option<UserId>,
) -> Result<MilestoneStatus, MarketError> {
    let Payable { contract, milestone, charge, .. } = payable;
    let next = milestone.status.refund()?;
    if !milestones::transition(db, milestone.id, milestone.status, next, books.now).await? {
        return Err(changed());
    }
    books.refund_milestone(db, contract, milestone.id, milestone.amount, charge.as_ref()).await?;
    milestones::add_event(db, milestone.id, by, MilestoneEventKind::Refunded, "", books.now).await?;
    books
        .notifier
        .notify(db, contract.client_id, NotificationKind::MilestoneRefunded, payload(contract, milestone), books.now)
        .await?;
    Ok(next)
}

fn payload(contract: &ContractRecord, milestone: &MilestoneRecord) -> serde_json::Value {
    json!({ "contract_id": contract.id, "milestone_id": milestone.id, "title": milestone.title, "amount": milestone.amount })
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
