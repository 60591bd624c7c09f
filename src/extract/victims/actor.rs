//! The actor of a theft figure: a threat-actor mention of the entity layer, folded into its
//! umbrella group with the sub-group kept ("APT38" → Lazarus Group, sub-group APT38).

use std::sync::LazyLock;

use regex_automata::meta;

use crate::extract::document::Span;
use crate::extract::unfiltered;
use crate::extract::{EntityKind, EntityMention};

/// A figure's threat actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The umbrella group ("Lazarus Group"), or the actor itself when it has none.
    pub group: String,
    /// The sub-group named ("APT38") when `group` is its umbrella.
    pub sub_group: Option<String>,
}

/// Words that blame a theft on someone ("attributed", "blamed", "behind"), as a sentence test
/// ([`Regex::is_match`] only). A stem's word may go on ("attribut" for "attributed"): `\w*`
/// after a stem could always take the ASCII letters and digits that follow it and stop where
/// an ASCII word boundary holds, so the stem alone matches where the stem with
/// `\w*(?-u:\b)` did, without a Unicode class that tripled the cost of compiling it. It
/// reads the few sentences that name an actor: no prefilter ([`unfiltered`]).
static ATTRIBUTION: LazyLock<meta::Regex> =
    LazyLock::new(|| unfiltered::regex(ATTRIBUTION_PATTERN));
const ATTRIBUTION_PATTERN: &str = r"(?i)(?-u:\b)(?:attribut|blam|responsib|perpetrat|orchestrat|(?:behind|linked|tied|suspected|carried\s+out|culprits?)(?-u:\b))";

/// The first threat actor mentioned inside `span` (byte offsets); `entities` by start.
pub(super) fn in_span(
    span: (usize, usize),
    entities: &[(usize, usize, &EntityMention)],
) -> Option<Actor> {
    // Entities are in text order: the span's are one slice of them.
    let from = entities.partition_point(|(s, _, _)| *s < span.0);
    entities[from..]
        .iter()
        .take_while(|(s, _, _)| *s < span.1)
        .filter(|(_, e, m)| *e <= span.1 && m.kind == EntityKind::ThreatActor)
        .min_by_key(|(s, _, _)| *s)
        .map(|(_, _, m)| match &m.parent {
            Some(parent) => Actor {
                group: parent.clone(),
                sub_group: Some(m.canonical.clone()),
            },
            None => Actor {
                group: m.canonical.clone(),
                sub_group: None,
            },
        })
}

/// The actor of the first sentence of attribution that names one.
pub(super) fn attributed(
    text: &str,
    sents: &[Span],
    entities: &[(usize, usize, &EntityMention)],
) -> Option<Actor> {
    // A sentence that names no actor names none however it blames: the pattern is read only
    // in those that do (most articles name none).
    if !entities
        .iter()
        .any(|(_, _, m)| m.kind == EntityKind::ThreatActor)
    {
        return None;
    }
    sents.iter().find_map(|&span| {
        in_span(span.into(), entities).filter(|_| ATTRIBUTION.is_match(span.of(text)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn mention(kind: EntityKind, canonical: &str, parent: Option<&str>) -> EntityMention {
        EntityMention {
            kind,
            canonical: canonical.into(),
            parent: parent.map(String::from),
            surface: canonical.into(),
            start: 0,
            end: 0,
            role: None,
        }
    }

    #[test]
    fn actors_come_from_threat_actor_mentions_in_the_span() {
        let apt = mention(EntityKind::ThreatActor, "APT38", Some("Lazarus Group"));
        let kim = mention(EntityKind::ThreatActor, "Kimsuky", None);
        let org = mention(EntityKind::Organization, "FBI", None);
        let spans = [(5, 8, &org), (10, 15, &apt), (40, 47, &kim)];
        assert_eq!(
            in_span((0, 30), &spans),
            Some(Actor {
                group: "Lazarus Group".into(),
                sub_group: Some("APT38".into())
            }),
            "the umbrella group of the first actor in the span, and the sub-group named"
        );
        assert_eq!(
            in_span((20, 50), &spans).map(|a| a.group),
            Some("Kimsuky".into())
        );
        assert_eq!(
            in_span((0, 9), &spans),
            None,
            "organisations are not actors"
        );
    }

    /// The pattern the attribution test was written as: its stems with `\w*` and a word
    /// boundary after them.
    static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:attribut\w*|behind|blam\w*|linked|responsib\w*|tied|suspected|carried\s+out|perpetrat\w*|orchestrat\w*|culprits?)(?-u:\b)",
        )
        .unwrap()
    });

    /// Whether the attribution test and its definition agree on `text` and on its every
    /// suffix from a char boundary.
    fn agree_everywhere(text: &str) -> Result<(), String> {
        for (at, _) in text.char_indices() {
            let t = &text[at..];
            if ATTRIBUTION.is_match(t) != DEFINITION.is_match(t) {
                return Err(format!("{t:?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn the_attribution_test_agrees_with_its_definition() {
        for text in [
            "The theft was attributed to APT38.",
            "ATTRIBUTION",
            "attribut",
            "attributé",
            "attribut_",
            "xattributed",
            "_blamed",
            "blamé",
            "bla\u{17F}",
            "re\u{17F}ponsibility",
            "irresponsible",
            "behind",
            "behinds",
            "behind_",
            "behindé",
            "linked",
            "lin\u{212A}ed",
            "linkedin",
            "tied",
            "untied",
            "tied-up",
            "suspected",
            "suspectedly",
            "carried  out",
            "carried\u{a0}out",
            "carried outside",
            "carried out,",
            "perpetrators",
            "orchestrated",
            "culprit",
            "culprits",
            "culpritss",
            "culprit9",
            "",
            "nothing here",
            "é behind é",
        ] {
            assert_eq!(agree_everywhere(text), Ok(()));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        #[test]
        fn the_attribution_test_agrees_with_its_definition_on_any_words(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "attribut", "attributed", "Blam", "blame", "responsib", "perpetrat",
                    "orchestrat", "behind", "linked", "lin\u{212A}ed", "tied", "suspected",
                    "carried", "out", "culprit", "culprits", "s", "x", "_", "é", "9", " ", "  ",
                    "\u{a0}", ",", ".", "-", "ſ", "\u{212A}", "ed", "ing",
                ]),
                0..8,
            )
        ) {
            let text: String = words.concat();
            proptest::prop_assert_eq!(agree_everywhere(&text), Ok(()));
        }
    }

    #[test]
    fn an_attribution_sentence_names_the_actor() {
        let text = "Kimsuky was seen. The theft was attributed to APT38 by the FBI.";
        let apt = mention(EntityKind::ThreatActor, "APT38", Some("Lazarus Group"));
        let kim = mention(EntityKind::ThreatActor, "Kimsuky", None);
        let at = |w: &str| text.find(w).unwrap_or(0);
        let spans = [(0, 7, &kim), (at("APT38"), at("APT38") + 5, &apt)];
        let sents = [Span::new(0, 18), Span::new(18, text.len())];
        assert_eq!(
            attributed(text, &sents, &spans).map(|a| a.group),
            Some("Lazarus Group".into()),
            "not the actor of a sentence that blames no one"
        );
    }
}
