//! The movements every money flow shares: charge the client into a
//! contract's escrow, release escrow to the freelancer, refund it to the
//! client, settle a dispute. Each posts its ledger transactions and, where
//! the provider moved money, books the provider's receipt against them.

use chrono::{DateTime, Utc};
use domain::ledger::settlement::Settlement;
use domain::ledger::{Transaction, rules};
use domain::settings::PlatformSettings;
use domain::{MilestoneId, Money};
use store::ConnectionTrait;
use store::contracts::ContractRecord;
use store::ledger::{self, Subject};
use store::milestone_moves::Receipt;
use store::provider::{self, PaymentKind, ProviderPayment};

use super::invalid;
use crate::jobs::MarketError;
use crate::notifier::Notifier;
use crate::ports::{self, PaymentProvider, Refund};

/// What a charge took: the client fee on top of the amount, and the ledger
/// transaction that booked it (a later refund finds the provider's charge by it).
pub(super) struct Charged {
    pub client_fee: Money,
    pub transaction: uuid::Uuid,
}

/// What every movement in one request shares.
pub(super) struct Books<'a> {
    pub provider: &'a dyn PaymentProvider,
    pub notifier: &'a Notifier,
    pub settings: PlatformSettings,
    pub now: DateTime<Utc>,
}

/// A charge the provider made, not booked yet: the ledger transaction that
/// will book it and the provider's receipt.
pub(super) struct Charge {
    pub transaction: Transaction,
    pub receipt: Receipt,
    pub client_fee: Money,
}

impl Books<'_> {
    /// Charges the client `amount` plus the client fee through the provider,
    /// for escrow; the caller books it. `key` names what is paid for, so the
    /// provider charges it once however often this is retried.
    pub async fn take_charge(
        &self,
        contract: &ContractRecord,
        amount: Money,
        key: String,
        source: Option<String>,
    ) -> Result<Charge, MarketError> {
        let (transaction, charge) = rules::fund(contract.id, amount, self.settings.fees()).map_err(invalid)?;
        let description = format!("Downwork escrow: {}", contract.title);
        let receipt = self.provider.charge(ports::Charge { key, amount: charge, source, description }).await?;
        let client_fee = charge.checked_sub(amount).map_err(|e| invalid(e.into()))?;
        let receipt = Receipt {
            kind: PaymentKind::Charge,
            provider: self.provider.name().to_owned(),
            reference: receipt.reference,
            amount: charge,
        };
        Ok(Charge { transaction, receipt, client_fee })
    }

    /// Charges the client `amount` plus the client fee and puts `amount` in
    /// escrow; returns the fee charged and its booking.
    pub async fn charge(
        &self,
        db: &impl ConnectionTrait,
        contract: &ContractRecord,
        milestone: Option<MilestoneId>,
        amount: Money,
        key: String,
        source: Option<String>,
    ) -> Result<Charged, MarketError> {
        let Charge { transaction, receipt, client_fee } = self.take_charge(contract, amount, key, source).await?;
        let subject = Subject { contract: Some(contract.id), milestone, user: Some(contract.client_id) };
        let booked = ledger::record(db, &transaction, subject, self.now).await?;
        let Receipt { kind, provider, reference, amount } = receipt;
        provider::record_payment(db, kind, &provider, &reference, amount, booked, self.now).await?;
        Ok(Charged { client_fee, transaction: booked })
    }

    /// The ledger transaction paying `amount` out of escrow to the
    /// freelancer, less the service fee, into their pending balance when
    /// `pending` (a review period) or straight to available; and the fee taken.
    pub fn payout(
        &self,
        contract: &ContractRecord,
        amount: Money,
        pending: bool,
    ) -> Result<(Transaction, Money), MarketError> {
        let fees = self.settings.fees();
        let transaction =
            rules::release(contract.id, contract.freelancer_id, amount, fees, pending).map_err(invalid)?;
        let fee = amount.percentage(fees.freelancer_bps).map_err(|e| invalid(e.into()))?;
        Ok((transaction, fee))
    }

    /// Pays `amount` out of escrow to the freelancer (see [`Books::payout`]);
    /// returns the fee taken.
    pub async fn release(
        &self,
        db: &impl ConnectionTrait,
        contract: &ContractRecord,
        milestone: Option<MilestoneId>,
        amount: Money,
        pending: bool,
    ) -> Result<Money, MarketError> {
        let (transaction, fee) = self.payout(contract, amount, pending)?;
        let subject = Subject { contract: Some(contract.id), milestone, user: None };
        ledger::record(db, &transaction, subject, self.now).await?;
        Ok(fee)
    }

    /// Gives a funded milestone's escrow back to the client through the
    /// provider, and with it the client fee taken when it was funded
    /// (`charge`, the funding as read with the milestone).
    pub async fn refund_milestone(
        &self,
        db: &impl ConnectionTrait,
        contract: &ContractRecord,
        milestone: MilestoneId,
        amount: Money,
        charge: Option<&ProviderPayment>,
    ) -> Result<(), MarketError> {
        let fee = match charge {
            Some(charge) => charge.amount.checked_sub(amount).map_err(|e| invalid(e.into()))?,
            None => amount.percentage(self.settings.client_fee_bps).map_err(|e| invalid(e.into()))?,
        };
        let (transaction, back) = rules::refund(contract.id, amount, fee).map_err(invalid)?;
        let charge_reference = charge.map(|c| c.reference.clone()).unwrap_or_default();
        let key = format!("refund-{milestone}");
        let receipt = self.provider.refund(Refund { key, amount: back, charge_reference }).await?;
        let subject =
            Subject { contract: Some(contract.id), milestone: Some(milestone), user: Some(contract.client_id) };
        let booked = ledger::record(db, &transaction, subject, self.now).await?;
        provider::record_payment(
            db,
            PaymentKind::Refund,
            self.provider.name(),
            &receipt.reference,
            back,
            booked,
            self.now,
        )
        .await?;
        Ok(())
    }

    /// Posts a dispute's settlement: the client's part goes back through
    /// the provider against `charge_reference` (the charge that paid for
    /// the money), the freelancer's part into their balance. `key` names
    /// the decision, so the provider refunds it once however often this is
    /// retried.
    pub async fn settle(
        &self,
        db: &impl ConnectionTrait,
        contract: &ContractRecord,
        milestone: Option<MilestoneId>,
        settlement: &Settlement,
        charge_reference: String,
        key: String,
    ) -> Result<(), MarketError> {
        if let Some((transaction, back)) = &settlement.refund {
            let receipt = self.provider.refund(Refund { key, amount: *back, charge_reference }).await?;
            let subject = Subject { contract: Some(contract.id), milestone, user: Some(contract.client_id) };
            let booked = ledger::record(db, transaction, subject, self.now).await?;
            provider::record_payment(
                db,
                PaymentKind::Refund,
                self.provider.name(),
                &receipt.reference,
                *back,
                booked,
                self.now,
            )
            .await?;
        }
        if let Some(transaction) = &settlement.payout {
            let subject = Subject { contract: Some(contract.id), milestone, user: None };
            ledger::record(db, transaction, subject, self.now).await?;
        }
        Ok(())
    }
}
