//! Export as W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>): one
//! `AnnotationCollection` whose page lists every annotation with a tagging and a commenting
//! `TextualBody` and a target selected by `TextQuoteSelector` and `TextPositionSelector`. The
//! position selector counts Unicode code points, as Dossier's offsets do.
//!
//! [`import`] reads such a document back (or a single annotation, or a plain array of them), so
//! an export can be restored or merged into another corpus's annotations.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::model::{Annotation, AnnotationId, Position, Quote, now};

/// The JSON-LD document for `annotations`; `source_of(article id)` gives each target's IRI.
pub fn export(
    annotations: &[Annotation],
    label: &str,
    source_of: &dyn Fn(&str) -> String,
) -> Value {
    let items: Vec<Value> = annotations
        .iter()
        .map(|a| annotation(a, source_of))
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

/// The default target IRI of an article that has no URL.
pub fn article_urn(article: &str) -> String {
    format!("{ARTICLE_URN}{article}")
}

const ARTICLE_URN: &str = "urn:dossier:article:";
const ANNOTATION_URN: &str = "urn:dossier:annotation:";

/// The exported IRI of an annotation id: `urn:uuid:…` for Dossier's own UUIDs, the id itself
/// when it is already an IRI, else a Dossier URN; [`id_of_iri`] inverts it.
pub fn annotation_iri(id: &AnnotationId) -> String {
    let id = id.as_str();
    if uuid::Uuid::try_parse(id).is_ok() {
        format!("urn:uuid:{id}")
    } else if id.contains(':') {
        id.to_owned()
    } else {
        format!("{ANNOTATION_URN}{id}")
    }
}

fn id_of_iri(iri: &str) -> Option<AnnotationId> {
    let id = iri
        .strip_prefix("urn:uuid:")
        .filter(|u| uuid::Uuid::try_parse(u).is_ok())
        .or_else(|| iri.strip_prefix(ANNOTATION_URN))
        .unwrap_or(iri);
    AnnotationId::parse(id)
}

/// Why a JSON-LD document could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("not a Web Annotation document (expected an AnnotationCollection, Annotation or list)")]
    NotAnnotations,
    #[error("annotation {index}: {message}")]
    Item { index: usize, message: String },
}

/// Reads annotations back from W3C Web Annotation JSON-LD: an `AnnotationCollection` (its
/// `first` page, whose `items` are annotations), one `Annotation`, or an array of annotations.
/// `article_of(target source)` maps a target IRI to an article id; a Dossier article URN maps to
/// its id without it, and any other source is taken as the article id itself when `article_of`
/// gives `None`. Tag and note come from the `tagging` and `commenting` bodies; annotations without
/// an id get a fresh one. An item without a quote is an error naming its index.
pub fn import(
    text: &str,
    article_of: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Annotation>, ImportError> {
    let doc: Value = serde_json::from_str(text)?;
    let items: Vec<&Value> = match &doc {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) if has_type(&doc, "AnnotationCollection") => match o.get("first") {
            Some(Value::Object(page)) => page
                .get("items")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            Some(Value::Array(items)) => items.iter().collect(),
            _ => Vec::new(),
        },
        Value::Object(_) if has_type(&doc, "Annotation") => vec![&doc],
        _ => return Err(ImportError::NotAnnotations),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            from_item(item, article_of).map_err(|message| ImportError::Item {
                index: i + 1,
                message,
            })
        })
        .collect()
}

/// True when `v`'s `type` is `name` or a list holding it.
fn has_type(v: &Value, name: &str) -> bool {
    match v.get("type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(ts)) => ts.iter().any(|t| t == name),
        _ => false,
    }
}

