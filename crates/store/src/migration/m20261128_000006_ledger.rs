//! The double-entry ledger: transactions, their postings, and each
//! account's balance cached beside them (checked against the postings by
//! `downwork ledger-check`).

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LedgerTransactions {
    Table,
    Id,
    Movement,
    ContractId,
    MilestoneId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerPostings {
    Table,
    Id,
    TransactionId,
    AccountKind,
    /// The user or contract of the account; the nil id for platform accounts.
    AccountId,
    Currency,
    Amount,
}

#[derive(DeriveIden)]
enum AccountBalances {
    Table,
    AccountKind,
    AccountId,
    Currency,
    Balance,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(LedgerTransactions::Table)
                    .col(uuid_pk(LedgerTransactions::Id))
                    .col(varchar(LedgerTransactions::Movement, 20))
                    .col(uuid_null(LedgerTransactions::ContractId))
                    .col(uuid_null(LedgerTransactions::MilestoneId))
                    .col(instant(b, LedgerTransactions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, LedgerTransactions::Table, LedgerTransactions::ContractId, "idx_ledger_transactions_contract")
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerPostings::Table)
                    .col(uuid_pk(LedgerPostings::Id))
                    .col(uuid(LedgerPostings::TransactionId))
                    .col(varchar(LedgerPostings::AccountKind, 20))
                    .col(uuid(LedgerPostings::AccountId))
                    .col(varchar(LedgerPostings::Currency, 3))
                    .col(bigint(LedgerPostings::Amount))
                    .foreign_key(&mut fk(
                        LedgerPostings::Table,
                        LedgerPostings::TransactionId,
                        LedgerTransactions::Table,
                        LedgerTransactions::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index_on(
            manager,
            LedgerPostings::Table,
            [LedgerPostings::AccountKind, LedgerPostings::AccountId, LedgerPostings::Currency],
            "idx_ledger_postings_account",
        )
        .await?;
        index(manager, LedgerPostings::Table, LedgerPostings::TransactionId, "idx_ledger_postings_transaction").await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountBalances::Table)
                    .col(varchar(AccountBalances::AccountKind, 20))
                    .col(uuid(AccountBalances::AccountId))
                    .col(varchar(AccountBalances::Currency, 3))
                    .col(bigint(AccountBalances::Balance))
                    .col(instant(b, AccountBalances::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(AccountBalances::AccountKind)
                            .col(AccountBalances::AccountId)
                            .col(AccountBalances::Currency),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AccountBalances::Table.into_iden(),
            LedgerPostings::Table.into_iden(),
            LedgerTransactions::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
