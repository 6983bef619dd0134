//! Each posting carries its transaction's movement and time, so that the
//! platform's figures (money charged, revenue) over a range of days read
//! one table through one index instead of joining every transaction in the
//! range. Postings are never rewritten, so the copies cannot drift. The
//! columns are nullable only because SQLite cannot add a NOT NULL column
//! without a default; every posting is written with both.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LedgerPostings {
    Table,
    Movement,
    CreatedAt,
    AccountKind,
}

const INDEX: &str = "idx_ledger_postings_kind_time";

/// Copies each existing posting's movement and time from its transaction
/// (correlated subqueries: the one form all three databases accept).
const BACKFILL: &str = "UPDATE ledger_postings SET \
    movement = (SELECT t.movement FROM ledger_transactions t WHERE t.id = ledger_postings.transaction_id), \
    created_at = (SELECT t.created_at FROM ledger_transactions t WHERE t.id = ledger_postings.transaction_id)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .alter_table(
                Table::alter()
                    .table(LedgerPostings::Table)
                    .add_column(ColumnDef::new(LedgerPostings::Movement).string_len(20).null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(LedgerPostings::Table)
                    .add_column(instant_null(b, LedgerPostings::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager.get_connection().execute_unprepared(BACKFILL).await?;
        index_on(manager, LedgerPostings::Table, [LedgerPostings::AccountKind, LedgerPostings::CreatedAt], INDEX).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(INDEX).table(LedgerPostings::Table).to_owned()).await?;
        for column in [LedgerPostings::CreatedAt, LedgerPostings::Movement] {
            manager.alter_table(Table::alter().table(LedgerPostings::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
