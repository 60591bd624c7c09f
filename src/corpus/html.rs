//! HTML articles: the readable text of the page and its metadata.
//!
//! A small tag walker rather than a DOM crate: the loader needs text with paragraph breaks and
//! four metadata values, not a tree, and the HTML5 parsers (html5ever and friends) are heavy.
//! Script, style, head, navigation and other non-content elements are dropped; block elements
//! become paragraph (or line) breaks; entities are decoded with `html-escape`'s full table.
//! Title: `<title>`, else the first `<h1>`. Date: `article:published_time` and its common
//! siblings. Source: `<link rel=canonical>`, else `og:url`.

use html_escape::decode_html_entities;

use super::meta::{derive_title, parse_date};
use super::{Parsed, end_line};

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "nav", "iframe", "object", "canvas",
    "select", "button",
];
/// Elements that start a new paragraph.
const PARAGRAPHS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "figure",
    "figcaption",
    "address",
    "form",
    "fieldset",
    "hr",
    "body",
    "details",
    "summary",
];
/// Elements that start a new line.
const LINES: &[&str] = &["br", "li", "tr", "dt", "dd", "caption"];
/// Elements that belong in `<head>`; any other start tag closes it.
const IN_HEAD: &[&str] = &[
    "head", "html", "title", "meta", "link", "style", "script", "base", "noscript", "template",
];
/// Meta names (or properties) that carry the publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
];

/// Parses an HTML file.
pub fn parse(html: &str) -> Parsed {
    let mut walker = Walker::default();
    walker.walk(html);
    let text = tidy(&walker.out);
    let title = Some(crate::text::single_spaced(&walker.title))
        .filter(|t| !t.is_empty())
        .or_else(|| Some(crate::text::single_spaced(&walker.h1)).filter(|t| !t.is_empty()))
        .or_else(|| Some(derive_title(&text)).filter(|t| !t.is_empty()));
    let published = DATE_METAS
        .iter()
        .find_map(|name| walker.metas.iter().find(|(k, _)| k == name))
        .and_then(|(_, v)| parse_date(v))
        .or_else(|| walker.time.as_deref().and_then(parse_date));
    let source = walker.canonical.clone().or_else(|| {
        walker
            .metas
            .iter()
            .find(|(k, _)| k == "og:url")
            .map(|(_, v)| v.clone())
    });
    Parsed {
        title,
        published,
        source,
        text,
    }
}

#[derive(Default)]
struct Walker {
    out: String,
    /// Open non-content elements; text is dropped while any is open.
    skipping: Vec<String>,
    pre_depth: usize,
    title: String,
    h1: String,
    /// 0: no h1 yet, 1: inside the first h1, 2: done.
    h1_state: u8,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    /// The first `<time datetime>`, a fallback date.
    time: Option<String>,
}

