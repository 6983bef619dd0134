//! Notifications waiting for delivery and mail waiting to be sent, indexed
//! by themselves. The delivery and mail loops look for them several times a
//! second, and they are a handful among every notification and mail ever
//! stored: a partial index holds only them, so each look is a probe however
//! large the tables grow and whatever the planner's statistics say. (An
//! index over every row let PostgreSQL expect many waiting rows after a
//! busy minute and scan the whole table for them.) MariaDB has no partial
//! indexes and keeps the full ones.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A partial index and the full index it replaces.
struct Waiting {
    name: &'static str,
    create: &'static str,
    replaces: &'static str,
    restore: &'static str,
}

const WAITING: [Waiting; 2] = [
    Waiting {
        name: "idx_notifications_undelivered",
        create: "CREATE INDEX idx_notifications_undelivered ON notifications (id) WHERE pushed_at IS NULL",
        replaces: "idx_notifications_pushed_at",
        restore: "CREATE INDEX idx_notifications_pushed_at ON notifications (pushed_at)",
    },
    Waiting {
        name: "idx_mail_queue_unsent",
        create: "CREATE INDEX idx_mail_queue_unsent ON mail_queue (next_attempt_at) WHERE sent_at IS NULL",
        replaces: "idx_mail_queue_due",
        restore: "CREATE INDEX idx_mail_queue_due ON mail_queue (sent_at, next_attempt_at)",
    },
];

fn has_partial_indexes(manager: &SchemaManager) -> bool {
    manager.get_database_backend() != DbBackend::MySql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !has_partial_indexes(manager) {
            return Ok(());
        }
        let db = manager.get_connection();
        for index in WAITING {
            db.execute_unprepared(index.create).await?;
            db.execute_unprepared(&format!("DROP INDEX {}", index.replaces)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !has_partial_indexes(manager) {
            return Ok(());
        }
        let db = manager.get_connection();
        for index in WAITING {
            db.execute_unprepared(index.restore).await?;
            db.execute_unprepared(&format!("DROP INDEX {}", index.name)).await?;
        }
        Ok(())
    }
}
