//! Admins' hold on jobs, beside the status their owners move them through:
//! a hidden job is seen only by its owner and admins, and a job an admin
//! closed remembers what it was, so that restoring it puts it back.

use sea_orm_migration::prelude::*;

use super::columns::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Jobs {
    Table,
    /// When an admin hid the job; null while it is not hidden.
    HiddenAt,
    /// The status the job had when an admin closed it; null unless an admin did.
    AdminClosedFrom,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let b = manager.get_database_backend();
        // One column per statement: SQLite adds columns one at a time.
        manager
            .alter_table(Table::alter().table(Jobs::Table).add_column(instant_null(b, Jobs::HiddenAt)).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter().table(Jobs::Table).add_column(varchar_null(Jobs::AdminClosedFrom, 10)).to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Jobs::AdminClosedFrom.into_iden(), Jobs::HiddenAt.into_iden()] {
            manager.alter_table(Table::alter().table(Jobs::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
