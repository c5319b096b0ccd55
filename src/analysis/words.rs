//! Word-class questions the attribution rules ask (speech verb? title? role
//! noun?), answered from the shared lexicon, plus what only attribution
//! needs: verb inflections, stance verbs (`highlighted`, `thanked`), unnamed
//! group nouns (`officials`), verbs that are also nouns, object-taking cues.
//!
//! The short lists below join the lexicon's lower-case table, so that each
//! question about a word is one lookup; the inflected cue verbs, asked of
//! nearly every word, have a small table of their own.

use std::sync::LazyLock;

use super::lexicon::class::{FUNCTION_WORD, ORG_ROLE, ROLE_NOUN, TITLE};
use super::lexicon::{Lower, WordTable, lexicon};

/// Verbs that report a stance or statement without being plain speech verbs
/// (`highlighted the need`, `thanked X for`); base forms.
const STANCE_VERBS: &[&str] = &[
    "affirm",
    "reaffirm",
    "highlight",
    "underscore",
    "underline",
    "denounce",
    "thank",
    "express",
    "welcome",
    "praise",
    "reject",
    "dismiss",
    "encourage",
    "urge",
    "accuse",
    "blame",
    "criticise",
    "criticize",
    "condemn",
    "pledge",
    "bemoan",
    "lament",
    "stress",
    "emphasise",
    "emphasize",
    "insist",
    "warn",
    "caution",
    "assert",
    "reiterate",
    "vow",
    "rule",
    "signal",
    "hint",
    "concede",
    "recommend",
];

/// Speech verbs the lexicon does not list (opinion and manner verbs).
const EXTRA_SPEECH_VERBS: &[&str] = &[
    "think", "thinks", "thought", "fear", "hope", "brief", "beam", "speak", "spoke", "spoken",
    "replie",
];

/// Abbreviated titles (`Gov`, `Atty`) and the department words of office
/// titles (`Trade and Industry Secretary`) that the lexicon does not list.
const TITLE_WORDS: &[&str] = &[
    "gov",
    "atty",
    "amb",
    "pres",
    "supt",
    "insp",
    "det",
    "hon",
    "fr",
    "state",
    "industry",
    "affairs",
    "environment",
    "culture",
    "transport",
    "work",
    "pensions",
    "energy",
    "treasury",
    "cabinet",
    "vice",
    "dj",
];

/// Nouns that stand for a person or body already named, beyond the
/// lexicon's role nouns (`the paper`, `the singer`).
const ROLE_WORDS: &[&str] = &[
    "paper",
    "statement",
    "report",
    "reports",
    "singer",
    "star",
    "actor",
    "actress",
    "player",
    "striker",
    "captain",
    "champion",
    "director",
    "chairman",
    "chairwoman",
    "minister",
    "secretary",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
    "friend",
    "partner",
    "colleague",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "novelist",
    "author",
    "writer",
    "member",
    "councillor",
    "councilman",
    "councilwoman",
    "lawmaker",
    "legislator",
    "researcher",
    "founder",
];

/// Trades and market roles an unnamed source is described by (`one dealer
/// told …`, `a Leeds analyst`); they are role nouns too.
const TRADE_NOUNS: &[&str] = &[
    "dealer",
    "trader",
    "broker",
    "pharmacist",
    "shopkeeper",
    "analyst",
    "economist",
];

/// Plural nouns for unnamed groups of speakers (`officials`, `experts`).
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "experts",
    "sources",
    "analysts",
    "economists",
    "diplomats",
    "leaders",
    "critics",
    "residents",
    "witnesses",
    "investigators",
    "authorities",
    "ministers",
    "observers",
    "campaigners",
    "lawyers",
    "doctors",
    "scientists",
    "researchers",
    "activists",
    "protesters",
    "officers",
    "police",
    "militants",
    "organisers",
    "organizers",
    "unions",
    "politicians",
    "executives",
    "insiders",
    "bosses",
    "fans",
    "medics",
    "troops",
    "rebels",
    "authors",
    "members",
    "advocates",
    "supporters",
    "opponents",
    "aides",
    "allies",
    "colleagues",
    "neighbours",
    "neighbors",
    "relatives",
    "parents",
    "teachers",
    "workers",
    "employees",
    "voters",
    "customers",
    "passengers",
    "prosecutors",
    "commentators",
    "historians",
    "spokesmen",
    "groups",
    "charities",
    // Members of a house or a bench (`…, MPs said`, `the judges said`).
    "mps",
    "meps",
    "peers",
    "judges",
    "senators",
    "councillors",
    "councilors",
    "lawmakers",
];

/// Personal pronouns that can stand for a speaker.
const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

// Class bits of the lists above, above the lexicon's own bits.
const TITLE_EXTRA: u32 = 1 << 16;
const ROLE_EXTRA: u32 = 1 << 17;
const GROUP: u32 = 1 << 18;
const SPEAKER_PRONOUN: u32 = 1 << 19;
const TRADE: u32 = 1 << 20;
/// An inflected cue-verb form (in a table of its own, matched exactly).
const CUE_FORM: u32 = 1;

