//! Speech cues and reported speech: a cue (`said`, `told`, `warned`,
//! `accused`, `called on`, `according to`, …) with its subject and, when the
//! statement is not in quotation marks, its content clause.
//!
//! Works on the tokens of one clause unit (a sentence, widened so that no
//! quotation crosses it). Finds where things are; naming the speaker is the
//! job of `speakers`.

use super::Span;
use super::lexicon::{Lower, lexicon};
use super::tokens::{self, Tok, TokKind};
use super::words;

/// How a cue stands in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// `X said …` / `X said: "…"`: the subject stands before the verb.
    Verb,
    /// `…, said X` / `"…," said X`: the subject follows the verb.
    Inverted,
    /// `…, stressing that …`: a participle whose subject is the clause's subject.
    Participle,
    /// `according to X`.
    According,
    /// `X: "…"`: a name and a colon introduce a quotation.
    Colon,
}

/// One speech cue in a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub form: CueForm,
    /// Token index of the cue word (`said`, `according`, the colon).
    pub at: usize,
    /// Token range of the subject noun phrase, when found.
    pub subject: Option<(usize, usize)>,
    /// The reported clause, when the statement is not a quotation.
    pub content: Option<Span>,
}

/// Words after a comma that end a reported clause (`…, although …`).
fn ends_clause(w: &str) -> bool {
    matches!(
        Lower::ascii(w).as_str(),
        "although"
            | "though"
            | "while"
            | "whereas"
            | "but"
            | "as"
            | "according"
            | "following"
            | "despite"
            | "adding"
            | "saying"
            | "amid"
            | "after"
            | "before"
            | "when"
            | "because"
            | "since"
            | "in"
            | "speaking"
            | "citing"
            | "referring"
    )
}

/// Discourse words that open a sentence without belonging to its content.
fn is_opener_word(w: &str) -> bool {
    matches!(
        Lower::ascii(w).as_str(),
        "however" | "but" | "and" | "meanwhile" | "so" | "yet" | "still" | "moreover" | "instead"
    )
}

/// Finds the speech cues of one unit.
pub fn find_cues(text: &str, toks: &[Tok]) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(mut cue) = cue_at(text, toks, i, &cues) {
            // `believed he had the authority`: a belief told in the past
            // narrates a thought; it states something only with its `that`
            // or in quoted words, and still names whose words those are.
            // (`Analysts believe the plan will fail` is a stated view.)
            if word(text, toks, i) == "believed"
                && word(text, toks, i + 1) != "that"
                && let Some(c) = cue.content
                && !toks.iter().any(|t| {
                    matches!(t.kind, TokKind::Quote(_))
                        && c.start <= t.span.start
                        && t.span.end <= c.end
                })
            {
                cue.content = None;
            }
            cues.push(cue);
        }
        i += 1;
    }
    // "according to X" at the end only attributes when nothing else does.
    if cues.len() > 1 {
        let others = cues.iter().any(|c| c.form != CueForm::According);
        if others {
            cues.retain(|c| c.form != CueForm::According || c.at == first_word(toks));
        }
    }
    // `X said he was alarmed, his spokesman told reporters`: a trailing cue
    // relaying an earlier cue's statement leaves that statement to it.
    for k in 1..cues.len() {
        let Some(c) = cues[k].content else { continue };
        // Only a plain statement relays (`Judges should think …, he said`
        // is the statement of the trailing cue).
        let relayed = cues[..k].iter().any(|o| {
            let at = toks[o.at].span.start;
            o.content.is_some()
                && c.start <= at
                && at < c.end
                && plain_speech_after(text, toks, o.at)
                && !tokens::is_verb_companion(word(text, toks, o.at.saturating_sub(1)))
        });
        if relayed {
            cues[k].content = None;
        }
    }
    // `According to the news agency Tass, he warned that …`: a medium
    // opening the sentence relays the statement of a cue with its own
    // subject, which speaks (a person relaying stays the source).
    if cues.len() > 1
        && cues[0].form == CueForm::According
        && cues[0].subject.is_some_and(|(a, b)| {
            (a..b).any(|k| is_medium_noun(word(text, toks, k)))
                || span_of(text, toks, a, b).is_some_and(|s| {
                    let name = s.slice(text);
                    let name = name.strip_prefix("the ").unwrap_or(name);
                    lexicon().is_known_org(name)
                })
        })
    {
        let relays = cues[0].content.is_some_and(|c| {
            cues[1..].iter().any(|o| {
                let at = toks[o.at].span.start;
                o.form == CueForm::Verb && o.subject.is_some() && c.start <= at && at < c.end
            })
        });
        if relays {
            cues.remove(0);
        }
    }
    // A cue inside another cue's statement is part of that statement.
    let inner: Vec<bool> = cues
        .iter()
        .map(|c| {
            let at = toks[c.at].span.start;
            // (`The Tories, he said, can …`: a statement may hold its own cue.)
            cues.iter()
                .any(|o| o.at != c.at && o.content.is_some_and(|s| s.start <= at && at < s.end))
        })
        .collect();
    let mut keep = inner.iter().map(|x| !x);
    cues.retain(|_| keep.next().unwrap_or(true));
    cues
}

/// A noun for a news medium (`the news agency`, `the newspaper`).
fn is_medium_noun(w: &str) -> bool {
    matches!(
        w,
        "agency"
            | "newspaper"
            | "paper"
            | "daily"
            | "broadcaster"
            | "magazine"
            | "website"
            | "channel"
            | "television"
            | "radio"
            | "outlet"
    )
}

fn first_word(toks: &[Tok]) -> usize {
    toks.iter()
        .position(|t| t.kind == TokKind::Word)
        .unwrap_or(0)
}

fn word<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| t.word(text))
}

fn cue_at(text: &str, toks: &[Tok], i: usize, earlier: &[Cue]) -> Option<Cue> {
    let w = word(text, toks, i);
    if w.eq_ignore_ascii_case("according") && word(text, toks, i + 1) == "to" {
        return according(text, toks, i);
    }
    if toks[i].is_punct(':') {
        return colon(text, toks, i);
    }
    // `"…," reads a memo for the minister`: a written source after a
    // quotation (only there: `reads` is no speech verb elsewhere).
    if matches!(w, "reads" | "read")
        && i > 0
        && matches!(toks[i - 1].kind, TokKind::Quote(_))
        && let Some(subject) = source_np_after(text, toks, i + 1)
    {
        return Some(Cue {
            form: CueForm::Inverted,
            at: i,
            subject: Some(subject),
            content: None,
        });
    }
    // `the statement quoted Ann Lee as saying`: the one quoted speaks.
    if matches!(w, "quoted" | "quotes" | "quoting")
        && let Some(np) = np_after(text, toks, i + 1)
        && word(text, toks, np.1) == "as"
        && word(text, toks, np.1 + 1) == "saying"
    {
        return Some(Cue {
            form: CueForm::Inverted,
            at: i,
            subject: Some(np),
            content: None,
        });
    }
    if !words::is_cue_verb(w) {
        // `shows`, `found`: cue verbs only with a study as subject (most
        // words fail on their first letter).
        return match w.as_bytes().first() {
            Some(b's' | b'f') => finding(text, toks, i),
            _ => None,
        };
    }
    let lw = Lower::ascii(w);
    let next = Lower::ascii(word(text, toks, i + 1));
    // `called` reports speech only as `called on` / `called for`; `pointed` as `pointed out`.
    if lw.starts_with("call") && !matches!(next.as_str(), "on" | "for") {
        // (`calling the issue a "red line"` describes the clause's act.)
        return if lw.ends_with("ing") {
            None
        } else {
            called_label(text, toks, i)
        };
    }
    if lw.starts_with("point") && next != "out" {
        return None;
    }
    // `adding to concern`, `can add to and improve`: to add to is to increase.
    if lw.starts_with("add") && next == "to" {
        return None;
    }
    // `ruled out` a plan; `ruled (on Tuesday) that …` gives a court's finding.
    if lw.starts_with("rul") && next != "out" && !that_follows(text, toks, i + 1) {
        return None;
    }
    if (lw.starts_with("spo") || lw.starts_with("spe")) && next != "out" {
        return None;
    }
    // `a think tank`: the compound noun, not the verb.
    if lw == "think" && next.starts_with("tank") {
        return None;
    }
    // Verbs that are also nouns (`reports`, `claims`) count in their `-s`
    // form only before `that`, a colon or a quotation.
    if words::is_noun_like_verb(&lw) && !lw.ends_with("ed") && !lw.ends_with("ing") {
        let t = toks.get(i + 1);
        // `"…," recalls Ann Bell`: inverted after a quotation or a comma.
        let inverted = i > 0
            && (toks[i - 1].is_punct(',') || matches!(toks[i - 1].kind, TokKind::Quote(_)))
            && toks
                .get(i + 1)
                .is_some_and(|t| tokens::is_capitalised(t.word(text)));
        // `"…," Ann Bell recalls.`: a name between a quotation and the verb
        // that ends the clause.
        let after_quote = t.is_none_or(|t| t.is_punct('.') || t.is_punct(','))
            && (1..=3).any(|n| {
                i > n
                    && matches!(toks[i - n - 1].kind, TokKind::Quote(_))
                    && (i - n..i).all(|k| {
                        let w = word(text, toks, k);
                        tokens::is_capitalised(w) && !words::is_function_word(w)
                    })
            });
        let introduces = next == "that"
            || inverted
            || after_quote
            || t.is_some_and(|t| t.is_punct(':') || matches!(t.kind, TokKind::Quote(_)));
        if !introduces {
            return None;
        }
    }
    // A verb after a form of `be` is passive or adjectival (`is accused of`).
    let mut j = i;
    while j > 0 && tokens::is_verb_companion(word(text, toks, j - 1)) {
        j -= 1;
    }
    if j > 0 && tokens::is_be(word(text, toks, j - 1)) {
        return None;
    }
    // `did not say whether …`: a negated cue before a question reports nothing.
    let negated = (j..i).any(|k| {
        let x = word(text, toks, k);
        x.eq_ignore_ascii_case("not")
            || x.eq_ignore_ascii_case("never")
            || x.ends_with("n't")
            || x.ends_with("n’t")
    });
    if negated
        && matches!(
            next.as_str(),
            "whether" | "if" | "how" | "what" | "why" | "when" | "who" | "where"
        )
    {
        return None;
    }
    // `is expected to announce`: an infinitive reports nothing yet (but
    // `went on to say` does).
    if j > 1 && word(text, toks, j - 1) == "to" && word(text, toks, j - 2) != "on" {
        return None;
    }
    // `the so-called`, `a warning`: nouns and adjectives are not cues.
    if j > 0 && tokens::is_determiner(word(text, toks, j - 1)) {
        return None;
    }
    let statement_noun = j > 0 && is_statement_noun(word(text, toks, j - 1));
    if lw.ends_with("ing") {
        // `…, stressing that …` or `a statement emphasizing …`: the subject is the clause's.
        // `…, while noting that …`: the participle of a contrast clause.
        let contrast = j >= 2
            && matches!(word(text, toks, j - 1), "while" | "whilst")
            && toks[j - 2].is_punct(',');
        // `… by saying that …`: the means of an act is a statement (a
        // clause with a verb: not `by saying the actor's name`).
        let by = j > 0
            && word(text, toks, j - 1) == "by"
            && matches!(
                lw.as_str(),
                "saying" | "arguing" | "claiming" | "insisting" | "stating" | "warning"
            )
            && content_after(text, toks, i).is_some_and(|(c, that)| {
                that || c
                    .slice(text)
                    .split_whitespace()
                    .any(|x| tokens::is_be(x) || tokens::is_verb_companion(x) || x.ends_with("ed"))
            });
        if j == 0 || !(toks[j - 1].is_punct(',') || statement_noun || contrast || by) {
            return None;
        }
        // `with reports saying …`: unattributed reports are the source.
        let reports = statement_noun
            && word(text, toks, j - 1) == "reports"
            && !(j >= 2 && tokens::is_determiner(word(text, toks, j - 2)));
        let subject = if reports {
            Some((j - 1, j))
        } else {
            earlier
                .iter()
                .rev()
                .find_map(|c| c.subject)
                .or_else(|| clause_subject(text, toks, j))
        };
        let content = content_after(text, toks, i).map(|(c, _)| c);
        return Some(Cue {
            form: CueForm::Participle,
            at: i,
            subject,
            content,
        });
    }
    // `… and criticised it for …`, `…, but warned that …`: a verb coordinated
    // with an earlier cue shares its subject; with no earlier cue, the
    // clause's subject (`X called the plan "reckless" and said …`).
    if j > 0
        && matches!(word(text, toks, j - 1), "and" | "but")
        && let Some(subject) = earlier.iter().rev().find_map(|c| c.subject).or_else(|| {
            // Only a verb that plainly reports speech (`and said`,
            // `but warned that`), not one that also describes an act.
            let plain = ["sa", "add", "warn", "insist", "claim", "argu", "stress"]
                .iter()
                .any(|p| lw.starts_with(p))
                || next == "that";
            plain.then(|| clause_subject(text, toks, j - 1)).flatten()
        })
    {
        return Some(Cue {
            form: CueForm::Verb,
            at: i,
            subject: Some(subject),
            content: content_after(text, toks, i).map(|(c, _)| c),
        });
    }
    // `…, the Acme radio station reported.`, `…, the exchange has said.`:
    // a described subject after a comma, the cue ending the clause.
    if clause_ends_after(text, toks, i)
        && toks.get(i + 1).is_none_or(|t| !t.is_punct(','))
        && !(is_tell(&lw) && content_after(text, toks, i).is_some())
        && let Some(subject) = trailing_subject(text, toks, j)
    {
        return Some(Cue {
            form: CueForm::Verb,
            at: i,
            subject: Some(subject),
            content: content_before(text, toks, subject.0 - 1),
        });
    }
    if let Some(subject) = np_before(text, toks, j) {
        let before_subject = subject.0.checked_sub(1).map(|k| toks[k]);
        // `However, he said, rates will rise`: a cue between commas after an
        // opening adjunct; the statement is what follows it.
        if toks.get(i + 1).is_some_and(|t| t.is_punct(','))
            && before_subject.is_some_and(|t| t.is_punct(','))
            && opening_adjunct(text, toks, subject.0 - 1)
        {
            return Some(Cue {
                form: CueForm::Verb,
                at: i,
                subject: Some(subject),
                content: clause_from(text, toks, i + 2),
            });
        }
        // `The Tories, he said, can cut taxes`: a cue between commas splits
        // the statement's subject from its verb; the statement is the
        // whole sentence, the cue inside it.
        if toks.get(i + 1).is_some_and(|t| t.is_punct(','))
            && before_subject.is_some_and(|t| t.is_punct(','))
            && np_after(text, toks, first_word(toks)).is_some_and(|np| np.1 + 1 == subject.0)
            && word(text, toks, i + 2).starts_with(char::is_lowercase)
            && let Some(rest) = clause_from(text, toks, i + 2)
        {
            return Some(Cue {
                form: CueForm::Verb,
                at: i,
                subject: Some(subject),
                content: Some(Span::new(toks[first_word(toks)].span.start, rest.end)),
            });
        }
        let after = content_after(text, toks, i);
        // `The envoy, Ann Lee, said …`: the name in apposition between
        // commas opens the sentence; no statement comes before it.
        let apposition = subject.1 + 1 == j && toks[subject.1].is_punct(',');
        let content = match before_subject {
            // "…, X said": the statement comes before, unless a `that` clause
            // or an object follows the verb.
            Some(t) if !apposition && (t.is_punct(',') || t.is_punct('—') || t.is_punct('–')) =>
            {
                // `…, X told the nation he was resigning`: the listener's clause.
                let that = after.is_some_and(|(_, that)| that) || (is_tell(&lw) && after.is_some());
                // `…, Ann Lee emphasized.`: a verb that takes an object has none here.
                let bare = toks.get(i + 1).is_none_or(|t| t.is_punct('.'));
                if that || (words::takes_object(&lw) && !bare) || !clause_ends_after(text, toks, i)
                {
                    after.map(|(c, _)| c)
                } else {
                    content_before(text, toks, subject.0 - 1)
                }
            }
            Some(t) if matches!(t.kind, TokKind::Quote(_)) => None,
            _ => after.map(|(c, _)| c),
        };
        return Some(Cue {
            form: CueForm::Verb,
            at: i,
            subject: Some(subject),
            content,
        });
    }
    // Inverted: `…, said Kremlin spokesman Dmitry Peskov.` (`…, told
    // Reuters` names the listener: `tell` is never inverted.)
    if j > 0
        && (toks[j - 1].is_punct(',') || matches!(toks[j - 1].kind, TokKind::Quote(_)))
        && !is_tell(&lw)
    {
        let subject = np_after(text, toks, i + 1).or_else(|| {
            // `"…," wrote the influential Acme magazine`: a described outlet
            // or document right after the quotation.
            source_np_after(text, toks, i + 1)
                .filter(|_| matches!(toks[j - 1].kind, TokKind::Quote(_)))
        })?;
        // `…, said they would …` is not an inversion: a clause follows.
        if subject.1 - subject.0 == 1
            && words::is_pronoun(word(text, toks, subject.0))
            && toks.get(subject.1).is_some_and(|t| t.kind == TokKind::Word)
        {
            return None;
        }
        let content = if toks[j - 1].is_punct(',') {
            // `By contrast, says Ann Lee, the plan is dead`: after an opening
            // adjunct, the statement follows the cue.
            if toks.get(subject.1).is_some_and(|t| t.is_punct(','))
                && toks[..j - 1].iter().all(|t| t.kind == TokKind::Word)
                && opening_adjunct(text, toks, j - 1)
            {
                // `…, says Ann Lee, head of Acme, the plan …`: past a role
                // in apposition to the name.
                let next = word(text, toks, subject.1 + 1);
                let role = next.starts_with(char::is_lowercase)
                    && !tokens::is_determiner(next)
                    && !words::is_pronoun(next);
                let from = if role {
                    (subject.1 + 1..toks.len())
                        .find(|&k| toks[k].is_punct(','))
                        .map_or(subject.1 + 1, |k| k + 1)
                } else {
                    subject.1 + 1
                };
                clause_from(text, toks, from)
            } else {
                content_before(text, toks, j - 1)
            }
        } else {
            None
        };
        return Some(Cue {
            form: CueForm::Inverted,
            at: i,
            subject: Some(subject),
            content,
        });
    }
    None
}

