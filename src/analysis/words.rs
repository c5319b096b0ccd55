//! Word-class questions the attribution rules ask (speech verb? title? role
//! noun?), answered from the shared lexicon plus the inflections and the
//! stance verbs that only reported speech needs.

use std::collections::HashSet;
use std::sync::LazyLock;

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
    ]
    .into_iter()
    .collect()
});

/// Plain speech verbs (all the forms the lexicon lacks are derived below).
static SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "say",
        "says",
        "said",
        "tell",
        "tells",
        "told",
        "add",
        "adds",
        "added",
        "note",
        "claim",
        "argue",
        "explain",
        "state",
        "announce",
        "declare",
        "ask",
        "reply",
        "replied",
        "respond",
        "answer",
        "admit",
        "acknowledge",
        "believe",
        "suggest",
        "write",
        "wrote",
        "written",
        "report",
        "confirm",
        "deny",
        "denied",
        "remark",
        "comment",
        "observe",
        "point",
        "predict",
        "promise",
        "threaten",
        "complain",
        "contend",
        "maintain",
        "mention",
        "recall",
        "reveal",
        "describe",
        "call",
        "tweet",
        "demand",
        "estimate",
        "forecast",
        "indicate",
        "inform",
        "assure",
        "agree",
        "allege",
        "boast",
        "counter",
        "exclaim",
        "joke",
        "muse",
        "protest",
        "recount",
        "repeat",
        "retort",
        "shout",
        "testify",
        "testified",
        "conclude",
        "think",
        "thinks",
        "thought",
        "fear",
        "hope",
        "explain",
        "brief",
        "beam",
        "speak",
        "spoke",
        "spoken",
    ]
    .into_iter()
    .collect()
});

/// The base form candidates of an inflected verb (`stressed` → `stress`,
/// `noting` → `note`, `replies` → `reply`).
fn bases(w: &str) -> impl Iterator<Item = String> + '_ {
    let mut out: Vec<String> = vec![w.to_string()];
    for (suffix, repl) in [
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 2
        {
            out.push(format!("{stem}{repl}"));
        }
    }
    out.into_iter()
}

/// True for a verb form that reports speech or a stated position.
pub fn is_cue_verb(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_ascii_lowercase()) || w.len() < 3 {
        return false;
    }
    bases(w).any(|b| SPEECH_VERBS.contains(b.as_str()) || STANCE_VERBS.contains(b.as_str()))
}

/// Titles and honorifics written before a name (`Mr`, `President`, `Foreign`).
pub fn is_title(w: &str) -> bool {
    let lw = w.trim_end_matches('.').to_lowercase();
    matches!(
        lw.as_str(),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "professor"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "president"
            | "vice"
            | "prime"
            | "minister"
            | "premier"
            | "chancellor"
            | "secretary"
            | "deputy"
            | "foreign"
            | "defence"
            | "defense"
            | "interior"
            | "finance"
            | "shadow"
            | "senior"
            | "chief"
            | "executive"
            | "governor"
            | "mayor"
            | "senator"
            | "sen"
            | "rep"
            | "ambassador"
            | "envoy"
            | "general"
            | "gen"
            | "colonel"
            | "captain"
            | "commander"
            | "judge"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "sheikh"
            | "chairman"
            | "chairwoman"
            | "director"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "leader"
            | "head"
            | "coach"
            | "manager"
            | "boss"
            | "mp"
            | "mep"
            | "secretary-general"
            | "speaker"
            | "state"
            | "trade"
            | "industry"
            | "home"
            | "health"
            | "education"
            | "justice"
            | "environment"
            | "culture"
            | "sports"
            | "economy"
            | "transport"
            | "work"
            | "pensions"
            | "affairs"
    )
}

/// Nouns that stand for a person or body already named (`the spokesman`, `the firm`).
pub fn is_role_noun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "minister"
            | "president"
            | "premier"
            | "chancellor"
            | "secretary"
            | "official"
            | "chief"
            | "executive"
            | "chairman"
            | "chairwoman"
            | "director"
            | "governor"
            | "mayor"
            | "senator"
            | "ambassador"
            | "envoy"
            | "leader"
            | "head"
            | "boss"
            | "manager"
            | "coach"
            | "analyst"
            | "economist"
            | "expert"
            | "adviser"
            | "advisor"
            | "aide"
            | "lawyer"
            | "attorney"
            | "judge"
            | "prosecutor"
            | "officer"
            | "commander"
            | "diplomat"
            | "source"
            | "firm"
            | "company"
            | "group"
            | "bank"
            | "agency"
            | "ministry"
            | "government"
            | "administration"
            | "council"
            | "commission"
            | "committee"
            | "party"
            | "union"
            | "organisation"
            | "organization"
            | "authority"
            | "department"
            | "office"
            | "regulator"
            | "watchdog"
            | "retailer"
            | "airline"
            | "broadcaster"
            | "newspaper"
            | "paper"
            | "network"
            | "club"
            | "team"
            | "band"
            | "studio"
            | "label"
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
            | "chief executive"
    )
}

/// Plural nouns for unnamed groups of speakers (`officials`, `experts`).
pub fn is_group_noun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
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
    )
}

/// Nationality and group adjectives written before titles (`Russian`, `Iraqi`).
pub fn is_demonym(w: &str) -> bool {
    let ends = ["ian", "ean", "ese", "ish", "ani", "aqi", "eli", "can"];
    let listed = matches!(
        w,
        "Saudi"
            | "Somali"
            | "Yemeni"
            | "Kuwaiti"
            | "Qatari"
            | "Omani"
            | "French"
            | "Dutch"
            | "Greek"
            | "Thai"
            | "Swiss"
            | "Czech"
            | "Iraqi"
            | "Israeli"
            | "Pakistani"
            | "US"
            | "UK"
            | "EU"
            | "UN"
    );
    listed
        || (w.starts_with(char::is_uppercase)
            && w.len() > 3
            && ends.iter().any(|e| w.ends_with(e))
            && !w.chars().skip(1).any(char::is_uppercase))
}

/// Personal pronouns that can stand for a speaker.
pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i"
    )
}

/// Capitalised words that open sentences without naming anyone.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "both"
            | "however"
            | "but"
            | "and"
            | "meanwhile"
            | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "while"
            | "when"
            | "as"
            | "if"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "it"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "many"
            | "some"
            | "other"
            | "others"
            | "speaking"
            | "asked"
            | "according"
            | "read"
            | "yet"
            | "so"
            | "also"
            | "now"
            | "then"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Words that end organisation names (`Holdings`, `Ministry`, `Party`).
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "holdings"
            | "group"
            | "bank"
            | "ltd"
            | "inc"
            | "plc"
            | "corp"
            | "corporation"
            | "company"
            | "co"
            | "airways"
            | "airlines"
            | "motors"
            | "industries"
            | "partners"
            | "capital"
            | "media"
            | "technologies"
            | "systems"
            | "association"
            | "council"
            | "party"
            | "union"
            | "ministry"
            | "agency"
            | "authority"
            | "commission"
            | "office"
            | "department"
            | "service"
            | "services"
            | "institute"
            | "foundation"
            | "federation"
            | "organisation"
            | "organization"
            | "committee"
            | "club"
            | "league"
            | "board"
            | "trust"
            | "fund"
            | "bureau"
            | "university"
            | "college"
            | "court"
            | "police"
            | "army"
            | "forces"
            | "news"
            | "times"
            | "post"
            | "telegraph"
            | "guardian"
            | "journal"
            | "international"
            | "network"
            | "records"
            | "pictures"
            | "studios"
    )
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
