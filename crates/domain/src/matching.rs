//! Suggesting freelancers for a job: how well a freelancer fits, from the
//! skills they share with the job, how close their own words and past work
//! are to the job's text (BM25), their rating, and whether the client knows
//! them through friends.
//!
//! Every signal is scaled to 0..=1 before the weighted sum, so the weights
//! below read as shares of the score.

use std::collections::{HashMap, HashSet};

/// Skills are the client's explicit ask: the strongest single signal.
pub const SKILL_WEIGHT: f64 = 0.40;
/// The job's words in the freelancer's headline, bio, portfolio and past
/// contracts: what the skill tags cannot say ("ledger", "booking").
pub const TEXT_WEIGHT: f64 = 0.35;
/// Proven quality, shrunk towards the middle for few reviews.
pub const RATING_WEIGHT: f64 = 0.15;
/// A friend, or a friend of a friend, is someone the client can ask about.
pub const CONNECTION_WEIGHT: f64 = 0.10;

/// BM25's term-frequency saturation and length normalisation, the usual values.
const BM25_K1: f64 = 1.2;
const BM25_B: f64 = 0.75;
/// Stars a freelancer without reviews is assumed to have, and how many
/// reviews' worth that assumption weighs (a Bayesian average).
const PRIOR_STARS: f64 = 3.5;
const PRIOR_REVIEWS: f64 = 3.0;

/// Words too common to tell jobs apart.
const STOP_WORDS: [&str; 44] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "is", "it", "its", "of",
    "on", "or", "our", "so", "that", "the", "their", "this", "to", "us", "was", "we", "will", "with", "you", "your",
    "need", "looking", "help", "work", "project", "job", "who", "can", "all", "new",
];

/// Lower-cased words of two or more letters or digits, without stop words;
/// a plural `s` is dropped so that "ledgers" finds "ledger".
pub fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_owned(),
            _ => w,
        })
        .collect()
}

/// A BM25 index over a set of documents (one per candidate freelancer).
#[derive(Debug, Clone)]
pub struct Bm25 {
    docs: Vec<HashMap<String, u32>>,
    lengths: Vec<f64>,
    average_length: f64,
    idf: HashMap<String, f64>,
}

impl Bm25 {
    pub fn new(documents: &[Vec<String>]) -> Self {
        let docs: Vec<HashMap<String, u32>> = documents
            .iter()
            .map(|terms| {
                let mut counts = HashMap::new();
                for term in terms {
                    *counts.entry(term.clone()).or_insert(0) += 1;
                }
                counts
            })
            .collect();
        let lengths: Vec<f64> = documents.iter().map(|d| d.len() as f64).collect();
        let n = docs.len() as f64;
        let average_length = if docs.is_empty() { 0.0 } else { lengths.iter().sum::<f64>() / n };
        let mut frequency: HashMap<&str, f64> = HashMap::new();
        for doc in &docs {
            for term in doc.keys() {
                *frequency.entry(term.as_str()).or_insert(0.0) += 1.0;
            }
        }
        // The "plus one" form keeps every idf positive, even for a term most documents have.
        let idf =
            frequency.into_iter().map(|(t, df)| (t.to_owned(), ((n - df + 0.5) / (df + 0.5) + 1.0).ln())).collect();
        Self { docs, lengths, average_length, idf }
    }

    /// How well document `doc` answers `query` (each distinct query term counted once).
    pub fn score(&self, query: &[String], doc: usize) -> f64 {
        let (Some(counts), Some(length)) = (self.docs.get(doc), self.lengths.get(doc)) else { return 0.0 };
        let unique: HashSet<&String> = query.iter().collect();
        let norm = if self.average_length > 0.0 { length / self.average_length } else { 1.0 };
        unique
            .into_iter()
            .filter_map(|term| {
                let tf = f64::from(*counts.get(term)?);
                let idf = self.idf.get(term).copied().unwrap_or(0.0);
                Some(idf * tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * norm)))
            })
            .sum()
    }
}

/// How the client knows the freelancer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    Friend,
    FriendOfFriend,
    None,
}

