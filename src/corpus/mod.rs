//! The corpus: articles loaded from files and folders in every format Dossier reads.
//!
//! Formats, chosen by extension: seed-format or plain text (`.txt`, see [`seed`]), Markdown with
//! front matter (`.md`, `.markdown`), HTML (`.html`, `.htm`), JSON Lines (`.jsonl`, `.ndjson`),
//! JSON arrays (`.json`) and CSV/TSV with a header row. Files with another extension are sniffed.
//! Folders are walked as [`walk`] describes (documentation such as `README.TXT` or `SOURCES.md`
//! is skipped). Text encodings are detected by [`decode`]. What a load reads is bounded by
//! [`Limits`]; files that are not regular files (FIFOs, devices, sockets) are reported, not read.
//!
//! Offsets into [`Article::text`] are character offsets (see the crate docs).

mod decode;
mod html;
mod limits;
mod markdown;
mod meta;
mod rows;
mod seed;
mod walk;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use limits::Limits;
use limits::mib;
use walk::FileToLoad;

/// One article of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within the corpus: the file stem, or stem plus row for multi-article files.
    pub id: String,
    /// The file it came from.
    pub path: PathBuf,
    /// Publication date, when the file says it.
    pub published: Option<NaiveDate>,
    pub title: String,
    /// Publisher or URL when known.
    pub source: Option<String>,
    /// The readable text; the seed header line's date is not part of it.
    pub text: String,
}

/// A file (or a row of one) that could not be loaded, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}

/// What a load produced: every good article and every failure, both in a deterministic order.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The paths that were opened.
    pub roots: Vec<PathBuf>,
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
    /// True for the sample compiled into the binary, which has no folder on disk of its own.
    pub embedded: bool,
}

/// Progress of a load, reported as files are read (possibly from several threads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    pub files_done: usize,
    pub files_total: usize,
}

/// What a single-article format found in a file, before the id and fallbacks are applied.
struct Parsed {
    title: Option<String>,
    published: Option<NaiveDate>,
    source: Option<String>,
    text: String,
}

/// What one file gave.
#[derive(Default)]
struct FileResult {
    articles: Vec<Article>,
    errors: Vec<LoadError>,
}

/// Loads files and folders (recursively) into a corpus. Never panics on bad input: every file
/// that cannot be read becomes a [`LoadError`]. Files are read in parallel; `progress` is called
/// (from worker threads) as each completes. `cancel` stops the load early (the corpus then holds
/// what was read so far). The order of articles and errors follows the sorted paths, whatever the
/// threads did. The [`Limits`] are the defaults as the environment overrides them.
pub fn load(
    paths: &[PathBuf],
    progress: &(dyn Fn(LoadProgress) + Sync),
    cancel: &AtomicBool,
) -> Corpus {
    load_with(paths, Limits::from_env(), progress, cancel)
}

/// [`load`] within the given limits.
pub fn load_with(
    paths: &[PathBuf],
    limits: Limits,
    progress: &(dyn Fn(LoadProgress) + Sync),
    cancel: &AtomicBool,
) -> Corpus {
    let (files, mut errors) = walk::files_to_load(paths);
    let files_total = files.len();
    progress(LoadProgress {
        files_done: 0,
        files_total,
    });
    let done = AtomicUsize::new(0);
    let results: Vec<Option<FileResult>> = files
        .par_iter()
        .map(|file| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let result = load_file(file, &limits);
            let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(LoadProgress {
                files_done,
                files_total,
            });
            Some(result)
        })
        .collect();
    let mut articles = Vec::new();
    let mut qualifiers = Vec::new();
    for (file, result) in files.iter().zip(results) {
        let Some(result) = result else { continue };
        let folder = relative_folder(&file.path, &file.root);
        let stem = stem_of(&file.path);
        let stem = stem.as_ref();
        for article in &result.articles {
            // A file's own article is told apart by its folder, a row by its file too.
            qualifiers.push(match (article.id == stem, folder.is_empty()) {
                (true, _) => folder.clone(),
                (false, true) => stem.to_owned(),
                (false, false) => format!("{folder}/{stem}"),
            });
        }
        articles.extend(result.articles);
        errors.extend(result.errors);
    }
    make_ids_unique(&mut articles, &qualifiers);
    Corpus {
        roots: paths.to_vec(),
        articles,
        errors,
        embedded: false,
    }
}

