//! The job board's search: filters, sorts with keyset cursors, facet counts,
//! and full-text matching through each database's own index (PostgreSQL
//! tsvector + GIN, MySQL/MariaDB FULLTEXT, SQLite FTS5) behind one function.

use chrono::{DateTime, Utc};
use domain::job::{JobStatus, Visibility};
use domain::job_search::{JobCursor, JobFilters, JobSort};
use domain::pagination::{Page, PageRequest};
use domain::{JobId, SkillId};
use sea_orm::sea_query::{Alias, Asterisk, Cond, Expr, ExprTrait, JoinType, Order, Query, SelectStatement, SimpleExpr};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult};

use crate::entity::{job, job_skill};
use crate::error::StoreResult;
use crate::jobs::JobRecord;

/// One page of the board in the requested order.
pub async fn search(
    db: &impl ConnectionTrait,
    filters: &JobFilters,
    skill_ids: &[SkillId],
    sort: JobSort,
    page: &PageRequest<JobCursor>,
    now: DateTime<Utc>,
) -> StoreResult<Page<(JobRecord, Option<f64>)>> {
    let backend = db.get_database_backend();
    let text = TextMatch::new(backend, &filters.terms);
    let mut inner = Query::select();
    inner.column((job::Entity, Asterisk)).from(job::Entity).cond_where(conditions(filters, skill_ids, None, now));
    if let Some(text) = &text {
        text.apply(&mut inner, sort == JobSort::Relevance);
    }
    // The relevance score is an expression, so the keyset condition on it
    // applies to the inner query's output.
    let mut outer = Query::select();
    outer.column(Asterisk).from_subquery(inner, Alias::new("t")).limit(page.limit + 1);
    let col = |c: job::Column| Expr::col((Alias::new("t"), c));
    let id = col(job::Column::Id);
    match sort {
        JobSort::Newest => {
            outer.order_by_expr(col(job::Column::PostedAt), Order::Desc).order_by_expr(id.clone(), Order::Desc);
        }
        JobSort::Budget => {
            outer.order_by_expr(col(job::Column::SortAmount), Order::Desc).order_by_expr(id.clone(), Order::Desc);
        }
        JobSort::Deadline => {
            outer
                .order_by_expr(col(job::Column::Deadline).is_null(), Order::Asc)
                .order_by_expr(col(job::Column::Deadline), Order::Asc)
                .order_by_expr(id.clone(), Order::Asc);
        }
        JobSort::Relevance => {
            outer.order_by_expr(Expr::col(Alias::new("score")), Order::Desc).order_by_expr(id.clone(), Order::Desc);
        }
    }
    if let Some(after) = &page.after {
        outer.cond_where(after_cursor(after, &col));
    }
    let rows = db.query_all(&outer).await?;
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        let score: Option<f64> =
            if sort == JobSort::Relevance { row.try_get::<Option<f64>>("", "score")? } else { None };
        let record: JobRecord = job::Model::from_query_result(&row, "")?.try_into()?;
        found.push((record, score));
    }
    Ok(Page::from_rows(found, page.limit, |(job, score)| cursor_of(sort, job, *score)))
}

/// Counts per category and per payment type of the jobs matching `filters`.
/// Each facet ignores its own filter, so the counts show what choosing
/// another value would give.
pub async fn facets(
    db: &impl ConnectionTrait,
    filters: &JobFilters,
    skill_ids: &[SkillId],
    now: DateTime<Utc>,
) -> StoreResult<(Vec<(String, u64)>, Vec<(String, u64)>)> {
    let categories = facet(db, filters, skill_ids, Facet::Category, now).await?;
    let payment_types = facet(db, filters, skill_ids, Facet::PaymentType, now).await?;
    Ok((categories, payment_types))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Category,
    PaymentType,
}

#[derive(FromQueryResult)]
struct FacetRow {
    value: String,
    count: i64,
}