impl Walker {
    fn walk(&mut self, html: &str) {
        let mut i = 0;
        while i < html.len() {
            let Some(lt) = html[i..].find('<').map(|p| p + i) else {
                self.text(&html[i..]);
                break;
            };
            self.text(&html[i..lt]);
            let rest = &html[lt..];
            i = if let Some(comment) = rest.strip_prefix("<!--") {
                comment.find("-->").map_or(html.len(), |e| lt + 4 + e + 3)
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                rest.find('>').map_or(html.len(), |e| lt + e + 1)
            } else if let Some(end) = rest.strip_prefix("</") {
                let name = tag_name(end);
                if name.is_empty() {
                    self.text("</");
                    lt + 2
                } else {
                    self.end_tag(&name);
                    rest.find('>').map_or(html.len(), |e| lt + e + 1)
                }
            } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let name = tag_name(&rest[1..]);
                let (attrs, len) = attributes(&rest[1 + name.len()..]);
                let after = lt + 1 + name.len() + len;
                let self_closing = html[..after].ends_with("/>");
                self.start_tag(&name, &attrs, self_closing, html, after)
            } else {
                self.text("<");
                lt + 1
            };
        }
    }

    /// Handles a start tag ending at byte `after` (`self_closing` when written `<x/>`); returns
    /// where to continue.
    fn start_tag(
        &mut self,
        name: &str,
        attrs: &[(String, String)],
        self_closing: bool,
        html: &str,
        after: usize,
    ) -> usize {
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if !IN_HEAD.contains(&name) {
            // Any other element ends an unclosed head, as in a browser.
            self.skipping.retain(|s| s != "head");
        }
        match name {
            "script" | "style" | "title" => {
                let end =
                    find_ci(&html[after..], &format!("</{name}")).map_or(html.len(), |p| after + p);
                if name == "title" && self.title.is_empty() {
                    self.title = decode_html_entities(&html[after..end]).into_owned();
                }
                return html[end..].find('>').map_or(html.len(), |e| end + e + 1);
            }
            "meta" => {
                let key = attr("property").or(attr("name")).or(attr("itemprop"));
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    self.metas
                        .push((key.to_ascii_lowercase(), content.trim().to_owned()));
                }
            }
            "link" => {
                let canonical = attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && self.canonical.is_none() {
                    self.canonical = attr("href")
                        .map(|h| h.trim().to_owned())
                        .filter(|h| !h.is_empty());
                }
            }
            "time" if self.time.is_none() => self.time = attr("datetime").map(str::to_owned),
            _ => {}
        }
        if SKIPPED.contains(&name) {
            if !self_closing {
                self.skipping.push(name.to_owned());
            }
            return after;
        }
        if !self.skipping.is_empty() {
            return after;
        }
        match name {
            "h1" if self.h1_state == 0 => self.h1_state = 1,
            "pre" => self.pre_depth += 1,
            "td" | "th" => self.out.push('\t'),
            _ => {}
        }
        if PARAGRAPHS.contains(&name) {
            end_line(&mut self.out, 2);
        } else if LINES.contains(&name) {
            end_line(&mut self.out, 1);
        }
        after
    }

    fn end_tag(&mut self, name: &str) {
        if let Some(pos) = self.skipping.iter().rposition(|s| s == name) {
            self.skipping.truncate(pos);
            return;
        }
        if !self.skipping.is_empty() {
            return;
        }
        match name {
            "h1" if self.h1_state == 1 => self.h1_state = 2,
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            _ => {}
        }
        if PARAGRAPHS.contains(&name) {
            end_line(&mut self.out, 2);
        } else if LINES.contains(&name) {
            end_line(&mut self.out, 1);
        }
    }

    /// Adds a text node. Whitespace collapses as a browser shows it; no-break spaces become
    /// plain spaces, since they are layout, not content.
    fn text(&mut self, raw: &str) {
        if raw.is_empty() || !self.skipping.is_empty() {
            return;
        }
        let decoded = decode_html_entities(raw);
        if self.h1_state == 1 {
            self.h1.push_str(&decoded);
        }
        if self.pre_depth > 0 {
            self.out.push_str(&decoded);
            return;
        }
        for (n, word) in decoded.split_whitespace().enumerate() {
            let at_line_start = self.out.is_empty() || self.out.ends_with(['\n', '\t']);
            let space_before = n > 0 || decoded.starts_with(char::is_whitespace);
            if space_before && !at_line_start && !self.out.ends_with(' ') {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
        if decoded.ends_with(char::is_whitespace) && !self.out.ends_with(char::is_whitespace) {
            self.out.push(' ');
        }
    }
}

/// The lowercase tag name at the start of `s`.
fn tag_name(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The attributes of a tag from just after its name, and the length up to and including `>`.
fn attributes(s: &str) -> (Vec<(String, String)>, usize) {
    let bytes = s.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return (attrs, i + 1),
            b if b.is_ascii_whitespace() || b == b'/' => i += 1,
            _ => {
                let start = i;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !b"=>/".contains(&bytes[i])
                {
                    i += 1;
                }
                let name = s[start..i].to_ascii_lowercase();
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let mut value = String::new();
                if i < bytes.len() && bytes[i] == b'=' {
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    let (raw, next) = match bytes.get(i) {
                        Some(&q @ (b'"' | b'\'')) => {
                            let close = s[i + 1..].find(q as char).map_or(s.len(), |p| i + 1 + p);
                            (&s[i + 1..close], (close + 1).min(s.len()))
                        }
                        _ => {
                            let end = s[i..]
                                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                                .map_or(s.len(), |p| i + p);
                            (&s[i..end], end)
                        }
                    };
                    value = decode_html_entities(raw).into_owned();
                    i = next;
                }
                attrs.push((name, value));
            }
        }
    }
    (attrs, s.len())
}

/// Case-insensitive search for an ASCII `needle`.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    haystack
        .as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Trims every line and keeps at most one blank line between paragraphs.
fn tidy(out: &str) -> String {
    let mut text = String::new();
    let mut blank = false;
    for line in out.lines().map(str::trim) {
        if line.is_empty() {
            blank = !text.is_empty();
            continue;
        }
        if blank {
            text.push('\n');
            blank = false;
        }
        text.push_str(line);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Exchange &amp; bridge hacked | Example News</title>
<meta property="article:published_time" content="2023-11-10T08:00:00+00:00">
<meta property="og:url" content="https://example.org/og">
<link rel="canonical" href="https://example.org/news/hack">
<style>p { color: red; }</style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Exchange hacked</h1>
<p>Hackers stole <b>$100&nbsp;million</b> from the caf&eacute;&#39;s
   wallet&#x2014;officials said.</p>
<!-- an ad -->
<ul><li>First point</li><li>Second point</li></ul>
<p>Line one<br>Line two &lt;3</p>
</article>
</body></html>"#;

    #[test]
    fn readable_text_and_metadata() {
        let p = parse(PAGE);
        assert_eq!(
            p.title.as_deref(),
            Some("Exchange & bridge hacked | Example News")
        );
        assert_eq!(p.published, NaiveDate::from_ymd_opt(2023, 11, 10));
        assert_eq!(p.source.as_deref(), Some("https://example.org/news/hack"));
        assert_eq!(
            p.text,
            "Exchange hacked\n\nHackers stole $100 million from the café's wallet—officials said.\n\n\
             First point\nSecond point\n\nLine one\nLine two <3\n"
        );
    }

    #[test]
    fn h1_and_og_url_are_fallbacks() {
        let p = parse(
            "<meta property='og:url' content='https://e.org/x'><h1>Big <i>heist</i></h1><p>Body</p>",
        );
        assert_eq!(p.title.as_deref(), Some("Big heist"));
        assert_eq!(p.source.as_deref(), Some("https://e.org/x"));
        assert_eq!(p.text, "Big heist\n\nBody\n");
    }

    #[test]
    fn self_closed_and_unclosed_non_content_elements_do_not_swallow_the_page() {
        let p = parse("<head><title>T</title><p>Visible <svg class='icon'/>text</p><nav/>More");
        assert_eq!(p.text, "Visible text\n\nMore\n");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<a",
            "<a href='",
            "</",
            "<!--",
            "<p>x</p",
            "a < b > c",
            "<script>",
            "<é>",
        ] {
            let _ = parse(s);
        }
        assert_eq!(parse("a < b and c > d").text, "a < b and c > d\n");
    }
}
