//! The filter menu: the kinds of filter, then for the chosen kind the values
//! found in the corpus with how many articles each keeps, both chosen in a
//! fuzzy [`Picker`]. Reads the browse state only; applying the chosen filter
//! is [`super::browse`]'s job. No drawing.

use std::collections::BTreeMap;

use super::app::App;
use super::picker::{Candidate, Picked, Picker};
use crate::analysis::EntityLabel;
use crate::search::{DateRange, Filter, Who};

/// A kind of filter in the filter menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// By speaker (one person across name variants).
    Speaker,
    /// By entity (person, organisation, place).
    Entity,
    /// By the user's tags.
    Tag,
    /// Annotated or not yet.
    Annotation,
    /// By year or month of the article's date.
    Date,
    /// By folder.
    Folder,
}

impl FilterKind {
    /// Every kind, in menu order.
    pub const ALL: [FilterKind; 6] = [
        FilterKind::Speaker,
        FilterKind::Entity,
        FilterKind::Tag,
        FilterKind::Annotation,
        FilterKind::Date,
        FilterKind::Folder,
    ];

    /// The menu entry.
    pub const fn label(self) -> &'static str {
        match self {
            FilterKind::Speaker => "speaker",
            FilterKind::Entity => "entity",
            FilterKind::Tag => "tag",
            FilterKind::Annotation => "annotation state",
            FilterKind::Date => "date",
            FilterKind::Folder => "folder",
        }
    }
}

/// One value a filter can take, with the number of articles it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the picker shows.
    pub label: String,
    /// Articles of the corpus with this value.
    pub articles: usize,
    /// The filter it sets.
    pub filter: Filter,
}

/// The word shown after an entity's name in the picker.
fn entity_kind(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "person",
        EntityLabel::Org => "organisation",
        EntityLabel::Place => "place",
        EntityLabel::Date => "date",
    }
}

/// The values of `kind` found in the corpus, most articles first (dates and
/// folders in their natural order).
pub fn choices(app: &App, kind: FilterKind) -> Vec<Choice> {
    let facts = &app.browse.facts;
    let mut out = match kind {
        FilterKind::Speaker => {
            let table = app.browse.speakers.table(&app.speaker_decisions());
            let dir = table.directory();
            table
                .rows()
                .map(|r| Choice {
                    label: dir.canonical(r.who).to_string(),
                    articles: r.articles as usize,
                    filter: Filter::speaker(dir, Who(r.who.0)),
                })
                .collect::<Vec<_>>()
        }
        FilterKind::Entity => {
            let table = app.browse.entities.table(&[]);
            table
                .rows()
                .map(|r| Choice {
                    label: format!("{} ({})", table.name(r.key), entity_kind(r.label)),
                    articles: r.articles as usize,
                    filter: Filter::Entity {
                        name: table.name(r.key).to_string(),
                        key: r.key,
                    },
                })
                .collect()
        }
        FilterKind::Tag => {
            let mut tags: BTreeMap<String, (String, usize)> = BTreeMap::new();
            for f in facts {
                // Each tag counts once per article, whatever its case.
                let mut seen: Vec<String> = Vec::new();
                for tag in &f.tags {
                    let key = tag.to_lowercase();
                    if !seen.contains(&key) {
                        tags.entry(key.clone())
                            .or_insert_with(|| (tag.clone(), 0))
                            .1 += 1;
                        seen.push(key);
                    }
                }
            }
            tags.into_values()
                .map(|(tag, n)| Choice {
                    label: tag.clone(),
                    articles: n,
                    filter: Filter::Tag(tag),
                })
                .collect()
        }
        FilterKind::Annotation => {
            let annotated = facts.iter().filter(|f| f.annotations > 0).count();
            vec![
                Choice {
                    label: "annotated".into(),
                    articles: annotated,
                    filter: Filter::Annotated(true),
                },
                Choice {
                    label: "not annotated yet".into(),
                    articles: facts.len() - annotated,
                    filter: Filter::Annotated(false),
                },
            ]
        }
        FilterKind::Date => {
            // Years, then the months of each year.
            let mut periods: BTreeMap<String, usize> = BTreeMap::new();
            for d in facts.iter().filter_map(|f| f.date.as_deref()) {
                for len in [4, 7] {
                    if let Some(p) = d.get(..len) {
                        *periods.entry(p.to_string()).or_default() += 1;
                    }
                }
            }
            periods
                .into_iter()
                .map(|(p, n)| Choice {
                    label: p.clone(),
                    articles: n,
                    filter: Filter::Date(DateRange {
                        from: Some(p.clone()),
                        to: Some(p),
                    }),
                })
                .collect()
        }
        FilterKind::Folder => {
            let mut folders: BTreeMap<String, usize> = BTreeMap::new();
            for f in facts {
                let mut at = 0;
                while let Some(slash) = f.path[at..].find('/') {
                    at += slash + 1;
                    *folders.entry(f.path[..at].to_string()).or_default() += 1;
                }
            }
            folders
                .into_iter()
                .map(|(p, n)| Choice {
                    label: p.clone(),
                    articles: n,
                    filter: Filter::Folder(p),
                })
                .collect()
        }
    };
    if matches!(
        kind,
        FilterKind::Speaker | FilterKind::Entity | FilterKind::Tag
    ) {
        out.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.label.cmp(&b.label))
        });
    }
    out
}

