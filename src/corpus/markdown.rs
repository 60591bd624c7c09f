//! Markdown articles: YAML front matter for metadata, the body reduced to readable text.
//!
//! Only the front matter's flat `key: value` lines are read (`title`, `date`, `source` or
//! `url`), which is all an article needs; a full YAML parser would add weight for nothing.
//! The body goes through `pulldown-cmark`: headings, emphasis and list markers disappear, links
//! keep their text, images are dropped, code is kept as text, raw HTML tags are removed.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::meta::{derive_title, parse_date};
use super::{Parsed, end_line};

/// Parses a Markdown file.
pub fn parse(text: &str) -> Parsed {
    let (front, body) = split_front_matter(text);
    let field = |names: &[&str]| {
        names.iter().find_map(|name| {
            front
                .iter()
                .find(|(k, v)| k.eq_ignore_ascii_case(name) && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let (plain, first_heading) = to_plain_text(body);
    let title = field(&["title"])
        .or(first_heading)
        .or_else(|| Some(derive_title(&plain)).filter(|t| !t.is_empty()));
    Parsed {
        title,
        published: field(&["date", "published", "publication_date", "published_at"])
            .and_then(|d| parse_date(&d)),
        source: field(&["source", "url", "link"]),
        text: plain,
    }
}

/// Front matter `key: value` pairs (values unquoted) and the body after it.
fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), text);
    };
    let mut offset = 0;
    let mut pairs = Vec::new();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return (pairs, &rest[offset..]);
        }
        if line.starts_with([' ', '\t', '-', '#']) {
            continue; // nested YAML, list items, comments
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            pairs.push((key.trim().to_owned(), unquote(value.trim()).to_owned()));
        }
    }
    // No closing fence: not front matter after all.
    (Vec::new(), text)
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// The readable text of a Markdown body, and its first heading.
fn to_plain_text(body: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut image_depth = 0usize;
    let mut heading: Option<String> = None;
    let mut in_first_heading = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Heading { .. }) if heading.is_none() => {
                heading = Some(String::new());
                in_first_heading = true;
            }
            Event::Start(Tag::Item) => end_line(&mut out, 1),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::HtmlBlock,
            ) => {
                in_first_heading = false;
                end_line(&mut out, 2);
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => end_line(&mut out, 1),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
                if in_first_heading && let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => end_line(&mut out, 2),
            _ => {}
        }
    }
    let text = out.trim_end().to_owned() + "\n";
    let heading = heading
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty());
    (text, heading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn front_matter_in_both_date_forms() {
        let iso = parse(
            "---\ntitle: \"Bridge drained\"\ndate: 2022-08-02T10:00:00Z\nurl: https://example.org/a\n---\nBody.\n",
        );
        assert_eq!(iso.title.as_deref(), Some("Bridge drained"));
        assert_eq!(iso.published, NaiveDate::from_ymd_opt(2022, 8, 2));
        assert_eq!(iso.source.as_deref(), Some("https://example.org/a"));
        assert_eq!(iso.text, "Body.\n");
        let us = parse("---\ntitle: X\ndate: 8/2/2022\nsource: Example News\n---\nBody.\n");
        assert_eq!(us.published, NaiveDate::from_ymd_opt(2022, 8, 2));
        assert_eq!(us.source.as_deref(), Some("Example News"));
    }

    #[test]
    fn markup_is_stripped() {
        let p = parse(
            "# The *Heist*\n\nHackers stole **$81 million** via [SWIFT](https://swift.com).\n\n\
             ![a chart](chart.png)\n\n- first\n- second\n\n```\nlet x = 1;\n```\n<b>bold</b> end\n",
        );
        assert_eq!(p.title.as_deref(), Some("The Heist"));
        assert_eq!(
            p.text,
            "The Heist\n\nHackers stole $81 million via SWIFT.\n\nfirst\nsecond\n\nlet x = 1;\n\nbold end\n"
        );
    }

    #[test]
    fn tables_become_rows_of_cells() {
        let p = parse("| Exchange | Lost |\n|---|---|\n| Zaif | $59M |\n");
        assert_eq!(p.text, "Exchange\tLost\nZaif\t$59M\n");
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let p = parse("---\ntitle: x\nno closing fence\n");
        assert!(p.text.contains("no closing fence"));
    }
}
