//! Evaluating a query on one article's words: the search before the index is ready, and the
//! highlights of every hit (the index says which articles match, this says where).

use crate::query::fields::Fields;
use crate::query::parse::Expr;
use crate::query::words::{self, Word};

/// A query prepared for matching words: stems computed once.
#[derive(Clone, Debug)]
pub struct Matcher {
    expr: Expr,
    /// The query has bare words, compared by stem.
    stems: bool,
}

impl Matcher {
    pub fn new(expr: &Expr) -> Self {
        Self {
            expr: prepare(expr),
            stems: has_words(expr),
        }
    }

    /// The words of `text` as this query compares them.
    pub fn words(&self, text: &str) -> Vec<Word> {
        words::words_with(text, self.stems)
    }

    /// The character spans that make article `article` match, sorted; `None` when it does not
    /// match (a match with only negative or field clauses has no spans).
    pub fn spans(
        &self,
        article: usize,
        text_words: &[Word],
        fields: &Fields,
    ) -> Option<Vec<(usize, usize)>> {
        let mut spans = eval(&self.expr, article, text_words, fields)?;
        spans.sort_unstable();
        spans.dedup();
        Some(spans)
    }

    /// Spans of the query's positive words in `text` (no field or boolean check).
    pub fn highlights(&self, text: &str) -> Vec<(usize, usize)> {
        let ws = self.words(text);
        let mut spans = Vec::new();
        collect_positive(&self.expr, &ws, &mut spans);
        spans.sort_unstable();
        spans.dedup();
        spans
    }
}

fn has_words(expr: &Expr) -> bool {
    match expr {
        Expr::And(parts) | Expr::Or(parts) => parts.iter().any(has_words),
        Expr::Not(inner) => has_words(inner),
        Expr::Word(_) => true,
        _ => false,
    }
}

/// Bare words become their stems, so each article word is compared, never re-stemmed.
fn prepare(expr: &Expr) -> Expr {
    match expr {
        Expr::And(parts) => Expr::And(parts.iter().map(prepare).collect()),
        Expr::Or(parts) => Expr::Or(parts.iter().map(prepare).collect()),
        Expr::Not(inner) => Expr::Not(Box::new(prepare(inner))),
        Expr::Word(w) => Expr::Word(words::stem(w)),
        other => other.clone(),
    }
}

fn eval(expr: &Expr, article: usize, ws: &[Word], fields: &Fields) -> Option<Vec<(usize, usize)>> {
    match expr {
        Expr::And(parts) => {
            let mut all = Vec::new();
            for p in parts {
                all.extend(eval(p, article, ws, fields)?);
            }
            Some(all)
        }
        Expr::Or(parts) => {
            let mut any = None::<Vec<_>>;
            for p in parts {
                if let Some(s) = eval(p, article, ws, fields) {
                    any.get_or_insert_with(Vec::new).extend(s);
                }
            }
            any
        }
        Expr::Not(inner) => match eval(inner, article, ws, fields) {
            Some(_) => None,
            None => Some(Vec::new()),
        },
        Expr::Field(clause) => fields.matches(article, clause).then(Vec::new),
        leaf => {
            let mut spans = Vec::new();
            leaf_spans(leaf, ws, &mut spans);
            (!spans.is_empty()).then_some(spans)
        }
    }
}

fn collect_positive(expr: &Expr, ws: &[Word], out: &mut Vec<(usize, usize)>) {
    match expr {
        Expr::And(parts) | Expr::Or(parts) => {
            for p in parts {
                collect_positive(p, ws, out);
            }
        }
        Expr::Not(_) | Expr::Field(_) => {}
        leaf => leaf_spans(leaf, ws, out),
    }
}

fn leaf_spans(leaf: &Expr, ws: &[Word], out: &mut Vec<(usize, usize)>) {
    match leaf {
        Expr::Word(stem) => out.extend(ws.iter().filter(|w| &w.stem == stem).map(span)),
        Expr::Exact(word) => out.extend(ws.iter().filter(|w| &w.lower == word).map(span)),
        Expr::Prefix(p) => out.extend(
            ws.iter()
                .filter(|w| w.lower.starts_with(p.as_str()))
                .map(span),
        ),
        Expr::Fuzzy { word, distance } => out.extend(
            ws.iter()
                .filter(|w| edit_distance(&w.lower, word) <= usize::from(*distance))
                .map(span),
        ),
        Expr::Phrase { words, slop } => phrase_spans(words, *slop, ws, out),
        _ => {}
    }
}

fn span(w: &Word) -> (usize, usize) {
    (w.start, w.end)
}

/// Each occurrence of the phrase's words in order, with at most `slop` other words in all between
/// them; the whole run is one span.
fn phrase_spans(phrase: &[String], slop: u32, ws: &[Word], out: &mut Vec<(usize, usize)>) {
    let Some(first) = phrase.first() else { return };
    for (i, w) in ws.iter().enumerate() {
        if &w.lower != first {
            continue;
        }
        let mut budget = slop as usize;
        let mut at = i;
        let mut ok = true;
        for next in &phrase[1..] {
            let window = &ws[at + 1..ws.len().min(at + 2 + budget)];
            match window.iter().position(|w| &w.lower == next) {
                Some(k) => {
                    budget -= k;
                    at += k + 1;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push((w.start, ws[at].end));
        }
    }
}

/// Levenshtein distance with adjacent transpositions costing one (as the index's fuzzy terms).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}
