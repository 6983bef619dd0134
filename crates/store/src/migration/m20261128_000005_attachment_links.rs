//! Which job or proposal an attachment belongs to, so that the people who
//! may see the job or proposal may also open its files.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AttachmentLinks {
    Table,
    FileId,
    Subject,
    SubjectId,
}

#[derive(DeriveIden)]
enum Files {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AttachmentLinks::Table)
                    .col(uuid(AttachmentLinks::FileId))
                    .col(varchar(AttachmentLinks::Subject, 10))
                    .col(uuid(AttachmentLinks::SubjectId))
                    .primary_key(
                        Index::create()
                            .col(AttachmentLinks::FileId)
                            .col(AttachmentLinks::Subject)
                            .col(AttachmentLinks::SubjectId),
                    )
                    .foreign_key(&mut fk(AttachmentLinks::Table, AttachmentLinks::FileId, Files::Table, Files::Id))
                    .to_owned(),
            )
            .await?;
        index_on(
            manager,
            AttachmentLinks::Table,
            [AttachmentLinks::Subject, AttachmentLinks::SubjectId],
            "idx_attachment_links_subject",
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AttachmentLinks::Table).to_owned()).await
    }
}
