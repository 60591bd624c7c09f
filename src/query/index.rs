//! The search index (tantivy): every article's text twice, stemmed (bare words match their
//! inflections) and lowercased only (quoted words, phrases, prefixes, fuzzy words), with BM25
//! ranking. Field clauses are not indexed: they are answered from the current analysis and handed
//! to tantivy as a set of article numbers, so a decision changes them at once.

use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use crate::corpus::Article;
use crate::query::fields::Fields;
use crate::query::parse::Expr;
use crate::query::words;

/// The fingerprint file kept beside a persisted index: which corpus it was built from.
const FINGERPRINT: &str = "dossier-corpus.fingerprint";

/// An index over one corpus's articles (article `i` is the `i`-th article given to build it).
pub struct SearchIndex {
    reader: IndexReader,
    ord: Field,
    stemmed: Field,
    exact: Field,
    articles: usize,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} articles)", self.articles)
    }
}

fn schema() -> (Schema, Field, Field, Field) {
    let mut b = Schema::builder();
    let ord = b.add_u64_field("ord", INDEXED | FAST);
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let stemmed = b.add_text_field("stemmed", text(words::STEMMED));
    let exact = b.add_text_field("exact", text(words::EXACT));
    (b.build(), ord, stemmed, exact)
}

/// A cheap identity of a corpus: its articles' ids and text lengths, in order.
fn fingerprint(articles: &[Article]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for a in articles {
        a.id.hash(&mut h);
        a.title.hash(&mut h);
        a.text.len().hash(&mut h);
    }
    format!("{} articles, {:016x}", articles.len(), h.finish())
}

impl SearchIndex {
    /// Builds the index in memory.
    pub fn build(articles: &[Article]) -> tantivy::Result<Self> {
        Self::open_or_build(None, articles)
    }

    /// The index kept in `dir`, a folder Dossier owns (the result cache's folder of the corpus):
    /// reopened when it was built from these articles, else built there. An index there that
    /// cannot be opened (truncated, another version, locked by another window) is never trusted:
    /// the folder is emptied and the index built again, and if that fails too it is built in
    /// memory. The second value says what went wrong, for the status bar.
    pub fn kept_in(dir: &Path, articles: &[Article]) -> tantivy::Result<(Self, Option<String>)> {
        match Self::open_or_build(Some(dir), articles) {
            Ok(index) => Ok((index, None)),
            Err(first) => {
                let _ = std::fs::remove_dir_all(dir);
                match Self::open_or_build(Some(dir), articles) {
                    Ok(index) => Ok((
                        index,
                        Some(format!("kept index refused ({first}); rebuilt")),
                    )),
                    Err(second) => Ok((
                        Self::build(articles)?,
                        Some(format!("index not kept in {} ({second})", dir.display())),
                    )),
                }
            }
        }
    }

