//! Reputation: reviews between the parties of finished contracts, client
//! ratings beside the freelancers' ones, freelancer levels with the day they
//! were last recomputed, and profile views counted once per viewer and day.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    ContractId,
    JobId,
    ReviewerId,
    RevieweeId,
    /// `freelancer` or `client`: the side the reviewed party was on.
    RevieweeSide,
    /// Whole stars, 1 to 5.
    Rating,
    Comment,
    /// Seen by the platform only.
    PrivateFeedback,
    Reply,
    RepliedAt,
    CreatedAt,
    /// When the contract's review window closes: hidden reviews are released then.
    WindowClosesAt,
    /// When the review became visible; null while it is hidden.
    ReleasedAt,
}

#[derive(DeriveIden)]
enum ProfileViews {
    Table,
    ProfileUserId,
    /// UTC day of the view.
    Day,
    /// The viewing user, or for an anonymous viewer an id derived from a
    /// hash of their address and the day.
    ViewerId,
    Anonymous,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FreelancerProfiles {
    Table,
    Level,
    /// The UTC day the daily sweep last recomputed the level and rank.
    ReputationCheckedOn,
}

#[derive(DeriveIden)]
enum ClientProfiles {
    Table,
    RatingAvg,
    RatingCount,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(Reviews::Table)
                    .col(uuid_pk(Reviews::Id))
                    .col(uuid(Reviews::ContractId))
                    .col(uuid(Reviews::JobId))
                    .col(uuid(Reviews::ReviewerId))
                    .col(uuid(Reviews::RevieweeId))
                    .col(varchar(Reviews::RevieweeSide, 20))
                    .col(int(Reviews::Rating))
                    .col(text(Reviews::Comment))
                    .col(ColumnDef::new(Reviews::PrivateFeedback).text().null())
                    .col(ColumnDef::new(Reviews::Reply).text().null())
                    .col(instant_null(b, Reviews::RepliedAt))
                    .col(instant(b, Reviews::CreatedAt))
                    .col(instant(b, Reviews::WindowClosesAt))
                    .col(instant_null(b, Reviews::ReleasedAt))
                    .foreign_key(&mut fk(Reviews::Table, Reviews::ContractId, Contracts::Table, Contracts::Id))
                    // Once per party per contract, whatever races the requests run.
                    .index(
                        Index::create()
                            .name("uniq_reviews_contract_reviewer")
                            .unique()
                            .col(Reviews::ContractId)
                            .col(Reviews::ReviewerId),
                    )
                    .to_owned(),
            )
            .await?;
        // A user's received reviews, per side, newest first.
        index_on(
            manager,
            Reviews::Table,
            [Reviews::RevieweeId, Reviews::RevieweeSide, Reviews::Id],
            "idx_reviews_reviewee",
        )
        .await?;
        index(manager, Reviews::Table, Reviews::JobId, "idx_reviews_job").await?;
        // The release sweep looks for hidden reviews whose window has closed.
        index_on(manager, Reviews::Table, [Reviews::ReleasedAt, Reviews::WindowClosesAt], "idx_reviews_release")
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProfileViews::Table)
                    .col(uuid(ProfileViews::ProfileUserId))
                    .col(ColumnDef::new(ProfileViews::Day).date().not_null())
                    .col(uuid(ProfileViews::ViewerId))
                    .col(boolean(ProfileViews::Anonymous))
                    .col(instant(b, ProfileViews::CreatedAt))
                    // One view per viewer, profile and day; also serves the owner's series by day.
                    .primary_key(
                        Index::create()
                            .col(ProfileViews::ProfileUserId)
                            .col(ProfileViews::Day)
                            .col(ProfileViews::ViewerId),
                    )
                    .to_owned(),
            )
            .await?;

        // One column per statement: SQLite adds columns one at a time.
        let freelancer_columns = [
            ColumnDef::new(FreelancerProfiles::Level).string_len(20).not_null().default("new").to_owned(),
            ColumnDef::new(FreelancerProfiles::ReputationCheckedOn).date().null().to_owned(),
        ];
        for mut column in freelancer_columns {
            manager
                .alter_table(Table::alter().table(FreelancerProfiles::Table).add_column(&mut column).to_owned())
                .await?;
        }
        index(manager, FreelancerProfiles::Table, FreelancerProfiles::Level, "idx_freelancer_profiles_level").await?;
        index(
            manager,
            FreelancerProfiles::Table,
            FreelancerProfiles::ReputationCheckedOn,
            "idx_freelancer_profiles_reputation_checked",
        )
        .await?;
        let client_columns = [
            ColumnDef::new(ClientProfiles::RatingAvg).double().null().to_owned(),
            ColumnDef::new(ClientProfiles::RatingCount).integer().not_null().default(0).to_owned(),
        ];
        for mut column in client_columns {
            manager.alter_table(Table::alter().table(ClientProfiles::Table).add_column(&mut column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [ClientProfiles::RatingCount, ClientProfiles::RatingAvg] {
            manager.alter_table(Table::alter().table(ClientProfiles::Table).drop_column(column).to_owned()).await?;
        }
        for name in ["idx_freelancer_profiles_reputation_checked", "idx_freelancer_profiles_level"] {
            manager.drop_index(Index::drop().name(name).table(FreelancerProfiles::Table).to_owned()).await?;
        }
        for column in [FreelancerProfiles::ReputationCheckedOn, FreelancerProfiles::Level] {
            manager.alter_table(Table::alter().table(FreelancerProfiles::Table).drop_column(column).to_owned()).await?;
        }
        for table in [ProfileViews::Table.into_iden(), Reviews::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
