use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "disputes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contract_id: Uuid,
    pub milestone_id: Option<Uuid>,
    pub hourly_week_id: Option<Uuid>,
    pub client_id: Uuid,
    pub freelancer_id: Uuid,
    pub opened_by: Uuid,
    pub reason: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub status: String,
    pub milestone_before: Option<String>,
    pub amount: i64,
    pub currency: String,
    pub respond_by: DateTimeUtc,
    pub responded_at: Option<DateTimeUtc>,
    pub outcome: Option<String>,
    pub client_amount: Option<i64>,
    pub freelancer_amount: Option<i64>,
    pub due_date: Option<Date>,
    #[sea_orm(column_type = "Text", nullable)]
    pub resolution_note: Option<String>,
    pub resolved_by: Option<Uuid>,
    pub closed_at: Option<DateTimeUtc>,
    /// The milestone's or week's id while open; see the migration.
    pub open_key: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
