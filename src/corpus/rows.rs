//! Multi-article files: JSON Lines, JSON arrays and CSV (or TSV) with a header row.
//!
//! One article per row; fields are found by their common names, case-insensitively. A bad row
//! becomes its own error naming the line (or row) and the other rows still load.

use std::path::Path;

use serde_json::Value;

use super::meta::{derive_title, parse_date};
use super::{Article, LoadError};

const TEXT: &[&str] = &["text", "body", "content", "article"];
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &["date", "published", "publication_date", "published_at"];
const SOURCE: &[&str] = &["url", "source", "link"];
const ID: &[&str] = &["id"];

/// What a multi-article file gave: its good rows and its bad ones.
#[derive(Default)]
pub struct Rows {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

impl Rows {
    fn error(&mut self, path: &Path, message: String) {
        self.errors.push(LoadError {
            path: path.to_owned(),
            message,
        });
    }
}

/// One row's fields: lowercase name and value.
type Fields = Vec<(String, String)>;

/// JSON Lines: one JSON object per non-blank line.
pub fn parse_jsonl(text: &str, path: &Path, stem: &str) -> Rows {
    let mut rows = Rows::default();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("line {number}");
        match serde_json::from_str::<Value>(line) {
            Ok(value) => add_json_row(&mut rows, &value, path, stem, number, &place),
            Err(e) => rows.error(path, format!("{place}: invalid JSON: {e}")),
        }
    }
    rows
}

/// A `.json` file: an array of article objects, one article object, or JSON Lines saved with
/// that extension. Any other JSON (a report, a settings file) is one error, not one per line.
pub fn parse_json(text: &str, path: &Path, stem: &str) -> Rows {
    let mut rows = Rows::default();
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            for (index, value) in items.iter().enumerate() {
                let place = format!("item {}", index + 1);
                add_json_row(&mut rows, value, path, stem, index + 1, &place);
            }
        }
        Ok(object @ Value::Object(_)) => {
            add_json_row(&mut rows, &object, path, stem, 1, "JSON object");
        }
        Ok(_) => rows.error(path, "JSON file is not a list of articles".to_owned()),
        Err(_) if text.trim_start().starts_with('{') => return parse_jsonl(text, path, stem),
        Err(e) => rows.error(path, format!("invalid JSON: {e}")),
    }
    rows
}

pub(super) fn add_json_row(
    rows: &mut Rows,
    value: &Value,
    path: &Path,
    stem: &str,
    number: usize,
    place: &str,
) {
    let Value::Object(map) = value else {
        rows.error(path, format!("{place}: not a JSON object"));
        return;
    };
    let fields: Fields = map
        .iter()
        .filter_map(|(k, v)| {
            let v = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some((k.to_lowercase(), v))
        })
        .collect();
    match article_from_fields(&fields, path, stem, number) {
        Ok(article) => rows.articles.push(article),
        Err(message) => rows.error(path, format!("{place}: {message}")),
    }
}

/// CSV (or TSV) with a header row. The delimiter is the most frequent of `,` `;` and tab in the
/// header line, so spreadsheet exports from any locale load.
pub fn parse_csv(text: &str, path: &Path, stem: &str) -> Rows {
    let mut rows = Rows::default();
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (header_line.bytes().filter(|&b| b == d).count(), d == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(e) => {
            rows.error(path, format!("unreadable CSV header: {e}"));
            return rows;
        }
    };
    if !headers.iter().any(|h| TEXT.contains(&h.as_str())) {
        rows.error(
            path,
            format!(
                "CSV header has no text column (expected one of: {})",
                TEXT.join(", ")
            ),
        );
        return rows;
    }
    for (index, record) in reader.records().enumerate() {
        let number = index + 1;
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                let fields: Fields = headers
                    .iter()
                    .cloned()
                    .zip(record.iter().map(str::to_owned))
                    .collect();
                match article_from_fields(&fields, path, stem, number) {
                    Ok(article) => rows.articles.push(article),
                    Err(message) => {
                        rows.error(path, format!("row {number} (line {line}): {message}"))
                    }
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        len, expected_len, ..
                    } => {
                        format!("has {len} fields, the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                rows.error(path, format!("row {number} (line {line}): {message}"));
            }
        }
    }
    rows
}

