//! Disputes over money held for a milestone or a billed hourly week, their
//! timelines, and the charge each hourly week was paid with (a dispute may
//! refund it).

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Disputes {
    Table,
    Id,
    ContractId,
    MilestoneId,
    HourlyWeekId,
    /// The contract's parties, copied so that a party's disputes are one index away.
    ClientId,
    FreelancerId,
    OpenedBy,
    Reason,
    Description,
    /// `open`, `withdrawn` or `resolved`.
    Status,
    /// The milestone's state when the dispute opened, restored by a withdrawal.
    MilestoneBefore,
    /// What was held for the milestone or week when the dispute opened.
    Amount,
    Currency,
    RespondBy,
    RespondedAt,
    Outcome,
    ClientAmount,
    FreelancerAmount,
    DueDate,
    ResolutionNote,
    ResolvedBy,
    ClosedAt,
    /// The milestone's or week's id while the dispute is open, null once it
    /// is closed: unique, so each has one open dispute at a time on every
    /// backend (NULLs never collide in a unique index).
    OpenKey,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DisputeEvents {
    Table,
    Id,
    DisputeId,
    /// Nobody when the platform acted on its own.
    AuthorId,
    Kind,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum HourlyWeeks {
    Table,
    /// The ledger transaction of the week's charge, whose provider payment a refund reverses.
    ChargeTransactionId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(Disputes::Table)
                    .col(uuid_pk(Disputes::Id))
                    .col(uuid(Disputes::ContractId))
                    .col(uuid_null(Disputes::MilestoneId))
                    .col(uuid_null(Disputes::HourlyWeekId))
                    .col(uuid(Disputes::ClientId))
                    .col(uuid(Disputes::FreelancerId))
                    .col(uuid(Disputes::OpenedBy))
                    .col(varchar(Disputes::Reason, 20))
                    .col(text(Disputes::Description))
                    .col(varchar(Disputes::Status, 12))
                    .col(varchar_null(Disputes::MilestoneBefore, 20))
                    .col(bigint(Disputes::Amount))
                    .col(varchar(Disputes::Currency, 3))
                    .col(instant(b, Disputes::RespondBy))
                    .col(instant_null(b, Disputes::RespondedAt))
                    .col(varchar_null(Disputes::Outcome, 10))
                    .col(bigint_null(Disputes::ClientAmount))
                    .col(bigint_null(Disputes::FreelancerAmount))
                    .col(date_null(Disputes::DueDate))
                    .col(ColumnDef::new(Disputes::ResolutionNote).text().null())
                    .col(uuid_null(Disputes::ResolvedBy))
                    .col(instant_null(b, Disputes::ClosedAt))
                    .col(uuid_null(Disputes::OpenKey))
                    .col(instant(b, Disputes::CreatedAt))
                    .col(instant(b, Disputes::UpdatedAt))
                    .index(Index::create().name("uniq_disputes_open_key").unique().col(Disputes::OpenKey))
                    .foreign_key(&mut fk(Disputes::Table, Disputes::ContractId, Contracts::Table, Contracts::Id))
                    .to_owned(),
            )
            .await?;
        // A party's disputes and the admins' queue, each in id order for paging.
        index_on(manager, Disputes::Table, [Disputes::ClientId, Disputes::Id], "idx_disputes_client").await?;
        index_on(manager, Disputes::Table, [Disputes::FreelancerId, Disputes::Id], "idx_disputes_freelancer").await?;
        index_on(manager, Disputes::Table, [Disputes::Status, Disputes::Id], "idx_disputes_status").await?;
        index(manager, Disputes::Table, Disputes::ContractId, "idx_disputes_contract").await?;

        manager
            .create_table(
                Table::create()
                    .table(DisputeEvents::Table)
                    .col(uuid_pk(DisputeEvents::Id))
                    .col(uuid(DisputeEvents::DisputeId))
                    .col(uuid_null(DisputeEvents::AuthorId))
                    .col(varchar(DisputeEvents::Kind, 20))
                    .col(text(DisputeEvents::Body))
                    .col(instant(b, DisputeEvents::CreatedAt))
                    .foreign_key(&mut fk(DisputeEvents::Table, DisputeEvents::DisputeId, Disputes::Table, Disputes::Id))
                    .to_owned(),
            )
            .await?;
        index_on(
            manager,
            DisputeEvents::Table,
            [DisputeEvents::DisputeId, DisputeEvents::Id],
            "idx_dispute_events_dispute",
        )
        .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(HourlyWeeks::Table)
                    .add_column(uuid_null(HourlyWeeks::ChargeTransactionId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(HourlyWeeks::Table).drop_column(HourlyWeeks::ChargeTransactionId).to_owned(),
            )
            .await?;
        for table in [DisputeEvents::Table.into_iden(), Disputes::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
