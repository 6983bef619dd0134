//! Invitation codes, which an invite-only platform asks for at sign-up:
//! made by admins or by users for a friend, used once, valid for a while.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InviteCodes {
    Table,
    Id,
    /// What the invited person types in or follows a link with.
    Code,
    CreatedBy,
    /// Made by an admin rather than by a user for a friend.
    ByAdmin,
    /// Who it was sent to, if anyone; then only that address may use it.
    Email,
    Note,
    ExpiresAt,
    /// The account that signed up with it.
    UsedBy,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(InviteCodes::Table)
                    .col(uuid_pk(InviteCodes::Id))
                    .col(varchar(InviteCodes::Code, 32).unique_key())
                    .col(uuid(InviteCodes::CreatedBy))
                    .col(boolean(InviteCodes::ByAdmin))
                    .col(varchar_null(InviteCodes::Email, 254))
                    .col(text(InviteCodes::Note))
                    .col(instant(b, InviteCodes::ExpiresAt))
                    .col(uuid_null(InviteCodes::UsedBy))
                    .col(instant_null(b, InviteCodes::UsedAt))
                    .col(instant(b, InviteCodes::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // A user's codes, in id order for paging and for counting the unused.
        index_on(manager, InviteCodes::Table, [InviteCodes::CreatedBy, InviteCodes::Id], "idx_invite_codes_creator")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(InviteCodes::Table).to_owned()).await
    }
}
