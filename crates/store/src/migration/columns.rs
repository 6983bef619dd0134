//! Column shapes shared by all migrations, chosen to mean the same on every backend.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// A UTC instant with microseconds. MySQL's TIMESTAMP ends in 2038 and rounds
/// to seconds, so MySQL gets DATETIME(6) holding UTC instead.
pub fn instant(backend: DbBackend, name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    match backend {
        DbBackend::MySql => col.custom(Alias::new("DATETIME(6)")),
        _ => col.timestamp_with_time_zone(),
    };
    col.not_null();
    col
}

pub fn instant_null(backend: DbBackend, name: impl IntoIden) -> ColumnDef {
    let mut col = instant(backend, name);
    col.null();
    col
}

pub fn uuid_pk(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.uuid().not_null().primary_key();
    col
}

pub fn uuid(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.uuid().not_null();
    col
}

pub fn uuid_null(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.uuid().null();
    col
}

/// Bounded text that may be indexed on every backend.
pub fn varchar(name: impl IntoIden, len: u32) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.string_len(len).not_null();
    col
}

pub fn varchar_null(name: impl IntoIden, len: u32) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.string_len(len).null();
    col
}

pub fn text(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.text().not_null();
    col
}

pub fn bigint_null(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.big_integer().null();
    col
}

pub fn bigint(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.big_integer().not_null();
    col
}

pub fn boolean(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.boolean().not_null().default(false);
    col
}

pub fn fk(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from_table, from_col).to(to_table, to_col).on_delete(ForeignKeyAction::Cascade).to_owned()
}

/// A plain index on one column.
pub async fn index(
    manager: &SchemaManager<'_>,
    table: impl IntoIden,
    col: impl IntoIden,
    name: &str,
) -> Result<(), DbErr> {
    manager.create_index(Index::create().name(name).table(table).col(col).to_owned()).await
}

/// A plain index on several columns, in order.
pub async fn index_on<C: IntoIden>(
    manager: &SchemaManager<'_>,
    table: impl IntoIden,
    cols: impl IntoIterator<Item = C>,
    name: &str,
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    manager.create_index(index.to_owned()).await
}

pub fn int_null(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.integer().null();
    col
}

pub fn int(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.integer().not_null();
    col
}

pub fn date_null(name: impl IntoIden) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.date().null();
    col
}
