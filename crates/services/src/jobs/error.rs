use domain::ValidationError;
use domain::labels::IllegalTransition;

use crate::Internal;

/// What can go wrong with jobs, proposals, invitations and hiring.
#[derive(Debug, thiserror::Error)]
pub enum MarketError {
    /// No such object, or one the caller may not see.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The caller may see the object but not do this to it.
    #[error("{message}")]
    Forbidden { code: &'static str, message: String },
    /// The object's state does not allow this now.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// The payment provider refused or could not be reached; nothing moved.
    #[error("{message}")]
    PaymentFailed { code: &'static str, message: String },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl MarketError {
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::Conflict { code, message: message.into() }
    }

    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self::Forbidden { code, message: message.into() }
    }
}

impl From<IllegalTransition> for MarketError {
    fn from(err: IllegalTransition) -> Self {
        Self::conflict("invalid_state", err.to_string())
    }
}

impl From<store::StoreError> for MarketError {
    fn from(err: store::StoreError) -> Self {
        Self::Internal(err.into())
    }
}

impl From<store::DbErr> for MarketError {
    fn from(err: store::DbErr) -> Self {
        Self::Internal(err.into())
    }
}
