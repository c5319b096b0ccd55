//! Word-class questions the attribution rules ask (speech verb? title? role
//! noun?), answered from the shared lexicon, plus what only attribution
//! needs: verb inflections, stance verbs (`highlighted`, `thanked`), unnamed
//! group nouns (`officials`), verbs that are also nouns, object-taking cues.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lexicon::{WordSet, lexicon, with_lower};

/// Verbs that report a stance or statement without being plain speech verbs
/// (`highlighted the need`, `thanked X for`); base forms.
static STANCE_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
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
    ]
    .into_iter()
    .collect()
});

/// Speech verbs the lexicon does not list (opinion and manner verbs).
static EXTRA_SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "think", "thinks", "thought", "fear", "hope", "brief", "beam", "speak", "spoke", "spoken",
        "replie",
    ]
    .into_iter()
    .collect()
});

/// Every inflected form of the lexicon's speech verbs and of the verbs
/// above (`stress` → `stresses`, `stressed`, `stressing`; `reply` →
/// `replies`, `replied`), built once so that a lookup is one hash probe.
static CUE_FORMS: LazyLock<WordSet<String>> = LazyLock::new(|| {
    let listed = include_str!("../../assets/lexicon/speech_verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let mut forms = WordSet::default();
    for base in listed
        .chain(EXTRA_SPEECH_VERBS.iter().copied())
        .chain(STANCE_VERBS.iter().copied())
    {
        let base = base.to_lowercase();
        for suffix in ["", "s", "es", "ed", "d", "ing"] {
            forms.insert(format!("{base}{suffix}"));
        }
        if let Some(stem) = base.strip_suffix('e') {
            forms.insert(format!("{stem}ing"));
        }
        if let Some(stem) = base.strip_suffix('y') {
            forms.insert(format!("{stem}ies"));
            forms.insert(format!("{stem}ied"));
        }
    }
    // Listed as speech verbs but mostly describing action: `continued the war`.
    forms.retain(|f| !f.starts_with("continu"));
    forms
});

/// True for a verb form that reports speech or a stated position.
pub fn is_cue_verb(w: &str) -> bool {
    w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_lowercase()) && CUE_FORMS.contains(w)
}

/// Titles and honorifics written before a name (`Mr`, `President`,
/// `Foreign`), and the department words of office titles (`Trade and Industry Secretary`).
pub fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    lexicon().is_title(w)
        || with_lower(w, |lw| {
            matches!(
                lw,
                "gov"
                    | "atty"
                    | "amb"
                    | "pres"
                    | "supt"
                    | "insp"
                    | "det"
                    | "hon"
                    | "fr"
                    | "state"
                    | "industry"
                    | "affairs"
                    | "environment"
                    | "culture"
                    | "transport"
                    | "work"
                    | "pensions"
                    | "energy"
                    | "treasury"
                    | "cabinet"
                    | "vice"
                    | "dj"
            )
        })
}

/// Nouns that stand for a person or body already named (`the spokesman`,
/// `the firm`, `the paper`).
pub fn is_role_noun(w: &str) -> bool {
    let lex = lexicon();
    lex.is_role_noun(w)
        || lex.is_org_role(w)
        || with_lower(w, |lw| {
            matches!(
                lw,
                "paper"
                    | "statement"
                    | "report"
                    | "reports"
                    | "singer"
                    | "star"
                    | "actor"
                    | "actress"
                    | "player"
                    | "striker"
                    | "captain"
                    | "champion"
                    | "director"
                    | "chairman"
                    | "chairwoman"
                    | "minister"
                    | "secretary"
                    | "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "mother"
                    | "father"
                    | "brother"
                    | "sister"
                    | "widow"
                    | "friend"
                    | "partner"
                    | "colleague"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "novelist"
                    | "author"
                    | "writer"
                    | "member"
                    | "councillor"
                    | "councilman"
                    | "councilwoman"
                    | "lawmaker"
                    | "legislator"
                    | "researcher"
                    | "founder"
            )
        })
}

/// Plural nouns for unnamed groups of speakers (`officials`, `experts`).
pub fn is_group_noun(w: &str) -> bool {
    with_lower(w, |lw| {
        matches!(
            lw,
            "officials"
                | "experts"
                | "sources"
                | "analysts"
                | "economists"
                | "diplomats"
                | "leaders"
                | "critics"
                | "residents"
                | "witnesses"
                | "investigators"
                | "authorities"
                | "ministers"
                | "observers"
                | "campaigners"
                | "lawyers"
                | "doctors"
                | "scientists"
                | "researchers"
                | "activists"
                | "protesters"
                | "officers"
                | "police"
                | "militants"
                | "organisers"
                | "organizers"
                | "unions"
                | "politicians"
                | "executives"
                | "insiders"
                | "bosses"
                | "fans"
                | "medics"
                | "troops"
                | "rebels"
                | "authors"
                | "members"
                | "advocates"
                | "supporters"
                | "opponents"
                | "aides"
                | "allies"
                | "colleagues"
                | "neighbours"
                | "neighbors"
                | "relatives"
                | "parents"
                | "teachers"
                | "workers"
                | "employees"
                | "voters"
                | "customers"
                | "passengers"
                | "prosecutors"
                | "commentators"
                | "historians"
                | "spokesmen"
        )
    })
}

/// Nationality and group adjectives written before titles (`Russian`,
/// `US`): dropped from the front of a name.
pub fn is_demonym(w: &str) -> bool {
    lexicon().is_demonym(w) || matches!(w, "US" | "UK" | "EU" | "UN")
}

/// Personal pronouns that can stand for a speaker.
pub fn is_pronoun(w: &str) -> bool {
    with_lower(w, |lw| {
        matches!(lw, "he" | "she" | "they" | "it" | "we" | "i")
    })
}

/// Capitalised words that open sentences without naming anyone (`However`,
/// `Both`); role, group and title words are not among them here.
pub fn is_function_word(w: &str) -> bool {
    // `US` is a name, `us` a pronoun.
    let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    !acronym
        && lexicon().is_function_word(w)
        && !is_role_noun(w)
        && !is_group_noun(w)
        && !is_title(w)
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
