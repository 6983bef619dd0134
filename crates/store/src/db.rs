//! Connecting to the database named by `DATABASE_URL`.

use std::time::Duration;

use sea_orm::sqlx::Executor as _;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

use crate::migration::Migrator;

pub type Db = DatabaseConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
    MySql,
}

impl Backend {
    pub fn of(db: &impl ConnectionTrait) -> Self {
        match db.get_database_backend() {
            DbBackend::Postgres => Self::Postgres,
            DbBackend::MySql => Self::MySql,
            _ => Self::Sqlite,
        }
    }
}

/// Opens a pool. SQLite gets WAL (readers never wait for the writer), foreign
/// keys on (SQLite leaves them off by default) and a busy timeout so that
/// concurrent writers queue instead of failing.
///
/// A pooled connection is pinged only after it sat idle for a while: pinging
/// on every checkout (the default) doubles the round trips of short requests,
/// while the connections worth checking are the ones a server or firewall may
/// have dropped during a quiet spell.
pub async fn connect(url: &str, max_connections: u32) -> Result<Db, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
        })
        // Every transaction here is written for READ COMMITTED, PostgreSQL's
        // default; MariaDB's REPEATABLE READ adds gap locks, with which a
        // delivery round claiming waiting notifications deadlocks against a
        // request inserting the next one (and the request fails).
        .map_sqlx_mysql_pool_opts(|pool| {
            pool.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED").await.map(|_| ())
                })
            })
        });
    Database::connect(options).await
}

/// Brings the schema up to date; safe to run on every start.
pub async fn migrate(db: &Db) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Cheap round trip used by `/readyz`.
pub async fn ping(db: &Db) -> Result<(), DbErr> {
    db.ping().await
}

/// Starts a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`:
/// the write lock is taken up front, so concurrent writers queue on the busy
/// timeout instead of failing when a read lock cannot be upgraded. The other
/// backends ignore the mode and lock rows as statements run.
pub async fn begin_write(db: &Db) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    db.begin_with_options(options).await
}
