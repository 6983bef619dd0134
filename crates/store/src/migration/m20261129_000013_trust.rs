//! Trust and administration: a user's standing (suspended until a time, or
//! banned), the append-only audit log of admin actions, users' reports of
//! abuse, and announcements.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    SuspendedUntil,
    BannedAt,
    /// Why the user was last suspended or banned, for the admins.
    ModerationReason,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    /// `user.ban`, `settings.update`, `payment.refund`, ...
    Action,
    /// `user`, `job`, `dispute`, `settings`, ...
    SubjectKind,
    SubjectId,
    Reason,
    DetailsJson,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    ReporterId,
    /// `user`, `job` or `message`.
    SubjectKind,
    SubjectId,
    Reason,
    Details,
    /// `open`, `resolved` or `dismissed`.
    Status,
    CreatedAt,
    HandledBy,
    HandledAt,
}

#[derive(DeriveIden)]
enum Announcements {
    Table,
    Id,
    AuthorId,
    /// `all`, `freelancer` or `client`.
    Audience,
    Title,
    Body,
    /// Users it is for, counted when it was posted.
    Recipients,
    /// Users told so far; the rest are told in batches.
    Delivered,
    /// The last user told, in id order: where the next batch starts.
    LastUserId,
    CreatedAt,
    FinishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        // One column per statement: SQLite adds columns one at a time.
        manager
            .alter_table(
                Table::alter().table(Users::Table).add_column(instant_null(b, Users::SuspendedUntil)).to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(Users::Table).add_column(instant_null(b, Users::BannedAt)).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(ColumnDef::new(Users::ModerationReason).text().null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(uuid_pk(AuditLog::Id))
                    .col(uuid(AuditLog::ActorId))
                    .col(varchar(AuditLog::Action, 60))
                    .col(varchar(AuditLog::SubjectKind, 30))
                    .col(uuid_null(AuditLog::SubjectId))
                    .col(text(AuditLog::Reason))
                    .col(text(AuditLog::DetailsJson))
                    .col(instant(b, AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, AuditLog::Table, AuditLog::ActorId, "idx_audit_log_actor").await?;
        index_on(manager, AuditLog::Table, [AuditLog::SubjectKind, AuditLog::SubjectId], "idx_audit_log_subject")
            .await?;
        index(manager, AuditLog::Table, AuditLog::Action, "idx_audit_log_action").await?;

        manager
            .create_table(
                Table::create()
                    .table(Reports::Table)
                    .col(uuid_pk(Reports::Id))
                    .col(uuid(Reports::ReporterId))
                    .col(varchar(Reports::SubjectKind, 20))
                    .col(uuid(Reports::SubjectId))
                    .col(varchar(Reports::Reason, 40))
                    .col(text(Reports::Details))
                    .col(varchar(Reports::Status, 20))
                    .col(instant(b, Reports::CreatedAt))
                    .col(uuid_null(Reports::HandledBy))
                    .col(instant_null(b, Reports::HandledAt))
                    .to_owned(),
            )
            .await?;
        index_on(manager, Reports::Table, [Reports::Status, Reports::Id], "idx_reports_status").await?;

        manager
            .create_table(
                Table::create()
                    .table(Announcements::Table)
                    .col(uuid_pk(Announcements::Id))
                    .col(uuid(Announcements::AuthorId))
                    .col(varchar(Announcements::Audience, 20))
                    .col(varchar(Announcements::Title, 200))
                    .col(text(Announcements::Body))
                    .col(bigint(Announcements::Recipients))
                    .col(bigint(Announcements::Delivered))
                    .col(uuid_null(Announcements::LastUserId))
                    .col(instant(b, Announcements::CreatedAt))
                    .col(instant_null(b, Announcements::FinishedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Announcements::Table.into_iden(), Reports::Table.into_iden(), AuditLog::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in
            [Users::ModerationReason.into_iden(), Users::BannedAt.into_iden(), Users::SuspendedUntil.into_iden()]
        {
            manager.alter_table(Table::alter().table(Users::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