impl Connection {
    fn weight(self) -> f64 {
        match self {
            Self::Friend => 1.0,
            Self::FriendOfFriend => 0.5,
            Self::None => 0.0,
        }
    }
}

/// What is known of one candidate for one job.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signals {
    /// Share of the job's skills the freelancer has, 0..=1.
    pub skill_overlap: f64,
    /// BM25 relevance divided by the best candidate's, 0..=1.
    pub text: f64,
    /// Average stars and how many reviews.
    pub stars: Option<(f64, u32)>,
    pub connection: Connection,
}

impl Signals {
    /// The rating as 0..=1: a Bayesian average of stars (1 to 5) over the prior.
    pub fn rating(&self) -> f64 {
        let (stars, count) = self.stars.unwrap_or((0.0, 0));
        let count = f64::from(count);
        let average = (PRIOR_STARS * PRIOR_REVIEWS + stars * count) / (PRIOR_REVIEWS + count);
        ((average - 1.0) / 4.0).clamp(0.0, 1.0)
    }

    /// The fit, 0..=1.
    pub fn score(&self) -> f64 {
        SKILL_WEIGHT * self.skill_overlap.clamp(0.0, 1.0)
            + TEXT_WEIGHT * self.text.clamp(0.0, 1.0)
            + RATING_WEIGHT * self.rating()
            + CONNECTION_WEIGHT * self.connection.weight()
    }
}

/// Share of `wanted` skills found in `offered`.
pub fn skill_overlap<T: PartialEq>(wanted: &[T], offered: &[T]) -> f64 {
    if wanted.is_empty() {
        return 0.0;
    }
    let found = wanted.iter().filter(|skill| offered.contains(skill)).count();
    found as f64 / wanted.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(text: &str) -> Vec<String> {
        tokenize(text)
    }

    #[test]
    fn tokens_drop_noise_and_plurals() {
        assert_eq!(
            tokenize("We need a Rust developer for our payment ledgers!"),
            ["rust", "developer", "payment", "ledger"]
        );
        assert_eq!(tokenize("class access"), ["class", "access"], "words ending in ss keep their s");
    }

    #[test]
    fn bm25_prefers_the_document_about_the_query() {
        let index =
            Bm25::new(&[doc("ledger payments escrow accounting"), doc("logo design branding"), doc("payments")]);
        let query = doc("double-entry ledger for payments");
        assert!(index.score(&query, 0) > index.score(&query, 2));
        assert!(index.score(&query, 2) > index.score(&query, 1));
        assert_eq!(index.score(&query, 1), 0.0);
        assert_eq!(index.score(&query, 9), 0.0, "no such document");
    }

    #[test]
    fn skill_overlap_is_the_share_of_wanted_skills() {
        assert_eq!(skill_overlap(&["rust", "sql"], &["rust", "go"]), 0.5);
        assert_eq!(skill_overlap::<&str>(&[], &["rust"]), 0.0);
    }

    #[test]
    fn few_reviews_count_for_little() {
        let one = Signals { skill_overlap: 0.0, text: 0.0, stars: Some((5.0, 1)), connection: Connection::None };
        let many = Signals { stars: Some((5.0, 50)), ..one };
        let none = Signals { stars: None, ..one };
        assert!(many.rating() > one.rating());
        assert!(one.rating() > none.rating());
    }

    proptest! {
        #[test]
        fn the_score_is_bounded_and_grows_with_every_signal(
            skills in 0.0f64..=1.0, text in 0.0f64..=1.0, stars in 1.0f64..=5.0, count in 0u32..500, more in 0.01f64..0.5,
        ) {
            let base = Signals { skill_overlap: skills, text, stars: Some((stars, count)), connection: Connection::None };
            prop_assert!((0.0..=1.0).contains(&base.score()));
            let better_skills = Signals { skill_overlap: (skills + more).min(1.0), ..base };
            let better_text = Signals { text: (text + more).min(1.0), ..base };
            let friend = Signals { connection: Connection::Friend, ..base };
            prop_assert!(better_skills.score() >= base.score());
            prop_assert!(better_text.score() >= base.score());
            prop_assert!(friend.score() > base.score());
        }
    }
}
