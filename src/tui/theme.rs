//! Every style gloss draws with, in one place: the roles of the interface and
//! the highlight kinds of the reader map to [`Style`]s here and nowhere else.
//!
//! With `NO_COLOR` set (and not empty) no colour is used at all; modifiers
//! (bold, italic, underline, reversed) keep the distinctions visible.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::{EntityLabel, QuoteKind};

/// What a piece of reader text is, for styling: its base role, the quotation
/// it lies in and the entity it belongs to (both optional, combined).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStyle {
    /// The role of the text itself.
    pub base: TextRole,
    /// The kind of the quotation covering the text, if any.
    pub quote: Option<QuoteKind>,
    /// The label of the entity covering the text, if any.
    pub entity: Option<EntityLabel>,
}

impl TextStyle {
    /// Plain text of the given role.
    pub const fn of(base: TextRole) -> Self {
        Self {
            base,
            quote: None,
            entity: None,
        }
    }
}

/// The role of a run of reader text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextRole {
    /// Article body text.
    #[default]
    Body,
    /// The article's headline line.
    Headline,
    /// The metadata line under the headline (path · date · words…).
    Meta,
    /// A warning shown in the metadata line.
    MetaWarning,
    /// The `— Name` label after a quotation.
    Speaker,
}

/// An element of the interface outside the reader text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A pane border without focus.
    Border,
    /// The border of the focused pane.
    BorderFocused,
    /// A pane or overlay title.
    Title,
    /// An article title in the list.
    ListTitle,
    /// The second, dimmer line of a list entry (date, words, quotes).
    ListMeta,
    /// The selected list entry while the list has the focus.
    Selected,
    /// The selected list entry while the focus is elsewhere.
    SelectedUnfocused,
    /// The warning marker and warning texts.
    Warning,
    /// The status bar background.
    StatusBar,
    /// A key name in the status bar or the help.
    Key,
    /// A section heading in an overlay.
    Heading,
    /// Secondary text (positions, hints).
    Dim,
    /// A centred message (empty corpus, terminal too small).
    Message,
    /// The selected statement (or sentences being selected) in the reader.
    SelectedStatement,
    /// Annotated text in the reader.
    Annotated,
    /// The mark left of a reader line holding annotated text.
    AnnotationMark,
    /// Text the search matches, in the reader.
    SearchMatch,
    /// The match `n`/`N` moved to.
    CurrentMatch,
    /// The filter line above the list.
    FilterLine,
    /// A bar of the speakers view's chart.
    Bar,
    /// Words that differ between two wordings of a statement.
    DiffChanged,
}