/// `X called the deal a "debt trap"`: what the speaker calls a thing in
/// quoted words ending the clause states a view; the statement is the
/// object and the quotation.
#[inline(never)]
fn called_label(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    let q = (i + 2..(i + 12).min(toks.len())).find(|&k| toks[k].kind != TokKind::Word)?;
    if !matches!(toks[q].kind, TokKind::Quote(_))
        || toks.get(q + 1).is_some_and(|t| t.kind == TokKind::Word)
    {
        return None;
    }
    // `called all women "Betty"`: a name given, no view stated.
    let quoted = toks[q].span.slice(text);
    let named = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .all(tokens::is_capitalised);
    if named {
        return None;
    }
    let mut j = i;
    while j > 0 && tokens::is_verb_companion(word(text, toks, j - 1)) {
        j -= 1;
    }
    // `the party, which has called …`: the phrase the relative pronoun stands for.
    let subject = if j > 2 && word(text, toks, j - 1) == "which" && toks[j - 2].is_punct(',') {
        np_before(text, toks, j - 2)
    } else {
        np_before(text, toks, j)
    }?;
    Some(Cue {
        form: CueForm::Verb,
        at: i,
        subject: Some(subject),
        content: Some(Span::new(toks[i + 1].span.start, toks[q].span.end)),
    })
}

/// True when `that` stands at token `k` or after a short time adjunct
/// (`on Tuesday that`, `last week that`).
#[inline(never)]
fn that_follows(text: &str, toks: &[Tok], k: usize) -> bool {
    (k..(k + 4).min(toks.len()))
        .take_while(|&c| toks[c].kind == TokKind::Word)
        .find(|&c| word(text, toks, c) == "that")
        .is_some_and(|th| {
            (k..th).all(|c| {
                let x = word(text, toks, c);
                matches!(x, "on" | "last" | "this" | "yesterday" | "today")
                    || is_time_word(x)
                    || is_month(x)
                    || x.starts_with(|c: char| c.is_ascii_digit())
            })
        })
}

/// Words heading a body of findings that speaks for its authors (`research
/// suggests`, `a study by Acme shows`).
pub fn is_finding_head(w: &str) -> bool {
    matches!(
        Lower::ascii(w).as_str(),
        "research" | "study" | "survey" | "poll" | "analysis" | "report" | "studies" | "findings"
    )
}

/// `…, shows a study by Acme.` and `Acme's research has shown that …`:
/// `show` and `find` report speech only with a study as their subject.
fn finding(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    let w = word(text, toks, i);
    if !matches!(
        w,
        "shows" | "showed" | "shown" | "show" | "finds" | "found" | "find"
    ) {
        return None;
    }
    // Inverted after a comma: `…, shows a new study by Acme.`
    if i > 0 && toks[i - 1].is_punct(',') && tokens::is_determiner(word(text, toks, i + 1)) {
        let head = (i + 2..(i + 6).min(toks.len()))
            .take_while(|&k| toks[k].kind == TokKind::Word)
            .find(|&k| is_finding_head(word(text, toks, k)))?;
        let mut e = head + 1;
        if matches!(word(text, toks, e), "by" | "from" | "of") {
            let owner = np_after(text, toks, e + 1)?;
            e = owner.1;
        }
        return Some(Cue {
            form: CueForm::Inverted,
            at: i,
            subject: Some((i + 1, e)),
            content: content_before(text, toks, i - 1),
        });
    }
    // `Acme's research has shown that …`: the subject before, a `that` clause after.
    let mut j = i;
    while j > 0 && tokens::is_verb_companion(word(text, toks, j - 1)) {
        j -= 1;
    }
    if j == 0 || !is_finding_head(word(text, toks, j - 1)) || word(text, toks, i + 1) != "that" {
        return None;
    }
    let mut s = j - 1;
    while s > 0 && j - s < 5 && {
        let x = word(text, toks, s - 1);
        toks[s - 1].kind == TokKind::Word
            && !is_preposition(&Lower::ascii(x))
            && !words::is_cue_verb(x)
            && !tokens::is_be(x)
            && !tokens::is_verb_companion(x)
            && (tokens::is_determiner(x) || !words::is_function_word(x))
    } {
        s -= 1;
    }
    // `found that, once …`: a comma after `that` opens an inserted phrase.
    let mut k = i + 2;
    while toks.get(k).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    }
    Some(Cue {
        form: CueForm::Verb,
        at: i,
        subject: Some((s, j)),
        content: clause_from(text, toks, k),
    })
}

/// True when the words before the comma at token `comma` open the unit as
/// a discourse adjunct (`However`, `By contrast`, `In fact`, `Crucially`).
#[inline(never)]
fn opening_adjunct(text: &str, toks: &[Tok], comma: usize) -> bool {
    let s = first_word(toks);
    if comma <= s || comma - s > 4 || (s..comma).any(|k| toks[k].kind != TokKind::Word) {
        return false;
    }
    let first = word(text, toks, s);
    let lf = Lower::ascii(first);
    is_opener_word(first)
        || (comma - s == 1 && lf.ends_with("ly"))
        || (is_preposition(&lf) && comma - s <= 3)
        || matches!(
            lf.as_str(),
            "now" | "overall" | "ultimately" | "first" | "secondly"
        )
}

/// `described <object> as <what>` from the object at token `k`, when the
/// characterisation is more than a short quoted label.
#[inline(never)]
fn characterisation(text: &str, toks: &[Tok], k: usize) -> Option<Span> {
    // `described himself as a spokesman`: who someone is, not a statement.
    if word(text, toks, k).ends_with("self") || word(text, toks, k).ends_with("selves") {
        return None;
    }
    let as_at = (k + 1..(k + 7).min(toks.len()))
        .take_while(|&c| toks[c].kind == TokKind::Word)
        .find(|&c| word(text, toks, c) == "as")?;
    let what = toks.get(as_at + 1)?;
    if let TokKind::Quote(_) = what.kind {
        if what.span.slice(text).split_whitespace().count() <= 5 {
            return None;
        }
    } else if what.kind != TokKind::Word || word(text, toks, as_at + 2).is_empty() {
        return None;
    }
    clause_from(text, toks, k)
}

/// `tell` and `inform`: their object is the listener.
fn is_tell(w: &str) -> bool {
    matches!(
        w,
        "tell" | "tells" | "told" | "telling" | "inform" | "informs" | "informed" | "informing"
    )
}

/// Verbs whose object is the listener before a `that` clause (`told
/// reporters that`, `warned the board that`).
fn takes_listener(w: &str) -> bool {
    is_tell(w)
        || [
            "warn", "remind", "assur", "advis", "notif", "convinc", "persuad", "promis", "urg",
            "brief", "caution", "show", "writ", "wrote",
        ]
        .iter()
        .any(|p| w.starts_with(p))
}

/// Nouns after which a participle reports their statement (`a statement stressing …`).
fn is_statement_noun(w: &str) -> bool {
    matches!(
        Lower::ascii(w).as_str(),
        "statement"
            | "letter"
            | "report"
            | "reports"
            | "message"
            | "post"
            | "tweet"
            | "speech"
            | "interview"
            | "remarks"
            | "comments"
            | "communique"
            | "declaration"
    )
}

/// A written source or an outlet: what a quotation may be read in
/// (`a memo`, `the minutes`, `the Acme magazine`).
fn is_source_head(w: &str) -> bool {
    is_statement_noun(w)
        || matches!(
            Lower::ascii(w).as_str(),
            "memo"
                | "note"
                | "minutes"
                | "document"
                | "documents"
                | "review"
                | "editorial"
                | "notice"
                | "sign"
                | "banner"
                | "headline"
                | "leaflet"
                | "email"
                | "e-mail"
                | "telegram"
                | "cable"
                | "research"
                | "study"
                | "survey"
                | "poll"
                | "figures"
                | "data"
        )
        || (w.starts_with(char::is_lowercase) && super::lexicon::lexicon().is_org_role(w))
}

