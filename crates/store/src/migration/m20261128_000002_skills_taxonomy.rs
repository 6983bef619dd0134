//! The starting skills taxonomy: categories of work as a marketplace's clients
//! hire for them, each with the skills freelancers most often list.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::prelude::Uuid;

use super::m20261128_000001_accounts::Skills;

#[derive(DeriveMigrationName)]
pub struct Migration;

pub const TAXONOMY: &[(&str, &[&str])] = &[
    (
        "Web Development",
        &[
            "HTML",
            "CSS",
            "JavaScript",
            "TypeScript",
            "React",
            "Vue.js",
            "Angular",
            "Svelte",
            "Node.js",
            "PHP",
            "Laravel",
            "WordPress",
            "Shopify",
            "Django",
            "Ruby on Rails",
            "Next.js",
            "GraphQL",
            "REST API",
        ],
    ),
    (
        "Software Engineering",
        &[
            "Rust",
            "Go",
            "Python",
            "Java",
            "Kotlin",
            "C#",
            ".NET",
            "C++",
            "C",
            "Scala",
            "Elixir",
            "Haskell",
            "PostgreSQL",
            "MySQL",
            "MongoDB",
            "Redis",
            "Embedded Systems",
            "Blockchain",
            "Solidity",
        ],
    ),
    ("Mobile Development", &["iOS", "Swift", "Android", "Flutter", "React Native", "Unity", "Game Development"]),
    (
        "DevOps & Cloud",
        &[
            "AWS",
            "Google Cloud",
            "Azure",
            "Docker",
            "Kubernetes",
            "Terraform",
            "Linux",
            "CI/CD",
            "Security",
            "Networking",
        ],
    ),
    (
        "Data Science & AI",
        &[
            "Machine Learning",
            "Deep Learning",
            "Data Analysis",
            "Data Engineering",
            "SQL",
            "Power BI",
            "Tableau",
            "Natural Language Processing",
            "Computer Vision",
            "Statistics",
            "Excel",
        ],
    ),
    (
        "Design & Creative",
        &[
            "UI Design",
            "UX Design",
            "Figma",
            "Graphic Design",
            "Logo Design",
            "Illustration",
            "Adobe Photoshop",
            "Adobe Illustrator",
            "Video Editing",
            "Motion Graphics",
            "3D Modeling",
            "Photography",
            "Animation",
        ],
    ),
    (
        "Writing & Translation",
        &[
            "Copywriting",
            "Content Writing",
            "Technical Writing",
            "Editing",
            "Proofreading",
            "Ghostwriting",
            "Translation",
            "Grant Writing",
            "Resume Writing",
        ],
    ),
    (
        "Sales & Marketing",
        &[
            "SEO",
            "Social Media Marketing",
            "Email Marketing",
            "Google Ads",
            "Facebook Ads",
            "Content Strategy",
            "Lead Generation",
            "Market Research",
            "Brand Strategy",
        ],
    ),
    (
        "Admin & Customer Support",
        &["Virtual Assistance", "Data Entry", "Customer Service", "Project Management", "Transcription", "Scheduling"],
    ),
    (
        "Finance & Accounting",
        &["Bookkeeping", "Accounting", "Financial Modeling", "Tax Preparation", "QuickBooks", "Payroll"],
    ),
    (
        "Engineering & Architecture",
        &[
            "CAD",
            "AutoCAD",
            "SolidWorks",
            "Electrical Engineering",
            "Mechanical Engineering",
            "Architecture",
            "Interior Design",
        ],
    ),
    ("Legal", &["Contract Law", "Intellectual Property", "Corporate Law", "Legal Writing"]),
    ("Audio & Music", &["Voice Over", "Audio Editing", "Music Production", "Podcast Production", "Sound Design"]),
];

/// `Ruby on Rails` -> `ruby-on-rails`, `C#` -> `csharp`, `C++` -> `cpp`.
use domain::labels::slug;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut insert = Query::insert();
        insert.into_table(Skills::Table).columns([Skills::Id, Skills::Slug, Skills::Name, Skills::Category]);
        for (category, skills) in TAXONOMY {
            for name in *skills {
                insert.values_panic([Uuid::now_v7().into(), slug(name).into(), (*name).into(), (*category).into()]);
            }
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.exec_stmt(Query::delete().from_table(Skills::Table).to_owned()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_url_safe() {
        let mut seen = std::collections::HashSet::new();
        for (_, skills) in TAXONOMY {
            for name in *skills {
                let slug = slug(name);
                assert!(
                    !slug.is_empty() && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                );
                assert!(seen.insert(slug.clone()), "duplicate slug {slug}");
            }
        }
        assert_eq!(slug("C#"), "csharp");
        assert_eq!(slug("Ruby on Rails"), "ruby-on-rails");
    }
}
