//! Jobs, their full-text index, proposals, invitations, contracts with their
//! milestones, and the notifications these produce.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use super::columns::*;
use super::m20261128_000001_accounts::{Skills, Users};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Jobs {
    Table,
    Id,
    ClientId,
    Title,
    Description,
    Category,
    SkillsJson,
    PaymentType,
    Currency,
    BudgetAmount,
    RateMinAmount,
    RateMaxAmount,
    HoursPerWeek,
    Duration,
    ExperienceLevel,
    QuestionsJson,
    AttachmentsJson,
    Visibility,
    Status,
    HiresWanted,
    HiresCount,
    Deadline,
    /// The fixed budget or the top hourly rate: what the budget sort orders by.
    SortAmount,
    PostedAt,
    ExpiresAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum JobSkills {
    Table,
    JobId,
    SkillId,
}

#[derive(DeriveIden)]
pub enum Proposals {
    Table,
    Id,
    JobId,
    FreelancerId,
    Status,
    CoverLetter,
    Amount,
    Currency,
    DurationDays,
    AnswersJson,
    MilestonesJson,
    AttachmentsJson,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    JobId,
    FreelancerId,
    Message,
    Status,
    ProposalId,
    CreatedAt,
    AnsweredAt,
}

#[derive(DeriveIden)]
pub enum Contracts {
    Table,
    Id,
    JobId,
    ProposalId,
    ClientId,
    FreelancerId,
    Title,
    PaymentType,
    Currency,
    Amount,
    HourlyRate,
    WeeklyLimitHours,
    Status,
    StartedAt,
    EndedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum Milestones {
    Table,
    Id,
    ContractId,
    Position,
    Title,
    Amount,
    Currency,
    DueDate,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    PayloadJson,
    ReadAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        jobs(manager, b).await?;
        full_text_index(manager, b).await?;
        proposals(manager, b).await?;
        contracts(manager, b).await?;
        notifications(manager, b).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager.get_connection().execute_unprepared("DROP TABLE IF EXISTS jobs_fts").await?;
        }
        for table in [
            Notifications::Table.into_iden(),
            Milestones::Table.into_iden(),
            Contracts::Table.into_iden(),
            Invitations::Table.into_iden(),
            Proposals::Table.into_iden(),
            JobSkills::Table.into_iden(),
            Jobs::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

async fn jobs(manager: &SchemaManager<'_>, b: DbBackend) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Jobs::Table)
                .col(uuid_pk(Jobs::Id))
                .col(uuid(Jobs::ClientId))
                .col(varchar(Jobs::Title, 500))
                .col(text(Jobs::Description))
                .col(varchar(Jobs::Category, 80))
                .col(text(Jobs::SkillsJson))
                .col(varchar(Jobs::PaymentType, 10))
                .col(varchar(Jobs::Currency, 3))
                .col(bigint_null(Jobs::BudgetAmount))
                .col(bigint_null(Jobs::RateMinAmount))
                .col(bigint_null(Jobs::RateMaxAmount))
                .col(int_null(Jobs::HoursPerWeek))
                .col(varchar_null(Jobs::Duration, 20))
                .col(varchar(Jobs::ExperienceLevel, 20))
                .col(text(Jobs::QuestionsJson))
                .col(text(Jobs::AttachmentsJson))
                .col(varchar(Jobs::Visibility, 20))
                .col(varchar(Jobs::Status, 10))
                .col(int(Jobs::HiresWanted))
                .col(int(Jobs::HiresCount))
                .col(date_null(Jobs::Deadline))
                .col(bigint(Jobs::SortAmount))
                .col(instant_null(b, Jobs::PostedAt))
                .col(instant_null(b, Jobs::ExpiresAt))
                .col(instant(b, Jobs::CreatedAt))
                .col(instant(b, Jobs::UpdatedAt))
                .foreign_key(&mut fk(Jobs::Table, Jobs::ClientId, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
    // The board lists open jobs newest first, often within one category;
    // the other sorts and the owner's list get their own.
    index_on(manager, Jobs::Table, [Jobs::Status, Jobs::PostedAt], "idx_jobs_status_posted").await?;
    index_on(manager, Jobs::Table, [Jobs::Category, Jobs::Status, Jobs::PostedAt], "idx_jobs_category_posted").await?;
    index_on(manager, Jobs::Table, [Jobs::Status, Jobs::SortAmount], "idx_jobs_status_amount").await?;
    index_on(manager, Jobs::Table, [Jobs::Status, Jobs::Deadline], "idx_jobs_status_deadline").await?;
    index_on(manager, Jobs::Table, [Jobs::Status, Jobs::ExpiresAt], "idx_jobs_status_expires").await?;
    index_on(manager, Jobs::Table, [Jobs::ClientId, Jobs::CreatedAt], "idx_jobs_client").await?;

    manager
        .create_table(
            Table::create()
                .table(JobSkills::Table)
                .col(uuid(JobSkills::JobId))
                .col(uuid(JobSkills::SkillId))
                .primary_key(Index::create().col(JobSkills::JobId).col(JobSkills::SkillId))
                .foreign_key(&mut fk(JobSkills::Table, JobSkills::JobId, Jobs::Table, Jobs::Id))
                .foreign_key(&mut fk(JobSkills::Table, JobSkills::SkillId, Skills::Table, Skills::Id))
                .to_owned(),
        )
        .await?;
    index(manager, JobSkills::Table, JobSkills::SkillId, "idx_job_skills_skill").await
}

/// Each database's own full-text search over title and description:
/// PostgreSQL a weighted tsvector with a GIN index, MySQL/MariaDB a FULLTEXT
/// index, SQLite an FTS5 table kept in step by triggers.
async fn full_text_index(manager: &SchemaManager<'_>, b: DbBackend) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let statements: &[&str] = match b {
        DbBackend::Postgres => &[
            "ALTER TABLE jobs ADD COLUMN search tsvector GENERATED ALWAYS AS (\
                setweight(to_tsvector('english', title), 'A') || \
                setweight(to_tsvector('english', description), 'B')) STORED",
            "CREATE INDEX idx_jobs_search ON jobs USING GIN (search)",
        ],
        DbBackend::MySql => &["CREATE FULLTEXT INDEX idx_jobs_fulltext ON jobs (title, description)"],
        _ => &[
            // The job id rides along unindexed so that matches join back to jobs.
            "CREATE VIRTUAL TABLE jobs_fts USING fts5(title, description, job_id UNINDEXED, \
                tokenize = 'porter unicode61')",
            "CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN \
                INSERT INTO jobs_fts (title, description, job_id) VALUES (new.title, new.description, new.id); END",
            "CREATE TRIGGER jobs_fts_update AFTER UPDATE OF title, description ON jobs BEGIN \
                DELETE FROM jobs_fts WHERE job_id = old.id; \
                INSERT INTO jobs_fts (title, description, job_id) VALUES (new.title, new.description, new.id); END",
            "CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN \
                DELETE FROM jobs_fts WHERE job_id = old.id; END",
        ],
    };
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

async fn proposals(manager: &SchemaManager<'_>, b: DbBackend) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Proposals::Table)
                .col(uuid_pk(Proposals::Id))
                .col(uuid(Proposals::JobId))
                .col(uuid(Proposals::FreelancerId))
                .col(varchar(Proposals::Status, 12))
                .col(text(Proposals::CoverLetter))
                .col(bigint(Proposals::Amount))
                .col(varchar(Proposals::Currency, 3))
                .col(int_null(Proposals::DurationDays))
                .col(text(Proposals::AnswersJson))
                .col(text(Proposals::MilestonesJson))
                .col(text(Proposals::AttachmentsJson))
                .col(instant(b, Proposals::CreatedAt))
                .col(instant(b, Proposals::UpdatedAt))
                .foreign_key(&mut fk(Proposals::Table, Proposals::JobId, Jobs::Table, Jobs::Id))
                .foreign_key(&mut fk(Proposals::Table, Proposals::FreelancerId, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
    // One proposal per freelancer per job, enforced by the database so that
    // two concurrent bids cannot both land.
    manager
        .create_index(
            Index::create()
                .name("uq_proposals_job_freelancer")
                .table(Proposals::Table)
                .col(Proposals::JobId)
                .col(Proposals::FreelancerId)
                .unique()
                .to_owned(),
        )
        .await?;
    index_on(manager, Proposals::Table, [Proposals::FreelancerId, Proposals::CreatedAt], "idx_proposals_freelancer")
        .await?;

    manager
        .create_table(
            Table::create()
                .table(Invitations::Table)
                .col(uuid_pk(Invitations::Id))
                .col(uuid(Invitations::JobId))
                .col(uuid(Invitations::FreelancerId))
                .col(text(Invitations::Message))
                .col(varchar(Invitations::Status, 12))
                .col(uuid_null(Invitations::ProposalId))
                .col(instant(b, Invitations::CreatedAt))
                .col(instant_null(b, Invitations::AnsweredAt))
                .foreign_key(&mut fk(Invitations::Table, Invitations::JobId, Jobs::Table, Jobs::Id))
                .foreign_key(&mut fk(Invitations::Table, Invitations::FreelancerId, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("uq_invitations_job_freelancer")
                .table(Invitations::Table)
                .col(Invitations::JobId)
                .col(Invitations::FreelancerId)
                .unique()
                .to_owned(),
        )
        .await?;
    index_on(manager, Invitations::Table, [Invitations::FreelancerId, Invitations::CreatedAt], "idx_invitations_to")
        .await
}

async fn contracts(manager: &SchemaManager<'_>, b: DbBackend) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Contracts::Table)
                .col(uuid_pk(Contracts::Id))
                .col(uuid(Contracts::JobId))
                // A proposal is hired at most once.
                .col(uuid(Contracts::ProposalId).unique_key())
                .col(uuid(Contracts::ClientId))
                .col(uuid(Contracts::FreelancerId))
                .col(varchar(Contracts::Title, 500))
                .col(varchar(Contracts::PaymentType, 10))
                .col(varchar(Contracts::Currency, 3))
                .col(bigint_null(Contracts::Amount))
                .col(bigint_null(Contracts::HourlyRate))
                .col(int_null(Contracts::WeeklyLimitHours))
                .col(varchar(Contracts::Status, 12))
                .col(instant(b, Contracts::StartedAt))
                .col(instant_null(b, Contracts::EndedAt))
                .col(instant(b, Contracts::CreatedAt))
                .col(instant(b, Contracts::UpdatedAt))
                .foreign_key(&mut fk(Contracts::Table, Contracts::JobId, Jobs::Table, Jobs::Id))
                .foreign_key(&mut fk(Contracts::Table, Contracts::ProposalId, Proposals::Table, Proposals::Id))
                .foreign_key(&mut fk(Contracts::Table, Contracts::ClientId, Users::Table, Users::Id))
                .foreign_key(&mut fk(Contracts::Table, Contracts::FreelancerId, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
    index_on(manager, Contracts::Table, [Contracts::ClientId, Contracts::CreatedAt], "idx_contracts_client").await?;
    index_on(manager, Contracts::Table, [Contracts::FreelancerId, Contracts::CreatedAt], "idx_contracts_freelancer")
        .await?;
    index(manager, Contracts::Table, Contracts::JobId, "idx_contracts_job").await?;

    manager
        .create_table(
            Table::create()
                .table(Milestones::Table)
                .col(uuid_pk(Milestones::Id))
                .col(uuid(Milestones::ContractId))
                .col(int(Milestones::Position))
                .col(varchar(Milestones::Title, 500))
                .col(bigint(Milestones::Amount))
                .col(varchar(Milestones::Currency, 3))
                .col(date_null(Milestones::DueDate))
                .col(varchar(Milestones::Status, 20))
                .col(instant(b, Milestones::CreatedAt))
                .col(instant(b, Milestones::UpdatedAt))
                .foreign_key(&mut fk(Milestones::Table, Milestones::ContractId, Contracts::Table, Contracts::Id))
                .to_owned(),
        )
        .await?;
    index_on(manager, Milestones::Table, [Milestones::ContractId, Milestones::Position], "idx_milestones_contract")
        .await
}

async fn notifications(manager: &SchemaManager<'_>, b: DbBackend) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Notifications::Table)
                .col(uuid_pk(Notifications::Id))
                .col(uuid(Notifications::UserId))
                .col(varchar(Notifications::Kind, 40))
                .col(text(Notifications::PayloadJson))
                .col(instant_null(b, Notifications::ReadAt))
                .col(instant(b, Notifications::CreatedAt))
                .foreign_key(&mut fk(Notifications::Table, Notifications::UserId, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
    index_on(manager, Notifications::Table, [Notifications::UserId, Notifications::Id], "idx_notifications_user").await
}