    /// With `dir`, reopens the index kept there when it was built from these articles, else
    /// builds it there; without, builds it in memory.
    pub fn open_or_build(dir: Option<&Path>, articles: &[Article]) -> tantivy::Result<Self> {
        let (schema, ord, stemmed, exact) = schema();
        let print = fingerprint(articles);
        let index = match dir {
            Some(dir) => {
                let kept = std::fs::read_to_string(dir.join(FINGERPRINT)).ok();
                if kept.as_deref() == Some(print.as_str()) {
                    let index = Index::open_in_dir(dir)?;
                    return Self::from_index(index, ord, stemmed, exact, articles.len());
                }
                // A stale index of ours is rebuilt; any other folder with files is left alone.
                if kept.is_some() {
                    std::fs::remove_dir_all(dir)?;
                } else if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
                    return Err(tantivy::TantivyError::InvalidArgument(format!(
                        "{} is not empty and holds no Dossier index",
                        dir.display()
                    )));
                }
                std::fs::create_dir_all(dir)?;
                Index::create_in_dir(dir, schema)?
            }
            None => Index::create_in_ram(schema),
        };
        register(&index);
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().min(4))
            .unwrap_or(1);
        let mut writer =
            index.writer_with_num_threads::<TantivyDocument>(threads, 60_000_000 * threads)?;
        for (i, a) in articles.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_u64(ord, i as u64);
            // The text only, as the reader shows it (titles are the `title:` field).
            doc.add_text(stemmed, &a.text);
            doc.add_text(exact, &a.text);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        drop(writer);
        if let Some(dir) = dir {
            std::fs::write(dir.join(FINGERPRINT), &print)?;
        }
        Self::from_index(index, ord, stemmed, exact, articles.len())
    }

    fn from_index(
        index: Index,
        ord: Field,
        stemmed: Field,
        exact: Field,
        articles: usize,
    ) -> tantivy::Result<Self> {
        register(&index);
        let reader = index.reader()?;
        Ok(Self {
            reader,
            ord,
            stemmed,
            exact,
            articles,
        })
    }

    /// How many articles it indexes.
    pub fn len(&self) -> usize {
        self.articles
    }

    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// The articles matching `expr` with their BM25 score, best first (ties in corpus order).
    pub fn search(&self, expr: &Expr, fields: &Fields) -> tantivy::Result<Vec<(usize, f32)>> {
        let query = self.query(expr, fields);
        let searcher = self.reader.searcher();
        let limit = self.articles.max(1);
        let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut out = Vec::with_capacity(top.len());
        let mut columns = Vec::new();
        for reader in searcher.segment_readers() {
            columns.push(reader.fast_fields().u64("ord")?);
        }
        for (score, addr) in top {
            if let Some(ord) = columns
                .get(addr.segment_ord as usize)
                .and_then(|c| c.first(addr.doc_id))
            {
                out.push((ord as usize, score));
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    fn query(&self, expr: &Expr, fields: &Fields) -> Box<dyn Query> {
        match expr {
            Expr::And(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = parts
                    .iter()
                    .map(|p| match p {
                        Expr::Not(inner) => (Occur::MustNot, self.query(inner, fields)),
                        other => (Occur::Must, self.query(other, fields)),
                    })
                    .collect();
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Expr::Or(parts) => Box::new(BooleanQuery::new(
                parts
                    .iter()
                    .map(|p| (Occur::Should, self.query(p, fields)))
                    .collect(),
            )),
            Expr::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, self.query(inner, fields)),
            ])),
            Expr::Word(w) => self.term(self.stemmed, &words::stem(w)),
            Expr::Exact(w) => self.term(self.exact, w),
            Expr::Phrase { words, slop } => {
                let terms: Vec<Term> = words
                    .iter()
                    .map(|w| Term::from_field_text(self.exact, w))
                    .collect();
                if terms.len() == 1 {
                    return self.term(self.exact, &words[0]);
                }
                let mut q = PhraseQuery::new(terms);
                q.set_slop(*slop);
                Box::new(q)
            }
            Expr::Prefix(p) => Box::new(FuzzyTermQuery::new_prefix(
                Term::from_field_text(self.exact, p),
                0,
                false,
            )),
            Expr::Fuzzy { word, distance } => Box::new(FuzzyTermQuery::new(
                Term::from_field_text(self.exact, word),
                *distance,
                true,
            )),
            Expr::Field(clause) => {
                let ords = fields.matching(clause);
                if ords.is_empty() {
                    return Box::new(EmptyQuery);
                }
                let terms = ords
                    .into_iter()
                    .map(|i| Term::from_field_u64(self.ord, i as u64));
                Box::new(ConstScoreQuery::new(
                    Box::new(TermSetQuery::new(terms)),
                    1.0,
                ))
            }
        }
    }

    fn term(&self, field: Field, text: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        ))
    }
}

fn register(index: &Index) {
    index
        .tokenizers()
        .register(words::STEMMED, words::stemmed_analyzer());
    index
        .tokenizers()
        .register(words::EXACT, words::exact_analyzer());
}
