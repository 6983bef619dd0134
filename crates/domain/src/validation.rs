//! Per-field validation errors, collected before any work is done so that a
//! bad request changes nothing and tells the caller about every field at once.

use std::collections::BTreeMap;

/// Field name (dotted path for nested fields, e.g. `freelancer.hourly_rate`)
/// to a human-readable message.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem with `field`; the first message for a field wins.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    /// Records `message` for `field` unless `ok` holds.
    pub fn ensure(&mut self, ok: bool, field: impl Into<String>, message: impl Into<String>) {
        if !ok {
            self.add(field, message);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// `Ok(())` when nothing was recorded.
    pub fn finish(self) -> Result<(), ValidationError> {
        if self.0.is_empty() { Ok(()) } else { Err(ValidationError(self)) }
    }
}

/// Input that failed validation, with a message per offending field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid input")]
pub struct ValidationError(pub FieldErrors);

impl ValidationError {
    pub fn single(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Self(errors)
    }
}

/// Checks a free-text field's length in characters (not bytes), after trimming.
pub fn text(errors: &mut FieldErrors, field: &str, value: &str, min: usize, max: usize) {
    let len = value.trim().chars().count();
    if len < min {
        errors.add(
            field,
            if min == 1 { "must not be empty".to_owned() } else { format!("must be at least {min} characters") },
        );
    } else if len > max {
        errors.add(field, format!("must be at most {max} characters"));
    }
}

/// Accepts absolute http(s) URLs without whitespace, up to 2,048 characters.
pub fn url(errors: &mut FieldErrors, field: &str, value: &str) {
    let value = value.trim();
    let has_scheme = value.starts_with("https://") || value.starts_with("http://");
    let host = value.split("://").nth(1).unwrap_or_default();
    if !has_scheme || host.is_empty() || value.len() > 2_048 || value.chars().any(char::is_whitespace) {
        errors.add(field, "must be an http(s) URL");
    }
}

/// Checks a list holds at most `max` items and none twice.
pub fn distinct<T: Eq + std::hash::Hash>(errors: &mut FieldErrors, field: &str, items: &[T], max: usize) {
    errors.ensure(items.len() <= max, field, format!("at most {max} items"));
    let mut seen = std::collections::HashSet::new();
    errors.ensure(items.iter().all(|item| seen.insert(item)), field, "must not repeat an item");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_field_once() {
        let mut errors = FieldErrors::new();
        text(&mut errors, "name", "  ", 1, 10);
        text(&mut errors, "name", "x", 5, 10);
        url(&mut errors, "website", "ftp://example.com");
        let err = errors.finish().expect_err("invalid");
        let fields: Vec<_> = err.0.iter().collect();
        assert_eq!(fields, vec![("name", "must not be empty"), ("website", "must be an http(s) URL")]);
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let mut errors = FieldErrors::new();
        text(&mut errors, "headline", "ééééé", 1, 5);
        assert!(errors.is_empty());
    }
}
