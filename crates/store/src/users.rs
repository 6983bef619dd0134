//! The users aggregate: account row, roles and credentials.

use chrono::{DateTime, Utc};
use domain::user::{Email, Role};
use domain::{FileId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::user;
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    /// The role chosen at sign-up; what the account is mainly for.
    pub primary_role: Role,
    pub is_freelancer: bool,
    pub is_client: bool,
    pub is_admin: bool,
    pub avatar_file_id: Option<FileId>,
    pub location: Option<String>,
    pub timezone: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Locked out until then (a suspension); past times mean nothing.
    pub suspended_until: Option<DateTime<Utc>>,
    /// Locked out for good.
    pub banned_at: Option<DateTime<Utc>>,
    pub moderation_reason: Option<String>,
}

impl UserRecord {
    /// Whether the user is locked out at `now`.
    pub fn standing(&self, now: DateTime<Utc>) -> domain::moderation::Standing {
        domain::moderation::Standing::of(self.banned_at, self.suspended_until, now)
    }

    pub fn has_role(&self, role: Role) -> bool {
        match role {
            Role::Freelancer => self.is_freelancer,
            Role::Client => self.is_client,
            Role::Admin => self.is_admin,
        }
    }

    pub fn roles(&self) -> Vec<Role> {
        [Role::Freelancer, Role::Client, Role::Admin].into_iter().filter(|r| self.has_role(*r)).collect()
    }
}

impl TryFrom<user::Model> for UserRecord {
    type Error = StoreError;
    fn try_from(m: user::Model) -> Result<Self, Self::Error> {
        Ok(Self {
            id: m.id.into(),
            primary_role: m
                .primary_role
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("role {}", m.primary_role)))?,
            email: m.email,
            name: m.name,
            password_hash: m.password_hash,
            is_freelancer: m.is_freelancer,
            is_client: m.is_client,
            is_admin: m.is_admin,
            avatar_file_id: m.avatar_file_id.map(FileId::from),
            location: m.location,
            timezone: m.timezone,
            email_verified_at: m.email_verified_at,
            created_at: m.created_at,
            updated_at: m.updated_at,
            suspended_until: m.suspended_until,
            banned_at: m.banned_at,
            moderation_reason: m.moderation_reason,
        })
    }
}

pub struct NewUser<'a> {
    pub id: UserId,
    pub email: &'a Email,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub now: DateTime<Utc>,
}

/// Inserts the account; a taken e-mail is `StoreError::Duplicate`.
pub async fn insert(db: &impl ConnectionTrait, new: NewUser<'_>) -> StoreResult<UserRecord> {
    let model = user::ActiveModel {
        id: Set(new.id.into_uuid()),
        email: Set(new.email.as_str().to_owned()),
        name: Set(new.name.to_owned()),
        password_hash: Set(new.password_hash.to_owned()),
        primary_role: Set(new.role.as_str().to_owned()),
        is_freelancer: Set(new.role == Role::Freelancer),
        is_client: Set(new.role == Role::Client),
        is_admin: Set(new.role == Role::Admin),
        avatar_file_id: Set(None),
        location: Set(None),
        timezone: Set(None),
        email_verified_at: Set(None),
        created_at: Set(new.now),
        updated_at: Set(new.now),
        suspended_until: Set(None),
        banned_at: Set(None),
        moderation_reason: Set(None),
    };
    model.insert(db).await?.try_into()
}

pub async fn find(db: &impl ConnectionTrait, id: UserId) -> StoreResult<Option<UserRecord>> {
    user::Entity::find_by_id(id.into_uuid()).one(db).await?.map(TryInto::try_into).transpose()
}

/// Reads a user and locks their row until the transaction ends (PostgreSQL
/// and MySQL; SQLite's write transaction already holds the only write lock),
/// so that what is counted per user is counted one request at a time.
pub async fn find_for_update(db: &impl ConnectionTrait, id: UserId) -> StoreResult<Option<UserRecord>> {
    use sea_orm::QuerySelect;
    let mut select = user::Entity::find_by_id(id.into_uuid());
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    select.one(db).await?.map(TryInto::try_into).transpose()
}

pub async fn find_by_email(db: &impl ConnectionTrait, email: &Email) -> StoreResult<Option<UserRecord>> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .map(TryInto::try_into)
        .transpose()
}

pub async fn set_password(db: &impl ConnectionTrait, id: UserId, hash: &str, now: DateTime<Utc>) -> StoreResult<()> {
    update(db, id, |m| {
        m.password_hash = Set(hash.to_owned());
        m.updated_at = Set(now);
    })
    .await
}

pub async fn mark_email_verified(db: &impl ConnectionTrait, id: UserId, now: DateTime<Utc>) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(now))
        .filter(user::Column::Id.eq(id.into_uuid()))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Grants a role; granting one the user holds already is a no-op.
