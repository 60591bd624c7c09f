//! Replaying the analyst's decisions on top of what the machine extracted.
//!
//! Order matters and is fixed: names first (a renamed victim must reach the figures), then the
//! figures, then the incidents are merged again from the corrected figures, then the incident
//! decisions. Decisions of one stage apply in the order they were made. A decision whose target
//! cannot be found is reported as an orphan and left in the file: the text or the extractor may
//! bring its target back.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::model::{Change, Decision, FigureAnchor, FigureEdit};
use crate::analysis::Analysis;
use crate::annotations::anchor::{AnchorStatus, locate};
use crate::extract::money::fx::to_usd;
use crate::extract::{Amount, AmountKind, Entity, Extraction};
use crate::incidents::{self, Incident};
use crate::text::slice_chars;

/// What a replay did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReplayReport {
    /// Decisions whose target was found, in the order applied.
    pub applied: Vec<String>,
    pub orphans: Vec<Orphan>,
    /// Every figure a decision touched, with the machine's original.
    pub figures: Vec<DecidedFigure>,
    /// Incidents an analyst confirmed (ids after the replay).
    pub confirmed_incidents: Vec<String>,
}

/// A decision whose target is gone, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Orphan {
    pub id: String,
    pub reason: String,
}

/// A figure a decision touched.
#[derive(Clone, Debug, Serialize)]
pub struct DecidedFigure {
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// The figure as the machine gave it.
    pub original: Amount,
    /// An analyst confirmed it.
    pub confirmed: bool,
    /// An analyst changed it.
    pub corrected: bool,
    pub decisions: Vec<String>,
}

impl ReplayReport {
    /// The decision touching the figure at `article`, `start`, if any.
    pub fn figure(&self, article: &str, start: usize) -> Option<&DecidedFigure> {
        self.figures
            .iter()
            .find(|f| f.article == article && f.start == start)
    }

    fn orphan(&mut self, d: &Decision, reason: String) {
        self.orphans.push(Orphan {
            id: d.id.clone(),
            reason,
        });
    }
}

/// Applies `decisions` to `analysis` (see the module doc).
pub fn replay(analysis: &mut Analysis, decisions: &[Decision]) -> ReplayReport {
    let Analysis {
        corpus,
        extraction,
        incidents,
    } = analysis;
    let texts: HashMap<&str, &str> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    replay_parts(&texts, extraction, incidents, decisions)
}

/// [`replay`] on an extraction and its incidents, with the articles' texts by id (an article
/// without its text is matched by the figure's text alone).
pub fn replay_parts(
    texts: &HashMap<&str, &str>,
    extraction: &mut Extraction,
    incidents: &mut Vec<Incident>,
    decisions: &[Decision],
) -> ReplayReport {
    let mut report = ReplayReport::default();
    let mut ordered: Vec<&Decision> = decisions.iter().collect();
    ordered.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    let mut changed = false;
    for d in &ordered {
        let result = apply_name(
            &mut extraction.entities,
            &mut extraction.amounts,
            texts,
            &d.change,
        );
        match result {
            None => {}
            Some(Ok(())) => {
                changed = true;
                report.applied.push(d.id.clone());
            }
            Some(Err(reason)) => report.orphan(d, reason),
        }
    }
    for d in &ordered {
        let Change::Figure { figure, edit } = &d.change else {
            continue;
        };
        match find_figure(&extraction.amounts, texts, figure) {
            Ok(i) => {
                changed |= apply_figure(&mut extraction.amounts[i], edit, &d.id, &mut report);
                report.applied.push(d.id.clone());
            }
            Err(reason) => report.orphan(d, reason),
        }
    }
    if changed {
        *incidents = incidents::merge(&extraction.amounts);
    }
    for d in &ordered {
        match apply_incident(incidents, &extraction.amounts, texts, &d.change) {
            None => {}
            Some(Ok(confirmed)) => {
                report.confirmed_incidents.extend(confirmed);
                report.applied.push(d.id.clone());
            }
            Some(Err(reason)) => report.orphan(d, reason),
        }
    }
    report
}

