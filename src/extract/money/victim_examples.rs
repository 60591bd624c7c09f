//! What the victim scorer sees of an article's figures, for its training command
//! (`tests/amount_eval.rs`): each figure's candidates and features, and what the old rule named.

use super::{Lexicon, decide, mark_components, model, read_figures, story::Story};
use crate::corpus::Article;
use crate::extract::dates::DateMention;
use crate::extract::document::Document;
use crate::extract::victims::Candidates;
use crate::extract::{EntityKind, EntityMention};

/// One figure of an article, in text order.
pub struct FigureVictims {
    /// The figure as written (the amount's `text`).
    pub text: String,
    /// The victim the old rule gave a theft figure (its sentence's, else the story's; never a
    /// person's name): the baseline the scorer is measured against.
    pub rule: Option<String>,
    pub candidates: Candidates,
}

/// The [`FigureVictims`] of an article (none when it states no figure).
pub fn victim_examples(
    article: &Article,
    dates: &[DateMention],
    entities: &[EntityMention],
) -> Vec<FigureVictims> {
    let lex = Lexicon::builtin();
    let doc = Document::new(&article.text);
    let Some(story) = Story::read(lex, article, &doc, dates, entities) else {
        return Vec::new();
    };
    // The figures as extraction hands them to the scorer: kinds by the shipped amount model,
    // parts of totals marked.
    let mut read = read_figures(lex, &story);
    decide(&model::SHIPPED, &mut read);
    mark_components(&mut read.work, read.main_victim.as_deref(), story.text);
    let scene = story.scene();
    let people: Vec<&str> = entities
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .flat_map(|m| [m.canonical.as_str(), m.surface.as_str()])
        .collect();
    read.work
        .iter()
        .map(|w| {
            let view = story.view(w, read.main_victim.as_deref());
            FigureVictims {
                text: story.text[w.parsed.start..w.parsed.end].to_string(),
                rule: w
                    .victim
                    .clone()
                    .or_else(|| read.main_victim.clone())
                    .filter(|v| !people.contains(&v.as_str())),
                candidates: scene.candidates(&view),
            }
        })
        .collect()
}
