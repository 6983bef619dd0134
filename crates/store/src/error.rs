use sea_orm::{DbErr, SqlErr};

/// What can go wrong below the services. Constraint violations are told apart
/// so that they surface as 409/422 rather than as server errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unique constraint violated: {0}")]
    Duplicate(String),
    #[error("foreign key constraint violated: {0}")]
    MissingReference(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(DbErr),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail)) => Self::Duplicate(detail),
            Some(SqlErr::ForeignKeyConstraintViolation(detail)) => Self::MissingReference(detail),
            _ => Self::Db(err),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