/// `a telephone memo`, `the influential Acme magazine`: a determiner, up to
/// three describing words or a name, and a source noun (see `is_source_head`).
fn source_np_after(text: &str, toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    if !tokens::is_determiner(word(text, toks, start)) {
        return None;
    }
    let head = (start + 1..(start + 5).min(toks.len()))
        .take_while(|&k| {
            let w = word(text, toks, k);
            toks[k].kind == TokKind::Word
                && !words::is_function_word(w)
                && !words::is_cue_verb(w)
                && !tokens::is_be(w)
                && !tokens::is_verb_companion(w)
        })
        .find(|&k| is_source_head(word(text, toks, k)))?;
    Some((start, head + 1))
}

/// True when nothing but adjuncts follows the verb at `verb` (`said on Monday.`,
/// `told the BBC.`, `acknowledged, as …`): the statement is before it.
fn clause_ends_after(text: &str, toks: &[Tok], verb: usize) -> bool {
    let Some(t) = toks.get(verb + 1) else {
        return true;
    };
    if matches!(t.kind, TokKind::Punct(_)) {
        return true;
    }
    let w = Lower::ascii(t.word(text));
    let lw = Lower::ascii(word(text, toks, verb));
    matches!(
        w.as_str(),
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "to"
            | "from"
            | "with"
            | "while"
            | "when"
            | "as"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "recently"
            | "afterwards"
            | "previously"
            | "also"
            | "told"
            | "adding"
            | "according"
    ) || (matches!(w.as_str(), "this" | "last") && is_time_word(word(text, toks, verb + 2)))
        || (lw.starts_with("t") && (lw == "told" || lw == "tells" || lw == "tell"))
}