/// One line of a JSON Lines stream (line `number`, from 1) read as [`load`] reads a `.jsonl`
/// file's lines; `Ok(None)` for a blank line. For `dossier extract --jsonl`, which reads records
/// one at a time instead of loading a file.
pub fn jsonl_record(line: &str, path: &Path, number: usize) -> Result<Option<Article>, LoadError> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let place = format!("line {number}");
    let mut rows = rows::Rows::default();
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(value) => rows::add_json_row(&mut rows, &value, path, &stem_of(path), number, &place),
        Err(e) => rows.errors.push(LoadError {
            path: path.to_owned(),
            message: format!("{place}: invalid JSON: {e}"),
        }),
    }
    match (rows.articles.pop(), rows.errors.pop()) {
        (Some(article), _) => Ok(Some(article)),
        (None, Some(error)) => Err(error),
        (None, None) => Ok(None),
    }
}

/// The seed articles compiled into the binary: (file name, contents).
const SEEDS: [(&str, &str); 2] = [
    (
        "000_b300ff2006829ba1.txt",
        include_str!("../../seeds/000_b300ff2006829ba1.txt"),
    ),
    (
        "004_b52b360fd082bb0b.txt",
        include_str!("../../seeds/004_b52b360fd082bb0b.txt"),
    ),
];

/// The embedded sample corpus: the seed articles compiled into the binary, parsed like files in
/// a `seeds` folder.
pub fn sample() -> Corpus {
    let mut corpus = Corpus {
        roots: vec![PathBuf::from("seeds")],
        embedded: true,
        ..Corpus::default()
    };
    for (name, contents) in SEEDS {
        let path = Path::new("seeds").join(name);
        match single_article(seed::parse(contents), &path, &stem_of(&path)) {
            Ok(article) => corpus.articles.push(article),
            Err(message) => corpus.errors.push(LoadError { path, message }),
        }
    }
    corpus
}

/// The formats Dossier reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
    Json,
    Csv,
}

/// The format of a file by its extension, when it is one Dossier knows.
fn format_by_extension(path: &Path) -> Option<Format> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Some(match extension.as_str() {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" => Format::JsonLines,
        "json" => Format::Json,
        "csv" | "tsv" => Format::Csv,
        _ => return None,
    })
}

fn sniff(text: &str) -> Format {
    let start = text.trim_start();
    let head: String = start.chars().take(512).collect::<String>().to_lowercase();
    if start.starts_with('<')
        && ["<html", "<body", "<!doctype html"]
            .iter()
            .any(|t| head.contains(t))
    {
        Format::Html
    } else if start.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(start.lines().next().unwrap_or("")).is_ok()
    {
        Format::JsonLines
    } else if start.starts_with('[') && serde_json::from_str::<serde_json::Value>(start).is_ok() {
        Format::Json
    } else {
        Format::Text
    }
}

