//! Export as W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>): one
//! `AnnotationCollection` whose page lists every annotation with a tagging and a commenting
//! `TextualBody` and a target selected by `TextQuoteSelector` and `TextPositionSelector`. The
//! position selector counts Unicode code points, as Dossier's offsets do.

use serde_json::{Value, json};

use super::model::Annotation;

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
    format!("urn:dossier:article:{article}")
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
        "id": format!("urn:uuid:{}", a.id),
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
}
