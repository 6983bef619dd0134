use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub kind: String,
    pub contract_id: Uuid,
    pub job_id: Uuid,
    pub client_id: Uuid,
    pub freelancer_id: Uuid,
    pub milestone_id: Option<Uuid>,
    pub hourly_week_id: Option<Uuid>,
    pub currency: String,
    pub client_total: i64,
    pub freelancer_net: i64,
    #[sea_orm(column_type = "Text")]
    pub document: String,
    pub issued_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
