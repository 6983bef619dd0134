use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "freelancer_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub headline: String,
    pub bio: String,
    pub hourly_rate_amount: Option<i64>,
    pub hourly_rate_currency: Option<String>,
    pub availability: String,
    pub skills_json: String,
    pub experience_json: String,
    pub education_json: String,
    pub portfolio_json: String,
    pub updated_at: DateTimeUtc,
    pub experience_level: String,
    pub completed_jobs: i32,
    #[sea_orm(column_type = "Double", nullable)]
    pub rating_avg: Option<f64>,
    pub rating_count: i32,
    pub rank_score: i32,
    pub level: String,
    pub reputation_checked_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::UserId", to = "super::user::Column::Id")]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
