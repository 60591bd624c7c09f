//! The report as one HTML file that opens anywhere without a network: the styles and the chart
//! (SVG) are inline, and a Content-Security-Policy forbids fetching anything.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};

use super::{Citation, Document};
use crate::export::format_money;

const STYLE: &str = r#"
body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
.filters { background: #f4f6fa; border-left: 4px solid #5a7bd8; padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
ol.sources li, .annotation { margin-bottom: .4rem; }
q { font-style: italic; } cite { font-style: normal; font-weight: 600; }
.annotation blockquote { margin: .2rem 0 .2rem 1rem; padding-left: .6rem; border-left: 3px solid #ccc; }
.note { margin: .2rem 0 .8rem 1rem; } footer { margin-top: 2rem; color: #777; font-size: .85rem; }
"#;

/// `<cite>Title</cite>, 2016-03-01, <a href=…>…</a>` or `<code>file</code>`.
fn cite(c: &Citation) -> String {
    let mut s = format!("<cite>{}</cite>", esc(&c.title));
    if let Some(d) = &c.date {
        let _ = write!(s, ", {}", esc(d));
    }
    if c.is_url {
        let _ = write!(
            s,
            ", <a href=\"{}\">{}</a>",
            attr(&c.location),
            esc(&c.location)
        );
    } else {
        let _ = write!(s, ", file <code>{}</code>", esc(&c.location));
    }
    s
}

/// The SVG element alone (without an XML declaration), to inline in the page.
fn inline_svg(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |i| &svg[i..])
}

pub(super) fn render(doc: &Document<'_>, svg: &str, links_svg: &str) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&doc.title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", esc(&doc.title));
    let _ = writeln!(h, "<p class=\"filters\">{}</p>", esc(&doc.filters_line()));
    let _ = writeln!(
        h,
        "<h2>Corpus</h2>\n<ul>\n<li>Name: {}</li>\n<li>Articles: {}</li>\n<li>Incidents: {}</li>\n</ul>",
        esc(&doc.corpus_name),
        esc(&doc.articles_line()),
        esc(&doc.incidents_line())
    );
    let _ = writeln!(
        h,
        "<h2>Timeline</h2>\n<figure id=\"chart\">\n{}\n<figcaption>Incidents by event date; \
         marker size grows with the number of sources.</figcaption>\n</figure>",
        inline_svg(svg).trim()
    );
    let _ = writeln!(
        h,
        "<h2>Links</h2>\n<figure id=\"links\">\n{}\n<figcaption>Who stole from whom: threat \
         actors, incidents by event date, victims; node size grows with the dollars stolen.\
         </figcaption>\n</figure>",
        inline_svg(links_svg).trim()
    );
    let _ = writeln!(h, "<h2>Incidents</h2>");
    if doc.incidents.is_empty() {
        let _ = writeln!(h, "<p>No incident.</p>");
    } else {
        let _ = writeln!(
            h,
            "<table id=\"incidents\">\n<thead><tr><th>#</th><th>Value</th><th>Kind</th>\
             <th>Event date</th><th>Victim</th><th>Actor</th><th>Sources</th></tr></thead>\n<tbody>"
        );
        for (n, e) in doc.incidents.iter().enumerate() {
            let i = e.incident;
            let _ = writeln!(
                h,
                "<tr><td class=\"num\"><a href=\"#incident-{n1}\">{n1}</a></td><td class=\"num\">{}</td>\
                 <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(&format_money(i.usd, "USD")),
                esc(i.kind.as_str()),
                esc(&i
                    .event_date
                    .map_or_else(|| "undated".to_owned(), |d| d.to_string())),
                esc(i.victim.as_deref().unwrap_or("")),
                esc(i.actor.as_deref().unwrap_or("")),
                i.sources.len(),
                n1 = n + 1,
            );
        }
        let _ = writeln!(h, "</tbody>\n</table>\n<h3>Sources</h3>");
        for (n, e) in doc.incidents.iter().enumerate() {
            let _ = writeln!(
                h,
                "<h4 id=\"incident-{}\">{}. {}</h4>\n<ol class=\"sources\">",
                n + 1,
                n + 1,
                esc(&e.label)
            );
            for c in &e.sources {
                let mark = c.decided.as_deref().map_or_else(String::new, |d| {
                    format!(" <em class=\"decided\">{}</em>", esc(d))
                });
                let _ = writeln!(h, "<li>{}: <q>{}</q>{mark}</li>", cite(c), esc(&c.sentence));
            }
            let _ = writeln!(h, "</ol>");
        }
    }
    let _ = writeln!(h, "<h2>Annotations</h2>");
    if doc.tags.is_empty() {
        let _ = writeln!(h, "<p>No annotation.</p>");
    }
    for group in &doc.tags {
        let _ = writeln!(h, "<h3>{} ({})</h3>", esc(&group.tag), group.notes.len());
        for a in &group.notes {
            let _ = writeln!(
                h,
                "<div class=\"annotation\"><blockquote>{}</blockquote><div>— {}</div>",
                esc(&a.citation.sentence),
                cite(&a.citation)
            );
            if !a.note.is_empty() {
                let _ = writeln!(h, "<p class=\"note\">Note: {}</p>", esc(&a.note));
            }
            let _ = writeln!(h, "</div>");
        }
    }
    let _ = writeln!(
        h,
        "<footer>Written by Dossier {}. Every figure cites the sentence it was read from.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xml_declaration_is_dropped_when_inlined() {
        assert_eq!(inline_svg("<?xml version=\"1.0\"?>\n<svg/>"), "<svg/>");
        assert_eq!(inline_svg("<svg/>"), "<svg/>");
    }
}
