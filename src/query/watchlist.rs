//! Watchlists: a list of names (a text file, one per line, or a CSV whose first column holds
//! them) searched at once, each as an exact phrase, with the number of articles naming it.

use std::path::Path;

use crate::query::parse::Expr;
use crate::query::words;

/// One name of a watchlist and the articles that name it (corpus order).
#[derive(Clone, Debug, PartialEq)]
pub struct WatchRow {
    pub name: String,
    pub articles: Vec<usize>,
}

/// Reads a watchlist: `.csv`/`.tsv` take the first column (a header `name` is skipped), anything
/// else one name per line; blank lines and `#` comments are skipped. Errors name the file, and
/// the line when a name has nothing to search.
pub fn load(path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{shown}: not UTF-8 text (a watchlist is a text or CSV file)"))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let delimiter = match ext.as_deref() {
        Some("csv") => Some(b','),
        Some("tsv") => Some(b'\t'),
        _ => None,
    };
    let mut names = Vec::new();
    match delimiter {
        Some(d) => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .delimiter(d)
                .flexible(true)
                .from_reader(text.as_bytes());
            for (i, record) in reader.records().enumerate() {
                let record = record.map_err(|e| format!("{shown}: row {}: {e}", i + 1))?;
                let name = record.get(0).unwrap_or("").trim();
                if i == 0 && name.eq_ignore_ascii_case("name") {
                    continue;
                }
                push(&mut names, name, &shown, i + 1)?;
            }
        }
        None => {
            for (i, line) in text.lines().enumerate() {
                push(&mut names, line.trim(), &shown, i + 1)?;
            }
        }
    }
    if names.is_empty() {
        return Err(format!("{shown}: no names in the watchlist"));
    }
    Ok(names)
}

fn push(
    names: &mut Vec<String>,
    name: &str,
    shown: &std::path::Display<'_>,
    line: usize,
) -> Result<(), String> {
    if name.is_empty() || name.starts_with('#') {
        return Ok(());
    }
    if words::lowered(name).is_empty() {
        return Err(format!(
            "{shown}: line {line}: “{name}” has no letters or digits to search"
        ));
    }
    if !names.iter().any(|n| n == name) {
        names.push(name.to_owned());
    }
    Ok(())
}

/// The query a name stands for: its words exactly, in order.
pub fn name_query(name: &str) -> Expr {
    let mut ws = words::lowered(name);
    if ws.len() == 1 {
        Expr::Exact(ws.pop().unwrap_or_default())
    } else {
        Expr::Phrase { words: ws, slop: 0 }
    }
}

/// The search-box text that filters to one name (a quoted phrase).
pub fn name_search(name: &str) -> String {
    format!("\"{}\"", words::lowered(name).join(" "))
}

/// The table as TSV (`name`, `articles`), for the clipboard and `--watchlist`.
pub fn tsv(rows: &[WatchRow]) -> String {
    let mut out = String::from("name\tarticles\n");
    for r in rows {
        out.push_str(&format!(
            "{}\t{}\n",
            r.name.replace(['\t', '\n'], " "),
            r.articles.len()
        ));
    }
    out
}
