//! The query language analysts know from Datashare and Aleph, parsed into an [`Expr`] tree that
//! both the index and the scan evaluate. A query that does not parse is an error that says why,
//! so a typo never silently finds nothing.

use std::fmt;

use crate::extract::AmountKind;
use crate::query::words;

/// A parsed query.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// A bare word: matches its inflections (English stem).
    Word(String),
    /// A quoted single word: matches exactly (lowercased).
    Exact(String),
    /// Quoted words in order, with up to `slop` other words between them (`"a b"~5`).
    Phrase {
        words: Vec<String>,
        slop: u32,
    },
    /// `bang*`: words starting with this (lowercased).
    Prefix(String),
    /// `heist~1`: words within this many edits.
    Fuzzy {
        word: String,
        distance: u8,
    },
    /// A clause on the articles' thefts or title, answered from the current analysis.
    Field(FieldClause),
}

impl Expr {
    /// True when a field clause is anywhere in the query (only then are the fields read).
    pub fn has_fields(&self) -> bool {
        match self {
            Self::And(parts) | Self::Or(parts) => parts.iter().any(Self::has_fields),
            Self::Not(inner) => inner.has_fields(),
            Self::Field(_) => true,
            _ => false,
        }
    }
}

/// `title:`, `actor:`, `victim:`, `kind:` and `date:` clauses.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldClause {
    /// Title words (their stems), all required.
    Title(Vec<String>),
    /// A theft's actor contains these words (lowercased, in order).
    Actor(Vec<String>),
    Victim(Vec<String>),
    Kind(AmountKind),
    /// A theft happened in these years (inclusive).
    Date {
        from: i32,
        to: i32,
    },
}

/// Why a query does not parse, and where (a character offset into the query).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub at: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.at + 1)
    }
}

impl std::error::Error for ParseError {}

const FIELDS: &str = "title, actor, victim, kind, date";

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Open,
    Close,
    Minus,
    And,
    Or,
    Not,
    /// A bare word as typed (may end in `*` or `~N`, may be `field:value`).
    Word(String),
    /// A quoted string and what follows its closing quote (`~5`), as typed.
    Quoted(String, Option<String>),
    /// `[A TO B]` as typed, inside the brackets.
    Range(String),
}

fn err(message: impl Into<String>, at: usize) -> ParseError {
    ParseError {
        message: message.into(),
        at,
    }
}

fn lex(input: &str) -> Result<Vec<(Tok, usize)>, ParseError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let stop = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"');
    while i < chars.len() {
        let c = chars[i];
        let at = i;
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            out.push((Tok::Open, at));
            i += 1;
        } else if c == ')' {
            out.push((Tok::Close, at));
            i += 1;
        } else if c == '-' && chars.get(i + 1).is_some_and(|&n| !n.is_whitespace()) {
            out.push((Tok::Minus, at));
            i += 1;
        } else if c == '"' {
            let close = chars[i + 1..]
                .iter()
                .position(|&c| c == '"')
                .ok_or_else(|| err("the quote opened here is never closed", at))?;
            let text: String = chars[i + 1..i + 1 + close].iter().collect();
            i += close + 2;
            let mut suffix = String::new();
            while i < chars.len() && !stop(chars[i]) {
                suffix.push(chars[i]);
                i += 1;
            }
            out.push((
                Tok::Quoted(text, (!suffix.is_empty()).then_some(suffix)),
                at,
            ));
        } else if c == '[' {
            let close = chars[i..]
                .iter()
                .position(|&c| c == ']')
                .ok_or_else(|| err("the range opened here has no closing ]", at))?;
            out.push((Tok::Range(chars[i + 1..i + close].iter().collect()), at));
            i += close + 1;
        } else {
            let mut word = String::new();
            while i < chars.len() && !stop(chars[i]) {
                word.push(chars[i]);
                i += 1;
                // `date:` followed by a range or `actor:` by a quoted name: the value is its own
                // token, attached by the parser.
                if word.ends_with(':') && chars.get(i).is_some_and(|&n| n == '"' || n == '[') {
                    break;
                }
            }
            let tok = match word.as_str() {
                "AND" | "&&" => Tok::And,
                "OR" | "||" => Tok::Or,
                "NOT" => Tok::Not,
                _ => Tok::Word(word),
            };
            out.push((tok, at));
        }
    }
    Ok(out)
}

