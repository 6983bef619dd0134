use sea_orm::entity::prelude::*;

/// Besides these columns, PostgreSQL keeps a generated `search` tsvector and
/// SQLite a `jobs_fts` table; only the search queries touch them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub client_id: Uuid,
    pub title: String,
    pub description: String,
    pub category: String,
    pub skills_json: String,
    pub payment_type: String,
    pub currency: String,
    pub budget_amount: Option<i64>,
    pub rate_min_amount: Option<i64>,
    pub rate_max_amount: Option<i64>,
    pub hours_per_week: Option<i32>,
    pub duration: Option<String>,
    pub experience_level: String,
    pub questions_json: String,
    pub attachments_json: String,
    pub visibility: String,
    pub status: String,
    pub hires_wanted: i32,
    pub hires_count: i32,
    pub deadline: Option<Date>,
    pub sort_amount: i64,
    pub posted_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub hidden_at: Option<DateTimeUtc>,
    pub admin_closed_from: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