/// The index of the figure `anchor` points at: its quote found again in the current text, then
/// the machine's figure overlapping it most (the extractor may now take in more or less text).
pub fn find_figure(
    amounts: &[Amount],
    texts: &HashMap<&str, &str>,
    anchor: &FigureAnchor,
) -> Result<usize, String> {
    let Some(text) = texts.get(anchor.article.as_str()) else {
        return find_without_text(amounts, anchor);
    };
    let at = match locate(text, &anchor.quote, anchor.position) {
        AnchorStatus::Anchored => anchor.position,
        AnchorStatus::Moved { to, .. } => to,
        AnchorStatus::Orphan => {
            return Err(format!(
                "\"{}\" is no longer in article {}",
                anchor.quote.exact, anchor.article
            ));
        }
    };
    amounts
        .iter()
        .enumerate()
        .filter(|(_, a)| *a.article == *anchor.article)
        .map(|(i, a)| {
            (
                i,
                (a.end as usize)
                    .min(at.end)
                    .saturating_sub((a.start as usize).max(at.start)),
            )
        })
        .filter(|&(_, overlap)| overlap > 0)
        .max_by_key(|&(i, overlap)| (overlap, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
        .ok_or_else(|| {
            format!(
                "no figure is extracted at \"{}\" in article {} any more",
                anchor.quote.exact, anchor.article
            )
        })
}

/// Without the article's text (`dossier merge` reads records, not articles): the figure of the
/// same article whose text holds the quote, nearest the decided place.
fn find_without_text(amounts: &[Amount], anchor: &FigureAnchor) -> Result<usize, String> {
    amounts
        .iter()
        .enumerate()
        .filter(|(_, a)| *a.article == *anchor.article && a.text.contains(&anchor.quote.exact))
        .min_by_key(|(_, a)| (a.start as usize).abs_diff(anchor.position.start))
        .map(|(i, _)| i)
        .ok_or_else(|| {
            format!(
                "no figure \"{}\" in article {} (is the article in the corpus?)",
                anchor.quote.exact, anchor.article
            )
        })
}

/// Applies one figure edit, keeping the original; true when the figure changed.
fn apply_figure(a: &mut Amount, edit: &FigureEdit, id: &str, report: &mut ReplayReport) -> bool {
    let original = a.clone();
    match edit {
        FigureEdit::Reject => a.kind = AmountKind::Other,
        FigureEdit::SetKind { kind } => a.kind = *kind,
        FigureEdit::SetValue { value, currency } => {
            // Converted at the event year's rate, as the extractor does; undated: this year's.
            let year = a
                .event_date
                .map(|d| d.year())
                .unwrap_or_else(|| chrono::Datelike::year(&chrono::Utc::now()));
            a.value = *value;
            a.currency = currency.as_str().into();
            a.min = None;
            a.max = None;
            a.usd = to_usd(*value, currency, year);
        }
        FigureEdit::SetDate { date } => {
            a.event_date = Some(*date);
            a.event_date_inferred = false;
            a.event_date_suspicious = false;
        }
        FigureEdit::SetVictim { victim } => {
            // The analyst's victim replaces the machine's, identity and all.
            a.victim = Some(victim.as_str().into());
            a.victim_id = Some(crate::extract::victims::identity(victim).into());
        }
        FigureEdit::SetActor { actor } => {
            // The analyst's actor replaces the machine's, sub-group and all.
            a.actor = Some(actor.as_str().into());
            a.sub_group = None;
        }
        FigureEdit::Confirm => {}
    }
    let corrected = *a != original;
    let confirmed = matches!(edit, FigureEdit::Confirm);
    match report
        .figures
        .iter_mut()
        .find(|f| *f.article == *a.article && f.start == a.start as usize)
    {
        Some(f) => {
            f.corrected |= corrected;
            f.confirmed |= confirmed;
            f.decisions.push(id.to_owned());
        }
        None => report.figures.push(DecidedFigure {
            article: a.article.to_string(),
            start: a.start as usize,
            end: a.end as usize,
            original,
            confirmed,
            corrected,
            decisions: vec![id.to_owned()],
        }),
    }
    corrected
}

/// The entity called `name` (its name first, then an alias; without case).
fn find_entity(entities: &[Entity], name: &str) -> Option<usize> {
    let same = |s: &str| s.trim().eq_ignore_ascii_case(name.trim());
    entities.iter().position(|e| same(&e.name)).or_else(|| {
        entities
            .iter()
            .position(|e| e.aliases.iter().any(|a| same(a)))
    })
}

/// Applies a name decision (`None` for other decisions).
fn apply_name(
    entities: &mut Vec<Entity>,
    amounts: &mut [Amount],
    texts: &HashMap<&str, &str>,
    change: &Change,
) -> Option<Result<(), String>> {
    let missing = |name: &str| format!("no entity is called \"{name}\" any more");
    let result = match change {
        Change::RenameEntity { name, to } => find_entity(entities, name)
            .map(|i| {
                let e = &mut entities[i];
                let old = std::mem::replace(&mut e.name, to.clone());
                push_alias(e, &old);
                e.aliases.retain(|a| a != to);
                rename_in_figures(amounts, &old, Some(to));
            })
            .ok_or_else(|| missing(name)),
        Change::SetEntityKind { name, kind } => find_entity(entities, name)
            .map(|i| entities[i].kind = *kind)
            .ok_or_else(|| missing(name)),
        Change::MergeEntities { name, other } => {
            match (find_entity(entities, name), find_entity(entities, other)) {
                (Some(i), Some(j)) if i == j => Ok(()),
                (Some(i), Some(j)) => {
                    let gone = entities.remove(j);
                    let i = if j < i { i - 1 } else { i };
                    let e = &mut entities[i];
                    push_alias(e, &gone.name);
                    for a in &gone.aliases {
                        push_alias(e, a);
                    }
                    e.mentions.extend(gone.mentions);
                    e.mentions.sort();
                    e.mention_count = e.mentions.len();
                    e.article_count = distinct_articles(e);
                    let keep = e.name.clone();
                    rename_in_figures(amounts, &gone.name, Some(&keep));
                    Ok(())
                }
                (None, _) => Err(missing(name)),
                (_, None) => Err(missing(other)),
            }
        }
        Change::UnmergeEntity { name, alias } => match find_entity(entities, name) {
            Some(i) => unmerge(entities, i, alias, texts),
            None => Err(missing(name)),
        },
        Change::NotAName { name } => find_entity(entities, name)
            .map(|i| {
                let gone = entities.remove(i);
                rename_in_figures(amounts, &gone.name, None);
            })
            .ok_or_else(|| missing(name)),
        _ => return None,
    };
    Some(result)
}

/// Takes the mentions written `alias` out of entity `i` into an entity of their own.
fn unmerge(
    entities: &mut Vec<Entity>,
    i: usize,
    alias: &str,
    texts: &HashMap<&str, &str>,
) -> Result<(), String> {
    let e = &mut entities[i];
    let written_as_alias = |m: &crate::extract::Mention| {
        texts.get(&*m.article).is_some_and(|t| {
            slice_chars(t, m.start as usize, m.end as usize).eq_ignore_ascii_case(alias.trim())
        })
    };
    let (moved, kept): (Vec<_>, Vec<_>) = e.mentions.drain(..).partition(written_as_alias);
    e.mentions = kept;
    if moved.is_empty() {
        return Err(format!(
            "\"{}\" has no mention written \"{alias}\" any more",
            e.name
        ));
    }
    e.aliases.retain(|a| !a.eq_ignore_ascii_case(alias.trim()));
    e.mention_count = e.mentions.len();
    e.article_count = distinct_articles(e);
    let mut split = Entity {
        name: alias.trim().to_owned(),
        kind: e.kind,
        aliases: Vec::new(),
        parent: None,
        mention_count: moved.len(),
        article_count: 0,
        mentions: moved,
        roles: Vec::new(),
    };
    split.article_count = distinct_articles(&split);
    entities.push(split);
    Ok(())
}

fn push_alias(e: &mut Entity, alias: &str) {
    if alias != e.name && !e.aliases.iter().any(|a| a == alias) {
        e.aliases.push(alias.to_owned());
    }
}

fn distinct_articles(e: &Entity) -> usize {
    e.mentions
        .iter()
        .map(|m| &*m.article)
        .collect::<BTreeSet<_>>()
        .len()
}

/// Victims and actors named `old` become `new` (or none).
fn rename_in_figures(amounts: &mut [Amount], old: &str, new: Option<&String>) {
    for a in amounts {
        if a.victim.as_deref() == Some(old) {
            a.victim = new.map(|n| n.as_str().into());
            a.victim_id = new.map(|n| crate::extract::victims::identity(n).into());
        }
        if a.actor.as_deref() == Some(old) {
            a.actor = new.map(|n| n.as_str().into());
        }
    }
}

/// The incident holding `amount` as a source.
fn incident_of(incidents: &[Incident], amount: &Amount) -> Option<usize> {
    incidents.iter().position(|i| {
        i.sources
            .iter()
            .any(|s| *s.mention.article == *amount.article && s.mention.start == amount.start)
    })
}

/// Applies an incident decision (`None` for other decisions); `Ok` holds confirmed incident ids.
fn apply_incident(
    incidents: &mut Vec<Incident>,
    amounts: &[Amount],
    texts: &HashMap<&str, &str>,
    change: &Change,
) -> Option<Result<Vec<String>, String>> {
    let locate_incident = |incidents: &[Incident], anchor: &FigureAnchor| {
        let k = find_figure(amounts, texts, anchor)?;
        incident_of(incidents, &amounts[k])
            .map(|i| (i, k))
            .ok_or_else(|| {
                format!(
                    "\"{}\" in article {} is in no incident",
                    anchor.quote.exact, anchor.article
                )
            })
    };
    let result = match change {
        Change::MergeIncidents { figure, other } => {
            locate_incident(incidents, figure).and_then(|(i, _)| {
                let (j, _) = locate_incident(incidents, other)?;
                if i != j {
                    let gone = incidents.remove(j);
                    let i = if j < i { i - 1 } else { i };
                    let inc = &mut incidents[i];
                    if inc.victim.is_none() {
                        inc.victim = gone.victim;
                        inc.victim_id = gone.victim_id;
                    }
                    if inc.actor.is_none() {
                        inc.actor = gone.actor;
                        inc.sub_group = gone.sub_group;
                    }
                    inc.event_date = inc.event_date.or(gone.event_date);
                    inc.sources.extend(gone.sources);
                    refresh_range(inc);
                }
                Ok(Vec::new())
            })
        }
        Change::SplitSource { figure } => locate_incident(incidents, figure).map(|(i, k)| {
            let a = &amounts[k];
            if incidents[i].sources.len() > 1 {
                let inc = &mut incidents[i];
                inc.sources
                    .retain(|s| !(*s.mention.article == *a.article && s.mention.start == a.start));
                refresh_range(inc);
                let id = format!("{}-split-{}", inc.id, a.start);
                if let Some(mut own) = incidents::merge(std::slice::from_ref(a)).pop() {
                    own.id = id;
                    incidents.insert(i + 1, own);
                }
            }
            Vec::new()
        }),
        Change::ConfirmIncident { figure } => {
            locate_incident(incidents, figure).map(|(i, _)| vec![incidents[i].id.clone()])
        }
        _ => return None,
    };
    Some(result)
}

fn refresh_range(inc: &mut Incident) {
    let values = inc.sources.iter().map(|s| s.usd);
    inc.usd_min = values.clone().fold(f64::INFINITY, f64::min);
    inc.usd_max = values.fold(0.0, f64::max);
}

#[cfg(test)]
mod tests;
