//! Extraction as a stream: `dossier extract --jsonl` turns JSON Lines articles into one result
//! record per article as they arrive, in constant memory, so a corpus of millions of articles
//! can be processed in shards (one process per shard, on one machine or on a cluster);
//! `dossier merge` reads such record files back and builds the incidents and the same report as
//! `dossier extract` without extracting again.

use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{self, LoadError};
use crate::extract::dates::DateMention;
use crate::extract::{self, Amount, ArticleExtraction, EntityMention, Extraction, Gatherer};
use crate::incidents::{self, Incident};
use crate::report::{ArticleSummary, Report};

/// Articles extracted together: enough to keep every core busy, few enough that memory stays
/// a few megabytes whatever the length of the stream.
const CHUNK: usize = 512;

/// A record longer than the loader's record limit (`DOSSIER_MAX_RECORD_MB`) is refused with one
/// error record, as the loader refuses such a line of a `.jsonl` file.
fn max_record_bytes() -> u64 {
    corpus::Limits::from_env().max_record_bytes
}

/// What `dossier extract --jsonl` writes for one article: what the report says of it and what
/// was found in it, everything `dossier merge` needs.
#[derive(Debug, Serialize, Deserialize)]
pub struct ArticleRecord<'a> {
    pub article: ArticleSummary<'a>,
    pub entities: Vec<EntityMention>,
    pub dates: Vec<DateMention>,
    pub amounts: Vec<Amount>,
}

/// What `dossier extract --jsonl` writes for an input line it could not read.
#[derive(Debug, Serialize, Deserialize)]
pub struct ErrorRecord {
    pub error: LoadError,
}

/// Counts of what a stream held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamCounts {
    pub articles: usize,
    pub errors: usize,
}

/// One input line: its number and its bytes, or why it was refused.
type Line = (usize, Result<String, String>);

/// Reads JSON Lines articles from `input` (named `path` in ids and errors) and writes one record
/// per non-blank line to `out`, in input order: an [`ArticleRecord`] or an [`ErrorRecord`].
/// Lines are read on a thread of their own and extracted in parallel chunks; each chunk is
/// written and flushed as soon as it is done, so a consumer sees records while input still
/// arrives.
pub fn extract_jsonl(
    input: impl BufRead + Send,
    path: &Path,
    mut out: impl Write,
) -> io::Result<StreamCounts> {
    let (tx, rx) = mpsc::sync_channel::<Line>(2 * CHUNK);
    let mut counts = StreamCounts::default();
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_lines(input, &tx));
        let mut result = Ok(());
        while let Ok(first) = rx.recv() {
            let mut chunk = vec![first];
            while chunk.len() < CHUNK {
                match rx.try_recv() {
                    Ok(line) => chunk.push(line),
                    Err(_) => break,
                }
            }
            let records: Vec<(Vec<u8>, bool)> = chunk
                .into_par_iter()
                .filter_map(|line| record(line, path))
                .collect();
            let written: io::Result<()> = records.iter().try_for_each(|(bytes, article)| {
                if *article {
                    counts.articles += 1;
                } else {
                    counts.errors += 1;
                }
                out.write_all(bytes)
            });
            if let Err(e) = written.and_then(|()| out.flush()) {
                result = Err(e);
                break;
            }
        }
        // Dropping the receiver makes a reader blocked on a full channel stop.
        drop(rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reading thread failed")));
        result.and(read)
    })?;
    Ok(counts)
}

/// Sends every line of `input` (numbered from 1) until the input ends or the receiver is gone.
fn read_lines(mut input: impl BufRead, tx: &mpsc::SyncSender<Line>) -> io::Result<()> {
    let mut buf = Vec::new();
    for number in 1.. {
        buf.clear();
        let n = Read::take(&mut input, max_record_bytes() + 1).read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        let line = if buf.last() != Some(&b'\n') && n as u64 > max_record_bytes() {
            skip_line(&mut input)?;
            Err(format!(
                "line {number}: record too large (the limit is {} MiB)",
                max_record_bytes() / (1024 * 1024)
            ))
        } else {
            let bytes = std::mem::take(&mut buf);
            let bytes = match (number, bytes.strip_prefix(b"\xEF\xBB\xBF")) {
                (1, Some(rest)) => rest.to_vec(),
                _ => bytes,
            };
            String::from_utf8(bytes).map_err(|_| format!("line {number}: not UTF-8"))
        };
        if tx.send((number, line)).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

/// Consumes the rest of the current line.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok(());
        }
        if let Some(at) = available.iter().position(|&b| b == b'\n') {
            input.consume(at + 1);
            return Ok(());
        }
        let all = available.len();
        input.consume(all);
    }
}