/// Parses a query; an empty query is `Ok(None)`.
pub fn parse(input: &str) -> Result<Option<Expr>, ParseError> {
    let toks = lex(input)?;
    if toks.is_empty() {
        return Ok(None);
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end: input.chars().count(),
    };
    let expr = p.or()?;
    if let Some((tok, at)) = p.toks.get(p.pos) {
        let what = if *tok == Tok::Close {
            "this ) has no matching ("
        } else {
            "unexpected text"
        };
        return Err(err(what, *at));
    }
    Ok(Some(expr))
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(_, at)| *at)
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            let at = self.at();
            self.pos += 1;
            if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                return Err(err("OR needs a term on both sides", at));
            }
            parts.push(self.and()?);
        }
        Ok(one_or(parts, Expr::Or))
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                None | Some(Tok::Close | Tok::Or) => break,
                Some(Tok::And) => {
                    let at = self.at();
                    self.pos += 1;
                    if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                        return Err(err("AND needs a term on both sides", at));
                    }
                }
                _ => {}
            }
            parts.push(self.unary()?);
        }
        Ok(one_or(parts, Expr::And))
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        let at = self.at();
        match self.peek() {
            Some(Tok::Not | Tok::Minus) => {
                self.pos += 1;
                if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                    return Err(err("NOT (or -) needs a term after it", at));
                }
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let at = self.at();
        let Some((tok, _)) = self.toks.get(self.pos).cloned() else {
            return Err(err("the query ends where a term was expected", at));
        };
        self.pos += 1;
        match tok {
            Tok::Open => {
                if self.peek() == Some(&Tok::Close) {
                    return Err(err("empty parentheses", at));
                }
                let inner = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(err("this ( is never closed", at));
                }
                self.pos += 1;
                Ok(inner)
            }
            Tok::Close => Err(err("this ) has no matching (", at)),
            Tok::And | Tok::Or => Err(err("AND / OR need a term on both sides", at)),
            Tok::Not | Tok::Minus => Err(err("NOT (or -) needs a term after it", at)),
            Tok::Range(_) => Err(err("a [range] goes after date:", at)),
            Tok::Quoted(text, suffix) => quoted(&text, suffix.as_deref(), at),
            Tok::Word(word) => self.word(&word, at),
        }
    }

    fn word(&mut self, word: &str, at: usize) -> Result<Expr, ParseError> {
        if let Some((name, value)) = word.split_once(':')
            && !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphabetic())
        {
            let value = if value.is_empty() {
                match self.toks.get(self.pos).cloned() {
                    Some((Tok::Quoted(text, None), _)) => {
                        self.pos += 1;
                        Value::Text(text)
                    }
                    Some((Tok::Range(range), _)) => {
                        self.pos += 1;
                        Value::Range(range)
                    }
                    _ => return Err(err(format!("{name}: needs a value after it"), at)),
                }
            } else {
                Value::Text(value.to_owned())
            };
            return field(name, value, at).map(Expr::Field);
        }
        if let Some((stem, distance)) = word.rsplit_once('~') {
            let distance = match distance {
                "" | "1" => 1,
                "2" => 2,
                _ => {
                    return Err(err(
                        format!("fuzzy distance must be 1 or 2, not “{distance}”"),
                        at,
                    ));
                }
            };
            let word = single_word(stem, at)?;
            return Ok(Expr::Fuzzy { word, distance });
        }
        if let Some(prefix) = word.strip_suffix('*') {
            if prefix.contains(['*', '?']) {
                return Err(err("a wildcard may only end a word (bang*)", at));
            }
            let prefix = single_word(prefix, at)
                .map_err(|_| err("a prefix needs letters or digits before *", at))?;
            return Ok(Expr::Prefix(prefix));
        }
        if word.contains(['*', '?']) {
            return Err(err("a wildcard may only end a word (bang*)", at));
        }
        let lowered = words::lowered(word);
        match lowered.len() {
            0 => Err(err(
                format!("“{word}” has no letters or digits to search"),
                at,
            )),
            1 => Ok(Expr::Word(lowered.into_iter().next().unwrap_or_default())),
            // `o'brien`, `e-mail`: the pieces in order, as the index stores them.
            _ => Ok(Expr::Phrase {
                words: lowered,
                slop: 0,
            }),
        }
    }
}

fn one_or(mut parts: Vec<Expr>, join: fn(Vec<Expr>) -> Expr) -> Expr {
    if parts.len() == 1 {
        parts.pop().unwrap_or(Expr::And(Vec::new()))
    } else {
        join(parts)
    }
}

fn single_word(text: &str, at: usize) -> Result<String, ParseError> {
    let mut lowered = words::lowered(text);
    if lowered.len() != 1 {
        return Err(err(
            format!("“{text}” must be one word of letters or digits"),
            at,
        ));
    }
    Ok(lowered.pop().unwrap_or_default())
}

fn quoted(text: &str, suffix: Option<&str>, at: usize) -> Result<Expr, ParseError> {
    let words = words::lowered(text);
    let slop = match suffix {
        None => 0,
        Some(s) => match s.strip_prefix('~').map(str::parse::<u32>) {
            Some(Ok(n)) => n,
            _ => {
                return Err(err(
                    format!("after a quoted phrase only ~N (words apart) may follow, not “{s}”"),
                    at,
                ));
            }
        },
    };
    match words.len() {
        0 => Err(err("the quotes hold no word to search", at)),
        1 if slop == 0 => Ok(Expr::Exact(words.into_iter().next().unwrap_or_default())),
        _ => Ok(Expr::Phrase { words, slop }),
    }
}

enum Value {
    Text(String),
    Range(String),
}

