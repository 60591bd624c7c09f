//! Multi-article files: JSON Lines, JSON arrays and CSV (or TSV) with a header row.
//!
//! One article per row; fields are found by their common names, case-insensitively. A bad row
//! becomes its own error naming the line (or row) and the other rows still load.
//!
//! JSON Lines and CSV are read as streams, a record at a time, so a file of any size loads
//! within the record limit of [`super::Limits`]; records that are not UTF-8 are decoded in the
//! legacy encoding guessed from the file's first bytes.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::path::Path;
use std::rc::Rc;

use serde_json::Value;

use super::decode;
use super::limits::mib;
use super::meta::{derive_title, parse_date};
use super::{Article, LoadError};

/// The file a stream of records comes from, and how to read its records.
pub struct Source<'a> {
    pub path: &'a Path,
    pub stem: &'a str,
    pub max_record_bytes: u64,
    /// For records that are not UTF-8.
    pub legacy: decode::Legacy,
}

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

/// JSON Lines: one JSON object per non-blank line. A line over the record limit is an error
/// (its bytes are skipped, never held); reading goes on with the next line.
pub fn read_jsonl(reader: impl BufRead, source: &Source) -> Rows {
    let mut rows = Rows::default();
    let path = source.path;
    let result = for_each_line(reader, source.max_record_bytes, |number, line| {
        let place = format!("line {number}");
        let bytes = match line {
            Ok(bytes) => bytes,
            Err(len) => {
                rows.error(
                    path,
                    format!(
                        "{place}: longer than the record limit ({} > {}), not read",
                        mib(len),
                        mib(source.max_record_bytes)
                    ),
                );
                return;
            }
        };
        let bytes = if number == 1 {
            bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
        } else {
            bytes
        };
        let line = decode::record(bytes, &source.legacy);
        if line.trim().is_empty() {
            return;
        }
        match serde_json::from_str::<Value>(&line) {
            Ok(value) => add_json_row(&mut rows, &value, path, source.stem, number, &place),
            Err(e) => rows.error(path, format!("{place}: invalid JSON: {e}")),
        }
    });
    if let Err(e) = result {
        rows.error(path, format!("cannot read: {e}"));
    }
    rows
}

/// Calls `f(line number, line)` for each line of `reader` (without its `\n` or `\r\n`), or
/// `f(number, Err(length))` for a line longer than `max` bytes, whose bytes are skipped.
fn for_each_line(
    mut reader: impl BufRead,
    max: u64,
    mut f: impl FnMut(usize, Result<&[u8], u64>),
) -> io::Result<()> {
    let mut line: Vec<u8> = Vec::new();
    // Length of the current line once it is known to be too long (its bytes are dropped).
    let mut over: u64 = 0;
    let mut number = 1;
    let mut emit = |line: &mut Vec<u8>, over: &mut u64, number: &mut usize| {
        if *over > 0 {
            f(*number, Err(*over));
        } else {
            let end = line.len() - usize::from(line.ends_with(b"\r"));
            f(*number, Ok(&line[..end]));
        }
        line.clear();
        *over = 0;
        *number += 1;
    };
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            if !line.is_empty() || over > 0 {
                emit(&mut line, &mut over, &mut number);
            }
            return Ok(());
        }
        let newline = buf.iter().position(|&b| b == b'\n');
        let chunk = &buf[..newline.unwrap_or(buf.len())];
        if over > 0 {
            over += chunk.len() as u64;
        } else if (line.len() + chunk.len()) as u64 > max {
            over = (line.len() + chunk.len()) as u64;
            line = Vec::new();
        } else {
            line.extend_from_slice(chunk);
        }
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            emit(&mut line, &mut over, &mut number);
        }
    }
}

