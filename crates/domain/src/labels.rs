//! Enums that travel as short lowercase words: in JSON, in query strings and
//! in database columns. One macro gives each the same `as_str`/`parse` pair,
//! so the word for a variant is written exactly once.

/// Declares a fieldless enum whose variants map one-to-one onto words.
#[macro_export]
macro_rules! labelled_enum {
    // `default Variant` after the name gives the enum that default.
    ($(#[$meta:meta])* pub enum $name:ident default $default:ident { $($body:tt)+ }) => {
        $crate::labelled_enum! { $(#[$meta])* pub enum $name { $($body)+ } }

        impl Default for $name {
            fn default() -> Self {
                Self::$default
            }
        }
    };
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $label)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            pub fn parse(label: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == label)
            }
        }

        // Written out rather than derived so that the document lists the
        // labels the JSON carries, not the variant names.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($label),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $crate::labels::Labelled for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn label(self) -> &'static str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// What every labelled enum offers, for code that handles any of them.
pub trait Labelled: Sized + Copy + 'static {
    fn all() -> &'static [Self];
    fn label(self) -> &'static str;

    fn from_label(label: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.label() == label)
    }
}

/// A state change that the current state does not allow, such as hiring on a
/// closed job. Surfaces as 409.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} a {what} that is {state}")]
pub struct IllegalTransition {
    pub what: &'static str,
    pub action: &'static str,
    pub state: &'static str,
}

/// The URL-safe name of a skill or category: "Ruby on Rails" is
/// `ruby-on-rails`, "C#" is `csharp`.
pub fn slug(name: &str) -> String {
    let name = name.replace("C#", "csharp").replace("C++", "cpp").replace(".NET", "dotnet");
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}
