//! Figures and tables as the analyst pastes them into a report: one-line citations, and tables
//! as TSV (what spreadsheets take from the clipboard) and HTML (what word processors take).

use std::fmt::Write as _;

use crate::corpus::Article;
use crate::extract::{Amount, AmountKind, Entity};
use crate::incidents::Incident;

/// Characters of context kept before and after the amount in a figure's passage.
const CONTEXT_BEFORE: usize = 60;
const CONTEXT_AFTER: usize = 80;

/// One figure with its citation: `$81 million stolen from Bangladesh Bank (2016-02), attributed to
/// Lazarus Group — "…passage…" (article id, publication date)`.
pub fn figure_citation(amount: &Amount, article: &Article) -> String {
    let mut out = figure(amount);
    let (verb, preposition) = match amount.kind {
        AmountKind::Stolen => (" stolen", " from"),
        AmountKind::Attempted => (" attempted theft", " from"),
        AmountKind::Cumulative => (" stolen in total", " from"),
        AmountKind::Damage => (" in damage", " to"),
        AmountKind::Other => ("", ","),
    };
    out.push_str(verb);
    if let Some(victim) = amount.victim.as_deref().filter(|v| !v.is_empty()) {
        let _ = write!(out, "{preposition} {victim}");
    }
    if let Some(date) = &amount.event_date {
        if amount.event_date_inferred {
            let _ = write!(out, " (reported {date})");
        } else {
            let _ = write!(out, " ({date})");
        }
    }
    if let Some(actor) = amount.actor.as_deref().filter(|a| !a.is_empty()) {
        let _ = write!(out, ", attributed to {actor}");
    }
    let passage = figure_passage(&article.text, amount.start as usize, amount.end as usize);
    let _ = write!(out, " — \"{passage}\" {}", source(article));
    out
}

/// A passage with its citation: `"passage" (article id, publication date)`.
pub fn passage_citation(article: &Article, start: usize, end: usize) -> String {
    let passage = crate::text::single_spaced(crate::text::slice_chars(&article.text, start, end));
    format!("\"{passage}\" {}", source(article))
}

/// The incidents table as (TSV, HTML).
pub fn incidents_table(incidents: &[Incident]) -> (String, String) {
    let header = [
        "Event date",
        "Kind",
        "Victim",
        "Attributed to",
        "Amount",
        "USD",
        "USD min",
        "USD max",
        "Sources",
        "Articles",
    ];
    let rows = incidents.iter().map(|i| {
        let mut articles: Vec<&str> = i.sources.iter().map(|s| &*s.mention.article).collect();
        articles.dedup();
        vec![
            i.event_date.map(|d| d.to_string()).unwrap_or_default(),
            i.kind.as_str().to_owned(),
            i.victim.clone().unwrap_or_default(),
            i.actor.clone().unwrap_or_default(),
            format_money(i.usd, "USD"),
            plain_number(i.usd),
            plain_number(i.usd_min),
            plain_number(i.usd_max),
            i.sources.len().to_string(),
            articles.join(", "),
        ]
    });
    table(&header, rows)
}

/// The entity list as (TSV, HTML).
pub fn entities_table(entities: &[Entity]) -> (String, String) {
    let header = [
        "Name", "Kind", "Aliases", "Part of", "Mentions", "Articles", "Roles",
    ];
    let rows = entities.iter().map(|e| {
        vec![
            e.name.clone(),
            kind_name(e.kind).to_owned(),
            e.aliases.join("; "),
            e.parent.clone().unwrap_or_default(),
            e.mention_count.to_string(),
            e.article_count.to_string(),
            e.roles.join("; "),
        ]
    });
    table(&header, rows)
}

/// A figure written for people: `$81 million`, `$1.2 billion`, `€72 million`, `$500,000`,
/// `4,000 BTC`.
pub fn format_money(value: f64, currency: &str) -> String {
    let symbol = match currency {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" | "CNY" => Some("¥"),
        "KRW" => Some("₩"),
        "INR" => Some("₹"),
        _ => None,
    };
    let abs = value.abs();
    let number = if abs >= 1e12 {
        format!("{} trillion", decimals(value / 1e12))
    } else if abs >= 1e9 {
        format!("{} billion", decimals(value / 1e9))
    } else if abs >= 1e6 {
        format!("{} million", decimals(value / 1e6))
    } else {
        grouped(value)
    };
    match symbol {
        Some(s) => format!("{s}{number}"),
        None => format!("{number} {currency}"),
    }
}

/// The amount's figure, a range when the text gave one.
fn figure(amount: &Amount) -> String {
    match (amount.min, amount.max) {
        (Some(min), Some(max)) if min < max => format!(
            "{}–{}",
            format_money(min, &amount.currency),
            format_money(max, &amount.currency)
        ),
        _ => format_money(amount.value, &amount.currency),
    }
}