/// Reads, decodes and parses one file within `limits`. Every failure becomes an error naming
/// the file.
fn load_file(file: &FileToLoad, limits: &Limits) -> FileResult {
    let path = &file.path;
    let fail = |message: String| FileResult {
        articles: Vec::new(),
        errors: vec![LoadError {
            path: path.clone(),
            message,
        }],
    };
    let size = match std::fs::metadata(path) {
        // Reading a FIFO would wait forever, a device such as /dev/zero never ends.
        Ok(meta) if !meta.is_file() => {
            return fail("not a regular file (a FIFO, device or socket); not read".to_owned());
        }
        Ok(meta) => meta.len(),
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    if let Some(format @ (Format::JsonLines | Format::Csv)) = format_by_extension(path) {
        let rows = File::open(path).and_then(|f| {
            let reader = BufReader::with_capacity(64 * 1024, f);
            stream_rows(reader, path, &stem_of(path), format, limits, size)
        });
        match rows {
            Ok(Some(rows)) => return file_rows(rows, path),
            Ok(None) => {}
            Err(e) => return fail(format!("cannot read: {e}")),
        }
    }
    if size > limits.max_file_bytes {
        return fail(too_large(size, limits));
    }
    match read_at_most(path, limits.max_file_bytes) {
        Ok(Some(bytes)) => parse_file(path, &bytes, limits),
        // It grew while being read.
        Ok(None) => fail(too_large(size, limits)),
        Err(e) => fail(format!("cannot read: {e}")),
    }
}

/// What loading a file named `path` that holds `bytes` gives, without touching the disk: the
/// formats, decoding and limits of [`load`] (ids are not yet made unique across files). For
/// content that does not come from a file (a drop, the clipboard) and for fuzzing.
pub fn parse_bytes(path: &Path, bytes: &[u8], limits: &Limits) -> (Vec<Article>, Vec<LoadError>) {
    let result = parse_file(path, bytes, limits);
    (result.articles, result.errors)
}

fn parse_file(path: &Path, bytes: &[u8], limits: &Limits) -> FileResult {
    let fail = |message: String| FileResult {
        articles: Vec::new(),
        errors: vec![LoadError {
            path: path.to_owned(),
            message,
        }],
    };
    let stem = stem_of(path);
    let by_extension = format_by_extension(path);
    let size = bytes.len() as u64;
    if let Some(format @ (Format::JsonLines | Format::Csv)) = by_extension
        && let Ok(Some(rows)) = stream_rows(bytes, path, &stem, format, limits, size)
    {
        return file_rows(rows, path);
    }
    if size > limits.max_file_bytes {
        return fail(too_large(size, limits));
    }
    let text = match decode::decode(bytes) {
        Ok(text) => text,
        Err(e) => return fail(e.to_string()),
    };
    let source = rows::Source {
        path,
        stem: &stem,
        max_record_bytes: limits.max_record_bytes,
        legacy: decode::Legacy::known(encoding_rs::UTF_8),
    };
    let rows = match by_extension.unwrap_or_else(|| sniff(&text)) {
        Format::Text => return single(seed::parse(&text), path, &stem),
        Format::Markdown => return single(markdown::parse(&text), path, &stem),
        Format::Html => return single(html::parse(&text), path, &stem),
        Format::JsonLines => rows::read_jsonl(text.as_bytes(), &source),
        Format::Json => rows::parse_json(&text, &source),
        Format::Csv => rows::read_csv(text.as_bytes(), &source),
    };
    file_rows(rows, path)
}

fn too_large(size: u64, limits: &Limits) -> String {
    format!(
        "file too large: {} (the limit is {}; see DOSSIER_MAX_FILE_MB)",
        mib(size),
        mib(limits.max_file_bytes)
    )
}

/// The whole file, or `None` when it holds more than `max` bytes.
fn read_at_most(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// A JSON Lines or CSV file read as a stream of records; `None` for a UTF-16 file of a size
/// that can be read whole (it is then decoded first, as other files are).
fn stream_rows(
    mut reader: impl BufRead,
    path: &Path,
    stem: &str,
    format: Format,
    limits: &Limits,
    size: u64,
) -> std::io::Result<Option<rows::Rows>> {
    let head = reader.fill_buf()?;
    if decode::is_utf16(head) && size <= limits.max_file_bytes {
        return Ok(None);
    }
    let refused = if head.is_empty() {
        Some(decode::DecodeError::Empty)
    } else {
        head.contains(&0).then_some(decode::DecodeError::Binary)
    };
    if let Some(why) = refused {
        let mut rows = rows::Rows::default();
        rows.errors.push(LoadError {
            path: path.to_owned(),
            message: why.to_string(),
        });
        return Ok(Some(rows));
    }
    let source = rows::Source {
        path,
        stem,
        max_record_bytes: limits.max_record_bytes,
        legacy: decode::Legacy::from_head(head),
    };
    Ok(Some(match format {
        Format::Csv => rows::read_csv(reader, &source),
        _ => rows::read_jsonl(reader, &source),
    }))
}

/// The result of a multi-article file; one with neither articles nor errors is an error.
fn file_rows(rows: rows::Rows, path: &Path) -> FileResult {
    let mut result = FileResult {
        articles: rows.articles,
        errors: rows.errors,
    };
    if result.articles.is_empty() && result.errors.is_empty() {
        result.errors.push(LoadError {
            path: path.to_owned(),
            message: "no articles in file".to_owned(),
        });
    }
    result
}

fn single(parsed: Parsed, path: &Path, stem: &str) -> FileResult {
    match single_article(parsed, path, stem) {
        Ok(article) => FileResult {
            articles: vec![article],
            errors: Vec::new(),
        },
        Err(message) => FileResult {
            articles: Vec::new(),
            errors: vec![LoadError {
                path: path.to_owned(),
                message,
            }],
        },
    }
}

/// The article of a single-article file; its title falls back to the text, then to the stem.
fn single_article(parsed: Parsed, path: &Path, stem: &str) -> Result<Article, String> {
    if parsed.text.trim().is_empty() {
        return Err("no readable text".to_owned());
    }
    let title = parsed
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| meta::derive_title(&parsed.text));
    Ok(Article {
        id: stem.to_owned(),
        path: path.to_owned(),
        published: parsed.published,
        title: if title.is_empty() {
            stem.to_owned()
        } else {
            title
        },
        source: parsed.source,
        text: parsed.text,
    })
}

/// The file name without its extension; a name that is not UTF-8 is shown with replacement
/// characters rather than dropped.
fn stem_of(path: &Path) -> Cow<'_, str> {
    path.file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or(Cow::Borrowed("article"))
}