pub async fn grant_role(db: &impl ConnectionTrait, id: UserId, role: Role) -> StoreResult<()> {
    let column = match role {
        Role::Freelancer => user::Column::IsFreelancer,
        Role::Client => user::Column::IsClient,
        Role::Admin => user::Column::IsAdmin,
    };
    user::Entity::update_many()
        .col_expr(column, Expr::value(true))
        .filter(user::Column::Id.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

pub struct Basics<'a> {
    pub name: &'a str,
    pub avatar_file_id: Option<FileId>,
    pub location: Option<&'a str>,
    pub timezone: Option<&'a str>,
}

pub async fn update_basics(
    db: &impl ConnectionTrait,
    id: UserId,
    b: Basics<'_>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    update(db, id, |m| {
        m.name = Set(b.name.to_owned());
        m.avatar_file_id = Set(b.avatar_file_id.map(FileId::into_uuid));
        m.location = Set(b.location.map(str::to_owned));
        m.timezone = Set(b.timezone.map(str::to_owned));
        m.updated_at = Set(now);
    })
    .await
}

async fn update(db: &impl ConnectionTrait, id: UserId, change: impl FnOnce(&mut user::ActiveModel)) -> StoreResult<()> {
    let mut model = user::ActiveModel { id: Set(id.into_uuid()), ..Default::default() };
    change(&mut model);
    user::Entity::update(model).exec(db).await?;
    Ok(())
}

/// Ids of the users whose e-mail is at `domain` and who hold `role`, oldest first.
pub async fn ids_at_domain(db: &impl ConnectionTrait, domain: &str, role: Role) -> StoreResult<Vec<UserId>> {
    let column = match role {
        Role::Freelancer => user::Column::IsFreelancer,
        Role::Client => user::Column::IsClient,
        Role::Admin => user::Column::IsAdmin,
    };
    use sea_orm::{QueryOrder, QuerySelect};
    let ids: Vec<sea_orm::prelude::Uuid> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.like(format!("%@{domain}")))
        .filter(column.eq(true))
        .order_by_asc(user::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(UserId::from).collect())
}

/// The users with these ids (those that exist), in no particular order.
pub async fn find_many(db: &impl ConnectionTrait, ids: &[UserId]) -> StoreResult<Vec<UserRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = user::Entity::find().filter(user::Column::Id.is_in(ids.iter().map(|id| id.into_uuid()))).all(db).await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Sets the user's standing: suspended until a time, banned, or neither
/// (both `None` lifts whatever there was).
pub async fn set_standing(
    db: &impl ConnectionTrait,
    id: UserId,
    suspended_until: Option<DateTime<Utc>>,
    banned_at: Option<DateTime<Utc>>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let updated = user::Entity::update_many()
        .col_expr(user::Column::SuspendedUntil, Expr::value(suspended_until))
        .col_expr(user::Column::BannedAt, Expr::value(banned_at))
        .col_expr(user::Column::ModerationReason, Expr::value(reason.map(str::to_owned)))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// What admins look users up by.
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    /// Part of the name or e-mail address.
    pub text: Option<String>,
    pub role: Option<Role>,
    /// Only users banned, or suspended at `now`.
    pub locked_out: bool,
}

/// Users matching `query`, newest first.
pub async fn search(
    db: &impl ConnectionTrait,
    query: &UserQuery,
    now: DateTime<Utc>,
    page: &domain::pagination::PageRequest<UserId>,
) -> StoreResult<domain::pagination::Page<UserRecord>> {
    use sea_orm::sea_query::ExprTrait as _;
    use sea_orm::{Condition, QueryOrder, QuerySelect};
    let mut select = user::Entity::find().order_by_desc(user::Column::Id).limit(page.limit + 1);
    if let Some(text) = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        select = select.filter(
            Condition::any()
                .add(Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(user::Column::Name))).like(&pattern))
                .add(user::Column::Email.like(&pattern)),
        );
    }
    if let Some(role) = query.role {
        let column = match role {
            Role::Freelancer => user::Column::IsFreelancer,
            Role::Client => user::Column::IsClient,
            Role::Admin => user::Column::IsAdmin,
        };
        select = select.filter(column.eq(true));
    }
    if query.locked_out {
        select = select.filter(
            Condition::any().add(user::Column::BannedAt.is_not_null()).add(user::Column::SuspendedUntil.gt(now)),
        );
    }
    if let Some(after) = page.after {
        select = select.filter(user::Column::Id.lt(after.into_uuid()));
    }
    let rows = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<StoreResult<Vec<UserRecord>>>()?;
    Ok(domain::pagination::Page::from_rows(rows, page.limit, |u| u.id))
}
