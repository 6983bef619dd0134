use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub primary_role: String,
    pub is_freelancer: bool,
    pub is_client: bool,
    pub is_admin: bool,
    pub avatar_file_id: Option<Uuid>,
    pub location: Option<String>,
    pub timezone: Option<String>,
    pub email_verified_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub suspended_until: Option<DateTimeUtc>,
    pub banned_at: Option<DateTimeUtc>,
    pub moderation_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_one = "super::freelancer_profile::Entity")]
    FreelancerProfile,
    #[sea_orm(has_one = "super::client_profile::Entity")]
    ClientProfile,
}

impl Related<super::freelancer_profile::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::FreelancerProfile.def()
    }
}

impl Related<super::client_profile::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClientProfile.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
