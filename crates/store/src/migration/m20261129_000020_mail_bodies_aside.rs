//! Mail bodies kept out of the queue row on PostgreSQL. A mail's row is
//! updated twice after it is written (leased, then sent) and PostgreSQL
//! writes a whole new row version, into the write-ahead log too, for each
//! update. With the compressed text and HTML bodies inline that was about
//! 2 KB per update, half of all the log a payment caused; stored aside (the
//! row keeps a pointer to them), an update copies a few hundred bytes.
//! SQLite and MariaDB update rows in place and need nothing.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        // 128 bytes is the smallest target PostgreSQL takes: anything
        // larger than a pointer leaves the row.
        manager.get_connection().execute_unprepared("ALTER TABLE mail_queue SET (toast_tuple_target = 128)").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        manager.get_connection().execute_unprepared("ALTER TABLE mail_queue RESET (toast_tuple_target)").await?;
        Ok(())
    }
}