fn from_item(
    item: &Value,
    article_of: &dyn Fn(&str) -> Option<String>,
) -> Result<Annotation, String> {
    if !item.is_object() {
        return Err("not an object".to_owned());
    }
    let str_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let target = item.get("target").ok_or("no target")?;
    let source = match target {
        Value::String(s) => s.clone(),
        _ => str_of(target, "source").ok_or("target has no source")?,
    };
    let article = article_of(&source)
        .or_else(|| source.strip_prefix(ARTICLE_URN).map(str::to_owned))
        .unwrap_or(source);
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let quote_sel = selectors
        .iter()
        .find(|s| has_type(s, "TextQuoteSelector"))
        .ok_or("no TextQuoteSelector")?;
    let quote = Quote {
        exact: str_of(quote_sel, "exact").ok_or("TextQuoteSelector has no exact")?,
        prefix: str_of(quote_sel, "prefix").unwrap_or_default(),
        suffix: str_of(quote_sel, "suffix").unwrap_or_default(),
    };
    // Without a position the quote alone anchors it (re-anchoring finds it in the text).
    let position = selectors
        .iter()
        .find(|s| has_type(s, "TextPositionSelector"))
        .and_then(|s| {
            let at = |k| s.get(k).and_then(Value::as_u64).map(|n| n as usize);
            Some(Position {
                start: at("start")?,
                end: at("end")?,
            })
        })
        .filter(|p| p.start <= p.end)
        .unwrap_or_default();
    let bodies: Vec<&Value> = match item.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let body_of = |purpose: &str| {
        bodies
            .iter()
            .find(|b| b.get("purpose").and_then(Value::as_str) == Some(purpose))
            .and_then(|b| str_of(b, "value"))
            .unwrap_or_default()
    };
    let time = |key: &str| {
        str_of(item, key)
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    let created = time("created").unwrap_or_else(now);
    let author = match item.get("creator") {
        Some(Value::String(name)) => name.clone(),
        Some(c) => str_of(c, "name").unwrap_or_default(),
        None => String::new(),
    };
    Ok(Annotation {
        id: str_of(item, "id")
            .and_then(|iri| id_of_iri(&iri))
            .unwrap_or_default(),
        article,
        quote,
        position,
        tag: body_of("tagging").trim().to_owned(),
        note: body_of("commenting"),
        created,
        modified: time("modified").unwrap_or(created),
        author,
        extra: Default::default(),
    })
}

fn annotation(a: &Annotation, source_of: &dyn Fn(&str) -> String) -> Value {
    let mut body = Vec::new();
    if !a.tag.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": a.tag}));
    }
    if !a.note.is_empty() {
        body.push(
            json!({"type": "TextualBody", "purpose": "commenting", "value": a.note,
            "format": "text/plain"}),
        );
    }
    let mut v = json!({
        "id": annotation_iri(&a.id),
        "type": "Annotation",
        "motivation": if a.note.is_empty() { "tagging" } else { "commenting" },
        "created": a.created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "modified": a.modified.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "body": body,
        "target": {
            "source": source_of(&a.article),
            "selector": [
                {"type": "TextQuoteSelector", "exact": a.quote.exact, "prefix": a.quote.prefix,
                 "suffix": a.quote.suffix},
                {"type": "TextPositionSelector", "start": a.position.start, "end": a.position.end},
            ],
        },
    });
    if !a.author.is_empty() {
        v["creator"] = json!({"type": "Person", "name": a.author});
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_has_context_and_both_selectors() {
        let text = "’🙂 Lazarus stole €72 million";
        let mut a = Annotation::new("art1", text, 17, 28, "amount", "euro figure");
        a.author = "Ana".into();
        let doc = export(&[a.clone()], "corpus", &article_urn);
        assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
        let item = &doc["first"]["items"][0];
        assert_eq!(item["id"], format!("urn:uuid:{}", a.id));
        assert_eq!(item["target"]["source"], "urn:dossier:article:art1");
        let sel = &item["target"]["selector"];
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[0]["exact"], "€72 million");
        assert_eq!(sel[0]["prefix"], "’🙂 Lazarus stole ");
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        assert_eq!(
            (sel[1]["start"].as_u64(), sel[1]["end"].as_u64()),
            (Some(17), Some(28))
        );
        assert_eq!(item["body"][0]["value"], "amount");
        assert_eq!(item["body"][1]["purpose"], "commenting");
        assert_eq!(item["creator"]["name"], "Ana");
    }

    #[test]
    fn export_imports_back_unchanged() {
        let text = "’🙂 Lazarus stole €72 million from a bank";
        let mut a = Annotation::new("art1", text, 17, 28, "amount", "euro figure");
        a.author = "Ana".into();
        let mut b = Annotation::new("art/2", text, 2, 9, "actor", "");
        b.id = AnnotationId::parse("hyp-3f2a9c1d").unwrap();
        let mut c = Annotation::new("art3", text, 0, 3, "", "why?");
        c.id = AnnotationId::parse("https://example.org/anno/7").unwrap();
        let all = vec![a, b, c];
        let doc = export(&all, "corpus", &article_urn);
        assert_eq!(
            doc["first"]["items"][1]["id"],
            "urn:dossier:annotation:hyp-3f2a9c1d"
        );
        let back = import(&doc.to_string(), &|_| None).unwrap();
        assert_eq!(back, all);
    }

    #[test]
    fn import_maps_sources_and_reports_bad_items() {
        let doc = r#"[{"type": "Annotation", "id": "x1",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": " victim "},
            "target": {"source": "https://news.example/a",
                       "selector": {"type": "TextQuoteSelector", "exact": "a bank"}}}]"#;
        let map = |s: &str| (s == "https://news.example/a").then(|| "a7".to_owned());
        let got = import(doc, &map).unwrap();
        assert_eq!(got[0].article, "a7");
        assert_eq!(got[0].id.as_str(), "x1");
        assert_eq!(got[0].tag, "victim");
        assert_eq!(got[0].quote.exact, "a bank");
        let no_quote = r#"{"type": "Annotation", "target": "urn:dossier:article:a"}"#;
        let err = import(no_quote, &|_| None).unwrap_err();
        assert_eq!(err.to_string(), "annotation 1: no TextQuoteSelector");
        assert!(matches!(
            import(r#"{"format": "x"}"#, &|_| None),
            Err(ImportError::NotAnnotations)
        ));
    }
}
