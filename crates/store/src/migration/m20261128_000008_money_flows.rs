//! Money beyond funding: submitted work and its review, platform settings,
//! invoices numbered per year, withdrawals, the provider's side of every
//! charge, refund and payout, provider webhooks applied once, and hourly
//! time with its weekly billing.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Milestones {
    Table,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    CancelRequestedBy,
}

#[derive(DeriveIden)]
enum LedgerTransactions {
    Table,
    /// The user whose money came in or went out through the provider: the
    /// client of a charge or refund, the user of a withdrawal.
    UserId,
    MilestoneId,
}

#[derive(DeriveIden)]
enum MilestoneEvents {
    Table,
    Id,
    MilestoneId,
    /// Nobody for what the platform did on its own (an automatic release).
    AuthorId,
    Kind,
    Message,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PlatformSettings {
    Table,
    Name,
    Value,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InvoiceCounters {
    Table,
    Year,
    Last,
}

#[derive(DeriveIden)]
enum Invoices {
    Table,
    Id,
    Number,
    Kind,
    ContractId,
    JobId,
    ClientId,
    FreelancerId,
    MilestoneId,
    HourlyWeekId,
    Currency,
    ClientTotal,
    FreelancerNet,
    /// The invoice as issued (JSON); never rewritten.
    Document,
    IssuedAt,
}

#[derive(DeriveIden)]
enum Withdrawals {
    Table,
    Id,
    UserId,
    Amount,
    Currency,
    Status,
    Provider,
    Destination,
    Reference,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PayoutAccounts {
    Table,
    UserId,
    Provider,
    Destination,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProviderPayments {
    Table,
    Id,
    Kind,
    Provider,
    Reference,
    Amount,
    Currency,
    /// The ledger transaction that records it: one each, never two.
    LedgerTransactionId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProviderEvents {
    Table,
    Id,
    Provider,
    EventId,
    Kind,
    Reference,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum TimeEntries {
    Table,
    Id,
    ContractId,
    WorkDate,
    Minutes,
    Memo,
    HourlyWeekId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum HourlyWeeks {
    Table,
    Id,
    ContractId,
    WeekStart,
    Minutes,
    Amount,
    /// What the freelancer was paid into pending, after the service fee.
    FreelancerNet,
    Currency,
    Status,
    ReleaseAfter,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        // One column per statement: SQLite adds columns one at a time.
        manager
            .alter_table(
                Table::alter().table(Milestones::Table).add_column(instant_null(b, Milestones::SubmittedAt)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Contracts::Table).add_column(uuid_null(Contracts::CancelRequestedBy)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(LedgerTransactions::Table)
                    .add_column(uuid_null(LedgerTransactions::UserId))
                    .to_owned(),
            )
            .await?;
        index(manager, LedgerTransactions::Table, LedgerTransactions::UserId, "idx_ledger_transactions_user").await?;
        // A refund and an invoice look up the charge that funded their milestone.
        index(manager, LedgerTransactions::Table, LedgerTransactions::MilestoneId, "idx_ledger_transactions_milestone")
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MilestoneEvents::Table)
                    .col(uuid_pk(MilestoneEvents::Id))
                    .col(uuid(MilestoneEvents::MilestoneId))
                    .col(uuid_null(MilestoneEvents::AuthorId))
                    .col(varchar(MilestoneEvents::Kind, 30))
                    .col(text(MilestoneEvents::Message))
                    .col(instant(b, MilestoneEvents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, MilestoneEvents::Table, MilestoneEvents::MilestoneId, "idx_milestone_events_milestone").await?;

        manager
            .create_table(
                Table::create()
                    .table(PlatformSettings::Table)
                    .col(ColumnDef::new(PlatformSettings::Name).string_len(60).not_null().primary_key())
                    .col(text(PlatformSettings::Value))
                    .col(instant(b, PlatformSettings::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(InvoiceCounters::Table)
                    .col(ColumnDef::new(InvoiceCounters::Year).integer().not_null().primary_key())
                    .col(int(InvoiceCounters::Last))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invoices::Table)
                    .col(uuid_pk(Invoices::Id))
                    .col(varchar(Invoices::Number, 20).unique_key())
                    .col(varchar(Invoices::Kind, 20))
                    .col(uuid(Invoices::ContractId))
                    .col(uuid(Invoices::JobId))
                    .col(uuid(Invoices::ClientId))
                    .col(uuid(Invoices::FreelancerId))
                    .col(uuid_null(Invoices::MilestoneId).unique_key())
                    .col(uuid_null(Invoices::HourlyWeekId).unique_key())
                    .col(varchar(Invoices::Currency, 3))
                    .col(bigint(Invoices::ClientTotal))
                    .col(bigint(Invoices::FreelancerNet))
                    .col(text(Invoices::Document))
                    .col(instant(b, Invoices::IssuedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, Invoices::Table, Invoices::JobId, "idx_invoices_job").await?;
        index(manager, Invoices::Table, Invoices::ClientId, "idx_invoices_client").await?;
        index(manager, Invoices::Table, Invoices::FreelancerId, "idx_invoices_freelancer").await?;

        manager
            .create_table(
                Table::create()
                    .table(Withdrawals::Table)
                    .col(uuid_pk(Withdrawals::Id))
                    .col(uuid(Withdrawals::UserId))
                    .col(bigint(Withdrawals::Amount))
                    .col(varchar(Withdrawals::Currency, 3))
                    .col(varchar(Withdrawals::Status, 20))
                    .col(varchar(Withdrawals::Provider, 20))
                    .col(varchar_null(Withdrawals::Destination, 255))
                    .col(varchar_null(Withdrawals::Reference, 255))
                    .col(instant(b, Withdrawals::CreatedAt))
                    .col(instant(b, Withdrawals::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, Withdrawals::Table, Withdrawals::UserId, "idx_withdrawals_user").await?;
        manager
            .create_table(
                Table::create()
                    .table(PayoutAccounts::Table)
                    .col(uuid_pk(PayoutAccounts::UserId))
                    .col(varchar(PayoutAccounts::Provider, 20))
                    .col(varchar(PayoutAccounts::Destination, 255))
                    .col(instant(b, PayoutAccounts::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProviderPayments::Table)
                    .col(uuid_pk(ProviderPayments::Id))
                    .col(varchar(ProviderPayments::Kind, 10))
                    .col(varchar(ProviderPayments::Provider, 20))
                    .col(varchar(ProviderPayments::Reference, 255))
                    .col(bigint(ProviderPayments::Amount))
                    .col(varchar(ProviderPayments::Currency, 3))
                    .col(uuid(ProviderPayments::LedgerTransactionId).unique_key())
                    .col(instant(b, ProviderPayments::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index_on(
            manager,
            ProviderPayments::Table,
            [ProviderPayments::Provider, ProviderPayments::Reference],
            "idx_provider_payments_reference",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProviderEvents::Table)
                    .col(uuid_pk(ProviderEvents::Id))
                    .col(varchar(ProviderEvents::Provider, 20))
                    .col(varchar(ProviderEvents::EventId, 255))
                    .col(varchar(ProviderEvents::Kind, 100))
                    .col(varchar_null(ProviderEvents::Reference, 255))
                    .col(instant(b, ProviderEvents::ReceivedAt))
                    .index(
                        Index::create()
                            .name("uniq_provider_events")
                            .unique()
                            .col(ProviderEvents::Provider)
                            .col(ProviderEvents::EventId),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(HourlyWeeks::Table)
                    .col(uuid_pk(HourlyWeeks::Id))
                    .col(uuid(HourlyWeeks::ContractId))
                    .col(ColumnDef::new(HourlyWeeks::WeekStart).date().not_null())
                    .col(int(HourlyWeeks::Minutes))
                    .col(bigint(HourlyWeeks::Amount))
                    .col(bigint(HourlyWeeks::FreelancerNet))
                    .col(varchar(HourlyWeeks::Currency, 3))
                    .col(varchar(HourlyWeeks::Status, 20))
                    .col(instant(b, HourlyWeeks::ReleaseAfter))
                    .col(instant(b, HourlyWeeks::CreatedAt))
                    .col(instant(b, HourlyWeeks::UpdatedAt))
                    .index(
                        Index::create()
                            .name("uniq_hourly_weeks")
                            .unique()
                            .col(HourlyWeeks::ContractId)
                            .col(HourlyWeeks::WeekStart),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, HourlyWeeks::Table, HourlyWeeks::Status, "idx_hourly_weeks_status").await?;
        manager
            .create_table(
                Table::create()
                    .table(TimeEntries::Table)
                    .col(uuid_pk(TimeEntries::Id))
                    .col(uuid(TimeEntries::ContractId))
                    .col(ColumnDef::new(TimeEntries::WorkDate).date().not_null())
                    .col(int(TimeEntries::Minutes))
                    .col(varchar(TimeEntries::Memo, 500))
                    .col(uuid_null(TimeEntries::HourlyWeekId))
                    .col(instant(b, TimeEntries::CreatedAt))
                    .col(instant(b, TimeEntries::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index_on(
            manager,
            TimeEntries::Table,
            [TimeEntries::ContractId, TimeEntries::WorkDate],
            "idx_time_entries_contract_date",
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            TimeEntries::Table.into_iden(),
            HourlyWeeks::Table.into_iden(),
            ProviderEvents::Table.into_iden(),
            ProviderPayments::Table.into_iden(),
            PayoutAccounts::Table.into_iden(),
            Withdrawals::Table.into_iden(),
            Invoices::Table.into_iden(),
            InvoiceCounters::Table.into_iden(),
            PlatformSettings::Table.into_iden(),
            MilestoneEvents::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for name in ["idx_ledger_transactions_milestone", "idx_ledger_transactions_user"] {
            manager.drop_index(Index::drop().name(name).table(LedgerTransactions::Table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter().table(LedgerTransactions::Table).drop_column(LedgerTransactions::UserId).to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(Contracts::Table).drop_column(Contracts::CancelRequestedBy).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table(Milestones::Table).drop_column(Milestones::SubmittedAt).to_owned())
            .await
    }
}