/// A `.json` file: an array of article objects, one article object, or JSON Lines saved with
/// that extension. Any other JSON (a report, a settings file) is one error, not one per line.
pub fn parse_json(text: &str, source: &Source) -> Rows {
    let (path, stem) = (source.path, source.stem);
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
        Err(_) if text.trim_start().starts_with('{') => return read_jsonl(text.as_bytes(), source),
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
/// header line, so spreadsheet exports from any locale load. A record over the record limit
/// ends the file with an error naming it.
pub fn read_csv(mut reader: impl BufRead, source: &Source) -> Rows {
    let (path, stem) = (source.path, source.stem);
    let mut rows = Rows::default();
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            rows.error(path, format!("cannot read: {e}"));
            return rows;
        }
    };
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let header_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (header_line.iter().filter(|&&b| b == d).count(), d == b','))
        .unwrap_or(b',');
    let record_start = Rc::new(Cell::new(0u64));
    let bounded = Bounded {
        inner: reader,
        read: 0,
        quotes: 0,
        record_start: Rc::clone(&record_start),
        max: source.max_record_bytes,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bounded);
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|h| {
                let h = decode::record(h, &source.legacy);
                h.trim_start_matches('\u{feff}').trim().to_lowercase()
            })
            .collect(),
        Err(e) => {
            rows.error(
                path,
                format!("unreadable CSV header: {}", csv_error(&e, source)),
            );
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
    let mut record = csv::ByteRecord::new();
    // The last record, if it spanned several lines, and whether it became an article.
    let mut last_multiline: Option<(usize, u64, bool)> = None;
    for number in 1.. {
        record_start.set(reader.position().byte());
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => {
                // An odd number of quotes in the file and a last record running over several
                // lines: a quote that never closes swallowed the rest of the file into it.
                if let Some((number, line, was_article)) = last_multiline
                    && !reader.get_ref().quotes.is_multiple_of(2)
                {
                    if was_article {
                        rows.articles.pop();
                    }
                    rows.error(
                        path,
                        format!(
                            "row {number} (line {line}): a quote opened in this row is never \
                             closed, so it runs to the end of the file"
                        ),
                    );
                }
                break;
            }
            Ok(true) => {
                let lines = reader.position().line().saturating_sub(line);
                let before = rows.articles.len();
                let fields: Fields = headers
                    .iter()
                    .cloned()
                    .zip(
                        record
                            .iter()
                            .map(|f| decode::record(f, &source.legacy).into_owned()),
                    )
                    .collect();
                match article_from_fields(&fields, path, stem, number) {
                    Ok(article) => rows.articles.push(article),
                    Err(message) => {
                        rows.error(path, format!("row {number} (line {line}): {message}"))
                    }
                }
                last_multiline =
                    (lines > 1).then_some((number, line, rows.articles.len() > before));
            }
            Err(e) => {
                last_multiline = None;
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                rows.error(
                    path,
                    format!("row {number} (line {line}): {}", csv_error(&e, source)),
                );
                if fatal {
                    break;
                }
            }
        }
    }
    rows
}

/// What is wrong with a CSV record, in words.
fn csv_error(e: &csv::Error, source: &Source) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            len, expected_len, ..
        } => format!("has {len} fields, the header has {expected_len}"),
        csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|i| i.is::<RecordTooLong>()) => {
            format!(
                "longer than the record limit ({}), the rest of the file is not read \
                 (an unbalanced quote?)",
                mib(source.max_record_bytes)
            )
        }
        _ => e.to_string(),
    }
}

/// The error [`Bounded`] stops a CSV reader with.
#[derive(Debug)]
struct RecordTooLong;

impl std::fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("record too long")
    }
}

impl std::error::Error for RecordTooLong {}

/// A reader that fails once the CSV record being read (which starts at `record_start`, kept
/// up to date by the caller) has grown past `max` bytes, so that an unbalanced quote cannot
/// pull a whole file into one field.
struct Bounded<R> {
    inner: R,
    read: u64,
    /// `"` bytes read so far.
    quotes: u64,
    record_start: Rc<Cell<u64>>,
    max: u64,
}

