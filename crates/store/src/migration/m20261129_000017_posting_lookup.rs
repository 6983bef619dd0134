//! Postings looked up by transaction and account kind in one index: the
//! platform figures sum one kind of posting over a range of transactions,
//! and with the kind in the index that stays a quick probe per transaction
//! even when the planner's row estimates lag behind a burst of payments. It
//! replaces the index on the transaction alone, so writes keep the same
//! number of indexes.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LedgerPostings {
    Table,
    TransactionId,
    AccountKind,
}

const OLD: &str = "idx_ledger_postings_transaction";
const NEW: &str = "idx_ledger_postings_transaction_kind";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The new index first: MariaDB keeps the foreign key on it.
        index_on(manager, LedgerPostings::Table, [LedgerPostings::TransactionId, LedgerPostings::AccountKind], NEW)
            .await?;
        manager.drop_index(Index::drop().name(OLD).table(LedgerPostings::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        index(manager, LedgerPostings::Table, LedgerPostings::TransactionId, OLD).await?;
        manager.drop_index(Index::drop().name(NEW).table(LedgerPostings::Table).to_owned()).await
    }
}
