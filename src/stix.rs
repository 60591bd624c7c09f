//! STIX 2.1 for threat-intelligence platforms (MISP, OpenCTI): what a report covers as a bundle.
//!
//! An `intrusion-set` per actor (its MISP galaxy UUIDs as external references, so the platforms
//! link it to their own record), an `identity` per victim organisation, an `incident` per
//! incident with its figures in a property extension (described by the bundle's
//! `extension-definition`), `attributed-to` and `targets` relationships as OpenCTI reads them,
//! a `note` per annotation on a cited passage, and one `report` citing the source articles.
//! Ids are UUIDv5 of what each object is (an actor's name, a victim's normalised name, an
//! incident's kind, victim, date and value), so a re-export updates objects instead of
//! duplicating them.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::annotations::Annotation;
use crate::corpus::Article;
use crate::decisions::ReplayReport;
use crate::extract::Amount;
use crate::extract::entities::gazetteer::THREAT_ACTORS;
use crate::extract::money::normalized_victim;
use crate::incidents::Incident;
use crate::partial_date::Precision;
use crate::report_doc::{ReportInput, incident_label};

/// Dossier's namespace for its STIX ids (a fixed random UUID: ids from other tools never clash).
const NAMESPACE: Uuid = Uuid::from_u128(0x6d1c_52a4_0f7e_4f0b_9a4c_3e5d_2b1a_8c77);

/// The key of the figures' property extension inside an incident's `extensions`.
fn extension_id() -> String {
    id("extension-definition", "dossier-figures-1")
}

/// What goes into a bundle: the incidents and annotations a report selects, with the figures
/// and articles they cite.
pub struct Export<'a> {
    pub incidents: Vec<&'a Incident>,
    pub amounts: &'a [Amount],
    pub articles: &'a [Article],
    pub annotations: Vec<&'a Annotation>,
    /// The corpus's name, for the report's title.
    pub corpus_name: String,
    /// What the analyst's decisions did: confirmed and corrected figures are marked.
    pub decisions: Option<&'a ReplayReport>,
}

impl<'a> Export<'a> {
    /// What a report made from `input` covers (the filters in force select it).
    pub fn of(input: &ReportInput<'a>) -> Self {
        Self {
            incidents: input.incidents(),
            amounts: &input.analysis.extraction.amounts,
            articles: &input.analysis.corpus.articles,
            annotations: input.annotations.clone(),
            corpus_name: crate::report_doc::corpus_name(input.analysis),
            decisions: input.decisions,
        }
    }
}

/// `type--uuid`, the UUID made from `key`.
fn id(kind: &str, key: &str) -> String {
    format!(
        "{kind}--{}",
        Uuid::new_v5(&NAMESPACE, format!("{kind}|{key}").as_bytes())
    )
}

