//! The social graph: friendships (one row per pair, whoever asked first),
//! blocks, recommendations of freelancers between friends, and jobs shared
//! with friends.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Friendships {
    Table,
    Id,
    /// The pair in a fixed order (lower id first), unique together: one
    /// friendship per pair in either direction.
    UserLow,
    UserHigh,
    RequesterId,
    /// `pending` or `accepted`; a declined, cancelled or ended friendship is deleted.
    Status,
    CreatedAt,
    AcceptedAt,
}

#[derive(DeriveIden)]
enum UserBlocks {
    Table,
    BlockerId,
    BlockedId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Recommendations {
    Table,
    Id,
    FromUserId,
    ToUserId,
    FreelancerId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum JobShares {
    Table,
    Id,
    JobId,
    FromUserId,
    ToUserId,
    Note,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(Friendships::Table)
                    .col(uuid_pk(Friendships::Id))
                    .col(uuid(Friendships::UserLow))
                    .col(uuid(Friendships::UserHigh))
                    .col(uuid(Friendships::RequesterId))
                    .col(varchar(Friendships::Status, 20))
                    .col(instant(b, Friendships::CreatedAt))
                    .col(instant_null(b, Friendships::AcceptedAt))
                    .index(
                        Index::create()
                            .name("uniq_friendships_pair")
                            .unique()
                            .col(Friendships::UserLow)
                            .col(Friendships::UserHigh),
                    )
                    .to_owned(),
            )
            .await?;
        // Friends of a user are found from either side of the pair, in id
        // order for paging: the other member ends each index.
        index_on(
            manager,
            Friendships::Table,
            [Friendships::UserLow, Friendships::Status, Friendships::UserHigh],
            "idx_friendships_low",
        )
        .await?;
        index_on(
            manager,
            Friendships::Table,
            [Friendships::UserHigh, Friendships::Status, Friendships::UserLow],
            "idx_friendships_high",
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserBlocks::Table)
                    .col(uuid(UserBlocks::BlockerId))
                    .col(uuid(UserBlocks::BlockedId))
                    .col(instant(b, UserBlocks::CreatedAt))
                    .primary_key(Index::create().col(UserBlocks::BlockerId).col(UserBlocks::BlockedId))
                    .to_owned(),
            )
            .await?;
        index(manager, UserBlocks::Table, UserBlocks::BlockedId, "idx_user_blocks_blocked").await?;

        manager
            .create_table(
                Table::create()
                    .table(Recommendations::Table)
                    .col(uuid_pk(Recommendations::Id))
                    .col(uuid(Recommendations::FromUserId))
                    .col(uuid(Recommendations::ToUserId))
                    .col(uuid(Recommendations::FreelancerId))
                    .col(text(Recommendations::Note))
                    .col(instant(b, Recommendations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, Recommendations::Table, Recommendations::ToUserId, "idx_recommendations_to").await?;
        index(manager, Recommendations::Table, Recommendations::FromUserId, "idx_recommendations_from").await?;
        index(manager, Recommendations::Table, Recommendations::FreelancerId, "idx_recommendations_freelancer").await?;

        manager
            .create_table(
                Table::create()
                    .table(JobShares::Table)
                    .col(uuid_pk(JobShares::Id))
                    .col(uuid(JobShares::JobId))
                    .col(uuid(JobShares::FromUserId))
                    .col(uuid(JobShares::ToUserId))
                    .col(text(JobShares::Note))
                    .col(instant(b, JobShares::CreatedAt))
                    .index(
                        Index::create()
                            .name("uniq_job_shares")
                            .unique()
                            .col(JobShares::JobId)
                            .col(JobShares::FromUserId)
                            .col(JobShares::ToUserId),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, JobShares::Table, JobShares::ToUserId, "idx_job_shares_to").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            JobShares::Table.into_iden(),
            Recommendations::Table.into_iden(),
            UserBlocks::Table.into_iden(),
            Friendships::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