/// Builds the article of one row, or says what is wrong with it.
fn article_from_fields(
    fields: &Fields,
    path: &Path,
    stem: &str,
    number: usize,
) -> Result<Article, String> {
    let get = |names: &[&str]| {
        names.iter().find_map(|name| {
            fields
                .iter()
                .find(|(k, v)| k == name && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_owned())
        })
    };
    let text =
        get(TEXT).ok_or_else(|| format!("no text (expected a field named {})", TEXT.join(", ")))?;
    // An unreadable date costs the date, not the article.
    let published = get(DATE).and_then(|raw| parse_date(&raw));
    let title = get(TITLE).unwrap_or_else(|| derive_title(&text));
    Ok(Article {
        id: get(ID).unwrap_or_else(|| format!("{stem}-{number}")),
        path: path.to_owned(),
        published,
        title,
        source: get(SOURCE),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn jsonl_bad_line_is_its_own_error() {
        let text = "{\"id\": \"a1\", \"Title\": \"One\", \"body\": \"Text one\", \"published_at\": \"2021-08-19T10:00:00Z\", \"url\": \"https://e.org/1\"}\n\
                    \n\
                    {\"text\": \"Text two\", \"date\": \"8/19/2021\"\n\
                    {\"content\": \"Text three\", \"id\": 7}\n\
                    {\"title\": \"no text\"}\n";
        let rows = parse_jsonl(text, Path::new("f.jsonl"), "f");
        let ids: Vec<_> = rows.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "7"]);
        let a = &rows.articles[0];
        assert_eq!(a.title, "One");
        assert_eq!(a.text, "Text one");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2021, 8, 19));
        assert_eq!(a.source.as_deref(), Some("https://e.org/1"));
        assert_eq!(rows.articles[1].title, "Text three");
        assert_eq!(rows.errors.len(), 2);
        assert!(
            rows.errors[0].message.starts_with("line 3: invalid JSON"),
            "{:?}",
            rows.errors
        );
        assert!(
            rows.errors[1].message.starts_with("line 5: no text"),
            "{:?}",
            rows.errors
        );
    }

    #[test]
    fn csv_rows_with_ids_from_stem_and_bad_row_reported() {
        let text = "Headline,Body,Published,Link\n\
                    First,\"Text, with comma\",2020-09-25,https://e.org/a\n\
                    Second,Only two\n\
                    Third,\"Multi\nline\",9/25/2020,\n";
        let rows = parse_csv(text, Path::new("x.csv"), "export");
        let ids: Vec<_> = rows.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["export-1", "export-3"]);
        assert_eq!(rows.articles[0].text, "Text, with comma");
        assert_eq!(rows.articles[1].text, "Multi\nline");
        assert_eq!(
            rows.articles[1].published,
            NaiveDate::from_ymd_opt(2020, 9, 25)
        );
        assert_eq!(rows.articles[1].source, None);
        assert_eq!(rows.errors.len(), 1);
        assert_eq!(
            rows.errors[0].message,
            "row 2 (line 3): has 2 fields, the header has 4"
        );
    }

    #[test]
    fn csv_semicolons_and_missing_text_column() {
        let rows = parse_csv("title;text\nA;Body a\n", Path::new("s.csv"), "s");
        assert_eq!(rows.articles.len(), 1);
        assert_eq!(rows.articles[0].text, "Body a");
        let rows = parse_csv("name,value\nx,1\n", Path::new("n.csv"), "n");
        assert!(rows.articles.is_empty());
        assert!(rows.errors[0].message.contains("no text column"));
    }

    #[test]
    fn json_array() {
        let rows = parse_json(
            "[{\"text\": \"A\"}, 3, {\"body\": \"B\"}]",
            Path::new("a.json"),
            "a",
        );
        let ids: Vec<_> = rows.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-3"]);
        assert_eq!(rows.errors[0].message, "item 2: not a JSON object");
        let report = "{\n  \"articles\": [],\n  \"errors\": []\n}\n";
        let rows = parse_json(report, Path::new("report.json"), "report");
        assert!(rows.articles.is_empty());
        assert_eq!(rows.errors.len(), 1, "{:?}", rows.errors);
        assert!(rows.errors[0].message.starts_with("JSON object: no text"));
        let rows = parse_json(
            "{\"text\": \"A\"}\n{\"text\": \"B\"}\n",
            Path::new("l.json"),
            "l",
        );
        assert_eq!(rows.articles.len(), 2);
    }
}
