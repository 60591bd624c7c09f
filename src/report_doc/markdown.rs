//! The report as Markdown (CommonMark with a GFM table), for notes, tickets and wikis.

use std::fmt::Write as _;

use super::{Citation, Document};
use crate::export::format_money;

/// Text that Markdown would read as markup (`*`, `_`, `[`, `|`, `<`…) escaped, on one line.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::single_spaced(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `*Title* (2016-03-01), <https://…>` or `` `file` ``, then the sentence.
fn cite(c: &Citation) -> String {
    let mut s = format!("*{}*", text(&c.title));
    if let Some(d) = &c.date {
        let _ = write!(s, " ({d})");
    }
    if c.is_url {
        let _ = write!(s, ", <{}>", c.location.replace(['<', '>', ' '], ""));
    } else {
        let _ = write!(s, ", file `{}`", c.location.replace('`', "'"));
    }
    s
}

pub(super) fn render(
    doc: &Document<'_>,
    chart_png: Option<&str>,
    links_png: Option<&str>,
) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", text(&doc.title));
    let _ = writeln!(md, "**{}**\n", text(&doc.filters_line()));
    let _ = writeln!(md, "## Corpus\n");
    let _ = writeln!(md, "- Name: {}", text(&doc.corpus_name));
    let _ = writeln!(md, "- Articles: {}", text(&doc.articles_line()));
    let _ = writeln!(md, "- Incidents: {}\n", text(&doc.incidents_line()));
    let _ = writeln!(md, "## Timeline\n");
    match chart_png {
        Some(name) => {
            let _ = writeln!(
                md,
                "![Timeline of the incidents]({})\n",
                name.replace(' ', "%20")
            );
        }
        None => {
            let _ = writeln!(
                md,
                "*(The chart is written beside the report with `--out FILE`.)*\n"
            );
        }
    }
    let _ = writeln!(md, "## Links\n");
    match links_png {
        Some(name) => {
            let _ = writeln!(
                md,
                "![Who stole from whom: threat actors, incidents and victims]({})\n",
                name.replace(' ', "%20")
            );
        }
        None => {
            let _ = writeln!(
                md,
                "*(The link chart is written beside the report with `--out FILE`.)*\n"
            );
        }
    }
    let _ = writeln!(md, "## Incidents\n");
    if doc.incidents.is_empty() {
        let _ = writeln!(md, "No incident.\n");
    } else {
        let _ = writeln!(
            md,
            "| # | Value | Kind | Event date | Victim | Actor | Sources |\n|---:|---:|---|---|---|---|---:|"
        );
        for (n, e) in doc.incidents.iter().enumerate() {
            let i = e.incident;
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} |",
                n + 1,
                text(&format_money(i.usd, "USD")),
                i.kind.as_str(),
                text(
                    &i.event_date
                        .map_or_else(|| "undated".to_owned(), |d| d.to_string())
                ),
                text(i.victim.as_deref().unwrap_or("")),
                text(i.actor.as_deref().unwrap_or("")),
                i.sources.len()
            );
        }
        md.push('\n');
        let _ = writeln!(md, "### Sources\n");
        for (n, e) in doc.incidents.iter().enumerate() {
            let _ = writeln!(md, "#### {}. {}\n", n + 1, text(&e.label));
            for c in &e.sources {
                let _ = write!(md, "- {}: “{}”", cite(c), text(&c.sentence));
                match &c.decided {
                    Some(d) => {
                        let _ = writeln!(md, " — *{}*", text(d));
                    }
                    None => md.push('\n'),
                }
            }
            md.push('\n');
        }
    }
    let _ = writeln!(md, "## Annotations\n");
    if doc.tags.is_empty() {
        let _ = writeln!(md, "No annotation.\n");
    }
    for group in &doc.tags {
        let _ = writeln!(md, "### {} ({})\n", text(&group.tag), group.notes.len());
        for a in &group.notes {
            let _ = writeln!(md, "> {}\n>", text(&a.citation.sentence));
            let _ = writeln!(md, "> — {}\n", cite(&a.citation));
            if !a.note.is_empty() {
                let _ = writeln!(md, "Note: {}\n", text(&a.note));
            }
        }
    }
    let _ = writeln!(
        md,
        "---\n\n*Written by Dossier {}. Every figure cites the sentence it was read from.*",
        env!("CARGO_PKG_VERSION")
    );
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(text("a|b *c*\n[d]"), "a\\|b \\*c\\* \\[d\\]");
    }
}