/// Where the filter menu is: choosing a kind, or a value of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuStage {
    /// Choosing the kind of filter.
    Kinds,
    /// Choosing a value of `kind` among `choices`.
    Values {
        /// The kind being set.
        kind: FilterKind,
        /// The values offered.
        choices: Vec<Choice>,
    },
}

/// The open filter menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterMenu {
    /// The stage.
    pub stage: MenuStage,
    /// The picker shown.
    pub picker: Picker,
}

impl FilterMenu {
    /// The menu of filter kinds, each with how many values it offers.
    pub fn open(app: &App) -> Self {
        let kinds = FilterKind::ALL
            .iter()
            .map(|k| Candidate::new(k.label(), choices(app, *k).len()))
            .collect();
        Self {
            stage: MenuStage::Kinds,
            picker: Picker::new("Filter by…", kinds, false),
        }
    }

    /// Enter: moves on to the values of the chosen kind, or returns the
    /// chosen filter (the menu is then done).
    pub fn choose(&mut self, app: &App) -> Option<Filter> {
        let picked = self.picker.confirm()?;
        match &self.stage {
            MenuStage::Kinds => {
                let kind = FilterKind::ALL
                    .into_iter()
                    .find(|k| k.label() == picked.value())?;
                let choices = choices(app, kind);
                let candidates = choices
                    .iter()
                    .map(|c| Candidate::new(c.label.clone(), c.articles))
                    .collect();
                // A date range or a folder may also be typed.
                let typed = matches!(kind, FilterKind::Date | FilterKind::Folder);
                self.picker = Picker::new(format!("Filter by {}", kind.label()), candidates, typed);
                self.stage = MenuStage::Values { kind, choices };
                None
            }
            MenuStage::Values { kind, choices } => match picked {
                Picked::Existing(label) => choices
                    .iter()
                    .find(|c| c.label == label)
                    .map(|c| c.filter.clone()),
                Picked::New(text) => match kind {
                    FilterKind::Date => parse_date_range(&text).or_else(|| {
                        Some(Filter::Date(DateRange {
                            from: Some(text.clone()),
                            to: Some(text),
                        }))
                    }),
                    FilterKind::Folder => Some(Filter::Folder(text)),
                    _ => None,
                },
            },
        }
    }
}