/// Words naming a time after `this` or `last` (`said last week`), as against
/// the subject of a clause (`says this season will be her last`).
fn is_time_word(w: &str) -> bool {
    let lw = Lower::ascii(w);
    matches!(
        lw.as_str(),
        "week"
            | "month"
            | "year"
            | "weekend"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "time"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// A month's name (`said on 4 May`).
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

fn according(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    // `according to the documents released …`: a written source.
    let mut subject = np_after(text, toks, i + 2)
        .or_else(|| {
            (tokens::is_determiner(word(text, toks, i + 2))
                && is_source_head(word(text, toks, i + 3)))
            .then_some((i + 2, i + 4))
        })
        // `according to him, …`: a pronoun the speaker finder resolves.
        .or_else(|| {
            matches!(word(text, toks, i + 2), "him" | "her" | "them").then_some((i + 2, i + 3))
        })?;
    // `according to a statement from the company`: the issuer speaks.
    if is_statement_noun(word(text, toks, subject.1 - 1))
        && matches!(word(text, toks, subject.1), "from" | "by")
        && let Some(issuer) = np_after(text, toks, subject.1 + 1)
    {
        subject = issuer;
    }
    let starts = i == first_word(toks)
        || (i > 0
            && toks[i - 1].is_punct(',')
            && is_opener_word(word(text, toks, i.saturating_sub(2))));
    let content = if starts {
        // According to X, <content>.
        let comma = (subject.1..toks.len()).find(|&k| toks[k].is_punct(','))?;
        clause_from(text, toks, comma + 1)
    } else if i > 1
        && toks[i - 1].is_punct(',')
        && matches!(word(text, toks, i - 2), "that" | "which" | "who")
    {
        // `a PC that, according to X, has …`: the source stands inside a
        // relative clause; the statement is its rest.
        toks.get(subject.1)
            .filter(|t| t.is_punct(','))
            .and_then(|_| clause_from(text, toks, subject.1 + 1))
    } else if i > 0 && toks[i - 1].is_punct(',') {
        content_before(text, toks, i - 1)
    } else {
        None
    };
    Some(Cue {
        form: CueForm::According,
        at: i,
        subject: Some(subject),
        content,
    })
}

/// `Name: "…"` — a colon right after a name, directly before a quotation.
fn colon(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    if !matches!(toks.get(i + 1)?.kind, TokKind::Quote(_)) {
        return None;
    }
    // `As Ann Lee of Acme put it: "…"`: the one named in the `as` clause.
    if i >= 3
        && word(text, toks, i - 1) == "it"
        && matches!(word(text, toks, i - 2), "put" | "puts")
        && let Some(k) = (0..i - 2)
            .rev()
            .find(|&k| word(text, toks, k).eq_ignore_ascii_case("as"))
        && let Some(np) = np_after(text, toks, k + 1)
    {
        return Some(Cue {
            form: CueForm::Colon,
            at: i,
            subject: Some(np),
            content: None,
        });
    }
    let first = first_word(toks);
    // `Ann Lee, the bank's chief economist, speaking in Leeds: "…"`: a name
    // opening the unit with its description up to the colon, no verb of its own.
    if let Some(np) = np_after(text, toks, first)
        && np.0 == first
        && is_plain_name(text, toks, np)
        && {
            // `Ann Lee again, now on radio:`: a word placing the name in
            // the story may stand before the comma.
            let c = if matches!(word(text, toks, np.1), "again" | "too" | "also" | "later") {
                np.1 + 1
            } else {
                np.1
            };
            toks.get(c).is_some_and(|t| t.is_punct(','))
        }
        && !(np.1..i).any(|k| {
            let w = word(text, toks, k);
            // `speaking in Leeds` describes; `said`, `is`, `has` would be a clause.
            let finite_cue = words::is_cue_verb(w) && !w.ends_with("ing");
            // An adverb (`again, now speaking …`) describes; an auxiliary
            // (`has`, `will`) makes a clause.
            let adverb = w.ends_with("ly")
                || matches!(
                    w,
                    "again" | "now" | "also" | "too" | "later" | "then" | "once"
                );
            matches!(toks[k].kind, TokKind::Quote(_))
                || finite_cue
                || (tokens::is_verb_companion(w) && !adverb)
                || tokens::is_be(w)
        })
    {
        return Some(Cue {
            form: CueForm::Colon,
            at: i,
            subject: Some(np),
            content: None,
        });
    }
    let subject = np_before(text, toks, i)?;
    // Only when the name opens the unit, perhaps after a short description
    // (`BBC Two controller Ann Lee:`): otherwise a verb earlier introduces it.
    let described = subject.0 >= first
        && subject.0 - first <= 4
        && (first..subject.0).all(|k| {
            let w = word(text, toks, k);
            toks[k].kind == TokKind::Word
                && !is_preposition(&Lower::ascii(w))
                && !words::is_cue_verb(w)
                && !tokens::is_verb_companion(w)
        });
    if subject.0 != first && !described {
        return None;
    }
    Some(Cue {
        form: CueForm::Colon,
        at: i,
        subject: Some(subject),
        content: None,
    })
}

/// The subject of the unit's main clause: the first noun phrase before `end`.
pub fn clause_subject(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let mut k = 0;
    // `WASHINGTON - The agency …`, `LIMA, Oct 14 (Wire) - The ministry …`:
    // a dateline in capitals up to its dash is no subject.
    let first = word(text, toks, first_word(toks));
    if first.len() >= 2
        && first.chars().all(|c| !c.is_lowercase())
        && let Some(d) =
            (0..end.min(12)).find(|&d| matches!(toks[d].kind, TokKind::Punct('-' | '–' | '—')))
    {
        k = d + 1;
    }
    while k < end {
        let w = Lower::ascii(word(text, toks, k));
        // `But the judges …`: a discourse word opens the sentence.
        if k == first_word(toks) && is_opener_word(&w) {
            k += 1;
            continue;
        }
        // `Introducing the band, X …`, `Asked about it, X …`: an opening
        // participle phrase up to its comma.
        let participle = k == first_word(toks) && (w.ends_with("ing") || w.ends_with("ed"));
        if is_preposition(&w) || is_subordinator(&w) || participle {
            match (k..end).find(|&c| toks[c].is_punct(',')) {
                Some(c) => {
                    k = c + 1;
                    continue;
                }
                None => break,
            }
        }
        if let Some(np) = np_after(text, toks, k)
            && np.1 <= end
        {
            return Some(np);
        }
        // Skip an introductory phrase up to its comma.
        if let Some(c) = (k..end).find(|&c| toks[c].is_punct(',')) {
            k = c + 1;
        } else {
            break;
        }
    }
    None
}

/// True for a word that may belong to a speaker's noun phrase.
fn np_word(w: &str) -> bool {
    !w.is_empty()
        && (tokens::is_capitalised(w)
            || words::is_role_or_group_noun(w)
            || tokens::is_name_particle(w))
}

/// The speaker noun phrase ending right before token `end` (exclusive),
/// skipping an inserted clause between commas (`Putin, who …, said`).
pub fn np_before(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let np = np_before_inner(text, toks, end)?;
    Some(name_before_origin(text, toks, np.0).unwrap_or(np))
}

/// `Ann Lee, of the Green Party, said`, `Tom Hart, from Leeds, Yorkshire,
/// said`: a party, firm or place after `of` or `from` in apposition to a
/// name tells where the named one comes from; the name before it speaks.
/// `s` opens the phrase found after the preposition.
fn name_before_origin(text: &str, toks: &[Tok], s: usize) -> Option<(usize, usize)> {
    let mut k = s;
    // The origin may be a short list (`Omaha, Nebraska`) or open with `the`.
    while k > 0 && s - k < 8 {
        let t = &toks[k - 1];
        let w = word(text, toks, k - 1);
        if matches!(w, "of" | "from") {
            break;
        }
        if !(t.is_punct(',') || w == "the" || tokens::is_capitalised(w)) {
            return None;
        }
        k -= 1;
    }
    if k < 3 || !matches!(word(text, toks, k - 1), "of" | "from") || !toks[k - 2].is_punct(',') {
        return None;
    }
    let n = k - 2;
    let mut m = n;
    while m > 0 && {
        let w = word(text, toks, m - 1);
        tokens::is_capitalised(w) || tokens::is_name_particle(w)
    } {
        m -= 1;
    }
    // `Senator Ann Lee`: a title before the name is no part of it.
    while m < n
        && (words::is_title(word(text, toks, m)) || words::is_function_word(word(text, toks, m)))
    {
        m += 1;
    }
    (m < n && is_plain_name(text, toks, (m, n))).then_some((m, n))
}

fn np_before_inner(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let mut e = end;
    if e > 0 && toks[e - 1].is_punct(',') {
        // An inserted clause: `X, Putin's spokesman, said` or `X, who …, said`.
        let close = e - 1;
        let open = (0..close).rev().find(|&k| toks[k].is_punct(','))?;
        // `The actor, whose films include A, B and C, said`: a relative
        // clause holding a list opens at the comma before its pronoun.
        let relative = |k: usize| matches!(word(text, toks, k + 1), "who" | "whose" | "which");
        // (Only before a plain speech verb, as for `Acme, which said`.)
        let open = if relative(open) || !plain_speech_after(text, toks, end) {
            open
        } else {
            (0..open)
                .rev()
                .find(|&k| toks[k].is_punct(',') && relative(k))
                .unwrap_or(open)
        };
        // `…, Colonel Ann Lee, said`: a title opening the name in apposition.
        let inner = np_after(text, toks, open + 1).map(|(mut a, b)| {
            while b - a > 2 && {
                let t = word(text, toks, a);
                tokens::is_capitalised(t) && words::is_title(t)
            } {
                a += 1;
            }
            (a, b)
        });
        if let Some(np) = inner
            && np.1 == close
            && is_plain_name(text, toks, np)
        {
            // `Acme Corp., a haulier in Columbus, Ohio, said`: the second
            // name of a place (`City, State`) closes a description of the
            // subject before it.
            if open >= 2
                && tokens::is_capitalised(word(text, toks, open - 1))
                && matches!(word(text, toks, open - 2), "in" | "from" | "of" | "near")
                && let Some(p) = (open.saturating_sub(12)..open - 2)
                    .rev()
                    .find(|&k| toks[k].is_punct(','))
                && p > 0
            {
                // (`Acme Corp., a …`: the stop of an abbreviation; `Ann Lee,
                // 32, from …`: an age between commas.)
                let end = if toks[p - 1].is_punct('.') { p - 1 } else { p };
                return np_before_inner(text, toks, end)
                    .or_else(|| np_before_inner(text, toks, p + 1));
            }
            // `Ann Lee, in a statement signed by her aide, Tom Hale, said`:
            // the name closes an adjunct about the saying; the subject
            // stands before the adjunct.
            if open >= 2
                && let Some(p) = (open.saturating_sub(16)..open)
                    .rev()
                    .find(|&k| toks[k].is_punct(','))
                && matches!(word(text, toks, p + 1), "in" | "through" | "via")
                && (p + 2..open).any(|k| matches!(word(text, toks, k), "by" | "from"))
                && let Some(subject) = np_before_inner(text, toks, p)
                    .filter(|np| is_plain_name(text, toks, *np))
                    .or_else(|| np_before_inner(text, toks, p + 1))
            {
                return Some(subject);
            }
            return Some(np);
        }
        // `The regulator, known by its acronym OEFA, said`, `the party,
        // known as the Greens, said`: the name the clause gives speaks.
        if word(text, toks, open + 1) == "known"
            && matches!(word(text, toks, open + 2), "as" | "by")
            && let Some(np) = np_before_inner(text, toks, close)
            && np.0 > open + 2
            && is_plain_name(text, toks, np)
        {
            return Some(np);
        }
        e = open;
    }
    // `the diplomat who led the talks said`: a short relative clause
    // between the phrase and its verb.
    if e > 2
        && !np_word(word(text, toks, e - 1))
        && !words::is_pronoun(word(text, toks, e - 1))
        && let Some(who) = (e.saturating_sub(8)..e)
            .rev()
            .take_while(|&k| toks[k].kind == TokKind::Word)
            .find(|&k| word(text, toks, k) == "who")
    {
        e = who + 1;
    }
    // `former aides who say …`, `Acme Ltd, which said …`: the relative
    // pronoun stands for the phrase before it.
    if e > 1 && word(text, toks, e - 1) == "who" && !toks[e - 2].is_punct(',') {
        e -= 1;
    } else if e > 2
        && matches!(word(text, toks, e - 1), "who" | "which")
        && toks[e - 2].is_punct(',')
        && plain_speech_after(text, toks, end)
    {
        // `Acme, which said …`, `Mr Blair, who said:`; not `Acme, which
        // expressed an interest` (an act).
        e -= 2;
    }
    // `Ann Lee (54) said`: an age in brackets after the name.
    if e >= 4
        && toks[e - 1].is_punct(')')
        && toks[e - 3].is_punct('(')
        && word(text, toks, e - 2).bytes().all(|b| b.is_ascii_digit())
        && tokens::is_capitalised(word(text, toks, e - 4))
    {
        e -= 3;
    }
    if e == 0 {
        return None;
    }
    let last = word(text, toks, e - 1);
    if words::is_pronoun(last) {
        return Some((e - 1, e));
    }
    let lower_noun = |k: usize| {
        let w = word(text, toks, k);
        w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            && !words::is_function_word(w)
            && !words::is_cue_verb(w)
            && !tokens::is_verb_companion(w)
    };
    if e >= 2 && lower_noun(e - 1) && !np_word(last) {
        let w2 = word(text, toks, e - 2);
        // `the mayor's office`: a possessive noun before a plain head noun.
        if w2.starts_with(char::is_lowercase) && tokens::is_possessive(w2) {
            let s = if e >= 3 && tokens::is_determiner(word(text, toks, e - 3)) {
                e - 3
            } else {
                e - 2
            };
            return Some((s, e));
        }
        // `The 22-year-old, who …, said`: a description opening the sentence.
        if e - 2 == first_word(toks) && w2.eq_ignore_ascii_case("the") {
            return Some((e - 2, e));
        }
    }
    let mut s = e;
    while s > 0 {
        // `the Green Path (Jol) party`: a gloss in brackets inside the phrase.
        if s < e
            && toks[s - 1].is_punct(')')
            && let Some(open) = (s.saturating_sub(6)..s - 1)
                .rev()
                .find(|&k| toks[k].is_punct('('))
            && open > 0
            && tokens::is_capitalised(word(text, toks, open - 1))
        {
            s = open;
            continue;
        }
        let w = word(text, toks, s - 1);
        let ok = np_word(w) && !(s < e && words::is_pronoun(w));
        if ok {
            s -= 1;
        } else {
            break;
        }
    }
    // `the Department for Business and Trade`: `and` inside a name that an
    // organisation word heads with `of` or `for`.
    // (`Acme Bank of Ghana and Zenith Bank` are two.)
    if s < e
        && s >= 2
        && word(text, toks, s - 1) == "and"
        && !(s..e).any(|k| words::is_org_word(word(text, toks, k)))
    {
        // (`the Department for Media, Culture and Sport`: a list of
        // capitalised words with commas before the `and`.)
        let mut m = s - 1;
        while m > 0
            && (tokens::is_capitalised(word(text, toks, m - 1))
                || (m >= 2
                    && m < s - 1
                    && toks[m - 1].is_punct(',')
                    && tokens::is_capitalised(word(text, toks, m - 2))))
        {
            m -= 1;
        }
        if m < s - 1
            && m >= 2
            && matches!(word(text, toks, m - 1), "of" | "for")
            && words::is_org_word(word(text, toks, m - 2))
        {
            s = m;
        }
    }
    // `the Water and Fuel Board said`: one capitalised common word joined
    // by `and` to a name that an organisation word closes belongs to it.
    // (`Acme and Zenith Motors`: a word that is no common word is a name
    // of its own.)
    if s < e
        && s >= 3
        && e - s <= 3
        && word(text, toks, s - 1) == "and"
        && words::is_org_word(word(text, toks, e - 1))
        && (s..e - 1).all(|k| !words::is_org_word(word(text, toks, k)))
        && {
            let w = word(text, toks, s - 2);
            tokens::is_capitalised(w)
                && !words::is_org_word(w)
                && !words::is_function_word(w)
                && lexicon().is_common_word(w)
        }
        && {
            let b = word(text, toks, s - 3);
            !tokens::is_capitalised(b) || tokens::is_determiner(b) || b.ends_with('.')
        }
    {
        s -= 2;
    }
    // `the Medicines Agency in Leeds said`: the place where a body sits is
    // no speaker; the body named before `in` is.
    if s < e
        && s >= 2
        && word(text, toks, s - 1) == "in"
        && (s..e).all(|k| tokens::is_capitalised(word(text, toks, k)))
        && {
            let o = word(text, toks, s - 2);
            tokens::is_capitalised(o) && words::is_org_word(o)
        }
    {
        return np_before_inner(text, toks, s - 1);
    }
    // `the Federation of Small Businesses`: an organisation word heads the name.
    while s < e
        && s >= 2
        && matches!(word(text, toks, s - 1), "of" | "for")
        && tokens::is_capitalised(word(text, toks, s - 2))
        && words::is_org_word(word(text, toks, s - 2))
    {
        s -= 2;
        while s > 0
            && np_word(word(text, toks, s - 1))
            && !words::is_pronoun(word(text, toks, s - 1))
        {
            s -= 1;
        }
    }
    // `Residents of Kasra`, `workers at Acme`: a group of a named place or
    // body is the source, not the name alone.
    if s < e
        && s >= 2
        && matches!(word(text, toks, s - 1), "of" | "at")
        && words::is_group_noun(&Lower::ascii(word(text, toks, s - 2)))
    {
        s -= 2;
    }
    // `a spokesman for Ann Lee`: an unnamed role speaking for the name.
    if s < e && s >= 2 && matches!(word(text, toks, s - 1), "for" | "of") && {
        let r = word(text, toks, s - 2);
        r.starts_with(char::is_lowercase) && words::is_role_noun(r)
    } {
        s -= 2;
        // `Ann Lee, managing director of Acme said`: the name in apposition speaks.
        let mut m = s;
        while m > 0 && m + 2 >= s && {
            let x = word(text, toks, m - 1);
            x.starts_with(char::is_lowercase) && !words::is_function_word(x)
        } {
            m -= 1;
        }
        if m > 1 && toks[m - 1].is_punct(',') {
            let mut n = m - 1;
            while n > 0 && tokens::is_capitalised(word(text, toks, n - 1)) {
                n -= 1;
            }
            if n < m - 1 && is_plain_name(text, toks, (n, m - 1)) {
                return Some((n, m - 1));
            }
        }
    }
    // `South Korea's trade ministry`: a named owner before an unnamed body.
    if s < e
        && s >= 2
        && (s..e).all(|k| word(text, toks, k).starts_with(char::is_lowercase))
        && {
            let m = word(text, toks, s - 1);
            m.starts_with(char::is_lowercase)
                && !words::is_function_word(m)
                && !words::is_cue_verb(m)
        }
        && {
            let o = word(text, toks, s - 2);
            tokens::is_capitalised(o) && tokens::is_possessive(o)
        }
    {
        s -= 2;
        while s > 0 && tokens::is_capitalised(word(text, toks, s - 1)) {
            s -= 1;
        }
    }
    // `the mayor's office`: a possessive noun before the head.
    if s < e && s > 0 && {
        let x = word(text, toks, s - 1);
        x.starts_with(char::is_lowercase) && tokens::is_possessive(x)
    } {
        s -= 1;
    }
    // Adjectives before an unnamed group or role: `senior officials`,
    // `legal experts`, `a senior administration official`.
    if s < e
        && (s..e).all(|k| word(text, toks, k).starts_with(char::is_lowercase))
        && (words::is_group_noun(word(text, toks, e - 1))
            || words::is_role_noun(word(text, toks, e - 1)))
    {
        let mut n = 0;
        while s > 0 && n < 2 {
            let w = word(text, toks, s - 1);
            // (`the French foreign ministry`: a nationality before a
            // public body's head too; `the US food maker` is a firm named.)
            let adjective = (w.starts_with(char::is_lowercase)
                && !words::is_function_word(w)
                && !words::is_cue_verb(w)
                && !tokens::is_determiner(w)
                && !tokens::is_be(w)
                && !tokens::is_verb_companion(w))
                || (words::is_demonym(w)
                    && matches!(
                        word(text, toks, e - 1),
                        "ministry" | "government" | "department" | "embassy"
                    ));
            if !adjective {
                break;
            }
            s -= 1;
            n += 1;
        }
    }
    // Take in a determiner or possessive opening (`the`, `a`).
    if s < e && s > 0 && tokens::is_determiner(word(text, toks, s - 1)) {
        s -= 1;
    }
    trim_np(text, toks, s, e)
}

/// `, the <words> [(<acronym>)]` ending right before token `end`: a
/// subject described with lower-case words (`the radio station`), which
/// `np_before` does not take.
fn trailing_subject(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let mut e = end;
    // `the London Stock Exchange (LSE)`: an acronym in brackets.
    if e >= 3 && toks[e - 1].is_punct(')') && toks[e - 3].is_punct('(') {
        e -= 3;
    }
    // `…, research has suggested.`: a bare source noun.
    if e >= 2 && toks[e - 2].is_punct(',') && {
        let w = word(text, toks, e - 1);
        w.starts_with(char::is_lowercase) && is_source_head(w)
    } {
        return Some((e - 1, e));
    }
    // `…, a report by the city's watchdog says.`: a source and its author.
    if let Some(c) = (e.saturating_sub(10)..e)
        .rev()
        .find(|&k| toks[k].is_punct(','))
        && matches!(word(text, toks, c + 1), "a" | "an" | "the")
        && is_source_head(word(text, toks, c + 2))
        && matches!(word(text, toks, c + 3), "by" | "from")
        && c + 4 < e
        && (c + 4..e).all(|k| {
            let w = word(text, toks, k);
            toks[k].kind == TokKind::Word
                && !words::is_cue_verb(w)
                && !tokens::is_verb_companion(w)
                && !tokens::is_be(w)
        })
    {
        return Some((c + 1, e));
    }
    let the = (e.saturating_sub(6)..e)
        .rev()
        .find(|&k| word(text, toks, k).eq_ignore_ascii_case("the"))?;
    let ok = the >= 1
        && the + 1 < e
        && toks[the - 1].is_punct(',')
        && (the + 1..e).all(|k| {
            let w = word(text, toks, k);
            toks[k].kind == TokKind::Word
                && !words::is_function_word(w)
                && !words::is_cue_verb(w)
                && !tokens::is_verb_companion(w)
                && !tokens::is_be(w)
        });
    ok.then_some((the, e))
}

/// True when a plain speech verb (`said`, `told`, `announced`) stands at
/// `at` or just after it: `which expressed an interest` describes an act.
fn plain_speech_after(text: &str, toks: &[Tok], at: usize) -> bool {
    (at..(at + 3).min(toks.len())).any(|k| {
        let w = Lower::ascii(word(text, toks, k));
        [
            "said", "says", "told", "tells", "announc", "warned", "warns", "insist", "added",
            "argu", "stress", "admit", "denied", "denies",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    })
}

/// The speaker noun phrase starting at token `start`.
pub fn np_after(text: &str, toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    // `Dr. Ann Lee`, `Eng. Ruiz`: an abbreviated title and its full stop
    // open the phrase; the name after it is the phrase.
    // (The tokens keep the stop of a few titles: `Dr.` is one word.)
    let t = word(text, toks, start);
    let start = if !(words::is_title(t) && tokens::is_capitalised(t)) {
        start
    } else if t.ends_with('.') && tokens::is_capitalised(word(text, toks, start + 1)) {
        start + 1
    } else if toks.get(start + 1).is_some_and(|t| t.is_punct('.'))
        && tokens::is_capitalised(word(text, toks, start + 2))
    {
        start + 2
    } else {
        start
    };
    let mut e = start;
    if tokens::is_determiner(word(text, toks, e)) {
        e += 1;
    }
    if words::is_pronoun(word(text, toks, e)) && e == start {
        return Some((e, e + 1));
    }
    // `two former staff members`, `some senior officials`: a number or
    // quantifier and up to two adjectives before a group or role noun.
    let modifier = |w: &str| {
        // `Iraqi and Qatari officials`: nationalities describe the group.
        w.starts_with(char::is_lowercase)
            && !tokens::is_determiner(w)
            && !tokens::is_be(w)
            && !tokens::is_verb_companion(w)
            && !words::is_cue_verb(w)
            && !words::is_pronoun(w)
            && !w.ends_with("ing")
            && !is_preposition(w)
            && !is_subordinator(w)
    };
    let group_head = |w: &str| w.starts_with(char::is_lowercase) && words::is_role_or_group_noun(w);
    // `two people familiar with …`: people are a source only when described.
    let described_at = |k: usize| {
        matches!(
            (word(text, toks, k), word(text, toks, k + 1)),
            ("familiar", "with") | ("close", "to") | ("briefed", "on")
        )
    };
    if let Some(h) = (e..(e + 4).min(toks.len())).find(|&k| {
        let w = word(text, toks, k);
        group_head(w) || (w == "people" && described_at(k + 1))
    }) && h > e
        && (e..h).all(|k| {
            let w = word(text, toks, k);
            // `Iraqi and Qatari officials`: nationalities describe a group
            // (not a single role: `the film's British director`).
            modifier(w)
                || (words::is_group_noun(word(text, toks, h))
                    && (words::is_demonym(w) || (w == "and" && k > e)))
        })
    {
        let mut end = h + 1;
        // `staff members`: a compound head.
        while group_head(word(text, toks, end)) {
            end += 1;
        }
        if let Some(body) = body_after(text, toks, end) {
            return Some((start, body));
        }
        // `retail analyst Ann Bell`: the role of a name that follows.
        if !tokens::is_capitalised(word(text, toks, end)) {
            // `two people familiar with the talks`, `sources close to the
            // club`: the description up to the comma belongs to the source.
            if described_at(end)
                && let Some(c) =
                    (end + 2..(end + 8).min(toks.len())).find(|&c| toks[c].kind != TokKind::Word)
            {
                return Some((start, c));
            }
            return Some((start, end));
        }
    }
    while e < toks.len() {
        let w = word(text, toks, e);
        // Lower-case words inside a role phrase (`press officer`) are kept
        // when a role noun or a name follows.
        let lower_ok = !w.is_empty()
            && w.starts_with(char::is_lowercase)
            && !tokens::is_determiner(w)
            && !words::is_function_word(w)
            && {
                let x = word(text, toks, e + 1);
                x.starts_with(char::is_lowercase) && words::is_role_noun(x)
            };
        let linking = matches!(w, "of" | "for")
            && e > start
            && tokens::is_capitalised(word(text, toks, e - 1))
            && tokens::is_capitalised(word(text, toks, e + 1));
        // `a spokesman for Ann Bell`: the role of someone named.
        let role_link = matches!(w, "of" | "for")
            && e > start
            && {
                let r = word(text, toks, e - 1);
                r.starts_with(char::is_lowercase) && words::is_role_noun(r)
            }
            && tokens::is_capitalised(word(text, toks, e + 1));
        let amp = toks[e].is_punct('&')
            && e > start
            && tokens::is_capitalised(word(text, toks, e - 1))
            && tokens::is_capitalised(word(text, toks, e + 1));
        // `Ann J. Bell`, `S. V. Lee`: an initial and its full stop stay in
        // the name, as does the stop of `Jr.` or `Sr.` closing it.
        if matches!(w, "Jr" | "Sr") && e > start && toks.get(e + 1).is_some_and(|t| t.is_punct('.'))
        {
            e += 2;
            continue;
        }
        if is_initial(w)
            && toks.get(e + 1).is_some_and(|t| t.is_punct('.'))
            && tokens::is_capitalised(word(text, toks, e + 2))
            && !words::is_function_word(word(text, toks, e + 2))
        {
            e += 2;
            continue;
        }
        if np_word(w) && !words::is_pronoun(w)
            || lower_ok
            || (w == "of" && e > start)
            || linking
            || role_link
            || amp
        {
            e += 1;
        } else {
            break;
        }
    }
    while e > start && word(text, toks, e - 1) == "of" {
        e -= 1;
    }
    if e > start
        && words::is_group_noun(word(text, toks, e - 1))
        && let Some(body) = body_after(text, toks, e)
    {
        return Some((start, body));
    }
    // `the two-time winner.`: a lower-case head noun closing the phrase.
    if e > start
        && tokens::is_determiner(word(text, toks, start))
        && toks.get(e).is_some_and(|t| {
            let w = t.word(text);
            w.starts_with(|c: char| c.is_lowercase()) && !words::is_function_word(w)
        })
        && toks
            .get(e + 1)
            .is_none_or(|t| matches!(t.kind, TokKind::Punct(_)))
    {
        e += 1;
    }
    // `his wife, Sheila,`: a role followed by the name in apposition.
    if e > start
        && words::is_role_noun(word(text, toks, e - 1))
        && toks.get(e).is_some_and(|t| t.is_punct(','))
        && let Some(name) = np_after(text, toks, e + 1)
        && is_plain_name(text, toks, name)
        && toks.get(name.1).is_none_or(|t| {
            matches!(t.kind, TokKind::Punct(_))
                || matches!(t.word(text), "of" | "at" | "from" | "who" | "for")
        })
    {
        return Some(name);
    }
    trim_np(text, toks, start, e)
}

/// `officials in the Ministry of Trade`: where a group's phrase, ending
/// before token `end`, names the body it speaks for; the end of that name.
fn body_after(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    if !matches!(word(text, toks, end), "in" | "at" | "from") {
        return None;
    }
    let mut k = end + 1;
    if word(text, toks, k) == "the" {
        k += 1;
    }
    let head = word(text, toks, k);
    if !(tokens::is_capitalised(head) && words::is_org_word(head)) {
        return None;
    }
    let mut e = k + 1;
    while tokens::is_capitalised(word(text, toks, e))
        || (word(text, toks, e) == "of" && tokens::is_capitalised(word(text, toks, e + 1)))
    {
        e += 1;
    }
    Some(e)
}

/// A single capital letter: a name's initial when a full stop follows.
pub fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Drops leading sentence words (`However`, `Both`) and requires a name,
/// a role noun or a group noun.
fn trim_np(text: &str, toks: &[Tok], mut s: usize, e: usize) -> Option<(usize, usize)> {
    while s < e {
        let w = word(text, toks, s);
        if words::is_function_word(w) && !tokens::is_determiner(w) {
            s += 1;
        } else {
            break;
        }
    }
    let has_head = (s..e).any(|k| {
        let w = word(text, toks, k);
        (tokens::is_capitalised(w) && !words::is_function_word(w))
            || words::is_role_or_group_noun(w)
    });
    (s < e && has_head).then_some((s, e))
}

/// A noun phrase of capitalised words only, none a title (`Theresa May`).
fn is_plain_name(text: &str, toks: &[Tok], np: (usize, usize)) -> bool {
    (np.0..np.1).all(|k| {
        let w = word(text, toks, k);
        // `S. V. Lee`: the full stop of an initial.
        let initial_stop = toks[k].is_punct('.')
            && k > np.0
            && (is_initial(word(text, toks, k - 1))
                || matches!(word(text, toks, k - 1), "Jr" | "Sr"));
        initial_stop
            || ((tokens::is_capitalised(w) || tokens::is_name_particle(w)) && !words::is_title(w))
    }) && !tokens::is_possessive(word(text, toks, np.1 - 1))
}

/// The reported clause after a cue verb at `verb`, and whether a `that`
/// introduced it: skips a particle (`on`, `for`, `out`), an inserted clause
/// between commas, an indirect object before `that`, and `concern over`.
fn content_after(text: &str, toks: &[Tok], verb: usize) -> Option<(Span, bool)> {
    let mut k = verb + 1;
    let vw = Lower::ascii(word(text, toks, verb));
    let particle = Lower::ascii(word(text, toks, k));
    // `remarking on the detail`, `commented on the plan`: a topic; only
    // `called on` names who is urged (`said on Tuesday that` is a time).
    if particle == "on" && !vw.starts_with("call") && !vw.starts_with("insist") && {
        let x = word(text, toks, k + 1);
        !(is_time_word(x) || x.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    } {
        return None;
    }
    if matches!(particle.as_str(), "on" | "for" | "out") && !vw.starts_with("accus") {
        k += 1;
        // `said on Tuesday that`, `said on 4 May the …`: a date, not a particle.
        if particle == "on" && !vw.starts_with("call") {
            let day = k;
            while k < (day + 3).min(toks.len()) && {
                let x = word(text, toks, k);
                is_time_word(x) || x.starts_with(|c: char| c.is_ascii_digit()) || is_month(x)
            } {
                k += 1;
            }
        }
        // `spoke out in favour of`, `spoke out against`.
        if particle == "out" {
            let a = Lower::ascii(word(text, toks, k));
            if a == "against" {
                k += 1;
            } else if a == "in" && word(text, toks, k + 2) == "of" {
                k += 3;
            }
        }
    }
    // `did not respond to a request`, `has said little beyond …`: what the
    // verb reaches is a topic or a quantity, no clause.
    let reached = Lower::ascii(word(text, toks, k));
    if (reached == "to"
        && ["respond", "repl", "react", "answer", "comment"]
            .iter()
            .any(|p| vw.starts_with(p)))
        || (k == verb + 1
            && matches!(
                reached.as_str(),
                "little" | "nothing" | "much" | "anything" | "something" | "everything"
            )
            && !tokens::is_be(word(text, toks, k + 1))
            && !tokens::is_verb_companion(word(text, toks, k + 1)))
    {
        return None;
    }
    // `described the plan as "reckless"`: a label, not a statement; but
    // `described it as "a historic day for …"` or `as an agent of …` says
    // what the speaker holds the thing to be.
    if vw.starts_with("describ") {
        return characterisation(text, toks, k).map(|c| (c, false));
    }
    // `warned of a hard winter`: a topic, not a clause.
    if word(text, toks, k) == "of" {
        return None;
    }
    // `adding them to the order`, `asked him to help`: an object pronoun
    // and `to` open no clause, unless the verb takes a listener (`urged
    // them to`) or names whom it urges (`called on them to`).
    if matches!(word(text, toks, k), "them" | "him" | "us" | "me")
        && word(text, toks, k + 1) == "to"
        && !takes_listener(&vw)
        && !vw.starts_with("call")
    {
        return None;
    }
    let t = toks.get(k)?;
    if t.is_punct(':') || matches!(t.kind, TokKind::Quote(_)) {
        return None;
    }
    // `said in a statement that …`, `said at a briefing:`, `said after
    // the talks that …`: the adjunct of the saying is no part of the statement.
    let adjunct = Lower::ascii(word(text, toks, k));
    // (`said before a new body is set up, …` states the condition.)
    let time = matches!(adjunct.as_str(), "after" | "before");
    if matches!(
        adjunct.as_str(),
        "in" | "at" | "during" | "on" | "after" | "before"
    ) && tokens::is_determiner(word(text, toks, k + 1))
        && !vw.starts_with("call")
        && !vw.starts_with("insist")
    {
        let stop = (k..toks.len())
            .find(|&c| toks[c].kind != TokKind::Word || word(text, toks, c) == "that")?;
        // `said in a statement it would …`, `during his years there he
        // had …`: a clause opens at its subject pronoun after the adjunct.
        let subject = (k + 2..stop).find(|&c| {
            matches!(
                word(text, toks, c),
                "he" | "she" | "it" | "they" | "we" | "I"
            )
        });
        if word(text, toks, stop) == "that" {
            k = stop;
        } else if time {
            // Kept: a clause of time the statement opens with.
        } else if let Some(p) = subject {
            k = p;
        } else if toks[stop].is_punct(',') && {
            // `said in the cities, the race is close`.
            let x = word(text, toks, stop + 1);
            tokens::is_determiner(x) || words::is_pronoun(x)
        } {
            k = stop + 1;
        } else {
            return None;
        }
    }
    // `said recently that …`, `said earlier it was …`: an adverb of the saying.
    let adverb = Lower::ascii(word(text, toks, k));
    if (adverb.ends_with("ly")
        || matches!(
            adverb.as_str(),
            "earlier" | "later" | "yesterday" | "today" | "again" | "previously"
        ))
        && {
            let next = word(text, toks, k + 1);
            next == "that" || words::is_pronoun(next)
        }
    {
        k += 1;
    } else if matches!(adverb.as_str(), "last" | "this" | "next")
        && is_time_word(word(text, toks, k + 1))
        && word(text, toks, k + 2) == "that"
    {
        // `warned last month that …`: a time of the saying.
        k += 2;
    }
    if t.is_punct(',') {
        // `said, according to a translation, that …`
        let close = (k + 1..toks.len()).find(|&c| toks[c].is_punct(','))?;
        if word(text, toks, close + 1) != "that" {
            return None;
        }
        k = close + 1;
    } else if let Some(th) = (k..(k + 9).min(toks.len())).find(|&c| word(text, toks, c) == "that")
        && (k..th).all(|c| toks[c].kind == TokKind::Word)
        && (th == k || takes_listener(&vw))
        // (`urged the board to drop plans that …`: the `that` belongs to
        // the infinitive's object; the listener and `to` open the statement.)
        && !(k + 1..th).any(|c| word(text, toks, c) == "to")
        // `told reporters at the White House that`: the listener and where,
        // but no clause of its own (`told him he thought that`); a noun
        // after a determiner is no verb (`at a briefing`).
        && (k + 1..th).all(|c| {
            let w = word(text, toks, c);
            !words::is_pronoun(w)
                && (!words::is_cue_verb(w) || tokens::is_determiner(word(text, toks, c - 1)))
                && !tokens::is_verb_companion(w)
        })
    {
        // `told reporters that …`: an indirect object before `that`.
        k = th;
    } else if is_tell(&vw) {
        // `told the BBC:` names the listener, not the statement; `told
        // reporters the plan had failed` has a clause right after the listener.
        let listener = Lower::ascii(word(text, toks, k));
        let listener = matches!(
            listener.as_str(),
            "reporters"
                | "journalists"
                | "lawmakers"
                | "legislators"
                | "him"
                | "her"
                | "them"
                | "us"
                | "me"
                | "parliament"
                | "investors"
                | "supporters"
                | "delegates"
        ) || words::is_group_noun(&listener)
            // `tells CNN the plan will fail`: a broadcaster or agency by its
            // initials, when a verb of the clause follows within a few words
            // (`told NBC the truth` is an object).
            // (`told Reuters the sales …`: or a listed organisation.)
            || ({
                let l = word(text, toks, k);
                let n = word(text, toks, k + 1);
                l.len() >= 2
                    && (l.chars().all(|c| c.is_ascii_uppercase()) || lexicon().is_known_org(l))
                    && (tokens::is_determiner(n) || words::is_pronoun(n))
            } && (k + 2..(k + 6).min(toks.len()))
                .take_while(|&c| toks[c].kind == TokKind::Word)
                .any(|c| {
                    let x = word(text, toks, c);
                    tokens::is_verb_companion(x) || tokens::is_be(x)
                }));
        // `told the nation he was resigning`: a described listener and a
        // subject pronoun opening the clause.
        if tokens::is_determiner(word(text, toks, k))
            && toks.get(k + 1).is_some_and(|t| {
                t.kind == TokKind::Word && t.word(text).starts_with(char::is_lowercase)
            })
            && matches!(
                word(text, toks, k + 2),
                "he" | "she" | "it" | "they" | "we" | "I"
            )
            && !words::is_cue_verb(word(text, toks, k + 3))
        {
            return clause_from(text, toks, k + 2).map(|c| (c, false));
        }
        let next = word(text, toks, k + 1);
        let clause_start = tokens::is_determiner(next)
            || words::is_pronoun(next)
            || (tokens::is_capitalised(next) && !words::is_function_word(next));
        if !(listener && clause_start && !is_preposition(&Lower::ascii(next))) {
            return None;
        }
        k += 1;
    } else if vw.starts_with("express") {
        // `expressed (deep) concern over …`: the statement is what follows.
        let mut m = k;
        while m < (k + 3).min(toks.len()) {
            let x = Lower::ascii(word(text, toks, m));
            if matches!(
                x.as_str(),
                "concern" | "hope" | "regret" | "alarm" | "fear" | "fears"
            ) {
                let prep = Lower::ascii(word(text, toks, m + 1));
                if matches!(
                    prep.as_str(),
                    "over" | "about" | "at" | "that" | "for" | "regarding"
                ) {
                    k = m + 1;
                    if prep != "that" {
                        k += 1;
                    }
                }
                break;
            }
            m += 1;
        }
    }
    // `said that was impossible`: `that` before a verb is the clause's
    // subject, not its opener.
    let that = word(text, toks, k) == "that" && !opens_with_that_subject(text, toks, k);
    if that {
        k += 1;
    }
    clause_from(text, toks, k).map(|c| (c, that))
}

/// True when `that` at `k` is a demonstrative subject (`that was wrong`,
/// `that would be a mistake`) rather than the opener of a clause.
fn opens_with_that_subject(text: &str, toks: &[Tok], k: usize) -> bool {
    let next = word(text, toks, k + 1);
    matches!(
        next,
        "was"
            | "is"
            | "would"
            | "will"
            | "could"
            | "had"
            | "has"
            | "wasn't"
            | "isn't"
            | "wouldn't"
            | "wasn’t"
            | "isn’t"
            | "wouldn’t"
    )
}

/// The clause from token `start` to the end of the unit, a `;`, a comma
/// before a clause-ending word, `and` before another cue, or a quotation
/// that is a statement of its own.
fn clause_from(text: &str, toks: &[Tok], start: usize) -> Option<Span> {
    let mut end = start;
    let mut k = start;
    while k < toks.len() {
        let t = toks[k];
        // `… in three ways: lend support, …`: a colon before lower-case
        // words opens a list or an explanation inside the statement.
        let elaborates = t.is_punct(':')
            && toks.get(k + 1).is_some_and(|n| {
                n.kind == TokKind::Word && n.word(text).starts_with(char::is_lowercase)
            });
        if t.is_punct(';') || (t.is_punct(':') && !elaborates && !clock_colon(text, toks, k)) {
            break;
        }
        if t.is_punct('(') {
            break;
        }
        if t.is_punct(',')
            && ends_clause(word(text, toks, k + 1))
            && !but_continues(text, toks, k + 1)
        {
            break;
        }
        // `sounded "balanced," adding …`: the comma inside the marks ends the clause.
        if matches!(t.kind, TokKind::Quote(_))
            && t.span
                .slice(text)
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                .ends_with(',')
            && ends_clause(word(text, toks, k + 1))
        {
            end = k + 1;
            break;
        }
        // `…, and its shares fell`: a new clause about the subject's own things.
        if t.is_punct(',')
            && word(text, toks, k + 1) == "and"
            && matches!(word(text, toks, k + 2), "its" | "his" | "her" | "their")
        {
            break;
        }
        // `…, the minister said`, `…, her spokesman told reporters`: a
        // short subject and a cue after a comma end the statement.
        if t.is_punct(',')
            && (words::is_cue_verb(word(text, toks, k + 1))
                || words::is_cue_verb(word(text, toks, k + 2))
                || ((tokens::is_determiner(word(text, toks, k + 1))
                    || matches!(word(text, toks, k + 1), "and" | "but"))
                    && toks.get(k + 2).is_some_and(|t| t.kind == TokKind::Word)
                    && words::is_cue_verb(word(text, toks, k + 3))))
        {
            break;
        }
        // `… in a conversation with …`: an adjunct of the telling, not the
        // statement (`started in a tank` is part of it).
        if k > start + 1
            && matches!(
                Lower::ascii(word(text, toks, k)).as_str(),
                "in" | "during" | "at"
            )
            && matches!(
                Lower::ascii(word(text, toks, k + 1)).as_str(),
                "a" | "an" | "his" | "her" | "their" | "its"
            )
            && (k + 2..(k + 4).min(toks.len())).any(|c| is_speech_event(word(text, toks, c)))
        {
            break;
        }
        let w = word(text, toks, k);
        let next = word(text, toks, k + 1);
        // (`said the road would reopen but warned that …`: a second cue of
        // the same subject after `but` too.)
        if (w == "and" || (w == "but" && words::is_cue_verb(next)))
            && k > start + 1
            && (words::is_cue_verb(next)
                || (words::is_pronoun(next) && words::is_cue_verb(word(text, toks, k + 2)))
                || (next.ends_with("ed") && next.starts_with(char::is_lowercase))
                || (tokens::is_verb_companion(word(text, toks, k + 1))
                    && words::is_cue_verb(word(text, toks, k + 2))))
        {
            break;
        }
        // `… he was resigning and the Queen invited …`: a named new subject
        // with a past-tense verb opens the reporter's own clause.
        if w == "and"
            && k > start + 1
            // Not names joined (`Ann Lee and Tom Hale agreed`): the clause
            // before has a word of its own.
            && !tokens::is_capitalised(word(text, toks, k - 1))
            && (start..k).any(|c| {
                let x = word(text, toks, c);
                x.starts_with(char::is_lowercase) && !words::is_function_word(x)
            })
            && {
            let mut m = k + 1;
            if word(text, toks, m).eq_ignore_ascii_case("the") {
                m += 1;
            }
            let n = m;
            while m < (n + 3).min(toks.len()) && tokens::is_capitalised(word(text, toks, m)) {
                m += 1;
            }
            let v = word(text, toks, m);
            m > n
                && !words::is_function_word(word(text, toks, n))
                && v.len() > 4
                && v.ends_with("ed")
                && v.starts_with(char::is_lowercase)
        } {
            break;
        }
        if !t.is_punct('.') && !t.is_punct(',') {
            end = k + 1;
        }
        k += 1;
    }
    span_of(text, toks, start, end)
}

/// `at 12:30 a.m.`: a colon between the digits of a time.
#[inline(never)]
fn clock_colon(text: &str, toks: &[Tok], k: usize) -> bool {
    let (Some(a), Some(b)) = (k.checked_sub(1).and_then(|p| toks.get(p)), toks.get(k + 1)) else {
        return false;
    };
    a.span.end == toks[k].span.start
        && b.span.start == toks[k].span.end
        && a.word(text).ends_with(|c: char| c.is_ascii_digit())
        && b.word(text).starts_with(|c: char| c.is_ascii_digit())
}

/// True when `, but` at token `b` goes on with the same statement (`…, but
/// he wants answers`, `…, but that a fee would apply`) rather than the
/// reporter's own clause (`…, but warned that …`, `…, but critics say …`):
/// `that`, a pronoun or a subject with its auxiliary follows, and no cue
/// verb follows at once.
#[inline(never)]
fn but_continues(text: &str, toks: &[Tok], b: usize) -> bool {
    if !word(text, toks, b).eq_ignore_ascii_case("but") {
        return false;
    }
    let n = b + 1;
    let window = (n..(n + 8).min(toks.len())).take_while(|&c| toks[c].kind == TokKind::Word);
    let mut cue = false;
    let mut auxiliary = false;
    for c in window {
        let w = word(text, toks, c);
        // The verb stands within three words (`but critics say`, `but
        // would not say`); a later one is an object (`wants an answer`).
        cue |= c < n + 3 && words::is_cue_verb(w);
        auxiliary |= c > n && tokens::is_verb_companion(w);
    }
    if cue {
        return false;
    }
    let first = word(text, toks, n);
    // `…, but did not apply to …`: an auxiliary of the same subject.
    matches!(
        first,
        "that" | "where" | "when" | "if" | "he" | "she" | "it" | "they" | "we" | "there"
    ) || (tokens::is_determiner(first) && auxiliary)
        || (tokens::is_verb_companion(first) && !first.ends_with("ly"))
        // `…, but anything longer would …`, `…, but prices had …`: a
        // lower-case subject of a word or two before an auxiliary shifted
        // back as reported speech shifts it (`but gamers will now fear` is
        // the reporter's own).
        || (first.starts_with(char::is_lowercase)
            && !words::is_function_word(first)
            && (n + 1..(n + 3).min(toks.len()))
                .take_while(|&c| toks[c].kind == TokKind::Word)
                .find(|&c| tokens::is_verb_companion(word(text, toks, c)))
                .is_some_and(|c| {
                    matches!(
                        word(text, toks, c),
                        "would" | "could" | "might" | "had" | "was" | "were"
                    )
                }))
}

/// Nouns naming an occasion of speaking (`in an interview`, `at a briefing`).
#[inline(never)]
fn is_speech_event(w: &str) -> bool {
    is_statement_noun(w)
        || matches!(
            Lower::ascii(w).as_str(),
            "conversation"
                | "call"
                | "phone"
                | "telephone"
                | "meeting"
                | "briefing"
                | "press"
                | "news"
                | "radio"
                | "television"
                | "broadcast"
                | "address"
                | "hearing"
                | "debate"
                | "session"
                | "conference"
                | "article"
                | "column"
                | "blog"
                | "podcast"
                | "programme"
                | "program"
                | "documentary"
                | "email"
                | "e-mail"
        )
}

/// The clause before token `end` (a comma before the subject), from the
/// unit's start after opening discourse words.
fn content_before(text: &str, toks: &[Tok], end: usize) -> Option<Span> {
    let mut s = 0;
    loop {
        let w = word(text, toks, s);
        if is_opener_word(w) || toks.get(s).is_some_and(|t| t.is_punct(',')) {
            s += 1;
        } else {
            break;
        }
    }
    // A quotation opening the clause is a direct statement, not reported
    // speech; quoted words inside it (`the deal was "wrong", he said`) are
    // part of the statement.
    if toks
        .get(s)
        .is_some_and(|t| matches!(t.kind, TokKind::Quote(_)))
    {
        return None;
    }
    // `Economy Minister, Ana Ruiz, said`: the words before are the title, not a statement.
    // A lower-case office word ends a clause as a plain noun (`in good health`).
    let last = word(text, toks, end.saturating_sub(1));
    if (words::is_title(last) && tokens::is_capitalised(last)) || words::is_role_noun(last) {
        return None;
    }
    let first = Lower::ascii(word(text, toks, s));
    if is_subordinator(&first) {
        // `While …, it also …`: the statement starts with its own subject.
        let main = (s + 1..end).find(|&k| {
            toks[k].is_punct(',') && {
                let w = word(text, toks, k + 1);
                words::is_pronoun(w) || w.eq_ignore_ascii_case("the")
            }
        })?;
        s = main + 1;
    } else if is_preposition(&first)
        && let Some(c) = (s + 1..end).find(|&k| {
            // Not the comma of a number (`63,000`).
            toks[k].is_punct(',')
                && !(word(text, toks, k - 1).ends_with(|c: char| c.is_ascii_digit())
                    && word(text, toks, k + 1).starts_with(|c: char| c.is_ascii_digit()))
        })
    {
        // `In addition, rates rose, X said`: an adjunct opens the statement.
        s = c + 1;
    } else if is_preposition(&first)
        && (s + 1..end).any(|k| matches!(word(text, toks, k), "is" | "are" | "was" | "were"))
        && !(s + 1..end).any(|k| {
            matches!(
                word(text, toks, k),
                "what" | "whether" | "which" | "who" | "how" | "why"
            )
        })
    {
        // `At risk is the whole plan, it said`: an inverted clause, whole.
    } else if is_preposition(&first)
        || first.ends_with("ing")
        || (first.ends_with("ed") && {
            let second = Lower::ascii(word(text, toks, s + 1));
            is_preposition(&second)
                || matches!(second.as_str(), "whether" | "if" | "why" | "how" | "what")
        })
    {
        // `At the meeting, X said`, `Asked about the vote, X said`: an adjunct, not a statement.
        return None;
    }
    span_of(text, toks, s, end)
}

fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "while" | "although" | "though" | "whereas" | "as" | "if" | "when" | "since" | "because"
    )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "during"
            | "throughout"
            | "after"
            | "before"
            | "despite"
            | "amid"
            | "following"
            | "with"
            | "for"
            | "under"
            | "over"
            | "among"
            | "from"
            | "by"
            | "to"
            | "of"
            | "about"
            | "into"
            | "through"
            | "upon"
            | "within"
            | "without"
            | "against"
            | "most"
            | "earlier"
            | "later"
    )
}

/// The text from token `s` to token `e` (exclusive), when at least two words long.
fn span_of(text: &str, toks: &[Tok], s: usize, e: usize) -> Option<Span> {
    if e <= s || e > toks.len() {
        return None;
    }
    let n_words = (s..e)
        .filter(|&k| !matches!(toks[k].kind, TokKind::Punct(_)))
        .count();
    let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
    (n_words >= 3 && !span.slice(text).is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(CueForm, String, String)> {
        let mut toks = Vec::new();
        tokens::tokenize(text, Span::new(0, text.len()), &[], &mut toks);
        find_cues(text, &toks)
            .into_iter()
            .map(|c| {
                let subj = c.subject.map_or(String::new(), |(a, b)| {
                    Span::new(toks[a].span.start, toks[b - 1].span.end)
                        .slice(text)
                        .to_string()
                });
                let content = c
                    .content
                    .map_or(String::new(), |s| s.slice(text).to_string());
                (c.form, subj, content)
            })
            .collect()
    }

    #[test]
    fn a_common_word_joined_by_and_to_a_body_name_is_part_of_it() {
        assert_eq!(
            cues("The Water and Fuel Board said prices would rise."),
            [(
                CueForm::Verb,
                "The Water and Fuel Board".into(),
                "prices would rise".into()
            )]
        );
        assert_eq!(
            cues("Acme and Zenith Motors said prices would rise."),
            [(
                CueForm::Verb,
                "Zenith Motors".into(),
                "prices would rise".into()
            )]
        );
    }

    #[test]
    fn an_age_in_brackets_after_the_name_is_skipped() {
        assert_eq!(
            cues("Tom Hart (71) said the road had flooded."),
            [(
                CueForm::Verb,
                "Tom Hart".into(),
                "the road had flooded".into()
            )]
        );
    }

    #[test]
    fn a_name_before_its_party_or_home_town_in_apposition_speaks() {
        assert_eq!(
            cues(
                "Senator Ann Vale, of Nueva Fuerza, who chairs the panel, said that taxes will rise."
            ),
            [(CueForm::Verb, "Ann Vale".into(), "taxes will rise".into())]
        );
        assert_eq!(
            cues("Tom Hart, from Leeds, Yorkshire, said that he would sell the car."),
            [(
                CueForm::Verb,
                "Tom Hart".into(),
                "he would sell the car".into()
            )]
        );
    }

    #[test]
    fn a_statement_goes_on_after_but_and_a_new_subject_with_its_auxiliary() {
        assert_eq!(
            cues(
                "Ann Lee says a delay of a month is fine, but anything longer would hurt the firm."
            ),
            [(
                CueForm::Verb,
                "Ann Lee".into(),
                "a delay of a month is fine, but anything longer would hurt the firm".into()
            )]
        );
    }

    #[test]
    fn a_second_cue_after_but_ends_the_first_statement() {
        let c =
            cues("Tom Hale said the road would reopen soon but warned that it could close again.");
        assert_eq!(c[0].2, "the road would reopen soon");
    }

    #[test]
    fn a_place_with_its_state_closes_a_description_of_the_subject() {
        assert_eq!(
            cues(
                "Dunmore Freight Ltd, a haulier in Dayton, Ohio, said that it had dropped the tool."
            ),
            [(
                CueForm::Verb,
                "Dunmore Freight Ltd".into(),
                "it had dropped the tool".into()
            )]
        );
        assert_eq!(
            cues("Mr Hale, 41, from Hove, Sussex, said that he would appeal."),
            [(CueForm::Verb, "Mr Hale".into(), "he would appeal".into())]
        );
    }

    #[test]
    fn the_name_a_subject_is_known_by_speaks() {
        assert_eq!(
            cues(
                "The water agency, known by its Spanish acronym ANA, said that the river was clean."
            ),
            [(CueForm::Verb, "ANA".into(), "the river was clean".into())]
        );
    }

    #[test]
    fn a_medium_by_its_initials_is_a_listener_before_a_clause() {
        assert_eq!(
            cues("She tells NBC the plan will fail."),
            [(CueForm::Verb, "She".into(), "the plan will fail".into())]
        );
    }

    #[test]
    fn a_group_of_a_named_place_speaks_as_a_group() {
        assert_eq!(
            cues(
                "Residents of Kasra, a village near the border, said that they had seen no troops."
            ),
            [(
                CueForm::Verb,
                "Residents of Kasra".into(),
                "they had seen no troops".into()
            )]
        );
    }

    #[test]
    fn a_titled_name_in_apposition_speaks() {
        assert_eq!(
            cues(
                "A commander of the 9th Brigade, Colonel Ann Vale, said that the town had fallen."
            ),
            [(
                CueForm::Verb,
                "Ann Vale".into(),
                "the town had fallen".into()
            )]
        );
    }

    #[test]
    fn a_name_closed_by_jr_in_apposition_speaks() {
        assert_eq!(
            cues("The firm's chief, Tom B. Hale Jr., said that it would appeal."),
            [(
                CueForm::Verb,
                "Tom B. Hale Jr.".into(),
                "it would appeal".into()
            )]
        );
    }

    #[test]
    fn an_abbreviated_title_opens_no_speaker() {
        assert_eq!(
            cues("Its delegate in Lima, Dr. Rosa Paz, said that both sides must talk."),
            [(
                CueForm::Verb,
                "Rosa Paz".into(),
                "both sides must talk".into()
            )]
        );
        assert_eq!(
            cues("Its delegate in Lima, Dr. Rosa Paz, called on both sides to talk."),
            [(
                CueForm::Verb,
                "Rosa Paz".into(),
                "both sides to talk".into()
            )]
        );
    }

    #[test]
    fn that_clause_after_a_cue_verb_is_the_content() {
        assert_eq!(
            cues("The mayor warned that the bridge would close soon."),
            [(
                CueForm::Verb,
                "The mayor".into(),
                "the bridge would close soon".into()
            )]
        );
    }

    #[test]
    fn clause_before_a_trailing_cue_is_the_content() {
        assert_eq!(
            cues("Taxes will rise next year, Jane Doe said on Monday."),
            [(
                CueForm::Verb,
                "Jane Doe".into(),
                "Taxes will rise next year".into()
            )]
        );
    }

    #[test]
    fn a_lower_case_office_word_ends_a_clause_as_a_plain_noun() {
        assert_eq!(
            cues("The pilot is in good health, Jane Doe said."),
            [(
                CueForm::Verb,
                "Jane Doe".into(),
                "The pilot is in good health".into()
            )]
        );
    }

    #[test]
    fn the_adjunct_of_the_saying_is_no_part_of_the_statement() {
        assert_eq!(
            cues("The club said in a statement that the coach had resigned.")[0].2,
            "the coach had resigned"
        );
        assert_eq!(
            cues("The club said in a statement it would appeal the ban.")[0].2,
            "it would appeal the ban"
        );
        assert_eq!(
            cues("The club said in a statement: the coach left.")[0].2,
            ""
        );
    }

    #[test]
    fn a_negated_cue_before_a_question_reports_nothing() {
        assert!(cues("The mayor would not say whether the bridge would close.").is_empty());
        assert!(cues("Ann Bell did not say how much the deal cost.").is_empty());
    }

    #[test]
    fn remarking_on_a_thing_names_a_topic() {
        assert_eq!(
            cues("Tom Hale, remarking on the size of the crowd, left early.")
                .iter()
                .filter(|c| !c.2.is_empty())
                .count(),
            0
        );
        assert_eq!(
            cues("The firm said on Tuesday that sales fell sharply.")[0].2,
            "sales fell sharply"
        );
    }

    #[test]
    fn a_think_tank_is_no_cue() {
        assert!(cues("Ann Bell works at the Acme think tank in Leeds.").is_empty());
    }

    #[test]
    fn a_described_subject_after_a_comma_ends_the_statement() {
        assert_eq!(
            cues(
                "Shares in the firm start trading on Monday, the Leeds Stock Exchange (LSE) has said."
            ),
            [(
                CueForm::Verb,
                "the Leeds Stock Exchange".into(),
                "Shares in the firm start trading on Monday".into()
            )]
        );
        assert_eq!(
            cues("The mayor opened the bridge on Monday, the Acme radio station reported.")[0].2,
            "The mayor opened the bridge on Monday"
        );
    }

    #[test]
    fn a_trailing_verb_that_takes_an_object_has_none_at_the_end() {
        assert_eq!(
            cues("The talks went well for both sides, Ann Bell emphasized.")[0].2,
            "The talks went well for both sides"
        );
    }

    #[test]
    fn inverted_cue_names_the_speaker_after_the_verb() {
        assert_eq!(
            cues("The plan was dropped, said union leader Ann Bell."),
            [(
                CueForm::Inverted,
                "union leader Ann Bell".into(),
                "The plan was dropped".into()
            )]
        );
    }

    #[test]
    fn inserted_clause_between_subject_and_verb_is_skipped() {
        assert_eq!(
            cues("Bob Hill, who runs the farm, insisted that prices were fair."),
            [(CueForm::Verb, "Bob Hill".into(), "prices were fair".into())]
        );
    }

    #[test]
    fn according_to_opens_a_statement() {
        assert_eq!(
            cues("According to the regulator, fares will double."),
            [(
                CueForm::According,
                "the regulator".into(),
                "fares will double".into()
            )]
        );
    }

    #[test]
    fn called_on_and_accused_take_their_object_clause() {
        let found = cues("The minister called on farmers to stay calm.");
        assert_eq!(found[0].2, "farmers to stay calm");
        let found = cues("Ann Bell urged the council to close roads that flood.");
        assert_eq!(found[0].2, "the council to close roads that flood");
        let found = cues("Ann Bell accused the board of hiding losses.");
        assert_eq!(found[0].2, "the board of hiding losses");
    }

    #[test]
    fn passive_and_noun_uses_are_not_cues() {
        assert!(cues("The man, who is accused of theft, left.").is_empty());
        assert!(cues("He was called a hero.").is_empty());
    }

    #[test]
    fn participle_after_a_comma_takes_the_clause_subject() {
        let found = cues("Ann Bell praised the staff, stressing that safety came first.");
        let last = found.last().unwrap();
        assert_eq!(last.0, CueForm::Participle);
        assert_eq!(last.1, "Ann Bell");
        assert_eq!(last.2, "safety came first");
    }

    #[test]
    fn a_dateline_in_capitals_is_no_clause_subject() {
        let found = cues(
            "HALEB - The Trade Board on Monday sued Acme Inc, stressing that it lied to buyers.",
        );
        let last = found.last().unwrap();
        assert_eq!(last.0, CueForm::Participle);
        assert_eq!(last.1, "The Trade Board");
    }

    #[test]
    fn content_stops_at_a_subordinate_clause() {
        let found = cues("Tom Ray noted that sales fell sharply, although profits rose.");
        assert_eq!(found[0].2, "sales fell sharply");
    }

    #[test]
    fn a_speech_verb_coordinated_with_an_act_takes_the_clause_subject() {
        let found = cues("Ann Bell called the plan “reckless” and said the town could not pay.");
        let said = found
            .iter()
            .find(|c| c.2 == "the town could not pay")
            .unwrap();
        assert_eq!(said.1, "Ann Bell");
    }

    #[test]
    fn a_clause_right_after_the_listener_is_the_statement() {
        assert_eq!(
            cues("He told reporters the vote was rigged.")[0].2,
            "the vote was rigged"
        );
        assert!(cues("He told reporters in Leeds about it.")[0].2.is_empty());
    }

    #[test]
    fn who_after_a_group_names_the_speakers() {
        let found = cues("It was criticised by former aides who say the plan failed.");
        assert_eq!(found[0].1, "former aides");
        assert_eq!(found[0].2, "the plan failed");
    }

    #[test]
    fn a_description_as_a_quoted_word_is_not_reported_speech() {
        let found = cues("Ann Bell described the plan as “reckless” on Monday.");
        assert!(found.iter().all(|c| c.2.is_empty()));
    }

    #[test]
    fn the_issuer_of_a_statement_speaks() {
        let found = cues("Fares will rise, according to a statement from the company.");
        assert_eq!(found[0].1, "the company");
        assert_eq!(found[0].2, "Fares will rise");
    }

    #[test]
    fn a_counted_group_after_according_to_is_the_source() {
        let found = cues("According to two senior officials, the deal is off.");
        assert_eq!(found[0].1, "two senior officials");
        assert_eq!(found[0].2, "the deal is off");
    }

    #[test]
    fn a_source_familiar_with_something_keeps_its_description() {
        let found = cues("According to two people familiar with the talks, the deal is off.");
        assert_eq!(found[0].1, "two people familiar with the talks");
        assert_eq!(found[0].2, "the deal is off");
    }

    #[test]
    fn a_name_with_its_description_before_a_colon_introduces_the_quote() {
        let text = "Ann Lee, the bank's chief economist, speaking in Leeds: \"Rates will rise.\"";
        let mut toks = Vec::new();
        let quote = [(0, Span::new(text.find('"').unwrap(), text.len()))];
        tokens::tokenize(text, Span::new(0, text.len()), &quote, &mut toks);
        let found = find_cues(text, &toks);
        let (a, b) = found[0].subject.unwrap();
        assert_eq!(found[0].form, CueForm::Colon);
        assert_eq!(
            Span::new(toks[a].span.start, toks[b - 1].span.end).slice(text),
            "Ann Lee"
        );
    }

    #[test]
    fn a_new_clause_about_the_subjects_own_things_ends_the_statement() {
        let found = cues("Acme cut its forecast, saying sales were weak, and its shares fell.");
        assert_eq!(found[0].2, "sales were weak");
    }

    #[test]
    fn warned_of_names_a_topic_not_a_statement() {
        assert!(cues("The mayor warned of a hard winter.")[0].2.is_empty());
    }

    #[test]
    fn a_listener_with_a_place_may_stand_before_that() {
        let found = cues("She told reporters at the town hall that the plan had failed.");
        assert_eq!(found[0].2, "the plan had failed");
        let found = cues("She told the board he thought that it was late.");
        assert!(found[0].2.is_empty(), "{found:?}");
    }

    #[test]
    fn and_with_a_pronoun_and_a_cue_starts_a_new_statement() {
        let found =
            cues("Ann Bell warned that fares would rise, and she called on the board to act.");
        assert_eq!(found[0].2, "fares would rise");
        assert_eq!(found[1].2, "the board to act");
    }

    #[test]
    fn this_or_last_without_a_time_word_opens_the_statement() {
        let found = cues("At 40, she says this team will win the cup.");
        assert_eq!(found[0].2, "this team will win the cup");
        let found = cues("Taxes will rise, he said last week.");
        assert_eq!(found[0].2, "Taxes will rise");
    }

    #[test]
    fn which_with_a_speech_verb_speaks_for_the_name_before() {
        let found =
            cues("The deal follows a complaint by Acme Ltd, which said it would shut two plants.");
        assert_eq!(found[0].1, "Acme Ltd");
        assert_eq!(found[0].2, "it would shut two plants");
        assert!(cues("Rain hit the school, which claimed ten lives.").is_empty());
        assert!(cues("The club, which expressed an interest, lost.").is_empty());
    }

    #[test]
    fn an_adjunct_with_its_comma_opens_a_statement_before_a_trailing_cue() {
        let found = cues("In addition, fares would rise again, Ann Bell said.");
        assert_eq!(found[0].2, "fares would rise again");
    }

    #[test]
    fn and_with_a_new_speaker_and_a_cue_ends_the_statement() {
        let found = cues("Leeds says it won the bid, and York says it will appeal.");
        assert_eq!(found[0].2, "it won the bid");
        assert_eq!(found[1].2, "it will appeal");
    }

    #[test]
    fn a_trailing_cue_relaying_a_statement_leaves_it_to_the_first_cue() {
        let found =
            cues("Ann Bell said she was alarmed by the cuts, her spokesman told reporters.");
        assert_eq!(found[0].2, "she was alarmed by the cuts");
        assert!(found[1..].iter().all(|c| c.2.is_empty()));
    }

    #[test]
    fn a_past_belief_without_that_narrates_a_thought() {
        assert_eq!(cues("Ann Bell believed she had the votes to win.")[0].2, "");
        assert_eq!(
            cues("Ann Bell believed that she had the votes to win.")[0].2,
            "she had the votes to win"
        );
        assert_eq!(
            cues("Analysts believe the plan will fail.")[0].2,
            "the plan will fail"
        );
    }

    #[test]
    fn that_before_a_verb_is_the_subject_of_the_statement() {
        assert_eq!(
            cues("The mayor said that was impossible because of the cost.")[0].2,
            "that was impossible because of the cost"
        );
    }

    #[test]
    fn a_colon_before_lower_case_words_continues_the_statement() {
        assert_eq!(
            cues("He said the club could survive in two ways: sell players or find a buyer.")[0].2,
            "the club could survive in two ways: sell players or find a buyer"
        );
    }

    #[test]
    fn a_described_listener_before_a_pronoun_leaves_the_clause() {
        assert_eq!(
            cues("After the vote, the mayor told the council she was stepping down.")[0].2,
            "she was stepping down"
        );
    }

    #[test]
    fn a_named_subject_with_a_past_verb_after_and_ends_the_statement() {
        assert_eq!(
            cues("Ann Bell told the nation she was resigning and the Senate named Tom Hale.")[0].2,
            "she was resigning"
        );
        assert_eq!(
            cues("The mayor said Ann Bell and Tom Hale agreed about the budget.")[0].2,
            "Ann Bell and Tom Hale agreed about the budget"
        );
    }

    #[test]
    fn according_to_a_written_source_opens_a_statement() {
        assert_eq!(
            cues("According to the documents seen by the council, the first meeting went well.")[0],
            (
                CueForm::According,
                "the documents".into(),
                "the first meeting went well".into()
            )
        );
    }

    #[test]
    fn a_bare_or_authored_source_after_a_comma_speaks() {
        assert_eq!(
            cues("Small shops find loans hard to get, research has suggested.")[0],
            (
                CueForm::Verb,
                "research".into(),
                "Small shops find loans hard to get".into()
            )
        );
        assert_eq!(
            cues(
                "The first sale failed for many reasons, a report by the city's audit office says."
            )[0]
            .2,
            "The first sale failed for many reasons"
        );
    }

    #[test]
    fn unattributed_reports_saying_are_the_source() {
        assert_eq!(
            cues(
                "The coach has been linked with the post, with reports saying he fell out with the board."
            )[0],
            (
                CueForm::Participle,
                "reports".into(),
                "he fell out with the board".into()
            )
        );
    }

    #[test]
    fn a_participle_after_while_shares_the_subject() {
        let c = cues("Economists said prices could rise, while noting that such figures vary.");
        assert_eq!(c[1].1, "Economists");
        assert_eq!(c[1].2, "such figures vary");
    }

    #[test]
    fn groups_are_a_source() {
        assert_eq!(
            cues("Many local groups have said that the plan is unfair.")[0].1,
            "local groups"
        );
    }

    #[test]
    fn an_inverted_clause_opening_with_a_preposition_is_the_statement() {
        assert_eq!(
            cues("At risk in the long run is the future of the region, it said.")[0].2,
            "At risk in the long run is the future of the region"
        );
        assert_eq!(
            cues("In what was seen as a bold speech, Ann Bell said nothing new.")
                .iter()
                .filter(|c| c.2.starts_with("In what"))
                .count(),
            0
        );
    }

    #[test]
    fn but_with_its_own_subject_goes_on_with_the_statement() {
        assert_eq!(
            cues("Tom Hale says he is not upset, but he wants an answer.")[0].2,
            "he is not upset, but he wants an answer"
        );
        assert_eq!(
            cues("The firm said its cover paid for the damage, but that a fee would apply.")[0].2,
            "its cover paid for the damage, but that a fee would apply"
        );
        assert_eq!(
            cues("Ann Bell said the tests found nothing, but the agency will keep testing.")[0].2,
            "the tests found nothing, but the agency will keep testing"
        );
        // The reporter's own clause: a verb of the subject, or another cue.
        assert_eq!(
            cues("Ann Bell said sales were flat, but warned that costs would rise.")[0].2,
            "sales were flat"
        );
        assert_eq!(
            cues("Ann Bell said the plan is sound, but the critics say it is not.")[0].2,
            "the plan is sound"
        );
    }

    #[test]
    fn a_place_in_the_statement_is_no_adjunct_of_the_telling() {
        assert_eq!(
            cues("Chief Ann Bell said the fire had started in a storage tank near the gate.")[0].2,
            "the fire had started in a storage tank near the gate"
        );
        assert_eq!(
            cues("Ann Bell said peace was near in a conversation with her counterpart.")[0].2,
            "peace was near"
        );
    }

    #[test]
    fn the_colon_of_a_time_does_not_end_the_statement() {
        assert_eq!(
            cues("Ann Bell said the alarm went off at 12:30 a.m. on Sunday.")[0].2,
            "the alarm went off at 12:30 a.m. on Sunday"
        );
    }

    #[test]
    fn members_of_a_house_are_a_trailing_subject() {
        assert_eq!(
            cues("Family courts are too slow, MPs have said.")[0],
            (
                CueForm::Verb,
                "MPs".into(),
                "Family courts are too slow".into()
            )
        );
        assert_eq!(
            cues("The appeal must fail, the judges said.")[0].1,
            "the judges"
        );
    }

    #[test]
    fn a_court_rules_that() {
        assert_eq!(
            cues("The High Court ruled on Tuesday that the ban was lawful.")[0].2,
            "the ban was lawful"
        );
        assert!(cues("The king ruled the country for years.").is_empty());
    }

    #[test]
    fn by_saying_reports_the_subject_s_statement() {
        let c = cues("The judges opened the way by saying earlier inquiries were weak.");
        assert_eq!(
            (c[0].1.as_str(), c[0].2.as_str()),
            ("The judges", "earlier inquiries were weak")
        );
    }

    #[test]
    fn a_study_speaks_for_its_authors() {
        let c = cues("Shoppers care most about price, shows a study by the retailer Acme.");
        assert_eq!(
            (c[0].1.as_str(), c[0].2.as_str()),
            (
                "a study by the retailer Acme",
                "Shoppers care most about price"
            )
        );
        let c = cues("Acme's research has shown that shoppers divide into groups.");
        assert_eq!(
            (c[0].1.as_str(), c[0].2.as_str()),
            ("Acme's research", "shoppers divide into groups")
        );
        // `found` with a person as subject is no cue.
        assert!(cues("Ann Bell found that the door was open.").is_empty());
    }

    #[test]
    fn a_cue_between_commas_after_an_opener_reports_what_follows() {
        let c = cues("However, he said, most people now use the phone daily.");
        assert_eq!(
            (c[0].1.as_str(), c[0].2.as_str()),
            ("he", "most people now use the phone daily")
        );
        let c = cues("By contrast, she said, cameras were used far more.");
        assert_eq!(c[0].2, "cameras were used far more");
    }

    #[test]
    fn a_listener_and_a_place_may_stand_between_the_cue_and_that() {
        assert_eq!(
            cues("Ann Bell told reporters at a briefing Monday morning that the cause is unknown.")
                [0]
            .2,
            "the cause is unknown"
        );
    }

    #[test]
    fn by_with_a_plain_object_reports_nothing() {
        assert!(cues("Fans can pick a film by saying the actor's name.").is_empty());
        assert!(cues("The side showed its resolve by recalling nine players.").is_empty());
    }

    #[test]
    fn a_reply_to_a_thing_or_a_quantity_said_is_no_statement() {
        assert!(
            cues("The firm did not respond to a request for comment.")
                .iter()
                .all(|c| c.2.is_empty())
        );
        assert!(
            cues("The firm has said little beyond its first notice.")
                .iter()
                .all(|c| c.2.is_empty())
        );
        assert_eq!(
            cues("Ann Bell said nothing would change.")[0].2,
            "nothing would change"
        );
    }

    #[test]
    fn a_description_longer_than_a_label_is_reported_speech() {
        assert_eq!(
            cues("The group described Tom Hale as an agent of a foreign power.")[0].2,
            "Tom Hale as an agent of a foreign power"
        );
    }

    #[test]
    fn describing_oneself_is_no_statement() {
        assert!(
            cues("A man who described himself as an aide of the group spoke.")
                .iter()
                .all(|c| c.2.is_empty())
        );
    }

    #[test]
    fn a_participle_after_an_opening_but_keeps_the_subject() {
        let c = cues("But the judges opened the way by saying earlier inquiries were weak.");
        assert_eq!(c[0].1, "the judges");
    }

    #[test]
    fn but_and_an_auxiliary_go_on_with_the_statement() {
        assert_eq!(
            cues("The judges ruled that the law could reach a prison, but did not apply to the whole country.")[0].2,
            "the law could reach a prison, but did not apply to the whole country"
        );
    }

    #[test]
    fn an_opening_participle_phrase_is_no_subject() {
        let text = "Introducing the band, Ann Bell praised the singer.";
        let mut toks = Vec::new();
        tokens::tokenize(text, Span::new(0, text.len()), &[], &mut toks);
        let (a, b) = clause_subject(text, &toks, toks.len()).unwrap_or((0, 1));
        assert_eq!(
            Span::new(toks[a].span.start, toks[b - 1].span.end).slice(text),
            "Ann Bell"
        );
    }
}
