//! E-mail goes out through a queue in the database, written in the
//! transaction of whatever caused it, and users choose which notifications
//! reach them by e-mail.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MailQueue {
    Table,
    Id,
    ToAddress,
    Subject,
    TextBody,
    /// The HTML alternative; plain text alone when absent.
    HtmlBody,
    /// The notification kind, or what else the mail is (`verify_email`, `password_reset`).
    Kind,
    /// For mail about a notification kind: the link that turns that kind off,
    /// sent as `List-Unsubscribe`.
    UnsubscribeUrl,
    Attempts,
    NextAttemptAt,
    /// A sender that claimed the mail holds it until then; another sender
    /// takes it only after the lease ran out (the first one died mid-send).
    LockedUntil,
    LastError,
    SentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NotificationPreferences {
    Table,
    UserId,
    Kind,
    Email,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        let text_null = |name: MailQueue| ColumnDef::new(name).text().null().to_owned();
        manager
            .create_table(
                Table::create()
                    .table(MailQueue::Table)
                    .col(uuid_pk(MailQueue::Id))
                    .col(varchar(MailQueue::ToAddress, 320))
                    .col(text(MailQueue::Subject))
                    .col(text(MailQueue::TextBody))
                    .col(text_null(MailQueue::HtmlBody))
                    .col(varchar_null(MailQueue::Kind, 40))
                    .col(text_null(MailQueue::UnsubscribeUrl))
                    .col(int(MailQueue::Attempts))
                    .col(instant(b, MailQueue::NextAttemptAt))
                    .col(instant_null(b, MailQueue::LockedUntil))
                    .col(text_null(MailQueue::LastError))
                    .col(instant_null(b, MailQueue::SentAt))
                    .col(instant(b, MailQueue::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // The sender's question: what is unsent and due?
        index_on(manager, MailQueue::Table, [MailQueue::SentAt, MailQueue::NextAttemptAt], "idx_mail_queue_due")
            .await?;

        // Only the choices a user made are stored; every other kind follows
        // its default, so a new kind needs no row for anyone.
        manager
            .create_table(
                Table::create()
                    .table(NotificationPreferences::Table)
                    .col(uuid(NotificationPreferences::UserId))
                    .col(varchar(NotificationPreferences::Kind, 40))
                    .col(ColumnDef::new(NotificationPreferences::Email).boolean().not_null())
                    .col(instant(b, NotificationPreferences::UpdatedAt))
                    .primary_key(
                        Index::create().col(NotificationPreferences::UserId).col(NotificationPreferences::Kind),
                    )
                    .foreign_key(&mut fk(
                        NotificationPreferences::Table,
                        NotificationPreferences::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(NotificationPreferences::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(MailQueue::Table).to_owned()).await
    }
}