/// A date range typed in the picker: `2004..2005-06`, `2005-03..`, `..2004`.
pub fn parse_date_range(text: &str) -> Option<Filter> {
    let (from, to) = text.trim().split_once("..")?;
    let valid = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string()).filter(|s| {
            s.len() >= 4 && s.len() <= 10 && s.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
    };
    let (from, to) = (valid(from), valid(to));
    (from.is_some() || to.is_some()).then_some(Filter::Date(DateRange { from, to }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Corpus, CorpusSource};
    use crate::tui::theme::Theme;
    use ratatui::layout::Rect;

    fn app() -> App {
        let files = [
            ("politics/1.txt", "One\n\nBody one."),
            ("politics/2005/2.txt", "Two\n\nBody two."),
            ("sport/3.txt", "Three\n\nBody three."),
        ];
        let corpus = Corpus {
            source: CorpusSource::Bundled,
            articles: files
                .iter()
                .map(|(p, t)| Article::from_bytes(p, t.as_bytes()).expect("text"))
                .collect(),
            skipped: Vec::new(),
        };
        App::new(corpus, Theme::default(), Rect::new(0, 0, 100, 30))
    }

    fn shown(c: &[Choice]) -> Vec<(String, usize)> {
        c.iter().map(|c| (c.label.clone(), c.articles)).collect()
    }

    #[test]
    fn folders_are_offered_with_their_article_counts() {
        let a = app();
        let c = choices(&a, FilterKind::Folder);
        assert_eq!(
            shown(&c),
            [
                ("politics/".to_string(), 2),
                ("politics/2005/".to_string(), 1),
                ("sport/".to_string(), 1)
            ]
        );
        assert_eq!(c[0].filter, Filter::Folder("politics/".into()));
    }

    #[test]
    fn dates_are_offered_by_year_and_month() {
        let mut a = app();
        a.browse.facts[0].date = Some("2005-03-01".into());
        a.browse.facts[1].date = Some("2005-04-02".into());
        let c = choices(&a, FilterKind::Date);
        assert_eq!(
            shown(&c),
            [
                ("2005".to_string(), 2),
                ("2005-03".to_string(), 1),
                ("2005-04".to_string(), 1)
            ]
        );
    }

    #[test]
    fn tags_and_annotation_state_count_articles() {
        let mut a = app();
        a.note_annotations(0, 2, vec!["Economy".into(), "economy".into()]);
        a.note_annotations(2, 1, vec!["economy".into(), "war".into()]);
        let tags = choices(&a, FilterKind::Tag);
        assert_eq!(shown(&tags)[0], ("Economy".to_string(), 2));
        let state = choices(&a, FilterKind::Annotation);
        assert_eq!(
            shown(&state),
            [
                ("annotated".to_string(), 2),
                ("not annotated yet".to_string(), 1)
            ]
        );
    }

    #[test]
    fn the_menu_picks_a_kind_then_a_value() {
        let a = app();
        let mut m = FilterMenu::open(&a);
        assert_eq!(m.stage, MenuStage::Kinds);
        let folder = m
            .picker
            .candidates()
            .iter()
            .find(|c| c.label == "folder")
            .map(|c| c.count);
        assert_eq!(folder, Some(3), "three folders to choose from");
        "fold".chars().for_each(|c| m.picker.push(c));
        assert_eq!(m.choose(&a), None);
        assert!(matches!(
            m.stage,
            MenuStage::Values {
                kind: FilterKind::Folder,
                ..
            }
        ));
        "sport".chars().for_each(|c| m.picker.push(c));
        assert_eq!(m.choose(&a), Some(Filter::Folder("sport/".into())));
    }

    #[test]
    fn a_date_range_can_be_typed_in_the_date_picker() {
        let a = app();
        let mut m = FilterMenu::open(&a);
        m.picker.set_query("date");
        m.choose(&a);
        m.picker.set_query("2004..2005");
        assert_eq!(
            m.choose(&a),
            Some(Filter::Date(DateRange {
                from: Some("2004".into()),
                to: Some("2005".into())
            }))
        );
    }

    #[test]
    fn typed_date_ranges_parse() {
        let r = |f: Option<&str>, t: Option<&str>| {
            Some(Filter::Date(DateRange {
                from: f.map(str::to_string),
                to: t.map(str::to_string),
            }))
        };
        assert_eq!(
            parse_date_range("2004..2005-06"),
            r(Some("2004"), Some("2005-06"))
        );
        assert_eq!(parse_date_range(" 2005-03.. "), r(Some("2005-03"), None));
        assert_eq!(parse_date_range("..2004"), r(None, Some("2004")));
        assert_eq!(parse_date_range("2004"), None);
        assert_eq!(parse_date_range("..x"), None);
    }
}
