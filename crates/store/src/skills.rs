//! The skills taxonomy.

use domain::SkillId;
use domain::pagination::{Page, PageRequest};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::skill;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillRecord {
    pub id: SkillId,
    pub slug: String,
    pub name: String,
    pub category: String,
}

impl From<skill::Model> for SkillRecord {
    fn from(m: skill::Model) -> Self {
        Self { id: m.id.into(), slug: m.slug, name: m.name, category: m.category }
    }
}

/// Skills ordered by slug, optionally narrowed by a case-insensitive name
/// fragment and a category. The cursor is the last slug seen.
pub async fn list(
    db: &impl ConnectionTrait,
    query: Option<&str>,
    category: Option<&str>,
    page: &PageRequest<String>,
) -> StoreResult<Page<SkillRecord>> {
    let mut select = skill::Entity::find().order_by_asc(skill::Column::Slug).limit(page.limit + 1);
    if let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = format!("%{}%", q.to_lowercase().replace(['%', '_'], ""));
        select = select.filter(Expr::expr(Func::lower(Expr::col(skill::Column::Name))).like(pattern));
    }
    if let Some(category) = category {
        select = select.filter(skill::Column::Category.eq(category));
    }
    if let Some(after) = &page.after {
        select = select.filter(skill::Column::Slug.gt(after.as_str()));
    }
    let rows: Vec<SkillRecord> = select.all(db).await?.into_iter().map(Into::into).collect();
    Ok(Page::from_rows(rows, page.limit, |s| s.slug.clone()))
}

pub async fn find_by_slugs(db: &impl ConnectionTrait, slugs: &[String]) -> StoreResult<Vec<SkillRecord>> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let rows = skill::Entity::find().filter(skill::Column::Slug.is_in(slugs.iter().cloned())).all(db).await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The whole taxonomy (a few hundred rows).
pub async fn all(db: &impl ConnectionTrait) -> StoreResult<Vec<SkillRecord>> {
    Ok(skill::Entity::find().order_by_asc(skill::Column::Slug).all(db).await?.into_iter().map(Into::into).collect())
}

/// A category of work, as jobs are filed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryRecord {
    pub slug: String,
    pub name: String,
}

/// The categories of the taxonomy, by name.
pub async fn categories(db: &impl ConnectionTrait) -> StoreResult<Vec<CategoryRecord>> {
    let names: Vec<String> = skill::Entity::find()
        .select_only()
        .column(skill::Column::Category)
        .distinct()
        .order_by_asc(skill::Column::Category)
        .into_tuple()
        .all(db)
        .await?;
    Ok(names.into_iter().map(|name| CategoryRecord { slug: domain::labels::slug(&name), name }).collect())
}
