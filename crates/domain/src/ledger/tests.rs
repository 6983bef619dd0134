//! The ledger's invariants under random sequences of money movements on many
//! contracts, checked after every step against a plain model of the books.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::rules::{self, Fees};
use super::settlement::{self, Held};
use super::*;
use crate::contract::MilestoneStatus;
use crate::dispute::DisputeOutcome;

const USERS: usize = 4;

#[derive(Debug, Clone)]
enum Op {
    Fund(usize),
    Submit(usize),
    RequestChanges(usize),
    Release(usize, bool),
    Refund(usize),
    Dispute(usize),
    /// An admin decides: the client's share in thousandths; above 1,000 sends it back for rework.
    Settle(usize, i64),
    Withdraw(usize, i64),
    Clear(usize, i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..12usize).prop_map(Op::Fund),
        (0..12usize).prop_map(Op::Submit),
        (0..12usize).prop_map(Op::RequestChanges),
        (0..12usize, any::<bool>()).prop_map(|(m, pending)| Op::Release(m, pending)),
        (0..12usize).prop_map(Op::Refund),
        (0..12usize).prop_map(Op::Dispute),
        (0..12usize, 0..1_100i64).prop_map(|(m, share)| Op::Settle(m, share)),
        (0..USERS, 1..200_000i64).prop_map(|(u, a)| Op::Withdraw(u, a)),
        (0..USERS, 1..200_000i64).prop_map(|(u, a)| Op::Clear(u, a)),
    ]
}

struct Milestone {
    contract: ContractId,
    freelancer: UserId,
    amount: Money,
    status: MilestoneStatus,
    paid_out: u32,
}

struct Books {
    fees: Fees,
    users: Vec<UserId>,
    milestones: Vec<Milestone>,
    balances: BTreeMap<(Account, Currency), i64>,
    charged: i64,
}

impl Books {
    fn new(amounts: &[(i64, usize, usize)], fees: Fees) -> Self {
        let users: Vec<UserId> = (0..USERS).map(|_| UserId::new()).collect();
        let contracts: Vec<ContractId> = (0..3).map(|_| ContractId::new()).collect();
        let currencies = [Currency::Usd, Currency::Eur, Currency::Usd];
        let milestones = amounts
            .iter()
            .map(|&(amount, contract, freelancer)| Milestone {
                contract: contracts[contract],
                freelancer: users[freelancer],
                amount: Money::new(amount, currencies[contract]),
                status: MilestoneStatus::Proposed,
                paid_out: 0,
            })
            .collect();
        Self { fees, users, milestones, balances: BTreeMap::new(), charged: 0 }
    }

    fn balance(&self, account: Account, currency: Currency) -> i64 {
        self.balances.get(&(account, currency)).copied().unwrap_or(0)
    }

    fn post(&mut self, tx: &Transaction) {
        for p in tx.postings() {
            *self.balances.entry((p.account, p.amount.currency)).or_default() += p.amount.amount;
        }
    }

    /// Applies `op` as the services would: an illegal step changes nothing.
    fn apply(&mut self, op: &Op) {
        let n = self.milestones.len();
        match *op {
            Op::Fund(i) => {
                let m = &self.milestones[i % n];
                if let Ok(next) = m.status.fund() {
                    let (tx, charge) = rules::fund(m.contract, m.amount, self.fees).expect("fund posts");
                    self.charged += charge.amount;
                    self.milestones[i % n].status = next;
                    self.post(&tx);
                }
            }
            Op::Submit(i) => {
                let m = &mut self.milestones[i % n];
                if let Ok(next) = m.status.submit() {
                    m.status = next;
                }
            }
            Op::RequestChanges(i) => {
                let m = &mut self.milestones[i % n];
                if let Ok(next) = m.status.request_changes() {
                    m.status = next;
                }
            }
            Op::Release(i, pending) => {
                let m = &self.milestones[i % n];
                if let Ok(next) = m.status.release() {
                    let tx = rules::release(m.contract, m.freelancer, m.amount, self.fees, pending).expect("posts");
                    let m = &mut self.milestones[i % n];
                    m.status = next;
                    m.paid_out += 1;
                    self.post(&tx);
                }
            }
            Op::Refund(i) => {
                let m = &self.milestones[i % n];
                if let Ok(next) = m.status.refund() {
                    let (tx, _) =
                        rules::refund(m.contract, m.amount, m.amount.percentage(self.fees.client_bps).expect("fee"))
                            .expect("refund posts");
                    let m = &mut self.milestones[i % n];
                    m.status = next;
                    m.paid_out += 1;
                    self.post(&tx);
                }
            }
            Op::Dispute(i) => {
                let m = &mut self.milestones[i % n];
                if let Ok(next) = m.status.dispute() {
                    m.status = next;
                }
            }
            Op::Settle(i, share) => self.settle(i % n, share),
            Op::Withdraw(u, amount) | Op::Clear(u, amount) => {
                let user = self.users[u];
                let from =
                    if matches!(op, Op::Withdraw(..)) { Account::Available(user) } else { Account::Pending(user) };
                for currency in [Currency::Usd, Currency::Eur] {
                    // The services refuse to take more than the balance holds.
                    if self.balance(from, currency) >= amount {
                        let money = Money::new(amount, currency);
                        let tx = match op {
                            Op::Withdraw(..) => rules::withdraw(user, money),
                            _ => rules::clear_pending(user, money),
                        }
                        .expect("posts");
                        self.post(&tx);
                    }
                }
            }
        }
    }

