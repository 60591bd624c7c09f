//! `dossier search`: the window's search for scripts — hits of a query (the query language of
//! [`dossier::query`]) or the article counts of a watchlist, over a corpus with its decisions.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use dossier::analysis::Analysis;
use dossier::query::{self, Fields, SearchIndex, watchlist};

/// `dossier search PATH QUERY [--json]` or `dossier search PATH --watchlist FILE`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// The corpus: a file or folder (searched recursively).
    path: PathBuf,
    /// The query, e.g. `"central bank" AND swift`, `lazarus -apt38`, `bangl*`, `heist~1`,
    /// `kind:stolen date:[2016 TO 2018]` (see the README).
    #[arg(required_unless_present = "watchlist", conflicts_with = "watchlist")]
    query: Option<String>,
    /// JSON: `{"hits": [{"article", "title", "score", "spans"}…]}` (or the watchlist's rows).
    #[arg(long)]
    json: bool,
    /// Count the articles naming each name of this list (text: one per line; CSV: first column).
    #[arg(long, value_name = "FILE")]
    watchlist: Option<PathBuf>,
    /// Keep the search index in this folder and reuse it while the corpus is unchanged.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
}

pub fn search(args: SearchArgs) -> ExitCode {
    let expr = match args.query.as_deref().map(query::parse) {
        Some(Err(e)) => {
            eprintln!("dossier: query not understood: {e}");
            return ExitCode::from(2);
        }
        Some(Ok(None)) => {
            eprintln!("dossier: the query is empty");
            return ExitCode::from(2);
        }
        Some(Ok(Some(expr))) => Some(expr),
        None => None,
    };
    let names = match args.watchlist.as_deref().map(watchlist::load) {
        Some(Err(e)) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
        Some(Ok(names)) => names,
        None => Vec::new(),
    };
    let paths = [args.path];
    let decisions = match super::decide::load_for(&paths, None) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let mut analysis = Analysis::load(&paths, &|_| {}, &AtomicBool::new(false));
    super::decide::warn_orphans(&dossier::decisions::replay(&mut analysis, &decisions));
    for e in &analysis.corpus.errors {
        eprintln!("dossier: {}: {}", e.path.display(), e.message);
    }
    if analysis.corpus.articles.is_empty() {
        eprintln!("dossier: no article could be loaded");
        return ExitCode::from(1);
    }
    let index = match SearchIndex::open_or_build(args.index.as_deref(), &analysis.corpus.articles) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("dossier: cannot build the search index: {e}");
            return ExitCode::from(1);
        }
    };
    let fields = Fields::of(&analysis);
    let articles = &analysis.corpus.articles;
    let printed = match expr {
        Some(expr) => query::search(&analysis, &fields, Some(&index), &expr).map(|hits| {
            if args.json {
                let hits: Vec<_> = hits
                    .iter()
                    .map(|h| {
                        serde_json::json!({
                            "article": articles[h.article].id,
                            "title": articles[h.article].title,
                            "score": h.score,
                            "spans": h.spans,
                        })
                    })
                    .collect();
                serde_json::json!({ "hits": hits }).to_string()
            } else {
                let mut out = String::new();
                for h in &hits {
                    let a = &articles[h.article];
                    out.push_str(&format!(
                        "{:.3}\t{}\t{}\t{} hits\n",
                        h.score,
                        a.id,
                        a.title,
                        h.spans.len()
                    ));
                }
                out.push_str(&format!("{} articles\n", hits.len()));
                out
            }
        }),
        None => query::watch(&analysis, &fields, Some(&index), &names).map(|rows| {
            if args.json {
                let rows: Vec<_> = rows
                    .iter()
                    .map(|r| {
                        let ids: Vec<&str> = r
                            .articles
                            .iter()
                            .map(|&i| articles[i].id.as_str())
                            .collect();
                        serde_json::json!({"name": r.name, "count": ids.len(), "articles": ids})
                    })
                    .collect();
                serde_json::json!({ "watchlist": rows }).to_string()
            } else {
                watchlist::tsv(&rows)
            }
        }),
    };
    match printed {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(1)
        }
    }
}
