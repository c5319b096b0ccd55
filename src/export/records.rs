//! Building the rows of an export: the user's annotations (found again in
//! the current article text, as the store does on load), optionally the
//! detected quotations, filtered and in a stable order. The one place that
//! decides what an export contains; the formats only lay it out.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::analysis::{self, Analysis, Quote, QuoteKind};
use crate::annotations::anchor::anchor_in;
use crate::annotations::{Anchor, Annotation, CharIndex, OrphanReason, Sidecar, TextTarget};
use crate::corpus::{Article, Corpus, CorpusSource};

use super::filter::SpeakerMatcher;
use super::{
    ARTICLE_KIND, ArticleInfo, ExportOptions, ExportRecord, ExportSet, SELECTION_KIND, Source,
};

/// Builds the export of `sidecar` over `corpus` with `options`, analysing the
/// articles with [`analysis::analyze`] when detected quotations are asked for.
pub fn build(corpus: &Corpus, sidecar: &Sidecar, options: &ExportOptions) -> ExportSet {
    build_with(corpus, sidecar, options, analysis::analyze)
}

/// [`build`] with the analysis given, so that callers holding cached analyses
/// (and tests) can supply their own.
pub fn build_with<F>(
    corpus: &Corpus,
    sidecar: &Sidecar,
    options: &ExportOptions,
    analyze: F,
) -> ExportSet
where
    F: Fn(&str) -> Analysis + Sync,
{
    let filter = &options.filter;
    let position: HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.0.as_str(), i))
        .collect();

    // One character index per article with annotations, for re-anchoring.
    let mut indexes: Vec<Option<CharIndex<'_>>> = Vec::new();
    indexes.resize_with(corpus.articles.len(), || None);
    let mut records: Vec<ExportRecord> = Vec::with_capacity(sidecar.annotations.len());
    for ann in &sidecar.annotations {
        let found = position.get(ann.article.as_str()).copied();
        let article = found.map(|i| &corpus.articles[i]);
        if !filter.keeps_article(&ann.article, article.map_or("", |a| a.path.as_str())) {
            continue;
        }
        let anchor = match (&ann.target, found) {
            (None, _) => Anchor::WholeArticle,
            (Some(_), None) => Anchor::Orphaned(OrphanReason::ArticleMissing),
            (Some(t), Some(i)) => {
                let index =
                    indexes[i].get_or_insert_with(|| CharIndex::new(&corpus.articles[i].text));
                anchor_in(t, index)
            }
        };
        records.push(user_record(ann, article, &anchor));
    }

    if options.include_detected {
        let annotated: HashSet<(&str, usize, usize)> = records
            .iter()
            .filter_map(|r| Some((r.article_id.as_str(), r.start?, r.end?)))
            .collect();
        let detected: Vec<ExportRecord> = corpus
            .articles
            .par_iter()
            .filter(|a| filter.keeps_article(&a.id.0, &a.path))
            .flat_map_iter(|a| {
                let quotes = analyze(&a.text).quotes;
                detected_records(a, &quotes)
                    .into_iter()
                    .filter(|r| {
                        let span = (a.id.0.as_str(), r.start.unwrap_or(0), r.end.unwrap_or(0));
                        !annotated.contains(&span)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        records.extend(detected);
    }

    if !filter.is_empty() {
        // Name forms are only compared when a speaker filter asks for it.
        let speakers = if filter.speakers.is_empty() {
            SpeakerMatcher::default()
        } else {
            SpeakerMatcher::new(
                records
                    .iter()
                    .filter_map(|r| r.speaker.as_deref())
                    .chain(filter.speakers.iter().map(String::as_str)),
                &sidecar.speakers,
            )
        };
        records.retain(|r| filter.keeps(r, &speakers));
    }

    // Articles' corpus positions are looked up once per row, not per comparison.
    let mut ranked: Vec<(usize, ExportRecord)> = records
        .into_iter()
        .map(|r| {
            (
                position
                    .get(r.article_id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                r,
            )
        })
        .collect();
    let place = |r: &ExportRecord| match (r.is_whole_article(), r.orphaned) {
        (true, _) => 0,
        (false, false) => 1,
        (false, true) => 2,
    };
    ranked.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            // Ids are compared only among articles missing from the corpus.
            .then_with(|| {
                if *ra == usize::MAX {
                    a.article_id.cmp(&b.article_id)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then_with(|| {
                (place(a), a.start, a.end, a.source).cmp(&(place(b), b.start, b.end, b.source))
            })
            .then_with(|| a.annotation_id.cmp(&b.annotation_id))
    });
    let records: Vec<ExportRecord> = ranked.into_iter().map(|(_, r)| r).collect();

    let base = article_iri_base(&corpus.source);
    let mut articles: Vec<ArticleInfo> = Vec::new();
    for r in &records {
        if articles.last().is_some_and(|a| a.id == r.article_id) {
            continue;
        }
        let article = position
            .get(r.article_id.as_str())
            .map(|&i| &corpus.articles[i]);
        articles.push(article_info(&r.article_id, article, &base));
    }

    ExportSet {
        corpus: corpus.source.display_name(),
        options: options.clone(),
        speakers: sidecar.speakers.clone(),
        articles,
        records,
    }
}

/// The row of one user annotation placed by `anchor`; `article` is `None`
/// when the corpus does not hold the article it names.
fn user_record(ann: &Annotation, article: Option<&Article>, anchor: &Anchor) -> ExportRecord {
    let stored = ann.target.as_ref();
    // A target found elsewhere gets its current offsets and context.
    let moved = match (anchor, article) {
        (Anchor::Moved { span, .. }, Some(a)) => TextTarget::from_byte_span(&a.text, *span).ok(),
        _ => None,
    };
    let target = moved.as_ref().or(stored);
    let kind = match (&ann.kind, target) {
        (_, None) => ARTICLE_KIND.to_string(),
        (Some(k), Some(_)) => k.clone(),
        (None, Some(_)) => SELECTION_KIND.to_string(),
    };
    let placed = target.filter(|_| !anchor.is_orphaned());
    ExportRecord {
        article_id: ann.article.clone(),
        title: article.map_or_else(String::new, |a| a.meta.title.clone()),
        date: article.and_then(|a| a.meta.date.clone()),
        path: article.map_or_else(String::new, |a| a.path.clone()),
        source: Source::User,
        annotation_id: Some(ann.id.0.clone()),
        kind,
        speaker: ann.speaker.clone().filter(|s| !s.trim().is_empty()),
        text: target.map_or_else(String::new, |t| t.exact.clone()),
        prefix: target.map_or_else(String::new, |t| t.prefix.clone()),
        suffix: target.map_or_else(String::new, |t| t.suffix.clone()),
        start: placed.map(|t| t.start),
        end: placed.map(|t| t.end),
        orphaned: anchor.is_orphaned(),
        tags: ann.tags.clone(),
        note: ann.note.clone(),
        created: Some(ann.created.clone()).filter(|s| !s.is_empty()),
        modified: Some(ann.modified.clone()).filter(|s| !s.is_empty()),
    }
}

/// The rows of the quotations detected in one article (byte spans of the
/// analysis turned into character offsets and context), in text order.
/// Spans that are empty or split a character are left out.
pub fn detected_records(article: &Article, quotes: &[Quote]) -> Vec<ExportRecord> {
    let text = article.text.as_str();
    let mut sorted: Vec<&Quote> = quotes.iter().collect();
    sorted.sort_by_key(|q| (q.span.start, q.span.end));
    sorted
        .into_iter()
        .filter_map(|q| {
            let t = TextTarget::from_byte_span(text, q.span).ok()?;
            Some(ExportRecord {
                article_id: article.id.0.clone(),
                title: article.meta.title.clone(),
                date: article.meta.date.clone(),
                path: article.path.clone(),
                source: Source::Detected,
                annotation_id: None,
                kind: kind_name(q.kind).to_string(),
                speaker: q.speaker.clone(),
                text: t.exact,
                prefix: t.prefix,
                suffix: t.suffix,
                start: Some(t.start),
                end: Some(t.end),
                orphaned: false,
                tags: Vec::new(),
                note: String::new(),
                created: None,
                modified: None,
            })
        })
        .collect()
}

/// The lowercase name of a quotation kind, as the sidecar and `gloss analyze` write it.
pub fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Fragment => "fragment",
        QuoteKind::Term => "term",
        QuoteKind::Indirect => "indirect",
    }
}

/// How article IRIs start: a `file://` URL of the corpus folder, or a URN
/// for the bundled corpus.
fn article_iri_base(source: &CorpusSource) -> String {
    let root = match source {
        CorpusSource::Bundled => return "urn:gloss:article:".to_string(),
        CorpusSource::Folder(p) => p.as_path(),
        CorpusSource::File(p) => p.parent().unwrap_or(Path::new("")),
    };
    let abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let mut url = String::from("file://");
    let abs = abs.to_string_lossy().replace('\\', "/");
    if !abs.starts_with('/') {
        url.push('/');
    }
    url.push_str(&percent_encode(&abs));
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

fn article_info(id: &str, article: Option<&Article>, base: &str) -> ArticleInfo {
    let iri = match article {
        Some(a) if base.starts_with("file:") => format!("{base}{}", percent_encode(&a.path)),
        _ => format!("urn:gloss:article:{}", percent_encode(id)),
    };
    ArticleInfo {
        id: id.to_string(),
        path: article.map_or_else(String::new, |a| a.path.clone()),
        title: article.map_or_else(String::new, |a| a.meta.title.clone()),
        date: article.and_then(|a| a.meta.date.clone()),
        byline: article.and_then(|a| a.meta.byline.clone()),
        in_corpus: article.is_some(),
        iri,
    }
}

/// Percent-encodes everything but unreserved characters and `/` (RFC 3986),
/// so that a path can stand in an IRI.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;
    use crate::annotations::{AnnotationId, TextTarget};
    use crate::export::Filter;

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        Corpus {
            source: CorpusSource::Bundled,
            articles: texts
                .iter()
                .filter_map(|(p, t)| Article::from_bytes(p, t.as_bytes()))
                .collect(),
            skipped: Vec::new(),
        }
    }

    /// An annotation on `needle` as it stands in [`TEXT`] (`None`: the whole
    /// article); a needle not in the text gets made-up offsets.
    fn ann(id: &str, article: &str, needle: Option<&str>) -> Annotation {
        let target = needle.map(|n| match TEXT.find(n) {
            Some(at) => TextTarget::from_byte_span(TEXT, Span::new(at, at + n.len())).unwrap(),
            None => TextTarget {
                exact: n.into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 3,
                end: 3 + n.chars().count(),
                extra: Default::default(),
            },
        });
        Annotation {
            id: AnnotationId(id.into()),
            article: article.into(),
            target,
            kind: None,
            speaker: Some("Ann Smith".into()),
            tags: vec!["t".into()],
            note: String::new(),
            created: "2026-01-01T00:00:00Z".into(),
            modified: "2026-01-01T00:00:00Z".into(),
            extra: Default::default(),
        }
    }

    /// Byte span of `needle` in `text`.
    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    const TEXT: &str = "Héadline\n\n“Ça va,” said Bob Jones. “Fine,” Ann Smith replied.";

    fn fake_analysis(text: &str) -> Analysis {
        Analysis {
            quotes: vec![
                Quote {
                    span: span_of(text, "Fine,"),
                    kind: QuoteKind::Direct,
                    speaker: Some("Ann Smith".into()),
                },
                Quote {
                    span: span_of(text, "Ça va,"),
                    kind: QuoteKind::Direct,
                    speaker: Some("Bob Jones".into()),
                },
            ],
            ..Analysis::default()
        }
    }

    #[test]
    fn whole_article_annotations_have_kind_article_and_no_offsets() {
        let c = corpus(&[("a.txt", TEXT)]);
        let side = Sidecar {
            annotations: vec![ann("x", "a", None)],
            ..Sidecar::default()
        };
        let set = build(&c, &side, &ExportOptions::default());
        let r = &set.records[0];
        assert_eq!((r.kind.as_str(), r.text.as_str()), (ARTICLE_KIND, ""));
        assert_eq!((r.start, r.end), (None, None));
        assert_eq!(r.title, "Héadline");
        assert!(r.is_whole_article());
    }

    #[test]
    fn detected_quotes_use_character_offsets_and_context() {
        let c = corpus(&[("a.txt", TEXT)]);
        let rows = detected_records(&c.articles[0], &fake_analysis(TEXT).quotes);
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first.text, "Ça va,");
        let chars: Vec<char> = TEXT.chars().collect();
        let (s, e) = (first.start.unwrap(), first.end.unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), "Ça va,");
        assert_eq!(first.prefix, "Héadline\n\n“");
        assert_eq!(first.suffix.chars().count(), 32);
        assert_eq!(first.source, Source::Detected);
        assert_eq!(first.speaker.as_deref(), Some("Bob Jones"));
    }

    #[test]
    fn a_detected_quote_the_user_annotated_appears_once_as_user() {
        let c = corpus(&[("a.txt", TEXT)]);
        let side = Sidecar {
            annotations: vec![ann("mine", "a", Some("Fine,"))],
            ..Sidecar::default()
        };
        let options = ExportOptions {
            include_detected: true,
            ..ExportOptions::default()
        };
        let set = build_with(&c, &side, &options, fake_analysis);
        let sources: Vec<(&str, Source)> = set
            .records
            .iter()
            .map(|r| (r.text.as_str(), r.source))
            .collect();
        assert_eq!(
            sources,
            [("Ça va,", Source::Detected), ("Fine,", Source::User)]
        );
    }

    #[test]
    fn tag_filter_drops_detected_rows_and_speaker_filter_keeps_them() {
        let c = corpus(&[("a.txt", TEXT)]);
        let mut options = ExportOptions {
            include_detected: true,
            filter: Filter {
                speakers: vec!["Jones".into()],
                ..Filter::default()
            },
        };
        let side = Sidecar::default();
        let set = build_with(&c, &side, &options, fake_analysis);
        assert_eq!(set.records.len(), 1);
        assert_eq!(set.records[0].speaker.as_deref(), Some("Bob Jones"));
        options.filter.tags = vec!["t".into()];
        assert!(build_with(&c, &side, &options, fake_analysis).is_empty());
    }

    #[test]
    fn include_detected_with_the_real_analysis_keeps_every_user_row() {
        let c = corpus(&[("a.txt", TEXT)]);
        let side = Sidecar {
            annotations: vec![ann("x", "a", None), ann("y", "a", Some("Héadline"))],
            ..Sidecar::default()
        };
        let options = ExportOptions {
            include_detected: true,
            ..ExportOptions::default()
        };
        let set = build(&c, &side, &options);
        let users = set.records.iter().filter(|r| r.source == Source::User);
        assert_eq!(users.count(), 2);
    }

    #[test]
    fn rows_are_sorted_by_corpus_order_then_position_and_unknown_articles_last() {
        let c = corpus(&[("a.txt", TEXT), ("b.txt", TEXT)]);
        let side = Sidecar {
            annotations: vec![
                ann("1", "zz-gone", Some("Fine,")),
                ann("2", "b", Some("said")),
                ann("3", "a", Some("Ann Smith")),
                ann("4", "a", None),
                ann("5", "a", Some("Ça va,")),
                ann("6", "a", Some("words that are not there")),
            ],
            ..Sidecar::default()
        };
        let set = build(&c, &side, &ExportOptions::default());
        let ids: Vec<&str> = set
            .records
            .iter()
            .filter_map(|r| r.annotation_id.as_deref())
            .collect();
        assert_eq!(ids, ["4", "5", "3", "6", "2", "1"]);
        let arts: Vec<(&str, bool)> = set
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a.in_corpus))
            .collect();
        assert_eq!(arts, [("a", true), ("b", true), ("zz-gone", false)]);
        let grouped: Vec<usize> = set.by_article().map(|(_, rs)| rs.len()).collect();
        assert_eq!(grouped, [4, 1, 1]);
    }

    #[test]
    fn statements_not_found_are_orphaned_with_text_and_no_offsets() {
        let c = corpus(&[("a.txt", TEXT)]);
        let side = Sidecar {
            annotations: vec![
                ann("gone", "a", Some("words that are not there")),
                ann("lost", "missing-article", Some("Fine,")),
            ],
            ..Sidecar::default()
        };
        let set = build(&c, &side, &ExportOptions::default());
        for r in &set.records {
            assert!(r.orphaned && !r.is_whole_article());
            assert_eq!((r.start, r.end), (None, None));
            assert!(!r.text.is_empty());
        }
        assert_eq!(set.records[0].text, "words that are not there");
    }

    #[test]
    fn statements_whose_text_moved_get_their_current_offsets() {
        let edited = TEXT.replace("\n\n", "\n\nA new first sentence, inserted later.\n\n");
        let c = corpus(&[("a.txt", edited.as_str())]);
        let side = Sidecar {
            annotations: vec![ann("m", "a", Some("Bob Jones"))],
            ..Sidecar::default()
        };
        let r = &build(&c, &side, &ExportOptions::default()).records[0];
        assert!(!r.orphaned);
        let (s, e) = (r.start.unwrap(), r.end.unwrap());
        let covered: String = edited.chars().skip(s).take(e - s).collect();
        assert_eq!(covered, "Bob Jones");
        assert!(s > TEXT[..TEXT.find("Bob").unwrap()].chars().count());
        assert!(edited.contains(&format!("{}Bob Jones{}", r.prefix, r.suffix)));
    }

    #[test]
    fn article_iris_are_file_urls_for_folders() {
        let base = article_iri_base(&CorpusSource::Folder("/data/my corpus".into()));
        assert_eq!(base, "file:///data/my%20corpus/");
        let c = corpus(&[("a b.txt", TEXT)]);
        let info = article_info("a b", Some(&c.articles[0]), &base);
        assert_eq!(info.iri, "file:///data/my%20corpus/a%20b.txt");
        let bundled = article_info("a b", None, "urn:gloss:article:");
        assert_eq!(bundled.iri, "urn:gloss:article:a%20b");
    }
}