fn field(name: &str, value: Value, at: usize) -> Result<FieldClause, ParseError> {
    let text_words = |v: &Value| match v {
        Value::Text(t) => {
            let w = words::lowered(t);
            if w.is_empty() {
                Err(err(format!("{name}: needs a word after it"), at))
            } else {
                Ok(w)
            }
        }
        Value::Range(_) => Err(err(format!("{name}: takes words, not a [range]"), at)),
    };
    match name.to_ascii_lowercase().as_str() {
        "title" => Ok(FieldClause::Title(
            text_words(&value)?.iter().map(|w| words::stem(w)).collect(),
        )),
        "actor" => Ok(FieldClause::Actor(text_words(&value)?)),
        "victim" => Ok(FieldClause::Victim(text_words(&value)?)),
        "kind" => {
            let Value::Text(t) = &value else {
                return Err(err(
                    "kind: takes one of stolen, attempted, cumulative, damage, other",
                    at,
                ));
            };
            let kind = match t.to_lowercase().as_str() {
                "stolen" => AmountKind::Stolen,
                "attempted" => AmountKind::Attempted,
                "cumulative" => AmountKind::Cumulative,
                "damage" => AmountKind::Damage,
                "other" => AmountKind::Other,
                _ => {
                    return Err(err(
                        format!(
                            "kind:{t} is not a kind; use stolen, attempted, cumulative, damage or other"
                        ),
                        at,
                    ));
                }
            };
            Ok(FieldClause::Kind(kind))
        }
        "date" => {
            let bad = || {
                err(
                    "date: takes a year (date:2016) or a range (date:[2016 TO 2018])",
                    at,
                )
            };
            let year = |s: &str| s.trim().parse::<i32>().map_err(|_| bad());
            let (from, to) = match &value {
                Value::Text(t) => (year(t)?, year(t)?),
                Value::Range(r) => {
                    let (a, b) = r.split_once(" TO ").ok_or_else(bad)?;
                    (year(a)?, year(b)?)
                }
            };
            if from > to {
                return Err(err(
                    format!("date:[{from} TO {to}] ends before it starts"),
                    at,
                ));
            }
            Ok(FieldClause::Date { from, to })
        }
        _ => Err(err(
            format!("{name}: is not a field; the fields are {FIELDS}"),
            at,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(q: &str) -> Expr {
        parse(q).unwrap().unwrap()
    }

    fn e(q: &str) -> String {
        parse(q).unwrap_err().to_string()
    }

    #[test]
    fn each_form_parses_to_its_clause() {
        assert_eq!(p("Bank"), Expr::Word("bank".into()));
        assert_eq!(p("\"Banks\""), Expr::Exact("banks".into()));
        assert_eq!(
            p("\"central bank\"~3"),
            Expr::Phrase {
                words: vec!["central".into(), "bank".into()],
                slop: 3
            }
        );
        assert_eq!(p("bang*"), Expr::Prefix("bang".into()));
        assert_eq!(
            p("heist~2"),
            Expr::Fuzzy {
                word: "heist".into(),
                distance: 2
            }
        );
        assert_eq!(
            p("lazarus -apt38"),
            Expr::And(vec![
                Expr::Word("lazarus".into()),
                Expr::Not(Box::new(Expr::Word("apt38".into())))
            ])
        );
        assert_eq!(
            p("a OR b c"),
            Expr::Or(vec![
                Expr::Word("a".into()),
                Expr::And(vec![Expr::Word("b".into()), Expr::Word("c".into())])
            ])
        );
        assert_eq!(
            p("actor:\"Lazarus Group\" date:[2016 TO 2018] kind:stolen"),
            Expr::And(vec![
                Expr::Field(FieldClause::Actor(vec!["lazarus".into(), "group".into()])),
                Expr::Field(FieldClause::Date {
                    from: 2016,
                    to: 2018
                }),
                Expr::Field(FieldClause::Kind(AmountKind::Stolen)),
            ])
        );
        assert_eq!(parse("   ").unwrap(), None);
    }

    #[test]
    fn malformed_queries_say_why_and_where() {
        assert_eq!(
            e("\"central bank"),
            "the quote opened here is never closed (at character 1)"
        );
        assert_eq!(
            e("(swift OR bank"),
            "this ( is never closed (at character 1)"
        );
        assert_eq!(e("swift)"), "this ) has no matching ( (at character 6)");
        assert_eq!(
            e("swift AND"),
            "AND needs a term on both sides (at character 7)"
        );
        assert_eq!(
            e("OR swift"),
            "AND / OR need a term on both sides (at character 1)"
        );
        assert_eq!(
            e("heist~3"),
            "fuzzy distance must be 1 or 2, not “3” (at character 1)"
        );
        assert_eq!(
            e("*ank"),
            "a wildcard may only end a word (bang*) (at character 1)"
        );
        assert!(e("colour:red").starts_with("colour: is not a field; the fields are title"));
        assert!(e("kind:borrowed").starts_with("kind:borrowed is not a kind"));
        assert!(e("date:[2018 TO 2016]").contains("ends before it starts"));
        assert!(e("date:[2016 2018]").starts_with("date: takes a year"));
        assert!(e("\"a b\"~x").starts_with("after a quoted phrase only ~N"));
        assert!(e("NOT").starts_with("NOT (or -) needs a term after it"));
    }
}