/// The styles of the whole interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` asks for no colour.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self { color: true }
    }
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set and not empty
    /// (<https://no-color.org>).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    /// A theme without any colour.
    pub const fn monochrome() -> Self {
        Self { color: false }
    }

    /// Picks the coloured or the colourless style.
    fn pick(&self, color: Style, mono: Style) -> Style {
        if self.color { color } else { mono }
    }

    /// The style of an interface element.
    pub fn ui(&self, role: Role) -> Style {
        let s = Style::new();
        match role {
            Role::Border => self.pick(s.fg(Color::DarkGray), s),
            Role::BorderFocused => self.pick(s.fg(Color::Cyan), s.add_modifier(Modifier::BOLD)),
            Role::Title => s.add_modifier(Modifier::BOLD),
            Role::ListTitle => s,
            Role::ListMeta => self.pick(s.fg(Color::DarkGray), s.add_modifier(Modifier::DIM)),
            Role::Selected => self.pick(
                s.bg(Color::Blue)
                    .fg(Color::White)
                    .add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            Role::SelectedUnfocused => self.pick(
                s.bg(Color::DarkGray).fg(Color::White),
                s.add_modifier(Modifier::UNDERLINED),
            ),
            Role::Warning => self.pick(s.fg(Color::Yellow), s.add_modifier(Modifier::BOLD)),
            Role::StatusBar => self.pick(
                s.bg(Color::Indexed(236)).fg(Color::Gray),
                s.add_modifier(Modifier::REVERSED),
            ),
            Role::Key => self.pick(
                s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::BOLD),
            ),
            Role::Heading => self.pick(
                s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ),
            Role::Dim => self.pick(s.fg(Color::DarkGray), s.add_modifier(Modifier::DIM)),
            Role::Message => s.add_modifier(Modifier::BOLD),
            Role::SelectedStatement => s.add_modifier(Modifier::REVERSED),
            Role::Annotated => self.pick(
                s.add_modifier(Modifier::UNDERLINED)
                    .underline_color(Color::LightMagenta),
                s.add_modifier(Modifier::UNDERLINED),
            ),
            Role::AnnotationMark => self.pick(
                s.fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::BOLD),
            ),
            Role::SearchMatch => self.pick(
                s.bg(Color::Yellow).fg(Color::Black),
                s.add_modifier(Modifier::REVERSED),
            ),
            Role::CurrentMatch => self.pick(
                s.bg(Color::LightRed)
                    .fg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            ),
            Role::FilterLine => self.pick(s.fg(Color::Yellow), s.add_modifier(Modifier::BOLD)),
            Role::Bar => self.pick(s.fg(Color::Cyan), s),
            Role::DiffChanged => self.pick(
                s.bg(Color::Magenta).fg(Color::White),
                s.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            ),
        }
    }

    /// The style of a run of reader text: its role, patched by the quotation
    /// kind, patched by the entity label (an entity inside a quotation keeps
    /// the quotation's modifiers and takes the entity's colour).
    pub fn text(&self, t: TextStyle) -> Style {
        let s = Style::new();
        let mut style = match t.base {
            TextRole::Body => s,
            TextRole::Headline => s.add_modifier(Modifier::BOLD),
            TextRole::Meta => self.ui(Role::Dim),
            TextRole::MetaWarning => self.ui(Role::Warning),
            TextRole::Speaker => self.pick(
                s.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
                s.add_modifier(Modifier::DIM | Modifier::ITALIC),
            ),
        };
        if let Some(kind) = t.quote {
            style = style.patch(self.quote(kind));
        }
        if let Some(label) = t.entity {
            style = style.patch(self.entity(label));
        }
        style
    }

    /// The style of a quotation of this kind.
    pub fn quote(&self, kind: QuoteKind) -> Style {
        let s = Style::new();
        match kind {
            QuoteKind::Direct => self.pick(
                s.fg(Color::LightYellow).add_modifier(Modifier::ITALIC),
                s.add_modifier(Modifier::ITALIC),
            ),
            QuoteKind::Fragment => self.pick(
                s.fg(Color::Yellow),
                s.add_modifier(Modifier::UNDERLINED | Modifier::DIM),
            ),
            QuoteKind::Indirect => self.pick(
                s.fg(Color::LightGreen),
                s.add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            ),
            // No one's speech: barely marked.
            QuoteKind::Term => self.pick(s.fg(Color::Gray), s),
        }
    }

    /// The style of an entity of this label.
    pub fn entity(&self, label: EntityLabel) -> Style {
        let s = Style::new();
        match label {
            EntityLabel::Person => self.pick(
                s.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::BOLD),
            ),
            EntityLabel::Org => self.pick(
                s.fg(Color::LightMagenta),
                s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ),
            EntityLabel::Place => {
                self.pick(s.fg(Color::LightBlue), s.add_modifier(Modifier::UNDERLINED))
            }
            EntityLabel::Date => self.pick(s.fg(Color::Gray), s),
        }
    }

    /// The highlight legend for the help overlay: a sample text, its style and
    /// what it means.
    pub fn legend(&self) -> Vec<(&'static str, Style, &'static str)> {
        vec![
            (
                "Person",
                self.entity(EntityLabel::Person),
                "a person (PERSON)",
            ),
            (
                "Organisation",
                self.entity(EntityLabel::Org),
                "an organisation (ORG)",
            ),
            ("Place", self.entity(EntityLabel::Place), "a place (PLACE)"),
            (
                "“direct”",
                self.quote(QuoteKind::Direct),
                "a direct quotation",
            ),
            (
                "“fragment”",
                self.quote(QuoteKind::Fragment),
                "quoted words inside the reporter's sentence",
            ),
            (
                "indirect",
                self.quote(QuoteKind::Indirect),
                "reported speech without quotation marks",
            ),
            (
                "“term”",
                self.quote(QuoteKind::Term),
                "quoted words that are no one's speech (a name, a title)",
            ),
            (
                "— Name",
                self.text(TextStyle::of(TextRole::Speaker)),
                "who said it (after each quotation)",
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every style the monochrome theme can produce.
    fn all_mono_styles() -> Vec<Style> {
        let t = Theme::monochrome();
        let roles = [
            Role::Border,
            Role::BorderFocused,
            Role::Title,
            Role::ListTitle,
            Role::ListMeta,
            Role::Selected,
            Role::SelectedUnfocused,
            Role::Warning,
            Role::StatusBar,
            Role::Key,
            Role::Heading,
            Role::Dim,
            Role::Message,
            Role::SelectedStatement,
            Role::Annotated,
            Role::AnnotationMark,
        ];
        let mut styles: Vec<Style> = roles.iter().map(|r| t.ui(*r)).collect();
        styles.extend(t.legend().into_iter().map(|(_, s, _)| s));
        styles
    }

    #[test]
    fn monochrome_uses_no_colour() {
        for s in all_mono_styles() {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
    }

    #[test]
    fn monochrome_still_tells_highlight_kinds_apart() {
        let legend = Theme::monochrome().legend();
        let quote_and_entity_styles: Vec<Style> = legend.iter().map(|(_, s, _)| *s).collect();
        // Term is deliberately plain; every other kind differs from all the rest.
        for (i, a) in quote_and_entity_styles.iter().enumerate() {
            for b in &quote_and_entity_styles[i + 1..] {
                if *a != Style::new() {
                    assert_ne!(a, b);
                }
            }
        }
    }

    #[test]
    fn entity_colour_wins_inside_a_quotation() {
        let t = Theme::default();
        let s = t.text(TextStyle {
            base: TextRole::Body,
            quote: Some(QuoteKind::Direct),
            entity: Some(EntityLabel::Person),
        });
        assert_eq!(s.fg, t.entity(EntityLabel::Person).fg);
        assert!(s.add_modifier.contains(Modifier::ITALIC));
    }
}