/// Bytes the CSV reader may have buffered beyond the record it is parsing.
const CSV_READ_AHEAD: u64 = 64 * 1024;

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read.saturating_sub(self.record_start.get()) > self.max + CSV_READ_AHEAD {
            return Err(io::Error::other(RecordTooLong));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        self.quotes += buf[..n].iter().filter(|&&b| b == b'"').count() as u64;
        Ok(n)
    }
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

    fn source<'a>(path: &'a str, stem: &'a str) -> Source<'a> {
        Source {
            path: Path::new(path),
            stem,
            max_record_bytes: 1024,
            legacy: decode::Legacy::known(encoding_rs::WINDOWS_1252),
        }
    }

    fn parse_jsonl(text: &str, path: &str, stem: &str) -> Rows {
        read_jsonl(text.as_bytes(), &source(path, stem))
    }

    fn parse_csv(text: &str, path: &str, stem: &str) -> Rows {
        read_csv(text.as_bytes(), &source(path, stem))
    }

    #[test]
    fn long_records_are_errors_without_losing_the_others() {
        let long = "x".repeat(2000);
        let text = format!("{{\"text\": \"a\"}}\n{{\"text\": \"{long}\"}}\n{{\"text\": \"b\"}}");
        let rows = parse_jsonl(&text, "l.jsonl", "l");
        assert_eq!(rows.articles.len(), 2);
        assert!(
            rows.errors[0]
                .message
                .starts_with("line 2: longer than the record limit")
        );
        // An unbalanced quote: the record grows until the limit, then the file stops there.
        let text = format!(
            "title,text\nA,ok\nB,\"never closed {}\nC,lost\n",
            "y".repeat(200_000)
        );
        let rows = parse_csv(&text, "q.csv", "q");
        assert_eq!(rows.articles.len(), 1, "{:?}", rows.errors);
        assert!(
            rows.errors[0].message.contains("record limit"),
            "{:?}",
            rows.errors
        );
        // A quote that never closes at the end of a small file.
        let rows = parse_csv("title,text\nA,ok\nB,\"open\nC,x\n", "u.csv", "u");
        assert_eq!(rows.articles.len(), 1);
        assert!(
            rows.errors[0]
                .message
                .starts_with("row 2 (line 3): a quote"),
            "{:?}",
            rows.errors
        );
        // Latin-1 records decode in the guessed encoding.
        let rows = read_jsonl(&b"{\"text\": \"caf\xe9\"}"[..], &source("c.jsonl", "c"));
        assert_eq!(rows.articles[0].text, "café");
    }

    #[test]
    fn jsonl_bad_line_is_its_own_error() {
        let text = "{\"id\": \"a1\", \"Title\": \"One\", \"body\": \"Text one\", \"published_at\": \"2021-08-19T10:00:00Z\", \"url\": \"https://e.org/1\"}\n\
                    \n\
                    {\"text\": \"Text two\", \"date\": \"8/19/2021\"\n\
                    {\"content\": \"Text three\", \"id\": 7}\n\
                    {\"title\": \"no text\"}\n";
        let rows = parse_jsonl(text, "f.jsonl", "f");
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
        let rows = parse_csv(text, "x.csv", "export");
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
        let rows = parse_csv("title;text\nA;Body a\n", "s.csv", "s");
        assert_eq!(rows.articles.len(), 1);
        assert_eq!(rows.articles[0].text, "Body a");
        let rows = parse_csv("name,value\nx,1\n", "n.csv", "n");
        assert!(rows.articles.is_empty());
        assert!(rows.errors[0].message.contains("no text column"));
    }

    #[test]
    fn json_array() {
        let rows = parse_json(
            "[{\"text\": \"A\"}, 3, {\"body\": \"B\"}]",
            &source("a.json", "a"),
        );
        let ids: Vec<_> = rows.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-3"]);
        assert_eq!(rows.errors[0].message, "item 2: not a JSON object");
        let report = "{\n  \"articles\": [],\n  \"errors\": []\n}\n";
        let rows = parse_json(report, &source("report.json", "report"));
        assert!(rows.articles.is_empty());
        assert_eq!(rows.errors.len(), 1, "{:?}", rows.errors);
        assert!(rows.errors[0].message.starts_with("JSON object: no text"));
        let rows = parse_json(
            "{\"text\": \"A\"}\n{\"text\": \"B\"}\n",
            &source("l.json", "l"),
        );
        assert_eq!(rows.articles.len(), 2);
    }
}