/// Up to two decimals, trailing zeros dropped: 81 → "81", 1.25 → "1.25", 1.20 → "1.2".
fn decimals(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Thousands separators and at most two decimals: 500000 → "500,000", 1234.5 → "1,234.5".
fn grouped(x: f64) -> String {
    let s = decimals(x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// A whole number of dollars as a spreadsheet reads it: `81000000`.
fn plain_number(x: f64) -> String {
    format!("{}", x.round() as i64)
}

fn kind_name(kind: crate::extract::EntityKind) -> &'static str {
    use crate::extract::EntityKind::*;
    match kind {
        Person => "person",
        Organization => "organization",
        Location => "location",
        ThreatActor => "threat actor",
        Money => "money",
        Date => "date",
    }
}

/// `(article id, publication date)`, or `(article id)` when the date is unknown.
fn source(article: &Article) -> String {
    match article.published {
        Some(date) => format!("({}, {})", article.id, date.format("%Y-%m-%d")),
        None => format!("({})", article.id),
    }
}

/// The sentence around `start..end` (character offsets), cut at word boundaries to at most
/// [`CONTEXT_BEFORE`] / [`CONTEXT_AFTER`] characters around the span, with "…" where cut, on
/// one line.
pub fn figure_passage(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    // The sentence as the extractor split it (text::sentences), in character offsets.
    let table = crate::text::char_to_byte_table(text);
    let (bs, be) = crate::text::sentence_around(text, table[start], table[end]);
    let (s_start, s_end) = (
        table.partition_point(|&b| b < bs),
        table.partition_point(|&b| b < be),
    );
    let mut from = s_start;
    let mut cut_before = false;
    if start - s_start > CONTEXT_BEFORE {
        from = start - CONTEXT_BEFORE;
        // Move forward to the start of a word.
        while from < start && !chars[from - 1].is_whitespace() {
            from += 1;
        }
        cut_before = true;
    }
    let mut to = s_end;
    let mut cut_after = false;
    if s_end - end > CONTEXT_AFTER {
        to = end + CONTEXT_AFTER;
        // Move back to the end of a word.
        while to > end && !chars[to].is_whitespace() {
            to -= 1;
        }
        cut_after = true;
    }
    let body: String = chars[from..to].iter().collect();
    let body = crate::text::single_spaced(&body);
    let body = body.trim_end_matches([',', ';', ':']);
    format!(
        "{}{}{}",
        if cut_before { "…" } else { "" },
        body,
        if cut_after { "…" } else { "" }
    )
}

/// A TSV cell: tabs and line breaks would split the cell, so they become spaces.
fn tsv_cell(s: &str) -> String {
    s.replace(['\t', '\r', '\n'], " ")
}

/// (TSV, HTML) of a table with a header row.
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> (String, String) {
    let rows: Vec<Vec<String>> = rows.collect();
    let mut tsv = String::new();
    let mut html = String::from("<table>\n<thead>\n<tr>");
    tsv.push_str(
        &header
            .iter()
            .map(|h| tsv_cell(h))
            .collect::<Vec<_>>()
            .join("\t"),
    );
    tsv.push('\n');
    for h in header {
        let _ = write!(html, "<th>{}</th>", html_escape::encode_text(h));
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &rows {
        tsv.push_str(
            &row.iter()
                .map(|c| tsv_cell(c))
                .collect::<Vec<_>>()
                .join("\t"),
        );
        tsv.push('\n');
        html.push_str("<tr>");
        for cell in row {
            let _ = write!(html, "<td>{}</td>", html_escape::encode_text(cell));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    (tsv, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_like_a_report() {
        assert_eq!(format_money(81e6, "USD"), "$81 million");
        assert_eq!(format_money(1.2e9, "USD"), "$1.2 billion");
        assert_eq!(format_money(72e6, "EUR"), "€72 million");
        assert_eq!(format_money(2.5e5, "USD"), "$250,000");
        assert_eq!(format_money(1234.5, "GBP"), "£1,234.5");
        assert_eq!(format_money(4000.0, "BTC"), "4,000 BTC");
        assert_eq!(format_money(-3e6, "USD"), "$-3 million");
    }

    #[test]
    fn sentence_bounds_skip_abbreviations_and_stop_at_line_breaks() {
        let t = "First one. The U.S. Treasury said Mr. Kim took $5 million. Next.\nOther";
        let s = t.find("$5").unwrap();
        let passage = figure_passage(t, s, s + 10);
        assert_eq!(passage, "The U.S. Treasury said Mr. Kim took $5 million.");
        let t2 = "Heading\n$5 million gone\nnext line";
        assert_eq!(figure_passage(t2, 8, 18), "$5 million gone");
    }

    #[test]
    fn tsv_and_html_cells_are_escaped() {
        let (tsv, html) = table(
            &["A", "B"],
            std::iter::once(vec!["x\ty\nz".into(), "<b>&".into()]),
        );
        assert_eq!(tsv, "A\tB\nx y z\t<b>&\n");
        assert!(html.contains("<td>&lt;b&gt;&amp;</td>"));
        assert!(html.contains("<th>A</th><th>B</th>"));
    }
}
