//! What freelancer search filters and sorts by: the freelancer's stated
//! experience level, completed jobs, rating, and the rank score derived
//! from them (see `domain::freelancer_search::rank_score`).

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FreelancerProfiles {
    Table,
    ExperienceLevel,
    CompletedJobs,
    RatingAvg,
    RatingCount,
    RankScore,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds columns one at a time.
        let columns = [
            ColumnDef::new(FreelancerProfiles::ExperienceLevel)
                .string_len(20)
                .not_null()
                .default("intermediate")
                .to_owned(),
            ColumnDef::new(FreelancerProfiles::CompletedJobs).integer().not_null().default(0).to_owned(),
            ColumnDef::new(FreelancerProfiles::RatingAvg).double().null().to_owned(),
            ColumnDef::new(FreelancerProfiles::RatingCount).integer().not_null().default(0).to_owned(),
            ColumnDef::new(FreelancerProfiles::RankScore).integer().not_null().default(0).to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(Table::alter().table(FreelancerProfiles::Table).add_column(&mut column).to_owned())
                .await?;
        }
        index(manager, FreelancerProfiles::Table, FreelancerProfiles::RankScore, "idx_freelancer_profiles_rank").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_freelancer_profiles_rank").table(FreelancerProfiles::Table).to_owned())
            .await?;
        for column in [
            FreelancerProfiles::RankScore,
            FreelancerProfiles::RatingCount,
            FreelancerProfiles::RatingAvg,
            FreelancerProfiles::CompletedJobs,
            FreelancerProfiles::ExperienceLevel,
        ] {
            manager.alter_table(Table::alter().table(FreelancerProfiles::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
