//! Direct messages, and the push state of notifications.
//!
//! A conversation numbers its messages (`seq`) from its own counter, bumped
//! under the conversation's row lock, so that clients can ask for "everything
//! after n" and know they missed nothing.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Conversations {
    Table,
    Id,
    /// The pair in a fixed order (lower id first), unique together.
    UserLow,
    UserHigh,
    LastSeq,
    LastMessageAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ConversationMembers {
    Table,
    ConversationId,
    UserId,
    /// The other member, so a list of conversations needs no second look-up.
    PeerId,
    /// The highest `seq` the member has read.
    ReadSeq,
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    ConversationId,
    Seq,
    SenderId,
    Body,
    /// The sender's own id for the message; a re-send with it stores nothing new.
    ClientId,
    EditedAt,
    DeletedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    /// When the notification went out to the user's open sockets.
    PushedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(Conversations::Table)
                    .col(uuid_pk(Conversations::Id))
                    .col(uuid(Conversations::UserLow))
                    .col(uuid(Conversations::UserHigh))
                    .col(bigint(Conversations::LastSeq).default(0))
                    .col(instant_null(b, Conversations::LastMessageAt))
                    .col(instant(b, Conversations::CreatedAt))
                    .index(
                        Index::create()
                            .name("uniq_conversations_pair")
                            .unique()
                            .col(Conversations::UserLow)
                            .col(Conversations::UserHigh),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConversationMembers::Table)
                    .col(uuid(ConversationMembers::ConversationId))
                    .col(uuid(ConversationMembers::UserId))
                    .col(uuid(ConversationMembers::PeerId))
                    .col(bigint(ConversationMembers::ReadSeq).default(0))
                    .primary_key(
                        Index::create().col(ConversationMembers::ConversationId).col(ConversationMembers::UserId),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, ConversationMembers::Table, ConversationMembers::UserId, "idx_conversation_members_user")
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Messages::Table)
                    .col(uuid_pk(Messages::Id))
                    .col(uuid(Messages::ConversationId))
                    .col(bigint(Messages::Seq))
                    .col(uuid(Messages::SenderId))
                    .col(text(Messages::Body))
                    .col(varchar_null(Messages::ClientId, 64))
                    .col(instant_null(b, Messages::EditedAt))
                    .col(instant_null(b, Messages::DeletedAt))
                    .col(instant(b, Messages::CreatedAt))
                    .index(
                        Index::create()
                            .name("uniq_messages_seq")
                            .unique()
                            .col(Messages::ConversationId)
                            .col(Messages::Seq),
                    )
                    .index(
                        Index::create()
                            .name("uniq_messages_client_id")
                            .unique()
                            .col(Messages::ConversationId)
                            .col(Messages::SenderId)
                            .col(Messages::ClientId),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .add_column(instant_null(b, Notifications::PushedAt))
                    .to_owned(),
            )
            .await?;
        // What was stored before live delivery existed is not pushed now.
        manager
            .exec_stmt(
                Query::update()
                    .table(Notifications::Table)
                    .value(Notifications::PushedAt, Expr::col(Notifications::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(manager, Notifications::Table, Notifications::PushedAt, "idx_notifications_pushed_at").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_notifications_pushed_at").table(Notifications::Table).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table(Notifications::Table).drop_column(Notifications::PushedAt).to_owned())
            .await?;
        for table in
            [Messages::Table.into_iden(), ConversationMembers::Table.into_iden(), Conversations::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