/// Every inflected form of the lexicon's speech verbs and of the verbs
/// above (`stress` → `stresses`, `stressed`, `stressing`; `reply` →
/// `replies`, `replied`).
fn cue_forms() -> Vec<String> {
    let listed = include_str!("../../assets/lexicon/speech_verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let mut forms = Vec::new();
    for base in listed
        .chain(EXTRA_SPEECH_VERBS.iter().copied())
        .chain(STANCE_VERBS.iter().copied())
    {
        let base = base.to_lowercase();
        for suffix in ["", "s", "es", "ed", "d", "ing"] {
            forms.push(format!("{base}{suffix}"));
        }
        if let Some(stem) = base.strip_suffix('e') {
            forms.push(format!("{stem}ing"));
        }
        if let Some(stem) = base.strip_suffix('y') {
            forms.push(format!("{stem}ies"));
            forms.push(format!("{stem}ied"));
        }
    }
    // Listed as speech verbs but mostly describing action: `continued the war`.
    forms.retain(|f| !f.starts_with("continu"));
    forms
}

/// The lists above with their class bits, for the lexicon's lower-case
/// table: one lookup there answers the lexicon's questions and these.
pub(super) fn attribution_lists() -> impl Iterator<Item = (String, u32)> {
    let lists = [
        (TITLE_WORDS, TITLE_EXTRA),
        (ROLE_WORDS, ROLE_EXTRA),
        (GROUP_NOUNS, GROUP),
        (SPEAKER_PRONOUNS, SPEAKER_PRONOUN),
        (TRADE_NOUNS, TRADE),
    ];
    lists
        .into_iter()
        .flat_map(|(list, bit)| list.iter().map(move |w| (w.to_string(), bit)))
}

/// The inflected cue-verb forms, in a small table of their own (asked of
/// nearly every word, so kept apart from the larger lexicon table).
static CUE_FORMS: LazyLock<WordTable> =
    LazyLock::new(|| WordTable::build(cue_forms().into_iter().map(|f| (f, CUE_FORM))));

/// The class bits of `w` in lower case.
fn classes(w: &str) -> u32 {
    lexicon().classes(w)
}

/// True for a verb form that reports speech or a stated position.
pub fn is_cue_verb(w: &str) -> bool {
    w.len() >= 3
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && CUE_FORMS.get(w, false) & CUE_FORM != 0
}

// The bits behind each question.
const TITLE_BITS: u32 = TITLE | TITLE_EXTRA;
const ROLE_BITS: u32 = ROLE_NOUN | ORG_ROLE | ROLE_EXTRA | TRADE;

/// Titles and honorifics written before a name (`Mr`, `President`,
/// `Foreign`), and the department words of office titles (`Trade and Industry Secretary`).
pub fn is_title(w: &str) -> bool {
    classes(w.trim_end_matches('.')) & TITLE_BITS != 0
}

/// Nouns that stand for a person or body already named (`the spokesman`,
/// `the firm`, `the paper`).
pub fn is_role_noun(w: &str) -> bool {
    classes(w) & ROLE_BITS != 0
}

/// A trade or market role written in lower case (`dealer`, `analyst`),
/// which describes an unnamed source.
pub fn is_trade_noun(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase()) && classes(w) & TRADE != 0
}

/// Plural nouns for unnamed groups of speakers (`officials`, `experts`).
pub fn is_group_noun(w: &str) -> bool {
    classes(w) & GROUP != 0
}

/// A role noun or a group noun (one lookup for both questions).
pub fn is_role_or_group_noun(w: &str) -> bool {
    classes(w) & (ROLE_BITS | GROUP) != 0
}

/// Nationality and group adjectives written before titles (`Russian`,
/// `US`): dropped from the front of a name.
pub fn is_demonym(w: &str) -> bool {
    lexicon().is_demonym(w) || matches!(w, "US" | "UK" | "EU" | "UN")
}

/// Personal pronouns that can stand for a speaker.
pub fn is_pronoun(w: &str) -> bool {
    classes(w) & SPEAKER_PRONOUN != 0
}

/// Indefinite pronouns (`Everyone`, `Others`, `Some`): a sentence subject
/// that names no one a later `he` or `she` could mean.
pub fn is_indefinite(w: &str) -> bool {
    matches!(
        Lower::ascii(w).as_str(),
        "everyone"
            | "everybody"
            | "others"
            | "some"
            | "many"
            | "most"
            | "few"
            | "several"
            | "all"
            | "both"
            | "none"
            | "nobody"
            | "anyone"
            | "anybody"
            | "someone"
            | "somebody"
            | "each"
            | "either"
            | "neither"
            | "those"
            | "these"
    )
}

/// Capitalised words that open sentences without naming anyone (`However`,
/// `Both`); role, group and title words are not among them here.
pub fn is_function_word(w: &str) -> bool {
    WordClass::of(w).is_function_word()
}

