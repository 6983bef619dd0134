//! Settlements under random amounts, parts and fee rates: the postings
//! balance, the held money goes to zero, and the platform earns only on the
//! freelancer's part.

use proptest::prelude::*;

use super::*;
use crate::money::Currency;

fn usd(cents: i64) -> Money {
    Money::new(cents, Currency::Usd)
}

/// What every transaction of a settlement does to `account`, summed.
fn effect(settlement: &Settlement, account: Account) -> i64 {
    let refund = settlement.refund.as_ref().map(|(tx, _)| tx);
    refund.into_iter().chain(settlement.payout.as_ref()).map(|tx| tx.effect_on(account, Currency::Usd)).sum()
}

fn parts() -> impl Strategy<Value = (i64, i64)> {
    (1i64..10_000_000_000).prop_flat_map(|amount| (Just(amount), 0..=amount))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn an_escrow_split_empties_the_escrow_and_charges_fees_on_the_freelancers_part(
        (amount, to_client) in parts(),
        freelancer_bps in 0u32..5_000,
        client_bps in 0u32..5_000,
    ) {
        let (contract, freelancer) = (ContractId::new(), UserId::new());
        let fees = Fees { freelancer_bps, client_bps };
        let client_fee = usd(amount).percentage(client_bps).expect("fee");
        let held = Held::Escrow { contract, amount: usd(amount), client_fee };
        let to_freelancer = amount - to_client;
        let settled = settle(held, freelancer, usd(to_client), usd(to_freelancer), fees).expect("settles");

        // Transaction::new refuses unbalanced postings, so both balance; the escrow empties.
        prop_assert_eq!(effect(&settled, Account::Escrow(contract)), -amount);
        let service_fee = usd(to_freelancer).percentage(freelancer_bps).expect("fee").amount;
        prop_assert_eq!(effect(&settled, Account::Available(freelancer)), to_freelancer - service_fee);
        prop_assert_eq!(settled.freelancer_fee.amount, service_fee);
        // The client gets their part and the client fee on it, never more than they paid.
        let back = settled.refund.as_ref().map_or(0, |(_, back)| back.amount);
        prop_assert_eq!(effect(&settled, Account::ProviderClearing), back);
        prop_assert_eq!(back, to_client + client_fee.amount - settled.client_fee.amount);
        prop_assert!(back <= amount + client_fee.amount);
        // The platform keeps no more than the fees on the freelancer's part.
        let platform = effect(&settled, Account::PlatformRevenue);
        prop_assert_eq!(platform, service_fee - (client_fee.amount - settled.client_fee.amount));
        prop_assert!(i128::from(settled.client_fee.amount) * i128::from(amount)
            <= i128::from(client_fee.amount) * i128::from(to_freelancer));
        if to_client == amount {
            prop_assert_eq!(&settled.payout, &None);
            prop_assert_eq!(&settled.refund, &Some(rules::refund(contract, usd(amount), client_fee).expect("refund")));
        }
        if to_client == 0 {
            prop_assert_eq!(&settled.refund, &None);
            let release = rules::release(contract, freelancer, usd(amount), fees, false).expect("release");
            prop_assert_eq!(&settled.payout, &Some(release));
            prop_assert_eq!(settled.client_fee, client_fee, "a release keeps the whole client fee");
        }
    }

    #[test]
    fn a_week_split_empties_what_was_pending_and_gives_back_the_fees_on_the_clients_part(
        (amount, to_client) in parts(),
        freelancer_bps in 0u32..5_000,
        client_bps in 0u32..5_000,
    ) {
        let freelancer = UserId::new();
        let client_fee = usd(amount).percentage(client_bps).expect("fee");
        let freelancer_fee = usd(amount).percentage(freelancer_bps).expect("fee");
        let held = Held::Pending { amount: usd(amount), client_fee, freelancer_fee };
        let to_freelancer = amount - to_client;
        // The current rates do not matter: the week's fees were taken at billing.
        let settled = settle(held, freelancer, usd(to_client), usd(to_freelancer), Fees { freelancer_bps: 0, client_bps: 0 })
            .expect("settles");

        prop_assert_eq!(effect(&settled, Account::Pending(freelancer)), -(amount - freelancer_fee.amount));
        prop_assert_eq!(effect(&settled, Account::Available(freelancer)), to_freelancer - settled.freelancer_fee.amount);
        let back = settled.refund.as_ref().map_or(0, |(_, back)| back.amount);
        prop_assert_eq!(effect(&settled, Account::ProviderClearing), back);
        prop_assert_eq!(back, to_client + client_fee.amount - settled.client_fee.amount);
        let fees_back = (client_fee.amount - settled.client_fee.amount) + (freelancer_fee.amount - settled.freelancer_fee.amount);
        prop_assert_eq!(effect(&settled, Account::PlatformRevenue), -fees_back);
        prop_assert!(settled.freelancer_fee.amount <= freelancer_fee.amount);
        if to_client == amount {
            prop_assert_eq!(&settled.payout, &None);
            prop_assert_eq!((settled.client_fee.amount, settled.freelancer_fee.amount), (0, 0), "every fee goes back");
        }
        if to_client == 0 {
            prop_assert_eq!(&settled.refund, &None);
            let net = usd(amount - freelancer_fee.amount);
            let cleared = if net.is_positive() { Some(rules::clear_pending(freelancer, net).expect("clears")) } else { None };
            prop_assert_eq!(&settled.payout, &cleared, "a release is the end of the review period");
        }
    }

    #[test]
    fn parts_that_do_not_add_up_are_refused((amount, to_client) in parts(), off in 1i64..1_000) {
        let held = Held::Escrow { contract: ContractId::new(), amount: usd(amount), client_fee: usd(0) };
        let to_freelancer = usd(amount - to_client + off);
        let refused = settle(held, UserId::new(), usd(to_client), to_freelancer, Fees::default());
        prop_assert_eq!(refused, Err(LedgerError::PartsDoNotAddUp(usd(amount))));
    }
}

#[test]
fn a_split_of_two_hundred_dollars_by_hand() {
    // $200.00 funded with a 5% client fee ($10.00); $50.00 back, $150.00 to the freelancer at 10%.
    let (contract, freelancer) = (ContractId::new(), UserId::new());
    let held = Held::Escrow { contract, amount: usd(20_000), client_fee: usd(1_000) };
    let settled = settle(held, freelancer, usd(5_000), usd(15_000), Fees::default()).expect("settles");
    assert_eq!(settled.refund.as_ref().map(|(_, back)| *back), Some(usd(5_250)), "$50.00 and its $2.50 fee");
    assert_eq!(effect(&settled, Account::Available(freelancer)), 13_500);
    assert_eq!(effect(&settled, Account::PlatformRevenue), 1_500 - 250);
    assert_eq!((settled.freelancer_fee, settled.client_fee), (usd(1_500), usd(750)));
}

#[test]
fn negative_parts_and_foreign_currencies_are_refused() {
    let held = Held::Escrow { contract: ContractId::new(), amount: usd(100), client_fee: usd(5) };
    let user = UserId::new();
    assert_eq!(settle(held, user, usd(-1), usd(101), Fees::default()), Err(LedgerError::NotPositive));
    let euros = Money::new(50, Currency::Eur);
    assert!(settle(held, user, euros, usd(50), Fees::default()).is_err());
    let week = Held::Pending { amount: usd(100), client_fee: usd(5), freelancer_fee: usd(101) };
    assert_eq!(settle(week, user, usd(50), usd(50), Fees::default()), Err(LedgerError::NotPositive));
}