    /// An admin's decision on a disputed milestone: rework, or the escrow
    /// split by `share` thousandths to the client.
    fn settle(&mut self, i: usize, share: i64) {
        let m = &self.milestones[i];
        if m.status != MilestoneStatus::Disputed {
            return;
        }
        if share > 1_000 {
            self.milestones[i].status = m.status.settle(DisputeOutcome::Rework).expect("rework");
            return;
        }
        let to_client = Money::new(m.amount.amount * share / 1_000, m.amount.currency);
        let to_freelancer = m.amount.checked_sub(to_client).expect("part");
        let outcome = match (to_client.amount, to_freelancer.amount) {
            (_, 0) => DisputeOutcome::Refund,
            (0, _) => DisputeOutcome::Release,
            _ => DisputeOutcome::Split,
        };
        let client_fee = m.amount.percentage(self.fees.client_bps).expect("fee");
        let held = Held::Escrow { contract: m.contract, amount: m.amount, client_fee };
        let settled = settlement::settle(held, m.freelancer, to_client, to_freelancer, self.fees).expect("settles");
        let next = m.status.settle(outcome).expect("settles");
        let m = &mut self.milestones[i];
        m.status = next;
        m.paid_out += 1;
        if let Some((tx, _)) = &settled.refund {
            self.post(tx);
        }
        if let Some(tx) = &settled.payout {
            self.post(tx);
        }
    }

    fn check(&self) -> Result<(), TestCaseError> {
        for currency in [Currency::Usd, Currency::Eur] {
            let total: i64 = self.balances.iter().filter(|((_, c), _)| *c == currency).map(|(_, v)| v).sum();
            prop_assert_eq!(total, 0, "the books balance in {}", currency);
        }
        for ((account, currency), balance) in &self.balances {
            if account.must_stay_positive() {
                prop_assert!(*balance >= 0, "{:?} in {} went negative: {}", account, currency, balance);
            }
        }
        // Each contract's escrow holds exactly its funded, unpaid milestones.
        let mut expected: BTreeMap<(ContractId, Currency), i64> = BTreeMap::new();
        for m in &self.milestones {
            prop_assert!(m.paid_out <= 1, "a milestone was paid out twice");
            if m.status.is_funded() {
                *expected.entry((m.contract, m.amount.currency)).or_default() += m.amount.amount;
            }
        }
        for m in &self.milestones {
            let held = self.balance(Account::Escrow(m.contract), m.amount.currency);
            let wanted = expected.get(&(m.contract, m.amount.currency)).copied().unwrap_or(0);
            prop_assert_eq!(held, wanted, "escrow of a contract");
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_invariant_holds_after_every_step(
        amounts in proptest::collection::vec((1i64..500_000, 0..3usize, 0..USERS), 1..12),
        ops in proptest::collection::vec(op(), 1..80),
        freelancer_bps in 0u32..3_000,
        client_bps in 0u32..2_000,
    ) {
        let mut books = Books::new(&amounts, Fees { freelancer_bps, client_bps });
        for op in &ops {
            books.apply(op);
            books.check()?;
        }
    }

    #[test]
    fn fees_go_to_the_platform_and_the_rest_to_the_freelancer(amount in 1i64..10_000_000_000) {
        let (contract, freelancer) = (ContractId::new(), UserId::new());
        let money = Money::new(amount, Currency::Usd);
        let (funded, charge) = rules::fund(contract, money, Fees::default()).expect("fund");
        let released = rules::release(contract, freelancer, money, Fees::default(), false).expect("release");
        prop_assert_eq!(funded.effect_on(Account::Escrow(contract), Currency::Usd), amount);
        prop_assert_eq!(charge.amount, amount + money.percentage(500).expect("fee").amount);
        let earned = released.effect_on(Account::Available(freelancer), Currency::Usd);
        let fee = released.effect_on(Account::PlatformRevenue, Currency::Usd);
        prop_assert_eq!(earned + fee, amount);
        prop_assert_eq!(fee, money.percentage(1_000).expect("fee").amount);
    }
}

#[test]
fn unbalanced_empty_and_non_positive_movements_are_refused() {
    let usd = |a| Money::new(a, Currency::Usd);
    let lopsided = vec![Posting { account: Account::PlatformRevenue, amount: usd(5) }];
    assert_eq!(Transaction::new(Movement::Fund, lopsided), Err(LedgerError::Unbalanced(Currency::Usd)));
    assert_eq!(Transaction::new(Movement::Fund, vec![]), Err(LedgerError::Empty));
    assert_eq!(rules::withdraw(UserId::new(), usd(0)).map(|_| ()), Err(LedgerError::NotPositive));
    assert_eq!(rules::fund(ContractId::new(), usd(-5), Fees::default()).map(|_| ()), Err(LedgerError::NotPositive));
    assert!(rules::fund(ContractId::new(), usd(i64::MAX), Fees::default()).is_err(), "overflow is an error");
}