async fn facet(
    db: &impl ConnectionTrait,
    filters: &JobFilters,
    skill_ids: &[SkillId],
    facet: Facet,
    now: DateTime<Utc>,
) -> StoreResult<Vec<(String, u64)>> {
    let backend = db.get_database_backend();
    let column = match facet {
        Facet::Category => job::Column::Category,
        Facet::PaymentType => job::Column::PaymentType,
    };
    let mut select = Query::select();
    select
        .expr_as(Expr::col((job::Entity, column)), Alias::new("value"))
        .expr_as(Expr::col((job::Entity, job::Column::Id)).count(), Alias::new("count"))
        .from(job::Entity)
        .cond_where(conditions(filters, skill_ids, Some(facet), now))
        .group_by_col((job::Entity, column))
        .order_by_expr(Expr::col((job::Entity, column)), Order::Asc);
    if let Some(text) = TextMatch::new(backend, &filters.terms) {
        text.apply(&mut select, false);
    }
    let rows = FacetRow::find_by_statement(backend.build(&select)).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.value, r.count.unsigned_abs())).collect())
}

fn jobs_col(c: job::Column) -> Expr {
    Expr::col((job::Entity, c))
}

/// Every filter except full text, and except the facet being counted.
fn conditions(filters: &JobFilters, skill_ids: &[SkillId], skip: Option<Facet>, now: DateTime<Utc>) -> Cond {
    let mut cond = Cond::all()
        .add(jobs_col(job::Column::Status).eq(JobStatus::Open.as_str()))
        .add(jobs_col(job::Column::Visibility).eq(Visibility::Public.as_str()))
        .add(jobs_col(job::Column::HiddenAt).is_null())
        .add(jobs_col(job::Column::ExpiresAt).gt(now));
    if let Some(category) = filters.category.as_deref().filter(|_| skip != Some(Facet::Category)) {
        cond = cond.add(jobs_col(job::Column::Category).eq(category));
    }
    if let Some(kind) = filters.payment_type.filter(|_| skip != Some(Facet::PaymentType)) {
        cond = cond.add(jobs_col(job::Column::PaymentType).eq(kind.as_str()));
    }
    // A budget bound selects fixed-price jobs, a rate bound hourly ones.
    if let Some(min) = filters.budget_min {
        cond = cond.add(jobs_col(job::Column::BudgetAmount).gte(min));
    }
    if let Some(max) = filters.budget_max {
        cond = cond.add(jobs_col(job::Column::BudgetAmount).lte(max));
    }
    if let Some(min) = filters.hourly_rate_min {
        cond = cond.add(jobs_col(job::Column::RateMaxAmount).gte(min));
    }
    if let Some(max) = filters.hourly_rate_max {
        cond = cond.add(jobs_col(job::Column::RateMinAmount).lte(max));
    }
    if let Some(before) = filters.deadline_before {
        cond = cond.add(jobs_col(job::Column::Deadline).lt(before));
    }
    if let Some(days) = filters.posted_within_days {
        cond = cond.add(jobs_col(job::Column::PostedAt).gte(now - chrono::Duration::days(i64::from(days))));
    }
    if let Some(level) = filters.experience_level {
        cond = cond.add(jobs_col(job::Column::ExperienceLevel).eq(level.as_str()));
    }
    if !filters.skills.is_empty() {
        // Unknown skill slugs match nothing rather than being ignored.
        let mut with_skill = Query::select();
        with_skill
            .column(job_skill::Column::JobId)
            .from(job_skill::Entity)
            .and_where(Expr::col(job_skill::Column::SkillId).is_in(skill_ids.iter().map(|s| s.into_uuid())));
        cond = cond.add(jobs_col(job::Column::Id).in_subquery(with_skill));
    }
    cond
}

/// The keyset condition that continues after `cursor`, in the cursor's sort.
fn after_cursor(cursor: &JobCursor, col: &impl Fn(job::Column) -> Expr) -> Cond {
    let id = col(job::Column::Id);
    let later = |key: Expr, value: SimpleExpr, last: JobId, descending: bool| {
        let (beyond, id_beyond) = if descending {
            (key.clone().lt(value.clone()), id.clone().lt(last.into_uuid()))
        } else {
            (key.clone().gt(value.clone()), id.clone().gt(last.into_uuid()))
        };
        Cond::any().add(beyond).add(Cond::all().add(key.eq(value)).add(id_beyond))
    };
    match cursor {
        JobCursor::Newest { at, id: last } => later(col(job::Column::PostedAt), Expr::value(*at), *last, true),
        JobCursor::Budget { amount, id: last } => {
            later(col(job::Column::SortAmount), Expr::value(*amount), *last, true)
        }
        JobCursor::Relevance { score, id: last } => {
            later(Expr::col(Alias::new("score")), Expr::value(*score), *last, true)
        }
        JobCursor::Deadline { deadline: Some(deadline), id: last } => {
            // Jobs with a deadline come first; those without follow them all.
            let deadline_col = col(job::Column::Deadline);
            Cond::any()
                .add(Cond::all().add(deadline_col.clone().is_not_null()).add(later(
                    deadline_col.clone(),
                    Expr::value(*deadline),
                    *last,
                    false,
                )))
                .add(deadline_col.is_null())
        }
        JobCursor::Deadline { deadline: None, id: last } => {
            Cond::all().add(col(job::Column::Deadline).is_null()).add(id.gt(last.into_uuid()))
        }
    }
}

