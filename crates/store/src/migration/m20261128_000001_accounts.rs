//! Accounts, sessions, e-mail tokens, files, skills and profiles.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    PrimaryRole,
    IsFreelancer,
    IsClient,
    IsAdmin,
    AvatarFileId,
    Location,
    Timezone,
    EmailVerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SessionFamilies {
    Table,
    Id,
    UserId,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    FamilyId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EmailTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Files {
    Table,
    Id,
    OwnerId,
    Purpose,
    ContentType,
    SizeBytes,
    StorageKey,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Skills {
    Table,
    Id,
    Slug,
    Name,
    Category,
}

#[derive(DeriveIden)]
enum FreelancerProfiles {
    Table,
    UserId,
    Headline,
    Bio,
    HourlyRateAmount,
    HourlyRateCurrency,
    Availability,
    SkillsJson,
    ExperienceJson,
    EducationJson,
    PortfolioJson,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FreelancerSkills {
    Table,
    UserId,
    SkillId,
}

#[derive(DeriveIden)]
enum ClientProfiles {
    Table,
    UserId,
    CompanyName,
    Website,
    CompanySize,
    Industry,
    Description,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(uuid_pk(Users::Id))
                    .col(varchar(Users::Email, 254).unique_key())
                    .col(varchar(Users::Name, 100))
                    .col(varchar(Users::PasswordHash, 200))
                    .col(varchar(Users::PrimaryRole, 20))
                    .col(boolean(Users::IsFreelancer))
                    .col(boolean(Users::IsClient))
                    .col(boolean(Users::IsAdmin))
                    .col(uuid_null(Users::AvatarFileId))
                    .col(varchar_null(Users::Location, 100))
                    .col(varchar_null(Users::Timezone, 64))
                    .col(instant_null(b, Users::EmailVerifiedAt))
                    .col(instant(b, Users::CreatedAt))
                    .col(instant(b, Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SessionFamilies::Table)
                    .col(uuid_pk(SessionFamilies::Id))
                    .col(uuid(SessionFamilies::UserId))
                    .col(instant(b, SessionFamilies::CreatedAt))
                    .col(instant_null(b, SessionFamilies::RevokedAt))
                    .foreign_key(&mut fk(SessionFamilies::Table, SessionFamilies::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, SessionFamilies::Table, SessionFamilies::UserId, "idx_session_families_user").await?;

        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(uuid_pk(RefreshTokens::Id))
                    .col(uuid(RefreshTokens::FamilyId))
                    .col(varchar(RefreshTokens::TokenHash, 64).unique_key())
                    .col(instant(b, RefreshTokens::ExpiresAt))
                    .col(instant_null(b, RefreshTokens::UsedAt))
                    .col(instant(b, RefreshTokens::CreatedAt))
                    .foreign_key(&mut fk(
                        RefreshTokens::Table,
                        RefreshTokens::FamilyId,
                        SessionFamilies::Table,
                        SessionFamilies::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, RefreshTokens::Table, RefreshTokens::FamilyId, "idx_refresh_tokens_family").await?;

        manager
            .create_table(
                Table::create()
                    .table(EmailTokens::Table)
                    .col(uuid_pk(EmailTokens::Id))
                    .col(uuid(EmailTokens::UserId))
                    .col(varchar(EmailTokens::Purpose, 20))
                    .col(varchar(EmailTokens::TokenHash, 64).unique_key())
                    .col(instant(b, EmailTokens::ExpiresAt))
                    .col(instant_null(b, EmailTokens::UsedAt))
                    .col(instant(b, EmailTokens::CreatedAt))
                    .foreign_key(&mut fk(EmailTokens::Table, EmailTokens::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, EmailTokens::Table, EmailTokens::UserId, "idx_email_tokens_user").await?;

        manager
            .create_table(
                Table::create()
                    .table(Files::Table)
                    .col(uuid_pk(Files::Id))
                    .col(uuid(Files::OwnerId))
                    .col(varchar(Files::Purpose, 20))
                    .col(varchar(Files::ContentType, 100))
                    .col(bigint(Files::SizeBytes))
                    .col(varchar(Files::StorageKey, 200))
                    .col(instant(b, Files::CreatedAt))
                    .foreign_key(&mut fk(Files::Table, Files::OwnerId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, Files::Table, Files::OwnerId, "idx_files_owner").await?;

        manager
            .create_table(
                Table::create()
                    .table(Skills::Table)
                    .col(uuid_pk(Skills::Id))
                    .col(varchar(Skills::Slug, 60).unique_key())
                    .col(varchar(Skills::Name, 80))
                    .col(varchar(Skills::Category, 80))
                    .to_owned(),
            )
            .await?;

        // Experience, education, portfolio and the skill names are owned by the
        // profile and always read with it, so they live in the row as JSON:
        // a public profile is one indexed read. Skills are also kept
        // relationally (freelancer_skills) for search.
        manager
            .create_table(
                Table::create()
                    .table(FreelancerProfiles::Table)
                    .col(uuid_pk(FreelancerProfiles::UserId))
                    .col(varchar(FreelancerProfiles::Headline, 500))
                    .col(text(FreelancerProfiles::Bio))
                    .col(bigint_null(FreelancerProfiles::HourlyRateAmount))
                    .col(varchar_null(FreelancerProfiles::HourlyRateCurrency, 3))
                    .col(varchar(FreelancerProfiles::Availability, 20))
                    .col(text(FreelancerProfiles::SkillsJson))
                    .col(text(FreelancerProfiles::ExperienceJson))
                    .col(text(FreelancerProfiles::EducationJson))
                    .col(text(FreelancerProfiles::PortfolioJson))
                    .col(instant(b, FreelancerProfiles::UpdatedAt))
                    .foreign_key(&mut fk(
                        FreelancerProfiles::Table,
                        FreelancerProfiles::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(FreelancerSkills::Table)
                    .col(uuid(FreelancerSkills::UserId))
                    .col(uuid(FreelancerSkills::SkillId))
                    .primary_key(Index::create().col(FreelancerSkills::UserId).col(FreelancerSkills::SkillId))
                    .foreign_key(&mut fk(FreelancerSkills::Table, FreelancerSkills::UserId, Users::Table, Users::Id))
                    .foreign_key(&mut fk(FreelancerSkills::Table, FreelancerSkills::SkillId, Skills::Table, Skills::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, FreelancerSkills::Table, FreelancerSkills::SkillId, "idx_freelancer_skills_skill").await?;

        manager
            .create_table(
                Table::create()
                    .table(ClientProfiles::Table)
                    .col(uuid_pk(ClientProfiles::UserId))
                    .col(varchar(ClientProfiles::CompanyName, 500))
                    .col(varchar_null(ClientProfiles::Website, 2048))
                    .col(varchar(ClientProfiles::CompanySize, 20))
                    .col(varchar(ClientProfiles::Industry, 400))
                    .col(text(ClientProfiles::Description))
                    .col(instant(b, ClientProfiles::UpdatedAt))
                    .foreign_key(&mut fk(ClientProfiles::Table, ClientProfiles::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ClientProfiles::Table.into_iden(),
            FreelancerSkills::Table.into_iden(),
            FreelancerProfiles::Table.into_iden(),
            Skills::Table.into_iden(),
            Files::Table.into_iden(),
            EmailTokens::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            SessionFamilies::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
