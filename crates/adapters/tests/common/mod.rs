//! What the providers' tests share: a charge and a payout as the services
//! hand them over, and an address where no provider answers.

// Each test crate uses part of this module.
#![allow(dead_code)]

use domain::{Currency, Money};
use services::ports::{Charge, Payout};
use url::Url;

pub fn usd(cents: i64) -> Money {
    Money::new(cents, Currency::Usd)
}

pub fn charge(source: Option<&str>) -> Charge {
    Charge {
        key: "fund-milestone-7f3a".to_owned(),
        amount: usd(150_075),
        source: source.map(str::to_owned),
        description: "Milestone 1: wireframes".to_owned(),
    }
}

pub fn payout(destination: Option<&str>) -> Payout {
    Payout {
        key: "withdraw-2b91".to_owned(),
        amount: usd(4_205),
        destination: destination.map(str::to_owned),
        description: "Downwork withdrawal".to_owned(),
    }
}

/// A port nothing listens on.
pub fn closed_port() -> Url {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    let address = listener.local_addr().expect("has an address");
    drop(listener);
    Url::parse(&format!("http://{address}")).expect("a URL")
}