/// The folder of `path` relative to `root`, with `/` separators ("" for files directly in it).
fn relative_folder(path: &Path, root: &Path) -> String {
    let parent = path.parent().unwrap_or(Path::new(""));
    let relative = parent.strip_prefix(root).unwrap_or(Path::new(""));
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Makes ids unique while keeping plain ids where they already are: an id that occurs more than
/// once is prefixed with its qualifier (the file's folder, `business/001`; for a row, the file
/// too, `exports/march/42`); whatever still clashes (same folder under two roots, a row id
/// repeated in one file) gets a `#2`, `#3`… suffix in load order.
fn make_ids_unique(articles: &mut [Article], qualifiers: &[String]) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in articles.iter() {
        *counts.entry(a.id.as_str()).or_default() += 1;
    }
    let clashing: HashSet<String> = counts
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(id, _)| id.to_owned())
        .collect();
    if clashing.is_empty() {
        return;
    }
    for (article, qualifier) in articles.iter_mut().zip(qualifiers) {
        if clashing.contains(&article.id) && !qualifier.is_empty() {
            article.id = format!("{qualifier}/{}", article.id);
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let all: HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    for article in articles.iter_mut() {
        if taken.insert(article.id.clone()) {
            continue;
        }
        let unique = (2..)
            .map(|n| format!("{}#{n}", article.id))
            .find(|id| !taken.contains(id) && !all.contains(id))
            .unwrap_or_default();
        taken.insert(unique.clone());
        article.id = unique;
    }
}

/// Ends the current line of `out` (dropping trailing spaces) so that it ends with `newlines`
/// line breaks: 1 starts a new line, 2 a new paragraph. Shared by the markup formats.
fn end_line(out: &mut String, newlines: usize) {
    if out.is_empty() {
        return;
    }
    let trimmed = out.trim_end_matches([' ', '\t']).len();
    out.truncate(trimmed);
    let have = out.len() - out.trim_end_matches('\n').len();
    for _ in have..newlines {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Article {
        Article {
            id: id.to_owned(),
            path: PathBuf::new(),
            published: None,
            title: String::new(),
            source: None,
            text: String::new(),
        }
    }

    #[test]
    fn only_clashing_ids_are_qualified() {
        let mut articles: Vec<_> = ["001", "001", "002", "x", "x"].map(article).into();
        let qualifiers = ["business", "sport", "sport", "", ""].map(String::from);
        make_ids_unique(&mut articles, &qualifiers);
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["business/001", "sport/001", "002", "x", "x#2"]);
    }

    #[test]
    fn sniffing_unknown_extensions() {
        assert_eq!(sniff("<!DOCTYPE html><html><p>x</p>"), Format::Html);
        assert_eq!(
            sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}"),
            Format::JsonLines
        );
        assert_eq!(sniff("[{\"text\": \"a\"}]"), Format::Json);
        assert_eq!(sniff("[Reuters] Hackers stole"), Format::Text);
        assert_eq!(sniff("<3 this article"), Format::Text);
    }
}