/// The output record of one input line (with a newline), and whether it is an article; `None`
/// for a blank line.
fn record((number, line): Line, path: &Path) -> Option<(Vec<u8>, bool)> {
    let article = line
        .map_err(|message| LoadError {
            path: path.to_owned(),
            message,
        })
        .and_then(|line| corpus::jsonl_record(&line, path, number));
    let mut bytes = Vec::new();
    let written = match article {
        Ok(None) => return None,
        Ok(Some(article)) => {
            let ex = extract::extract_article(&article);
            let record = ArticleRecord {
                article: ArticleSummary::of(&article),
                entities: ex.entities,
                dates: ex.dates,
                amounts: ex.amounts,
            };
            serde_json::to_writer(&mut bytes, &record).map(|()| true)
        }
        Err(error) => serde_json::to_writer(&mut bytes, &ErrorRecord { error }).map(|()| false),
    };
    // Serialising owned strings and numbers cannot fail; should it, the line is an error.
    let is_article = written.unwrap_or_else(|e| {
        bytes.clear();
        let error = LoadError {
            path: path.to_owned(),
            message: format!("line {number}: cannot write its record: {e}"),
        };
        let _ = serde_json::to_writer(&mut bytes, &ErrorRecord { error });
        false
    });
    bytes.push(b'\n');
    Some((bytes, is_article))
}

/// Either kind of record, as `dossier merge` reads it.
#[derive(Deserialize)]
#[serde(untagged)]
enum Record {
    Article(Box<ArticleRecord<'static>>),
    Error(ErrorRecord),
}

/// Record files gathered back: what the report needs.
#[derive(Debug, Default)]
pub struct Merged {
    pub articles: Vec<ArticleSummary<'static>>,
    pub extraction: Extraction,
    pub incidents: Vec<Incident>,
    /// The error records, then lines that were not records and unreadable files.
    pub errors: Vec<LoadError>,
}

impl Merged {
    /// The report `dossier extract --json` prints for the same articles.
    pub fn report(&self) -> Report<'_> {
        Report {
            articles: self.articles.clone(),
            entities: &self.extraction.entities,
            amounts: &self.extraction.amounts,
            incidents: &self.incidents,
            errors: &self.errors,
        }
    }
}

/// Reads the record files `paths` in order (`-` is standard input), gathers the entities and
/// merges the incidents. Per-article mentions are gathered as each line is read, so memory holds
/// the corpus's entities and amounts, never all records at once.
pub fn merge(paths: &[PathBuf]) -> Merged {
    let mut gatherer = Gatherer::default();
    let mut merged = Merged::default();
    let mut seen = std::collections::HashSet::new();
    let mut record_errors = Vec::new();
    let mut other_errors = Vec::new();
    for path in paths {
        let fail = |message: String| LoadError {
            path: path.clone(),
            message,
        };
        let input: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    other_errors.push(fail(format!("cannot read: {e}")));
                    continue;
                }
            }
        };
        for (index, line) in input.lines().enumerate() {
            let number = index + 1;
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    other_errors.push(fail(format!("line {number}: cannot read: {e}")));
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Record>(&line) {
                Ok(Record::Article(r)) => {
                    let r = *r;
                    if !seen.insert(r.article.id.to_string()) {
                        other_errors.push(fail(format!(
                            "line {number}: article id {} was already read; skipped",
                            r.article.id
                        )));
                        continue;
                    }
                    let ex = ArticleExtraction {
                        entities: r.entities,
                        dates: r.dates,
                        amounts: r.amounts,
                    };
                    gatherer.add(&r.article.id, ex);
                    merged.articles.push(r.article);
                }
                Ok(Record::Error(e)) => record_errors.push(e.error),
                Err(_) => other_errors.push(fail(format!(
                    "line {number}: not a record of `dossier extract --jsonl`"
                ))),
            }
        }
    }
    merged.extraction = gatherer.finish();
    merged.incidents = incidents::merge(&merged.extraction.amounts);
    record_errors.extend(other_errors);
    merged.errors = record_errors;
    merged
}
