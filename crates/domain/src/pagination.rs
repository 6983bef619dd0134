//! Cursor pagination: `?limit=&cursor=` in, `{items, next_cursor}` out.
//!
//! A cursor is the sort key of the last item of a page, serialized to JSON and
//! base64url-encoded, so it is opaque to callers yet needs no server state.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub const DEFAULT_LIMIT: u64 = 20;
pub const MAX_LIMIT: u64 = 100;

/// A validated page request: `limit` within 1..=100 and a decoded cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest<K> {
    pub limit: u64,
    pub after: Option<K>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("limit must be between 1 and {MAX_LIMIT}")]
    Limit,
    #[error("cursor is not one this server issued")]
    Cursor,
}

impl<K: DeserializeOwned> PageRequest<K> {
    pub fn parse(limit: Option<u64>, cursor: Option<&str>) -> Result<Self, PageError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(PageError::Limit);
        }
        let after = match cursor.filter(|c| !c.is_empty()) {
            None => None,
            Some(cursor) => Some(decode(cursor).ok_or(PageError::Cursor)?),
        };
        Ok(Self { limit, after })
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows fetched in order: the extra
    /// row, if present, only proves that another page exists.
    pub fn from_rows<K: Serialize>(mut rows: Vec<T>, limit: u64, key: impl Fn(&T) -> K) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let has_more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = if has_more { rows.last().map(|last| encode(&key(last))) } else { None };
        Self { items: rows, next_cursor }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next_cursor: self.next_cursor }
    }
}

fn encode<K: Serialize>(key: &K) -> String {
    // Serializing plain keys (ids, numbers, strings) cannot fail.
    let json = serde_json::to_vec(key).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(json)
}

fn decode<K: DeserializeOwned>(cursor: &str) -> Option<K> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_cursor_points_after_the_last_item_when_more_exist() {
        let page = Page::from_rows(vec![1, 2, 3], 2, |n| *n);
        assert_eq!(page.items, vec![1, 2]);
        let next: PageRequest<i32> = PageRequest::parse(Some(2), page.next_cursor.as_deref()).expect("valid");
        assert_eq!(next.after, Some(2));
    }

    #[test]
    fn last_page_has_no_cursor() {
        let page = Page::from_rows(vec![1, 2], 2, |n| *n);
        assert_eq!(page.next_cursor, None);
    }

    #[test]
    fn rejects_bad_limits_and_forged_cursors() {
        assert_eq!(PageRequest::<i32>::parse(Some(0), None), Err(PageError::Limit));
        assert_eq!(PageRequest::<i32>::parse(Some(101), None), Err(PageError::Limit));
        assert_eq!(PageRequest::<i32>::parse(None, Some("%%%")), Err(PageError::Cursor));
        assert_eq!(PageRequest::<i32>::parse(None, None).map(|p| p.limit), Ok(DEFAULT_LIMIT));
    }
}
