//! Invoices: issued in the transaction that moves the money, read by the
//! contract's parties and admins.

use chrono::{DateTime, NaiveDate, Utc};
use domain::invoice::{Invoice, InvoiceKind, InvoiceLine, InvoiceParty, InvoiceTotals};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{ContractId, InvoiceId, JobId, UserId};
use serde_json::json;
use store::ConnectionTrait;
use store::contracts::ContractRecord;
use store::invoices::{self, Billed};
use store::users::{self, UserRecord};

use super::Payments;
use crate::jobs::MarketError;
use crate::notifier::Notifier;

/// What is billed on a new invoice.
pub(super) struct Bill {
    pub kind: InvoiceKind,
    pub billed: Billed,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub lines: Vec<InvoiceLine>,
}

/// Issues the invoice for `bill` and tells both parties. Call it last in
/// the transaction: the year's number is taken here and its counter stays
/// locked until the commit.
pub(super) async fn issue(
    db: &impl ConnectionTrait,
    notifier: &Notifier,
    contract: &ContractRecord,
    bill: Bill,
    now: DateTime<Utc>,
) -> Result<Invoice, MarketError> {
    let billed = bill.billed;
    let mut invoice = draft(contract, parties(db, contract).await?, bill, now)?;
    notifier.notify_all(db, ready_notices(&invoice), now).await?;
    invoice.number = invoices::issue(db, &invoice, billed).await?;
    Ok(invoice)
}

/// The contract's client and freelancer as an invoice names them.
async fn parties(db: &impl ConnectionTrait, contract: &ContractRecord) -> Result<[InvoiceParty; 2], MarketError> {
    let people = users::find_many(db, &[contract.client_id, contract.freelancer_id]).await?;
    let party = |id: UserId| InvoiceParty {
        id,
        name: people.iter().find(|u| u.id == id).map_or_else(String::new, |u| u.name.clone()),
    };
    Ok([party(contract.client_id), party(contract.freelancer_id)])
}

/// The invoice for `bill` between `client` and `freelancer`, complete but
/// for its number, which is taken when it is stored.
pub(super) fn draft(
    contract: &ContractRecord,
    [client, freelancer]: [InvoiceParty; 2],
    bill: Bill,
    now: DateTime<Utc>,
) -> Result<Invoice, MarketError> {
    let currency = bill.lines.first().map(|l| l.amount.currency).ok_or(MarketError::NotFound("invoice line"))?;
    let totals = InvoiceTotals::of(&bill.lines, currency).map_err(|e| super::invalid(e.into()))?;
    Ok(Invoice {
        id: InvoiceId::new(),
        number: String::new(),
        kind: bill.kind,
        issued_at: now,
        contract_id: contract.id,
        job_id: contract.job_id,
        title: contract.title.clone(),
        client,
        freelancer,
        period_start: bill.period.map(|p| p.0),
        period_end: bill.period.map(|p| p.1),
        currency,
        lines: bill.lines,
        totals,
    })
}

/// What tells both parties that `invoice` is ready.
pub(super) fn ready_notices(invoice: &Invoice) -> [(UserId, NotificationKind, serde_json::Value); 2] {
    let payload = json!({ "invoice_id": invoice.id, "contract_id": invoice.contract_id, "job_id": invoice.job_id });
    [invoice.client.id, invoice.freelancer.id].map(|user| (user, NotificationKind::InvoiceReady, payload.clone()))
}

fn may_see(viewer: &UserRecord, invoice: &Invoice) -> bool {
    viewer.is_admin || viewer.id == invoice.client.id || viewer.id == invoice.freelancer.id
}

impl Payments {
    /// The invoices of a job that the viewer is a party to, oldest first;
    /// "not found" when there is none they may see.
    pub async fn job_invoices(&self, viewer: &UserRecord, job: JobId) -> Result<Vec<Invoice>, MarketError> {
        let visible: Vec<Invoice> =
            invoices::for_job(&self.db, job).await?.into_iter().filter(|i| may_see(viewer, i)).collect();
        if visible.is_empty() {
            return Err(MarketError::NotFound("invoice"));
        }
        Ok(visible)
    }

    /// One invoice, for its parties and admins.
    pub async fn invoice(&self, viewer: &UserRecord, id: InvoiceId) -> Result<Invoice, MarketError> {
        invoices::find(&self.db, id).await?.filter(|i| may_see(viewer, i)).ok_or(MarketError::NotFound("invoice"))
    }

    /// The caller's invoices, as client or freelancer, newest first; only
    /// those of `contract` when given.
    pub async fn my_invoices(
        &self,
        user: UserId,
        contract: Option<ContractId>,
        page: &PageRequest<InvoiceId>,
    ) -> Result<Page<Invoice>, MarketError> {
        Ok(invoices::for_user(&self.db, user, contract, page).await?)
    }
}