/// The answers to the questions above about one word, from one lookup (two
/// for a word with a final stop, whose title question leaves the stop out),
/// for code that asks several of them about the same word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    bits: u32,
    title: bool,
    /// Two or more ASCII capitals only (`US`).
    acronym: bool,
}

impl WordClass {
    /// The classes of `w`.
    pub fn of(w: &str) -> Self {
        let bits = classes(w);
        let bare = w.trim_end_matches('.');
        let title_bits = if bare.len() == w.len() {
            bits
        } else {
            classes(bare)
        };
        WordClass {
            bits,
            title: title_bits & TITLE_BITS != 0,
            acronym: w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()),
        }
    }
    /// See [`is_title`].
    pub fn is_title(self) -> bool {
        self.title
    }
    /// See [`is_role_noun`].
    pub fn is_role_noun(self) -> bool {
        self.bits & ROLE_BITS != 0
    }
    /// See [`is_function_word`].
    pub fn is_function_word(self) -> bool {
        // `US` is a name, `us` a pronoun.
        !self.acronym
            && self.bits & FUNCTION_WORD != 0
            && self.bits & (ROLE_BITS | GROUP) == 0
            && !self.title
    }
}

/// Words that make a name an organisation (`Holdings`, `Ministry`, `Party`).
pub fn is_org_word(w: &str) -> bool {
    lexicon().is_org_word(w)
}

/// Verbs whose bare and `-s` forms are common nouns (`a report`, `the claims`).
pub fn is_noun_like_verb(w: &str) -> bool {
    let base = w.strip_suffix('s').unwrap_or(w);
    matches!(
        base,
        "state"
            | "report"
            | "comment"
            | "call"
            | "estimate"
            | "forecast"
            | "promise"
            | "demand"
            | "hope"
            | "fear"
            | "note"
            | "claim"
            | "answer"
            | "reply"
            | "replie"
            | "protest"
            | "counter"
            | "post"
            | "tweet"
            | "point"
            | "remark"
            | "rule"
            | "signal"
            | "hint"
            | "concern"
            | "warning"
            | "pledge"
            | "vow"
            | "joke"
            | "muse"
            | "boast"
            | "threat"
            | "record"
            | "brief"
            | "beam"
            | "question"
            | "repeat"
            | "stress"
            | "thought"
            | "express"
            | "caution"
            | "label"
            | "blame"
            | "welcome"
            | "thank"
            | "sigh"
            | "snap"
            | "shout"
            | "whisper"
            | "complain"
            | "agree"
            | "recall"
    )
}

/// Verbs whose statement is their object (`accused X of …`, `urged X to …`),
/// never a clause before them.
pub fn takes_object(w: &str) -> bool {
    [
        "accus",
        "urg",
        "call",
        "blam",
        "critici",
        "thank",
        "condemn",
        "denounc",
        "prais",
        "express",
        "pledg",
        "demand",
        "reject",
        "welcom",
        "lament",
        "bemoan",
        "describ",
        "dismiss",
        "encourag",
        "highlight",
        "underscor",
        "underlin",
        "emphasi",
        "reiterat",
        "spok",
        "rul",
        "vow",
        "promis",
        "ask",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_verbs_are_inflected_forms_in_lower_case_only() {
        for w in [
            "said",
            "says",
            "stressed",
            "stressing",
            "replied",
            "thanked",
        ] {
            assert!(is_cue_verb(w), "{w}");
        }
        for w in ["Said", "saiD", "sa", "continued", "table"] {
            assert!(!is_cue_verb(w), "{w}");
        }
    }

    #[test]
    fn trades_are_role_nouns_asked_in_lower_case_only() {
        for w in ["dealer", "broker", "analyst", "economist"] {
            assert!(is_trade_noun(w) && is_role_noun(w), "{w}");
        }
        for w in ["Dealer", "dealers", "spokesman", "firm"] {
            assert!(!is_trade_noun(w), "{w}");
        }
    }

    #[test]
    fn own_lists_and_lexicon_lists_answer_from_one_table() {
        assert!(is_title("Gov.") && is_title("President") && is_title("industry"));
        assert!(is_role_noun("Spokeswoman") && is_role_noun("firm") && is_role_noun("paper"));
        assert!(is_group_noun("Officials") && !is_group_noun("official"));
        assert!(is_pronoun("She") && is_pronoun("i") && !is_pronoun("us"));
        assert!(!is_title("London") && !is_role_noun("London"));
    }

    #[test]
    fn function_words_exclude_roles_titles_groups_and_acronyms() {
        assert!(is_function_word("However") && is_function_word("the"));
        assert!(!is_function_word("US"));
        assert!(!is_function_word("Officials"));
        assert!(!is_function_word("Minister"));
    }

    #[test]
    fn indefinite_pronouns_name_no_one() {
        assert!(is_indefinite("Everyone") && is_indefinite("others"));
        assert!(!is_indefinite("Everett") && !is_indefinite("he"));
    }
}