/// STIX timestamps are RFC 3339 in UTC, to the millisecond.
fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn day_stamp(d: NaiveDate) -> String {
    format!("{d}T00:00:00.000Z")
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

/// When Dossier's own objects (itself, the extension, the gazetteer's actors) were defined:
/// their `created`, the same in every export.
const DEFINED: &str = "2026-12-06T00:00:00.000Z";

/// The common properties of an SDO or SRO. `created` is the earliest publication date of what
/// the object rests on, else [`DEFINED`]: the same in every export, as STIX wants of a version's
/// `created`, and never after `modified`.
fn base(kind: &str, id: &str, created: Option<NaiveDate>, now: DateTime<Utc>) -> Value {
    let modified = stamp(now);
    let created = created
        .map(day_stamp)
        .unwrap_or_else(|| DEFINED.to_owned())
        .min(modified.clone());
    json!({
        "type": kind,
        "spec_version": "2.1",
        "id": id,
        "created": created,
        "modified": modified,
    })
}

/// Adds the properties of `extra` to `object`.
fn with(mut object: Value, extra: Value) -> Value {
    if let (Some(o), Value::Object(e)) = (object.as_object_mut(), extra) {
        o.extend(e);
    }
    object
}

/// Objects keyed by id, so one victim hit twice (or an actor of many incidents) is one object.
#[derive(Default)]
struct Objects {
    by_id: BTreeMap<String, Value>,
    order: Vec<String>,
}

impl Objects {
    fn add(&mut self, object: Value) -> String {
        let id = object["id"].as_str().unwrap_or_default().to_owned();
        if !self.by_id.contains_key(&id) {
            self.order.push(id.clone());
            self.by_id.insert(id.clone(), object);
        }
        id
    }
}

/// The intrusion-set of an actor (and of its umbrella group, related to it), with the
/// gazetteer's aliases and MISP galaxy UUIDs.
fn intrusion_set(objects: &mut Objects, name: &str, now: DateTime<Utc>) -> String {
    let actor = THREAT_ACTORS.iter().find(|a| a.name == name);
    let aliases: Vec<&String> = actor
        .map(|a| a.synonyms.iter().collect())
        .unwrap_or_default();
    let references: Vec<Value> = actor
        .map(|a| {
            a.misp_uuids
                .iter()
                .map(|u| {
                    json!({
                        "source_name": "MISP galaxy threat-actor",
                        "external_id": u,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let set_id = id("intrusion-set", name);
    let mut extra = json!({ "name": name });
    if !aliases.is_empty() {
        extra["aliases"] = json!(aliases);
    }
    if !references.is_empty() {
        extra["external_references"] = json!(references);
    }
    objects.add(with(base("intrusion-set", &set_id, None, now), extra));
    if let Some(parent) = actor.and_then(|a| a.parent.as_deref()) {
        let parent_id = intrusion_set(objects, parent, now);
        relationship(objects, &set_id, "related-to", &parent_id, None, now);
        if let Some(rel) = objects.by_id.get_mut(&id(
            "relationship",
            &format!("{set_id}|related-to|{parent_id}"),
        )) {
            rel["description"] = json!(format!("{name} is a sub-group of {parent}"));
        }
    }
    set_id
}

fn relationship(
    objects: &mut Objects,
    source: &str,
    kind: &str,
    target: &str,
    created: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> String {
    let rel_id = id("relationship", &format!("{source}|{kind}|{target}"));
    objects.add(with(
        base("relationship", &rel_id, created, now),
        json!({
            "relationship_type": kind,
            "source_ref": source,
            "target_ref": target,
        }),
    ))
}

/// Where an article is: its URL when it has one, else its file.
fn article_reference(a: &Article) -> Value {
    let mut r = json!({ "source_name": if a.title.trim().is_empty() { a.id.as_str() } else { a.title.trim() } });
    let date = a.published.map(|d| d.to_string());
    let place = a.path.display().to_string();
    if let Some(url) = a.source.as_deref().filter(|s| s.starts_with("http")) {
        r["url"] = json!(url);
    }
    r["description"] = json!(match date {
        Some(d) => format!("published {d}; {place}"),
        None => place,
    });
    r
}

/// The bundle of `export`, stamped `now` (its `modified` times and the report's date).
pub fn bundle(export: &Export, now: DateTime<Utc>) -> Value {
    let articles: HashMap<&str, &Article> =
        export.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let amounts: HashMap<(&str, u32), &Amount> = export
        .amounts
        .iter()
        .map(|a| ((&*a.article, a.start), a))
        .collect();
    let mut objects = Objects::default();

    let dossier = id("identity", "dossier");
    objects.add(with(
        base("identity", &dossier, None, now),
        json!({ "name": "Dossier", "identity_class": "system" }),
    ));
    let extension = extension_id();
    objects.add(with(
        base("extension-definition", &extension, None, now),
        json!({
            "created_by_ref": dossier,
            "name": "Dossier figures",
            "description": "The money figures Dossier extracted for an incident.",
            "schema": "Properties: kind (stolen, attempted, cumulative, damage or other); usd, usd_min, usd_max (US dollars); event_date (YYYY, YYYY-MM or YYYY-MM-DD) and event_date_precision (year, month or day); figures: each source's figure as written (text, value, currency, usd, article, main), and where an analyst decided it, confirmed and corrected (booleans) and machine: the figure as extracted before the correction (text, kind, value, currency, usd, event_date, victim).",
            "version": "1.0.0",
            "extension_types": ["property-extension"],
        }),
    ));

    let mut cited: Vec<&str> = Vec::new();
    // Where each incident's figures stand, for the notes on them.
    let mut passages: Vec<(&str, usize, usize, String)> = Vec::new();
    for incident in &export.incidents {
        let dates: Vec<NaiveDate> = incident
            .sources
            .iter()
            .filter_map(|s| articles.get(&*s.mention.article).and_then(|a| a.published))
            .collect();
        let created = dates.iter().min().copied();
        let key = format!(
            "{}|{}|{}|{:.0}",
            incident.kind.as_str(),
            incident
                .victim
                .as_deref()
                .map(normalized_victim)
                .unwrap_or_default(),
            incident
                .event_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            incident.usd
        );
        let incident_id = id("incident", &key);
        let figures: Vec<Value> = incident
            .sources
            .iter()
            .map(|s| {
                let mut figure = json!({
                    "text": s.text,
                    "usd": s.usd,
                    "article": &*s.mention.article,
                    "main": s.main,
                });
                // STIX has no nulls: the figure as written only when the extraction has it.
                if let Some(a) = amounts.get(&(&*s.mention.article, s.mention.start)) {
                    figure["value"] = json!(a.value);
                    figure["currency"] = json!(a.currency);
                }
                // The analyst's word, with what the machine had said.
                if let Some(d) = export
                    .decisions
                    .and_then(|d| d.figure(&s.mention.article, s.mention.start as usize))
                {
                    figure["confirmed"] = json!(d.confirmed);
                    figure["corrected"] = json!(d.corrected);
                    if d.corrected {
                        let m = &d.original;
                        let mut machine = json!({
                            "text": m.text,
                            "kind": m.kind.as_str(),
                            "value": m.value,
                            "currency": m.currency,
                        });
                        if let Some(usd) = m.usd {
                            machine["usd"] = json!(usd);
                        }
                        if let Some(date) = m.event_date {
                            machine["event_date"] = json!(date.to_string());
                        }
                        if let Some(v) = &m.victim {
                            machine["victim"] = json!(v);
                        }
                        figure["machine"] = machine;
                    }
                }
                figure
            })
            .collect();
        let mut properties = json!({
            "extension_type": "property-extension",
            "kind": incident.kind.as_str(),
            "usd": incident.usd,
            "usd_min": incident.usd_min,
            "usd_max": incident.usd_max,
            "figures": figures,
        });
        if let Some(d) = incident.event_date {
            properties["event_date"] = json!(d.to_string());
            properties["event_date_precision"] = json!(precision_name(d.precision()));
        }
        let sources: Vec<String> = incident
            .sources
            .iter()
            .map(|s| match articles.get(&*s.mention.article) {
                Some(a) => format!("{} ({}): {}", a.title.trim(), a.id, s.text),
                None => format!("{}: {}", s.mention.article, s.text),
            })
            .collect();
        objects.add(with(
            base("incident", &incident_id, created, now),
            json!({
                "name": incident_label(incident),
                "description": format!(
                    "{} incident reported by {} source(s): {}",
                    incident.kind.as_str(),
                    incident.sources.len(),
                    sources.join("; ")
                ),
                "extensions": { extension.clone(): properties },
            }),
        ));
        if let Some(actor) = incident.actor.as_deref() {
            let set = intrusion_set(&mut objects, actor, now);
            relationship(
                &mut objects,
                &incident_id,
                "attributed-to",
                &set,
                created,
                now,
            );
        }
        if let Some(victim) = incident.victim.as_deref() {
            let victim_id = id("identity", &normalized_victim(victim));
            objects.add(with(
                base("identity", &victim_id, created, now),
                json!({ "name": victim, "identity_class": "organization" }),
            ));
            relationship(
                &mut objects,
                &incident_id,
                "targets",
                &victim_id,
                created,
                now,
            );
        }
        for s in &incident.sources {
            if !cited.contains(&&*s.mention.article) {
                cited.push(&s.mention.article);
            }
            passages.push((
                &s.mention.article,
                s.mention.start as usize,
                s.mention.end as usize,
                incident_id.clone(),
            ));
        }
    }

    // Annotations go along as notes: on the incident whose figure they mark (its sentence), else
    // on the incidents their article reports; annotations of articles no exported incident
    // cites stay out, as they do of the report.
    for a in &export.annotations {
        let Some(article) = articles.get(a.article.as_str()) else {
            continue;
        };
        // Offsets are characters; sentences come in bytes.
        let sentences = crate::text::sentences(&article.text);
        let bytes = crate::text::char_to_byte_table(&article.text);
        let sentence_of = |c: usize| {
            let b = bytes.get(c).copied()?;
            sentences.iter().position(|&(s, e)| s <= b && b < e)
        };
        let mut refs: Vec<&String> = passages
            .iter()
            .filter(|(art, start, end, _)| {
                *art == a.article
                    && ((a.position.start < *end && *start < a.position.end)
                        || (sentence_of(*start).is_some()
                            && sentence_of(*start) == sentence_of(a.position.start)))
            })
            .map(|(_, _, _, id)| id)
            .collect();
        if refs.is_empty() {
            // Elsewhere in a cited article: about the incidents that article reports.
            refs = passages
                .iter()
                .filter(|(art, ..)| *art == a.article)
                .map(|(_, _, _, id)| id)
                .collect();
        }
        refs.sort();
        refs.dedup();
        if refs.is_empty() {
            continue;
        }
        let note_id = id("note", &format!("{}|{}", a.article, a.id));
        let content = if a.note.trim().is_empty() {
            format!("“{}”", a.quote.exact)
        } else {
            format!("“{}” — {}", a.quote.exact, a.note.trim())
        };
        let mut note = with(
            json!({
                "type": "note",
                "spec_version": "2.1",
                "id": note_id,
                "created": stamp(a.created),
                "modified": stamp(a.modified.max(a.created)),
            }),
            json!({ "content": content, "object_refs": refs }),
        );
        if !a.tag.trim().is_empty() {
            note["abstract"] = json!(a.tag.trim());
        }
        if !a.author.trim().is_empty() {
            note["authors"] = json!([a.author.trim()]);
        }
        objects.add(note);
    }

    let covered: Vec<String> = objects
        .order
        .iter()
        .filter(|i| !i.starts_with("extension-definition--") && **i != dossier)
        .cloned()
        .collect();
    let references: Vec<Value> = cited
        .iter()
        .filter_map(|c| articles.get(c))
        .map(|a| article_reference(a))
        .collect();
    let report_id = id(
        "report",
        &format!("{}|{}", export.corpus_name, cited.join("|")),
    );
    let first_published = cited
        .iter()
        .filter_map(|c| articles.get(c).and_then(|a| a.published))
        .min();
    let mut report = with(
        base("report", &report_id, first_published, now),
        json!({
            "name": format!("Dossier: {}", export.corpus_name),
            "description": format!(
                "{} incident(s) from {} article(s), exported by Dossier.",
                export.incidents.len(),
                cited.len()
            ),
            "report_types": ["threat-report"],
            "published": stamp(now),
            "created_by_ref": dossier,
            "object_refs": if covered.is_empty() { vec![dossier.clone()] } else { covered },
        }),
    );
    if !references.is_empty() {
        report["external_references"] = json!(references);
    }
    objects.add(report);

    let objects: Vec<Value> = objects
        .order
        .iter()
        .filter_map(|i| objects.by_id.get(i).cloned())
        .collect();
    json!({
        "type": "bundle",
        "id": format!("bundle--{}", Uuid::new_v4()),
        "objects": objects,
    })
}

#[cfg(test)]
mod tests;