fn cursor_of(sort: JobSort, job: &JobRecord, score: Option<f64>) -> JobCursor {
    match sort {
        JobSort::Newest => JobCursor::Newest { at: job.posted_at.unwrap_or(job.created_at), id: job.id },
        JobSort::Budget => JobCursor::Budget { amount: job.terms.sort_amount(), id: job.id },
        JobSort::Deadline => JobCursor::Deadline { deadline: job.deadline, id: job.id },
        JobSort::Relevance => JobCursor::Relevance { score: score.unwrap_or_default(), id: job.id },
    }
}

/// Every search word must occur, each database matching with its own index.
enum TextMatch {
    Postgres(String),
    MySql(String),
    Sqlite(String),
    /// Nothing in the query is searchable on this database (only stop words
    /// or words too short to be indexed): nothing matches.
    Nothing,
}

/// Words MySQL/MariaDB leave out of a FULLTEXT index by default: requiring
/// one of them would match nothing.
const MYSQL_STOPWORDS: &[&str] = &[
    "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it",
    "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und",
    "www",
];

impl TextMatch {
    /// `None` when there is no text query. Terms are letters and digits only
    /// (see `domain::job_search::search_terms`), so quoting them is safe.
    fn new(backend: DbBackend, terms: &[String]) -> Option<Self> {
        if terms.is_empty() {
            return None;
        }
        Some(match backend {
            DbBackend::Postgres => Self::Postgres(terms.join(" ")),
            DbBackend::MySql => {
                let required: Vec<String> = terms
                    .iter()
                    .filter(|t| t.chars().count() >= 3 && !MYSQL_STOPWORDS.contains(&t.as_str()))
                    .map(|t| format!("+{t}"))
                    .collect();
                if required.is_empty() { Self::Nothing } else { Self::MySql(required.join(" ")) }
            }
            _ => Self::Sqlite(terms.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(" ")),
        })
    }

    /// Adds the match condition to `select` and, when asked, a `score` column
    /// (higher is better).
    fn apply(&self, select: &mut SelectStatement, with_score: bool) {
        match self {
            Self::Postgres(query) => {
                select.and_where(Expr::cust_with_values(
                    "jobs.search @@ plainto_tsquery('english', $1)",
                    [query.clone()],
                ));
                if with_score {
                    select.expr_as(
                        Expr::cust_with_values(
                            "ts_rank(jobs.search, plainto_tsquery('english', $1))::float8",
                            [query.clone()],
                        ),
                        Alias::new("score"),
                    );
                }
            }
            Self::MySql(query) => {
                let matched = "MATCH (jobs.title, jobs.description) AGAINST (? IN BOOLEAN MODE)";
                select.and_where(Expr::cust_with_values(matched, [query.clone()]));
                if with_score {
                    select.expr_as(Expr::cust_with_values(matched, [query.clone()]), Alias::new("score"));
                }
            }
            Self::Sqlite(query) => {
                // bm25() is lower for better matches; title words weigh ten times more.
                let mut fts = Query::select();
                fts.column(Alias::new("job_id"))
                    .expr_as(Expr::cust("-bm25(jobs_fts, 10.0, 1.0, 0.0)"), Alias::new("score"))
                    .from(Alias::new("jobs_fts"))
                    .and_where(Expr::cust_with_values("jobs_fts MATCH ?", [query.clone()]));
                select.join_subquery(
                    JoinType::InnerJoin,
                    fts,
                    Alias::new("fts"),
                    Expr::col((Alias::new("fts"), Alias::new("job_id"))).equals((job::Entity, job::Column::Id)),
                );
                if with_score {
                    select.expr_as(Expr::col((Alias::new("fts"), Alias::new("score"))), Alias::new("score"));
                }
            }
            Self::Nothing => {
                select.and_where(Expr::cust("1 = 0"));
            }
        }
    }
}
