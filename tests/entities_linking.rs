//! Entities and name linking together on small hand-written articles.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloss::analysis::EntityLabel;
use gloss::analysis::entities::find_entities;
use gloss::analysis::names::{ArticleNames, SpeakerIndex};
use gloss::analysis::segment;

const ARTICLE: &str = "Talks stall in Varnholm\n\n\
Ruritanian Foreign Minister Anton Dressler met Borduvian Prime Minister \
Katrin Osk-Valden in Varnholm on Tuesday. \"We are ready,\" Dressler said. \
Ms Osk-Valden said the Borduvia Trade Council would decide. \
The Drevna Group said it would wait.";

fn labelled(text: &str) -> Vec<(String, EntityLabel)> {
    let sentences = segment::sentences(text);
    find_entities(text, &sentences)
        .into_iter()
        .map(|e| (e.span.slice(text).to_string(), e.label))
        .collect()
}

#[test]
fn people_places_and_bodies_of_a_short_article() {
    let ents = labelled(ARTICLE);
    let has = |form: &str, label| ents.iter().any(|(f, l)| f == form && *l == label);
    assert!(has("Anton Dressler", EntityLabel::Person), "{ents:?}");
    assert!(has("Katrin Osk-Valden", EntityLabel::Person), "{ents:?}");
    assert!(has("Dressler", EntityLabel::Person), "{ents:?}");
    assert!(has("Osk-Valden", EntityLabel::Person), "{ents:?}");
    assert!(has("Varnholm", EntityLabel::Place), "{ents:?}");
    assert!(has("Borduvia Trade Council", EntityLabel::Org), "{ents:?}");
    assert!(has("Drevna Group", EntityLabel::Org), "{ents:?}");
    // Titles and nationality words are not entities.
    assert!(
        !ents
            .iter()
            .any(|(f, _)| f.contains("Minister") || f.starts_with("Ruritanian"))
    );
}

#[test]
fn mentions_resolve_to_the_fullest_name_of_the_article() {
    let sentences = segment::sentences(ARTICLE);
    let ents = find_entities(ARTICLE, &sentences);
    let names = ArticleNames::build(ARTICLE, &ents);
    assert_eq!(
        names.full_name("Dressler").as_deref(),
        Some("Anton Dressler")
    );
    assert_eq!(
        names.full_name("Ms Osk-Valden").as_deref(),
        Some("Katrin Osk-Valden")
    );
    assert_eq!(
        names.display("Ruritanian Foreign Minister Anton Dressler"),
        "Anton Dressler"
    );
}

#[test]
fn one_speaker_across_articles_despite_spelling() {
    let idx = SpeakerIndex::build([
        "Muhammad Shia al-Sudani",
        "Mohammed Shia' Al Sudani",
        "Mohammad Shia Al-Sudani",
        "al-Sudani",
        "Anton Dressler",
        "Dressler",
        "Karl Dressler",
    ]);
    let sudani = idx.id_of("al-Sudani").unwrap();
    assert_eq!(idx.id_of("Muhammad Shia al-Sudani"), Some(sudani));
    assert_eq!(idx.id_of("Mohammad Shia Al-Sudani"), Some(sudani));
    // Two people named Dressler stay apart; the bare surname joins neither.
    let anton = idx.id_of("Anton Dressler").unwrap();
    let karl = idx.id_of("Karl Dressler").unwrap();
    assert_ne!(anton, karl);
    assert_ne!(idx.id_of("Dressler"), Some(anton));
    assert_ne!(idx.id_of("Dressler"), Some(karl));
}
