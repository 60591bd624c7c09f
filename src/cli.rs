//! Command-line parsing and the headless commands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Parser, Subcommand};

use dossier::extract::Amount;
use dossier::report::{self, Report};
use dossier::{stream, synthetic};

mod decide;
mod documents;
mod open;
mod search;

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "Analyst workbench for cyber-theft news",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to open in the window (default: the last corpus, or the sample corpus).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print what Dossier extracts from a corpus: articles, entities, amounts, incidents, errors.
    Extract {
        /// Files or folders (searched recursively).
        #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
        paths: Vec<PathBuf>,
        /// JSON report (the default).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// The amounts table as CSV.
        #[arg(long, conflicts_with = "jsonl")]
        csv: bool,
        /// Stream: read JSON Lines articles from FILE (default `-`, standard input) and write one
        /// result record per article as it goes, for `dossier merge`.
        #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
        jsonl: Option<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Apply this decisions file instead of the one beside the corpus.
        #[arg(long, conflicts_with = "no_decisions")]
        decisions: Option<PathBuf>,
        /// The machine's extraction alone, without the analyst's decisions.
        #[arg(long)]
        no_decisions: bool,
        /// Extract everything again, neither reading nor writing the result cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Build the report of `dossier extract` from `dossier extract --jsonl` record files (`-` is
    /// standard input), without extracting again.
    Merge {
        #[arg(required = true)]
        records: Vec<PathBuf>,
        /// JSON report (the default).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// The amounts table as CSV.
        #[arg(long)]
        csv: bool,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Apply this decisions file (figures are found by their text: records hold no article
        /// text).
        #[arg(long)]
        decisions: Option<PathBuf>,
    },
    /// Record an analyst's decision about a figure or a name (kept in dossier-decisions.json
    /// beside the corpus and applied by every extraction).
    Decide(decide::DecideArgs),
    /// List a corpus's decisions, each applied or orphaned.
    Decisions {
        /// The corpus folder or file the decisions belong to.
        corpus: PathBuf,
        /// JSON instead of a readable table.
        #[arg(long)]
        json: bool,
        /// Another decisions file than the one beside the corpus.
        #[arg(long)]
        decisions: Option<PathBuf>,
        /// Write the figure and name decisions as training labels into DIR
        /// (`amount-labels.json`, `entity-labels.json`, in the project's label formats).
        #[arg(long, value_name = "DIR", conflicts_with = "json")]
        as_training: Option<PathBuf>,
    },
    /// Write a reproducible synthetic corpus (JSON Lines) for benchmarks.
    #[command(hide = true)]
    GenCorpus {
        /// Number of articles.
        #[arg(long, default_value_t = 100_000)]
        articles: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Articles per file when OUT is a folder (each file stays under the loader's size limit).
        #[arg(long, default_value_t = 10_000)]
        shard: u64,
        /// A folder to fill with `gen-NNNN.jsonl` shards, or `-` for standard output.
        #[arg(long, default_value = "-")]
        out: PathBuf,
    },
    /// List the annotations of a corpus with their anchor status (anchored, moved, orphan).
    Annotations {
        /// The corpus folder or file the annotations belong to.
        path: PathBuf,
        /// JSON instead of a readable table.
        #[arg(long)]
        json: bool,
    },
    /// Write a report for people: the corpus, the incidents with every source cited, the chart,
    /// and the annotations by tag (HTML self-contained; Markdown with the chart as a PNG beside it).
    Report {
        /// Files or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "html")]
        format: ReportFormat,
        /// Write to this file (and, for Markdown, FILE-chart.png beside it) instead of standard
        /// output.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        period: PeriodArgs,
        /// Dollar axis on a log scale.
        #[arg(long)]
        log_scale: bool,
    },
    /// Export the incidents, their actors, victims, sources and annotations for a
    /// threat-intelligence platform: a STIX 2.1 bundle (MISP, OpenCTI).
    Export {
        /// Files or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A STIX 2.1 bundle (the one format for now).
        #[arg(long, required = true)]
        stix: bool,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        period: PeriodArgs,
    },
    /// Search a corpus with the query language, or count the articles naming each name of a
    /// watchlist.
    Search(search::SearchArgs),
    /// Install the desktop entry and icons into the user's XDG data directory.
    InstallDesktop,
    /// Remove what `install-desktop` installed.
    UninstallDesktop,
}

/// `--from`/`--to` of the documents made from a corpus.
#[derive(clap::Args, Debug)]
struct PeriodArgs {
    /// Only incidents with an event date from this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, default_value = "")]
    from: String,
    /// Only incidents with an event date until this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, default_value = "")]
    to: String,
}

/// `dossier report --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ReportFormat {
    Md,
    Html,
}

pub fn run() -> ExitCode {
    attach_parent_console();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Some(Command::Extract {
            jsonl: Some(input),
            out,
            ..
        }) => extract_jsonl(&input, out),
        Some(Command::Extract {
            paths,
            csv,
            out,
            decisions,
            no_decisions,
            no_cache,
            ..
        }) => extract(
            &paths,
            csv,
            out,
            (decisions.as_deref(), no_decisions),
            !no_cache,
        ),
        Some(Command::Merge {
            records,
            csv,
            out,
            decisions,
            ..
        }) => merge(&records, csv, out, decisions.as_deref()),
        Some(Command::Decide(args)) => decide::decide(args),
        Some(Command::Decisions {
            corpus,
            json,
            decisions,
            as_training,
        }) => decide::list(&corpus, json, decisions.as_deref(), as_training.as_deref()),
        Some(Command::GenCorpus {
            articles,
            seed,
            shard,
            out,
        }) => gen_corpus(articles, seed, shard, &out),
        Some(Command::Annotations { path, json }) => annotations(&path, json),
        Some(Command::Report {
            paths,
            format,
            out,
            period,
            log_scale,
        }) => documents::report_doc(&paths, format, out, &period, log_scale),
        Some(Command::Export {
            paths,
            stix: _,
            out,
            period,
        }) => documents::stix_export(&paths, out.as_deref(), &period),
        Some(Command::Search(args)) => search::search(args),
        Some(Command::InstallDesktop) => install_desktop(true),
        Some(Command::UninstallDesktop) => install_desktop(false),
        None => open_window(cli.paths),
    }
}

/// `dossier extract`: the analysis with the decisions (`decisions`: another file, or none at
/// all) applied on top of the machine's (from the result cache when `use_cache`).
fn extract(
    paths: &[PathBuf],
    csv: bool,
    out: Option<PathBuf>,
    decisions: (Option<&Path>, bool),
    use_cache: bool,
) -> ExitCode {
    let applied = match decisions {
        (_, true) => Vec::new(),
        (file, false) => match decide::load_for(paths, file) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dossier: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let mut analysis = open::analyse(paths, use_cache);
    if !applied.is_empty() {
        decide::warn_orphans(&dossier::decisions::replay(&mut analysis, &applied));
    }
    let written = write_report(
        &Report::new(&analysis),
        &analysis.extraction.amounts,
        csv,
        out,
    );
    for e in &analysis.corpus.errors {
        eprintln!("dossier: {}: {}", e.path.display(), e.message);
    }
    if written == ExitCode::SUCCESS && analysis.corpus.articles.is_empty() {
        eprintln!("dossier: no article could be loaded");
        return ExitCode::from(1);
    }
    written
}

/// Writes the JSON report (or the amounts CSV) to `out` or standard output, as it is produced.
fn write_report(report: &Report, amounts: &[Amount], csv: bool, out: Option<PathBuf>) -> ExitCode {
    let (mut sink, name) = match open_out(out.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let written = if csv {
        report::amounts_csv(amounts)
            .map_err(|e| e.to_string())
            .and_then(|t| sink.write_all(t.as_bytes()).map_err(|e| e.to_string()))
    } else {
        // serde_json writes a token at a time; a buffer of a known type keeps each write a
        // copy, not a call through the boxed sink.
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut sink);
        report
            .write_json(&mut buffered)
            .map_err(|e| e.to_string())
            .and_then(|()| buffered.write_all(b"\n").map_err(|e| e.to_string()))
            .and_then(|()| buffered.flush().map_err(|e| e.to_string()))
    };
    match written.and_then(|()| sink.flush().map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: cannot write {name}: {e}");
            ExitCode::from(1)
        }
    }
}

/// A buffered writer to the file `out`, or to standard output; and its name for messages.
fn open_out(out: Option<&Path>) -> Result<(Box<dyn Write>, String), ExitCode> {
    match out {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Ok((
                Box::new(std::io::BufWriter::new(f)),
                path.display().to_string(),
            )),
            Err(e) => {
                eprintln!("dossier: cannot write {}: {e}", path.display());
                Err(ExitCode::from(1))
            }
        },
        None => Ok((
            Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            "the output".to_owned(),
        )),
    }
}

/// `dossier extract --jsonl`: one result record per article of a JSON Lines stream.
fn extract_jsonl(input: &Path, out: Option<PathBuf>) -> ExitCode {
    let (sink, name) = match open_out(out.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let counts = if input.as_os_str() == "-" {
        let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
        stream::extract_jsonl(stdin, Path::new("stdin"), sink)
    } else {
        match std::fs::File::open(input) {
            Ok(f) => stream::extract_jsonl(std::io::BufReader::new(f), input, sink),
            Err(e) => {
                eprintln!("dossier: cannot read {}: {e}", input.display());
                return ExitCode::from(1);
            }
        }
    };
    match counts {
        // A consumer that stops reading (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {name}: {e}");
            ExitCode::from(1)
        }
        Ok(counts) if counts.articles == 0 => {
            eprintln!("dossier: no article could be read");
            ExitCode::from(1)
        }
        Ok(_) => ExitCode::SUCCESS,
    }
}

/// `dossier merge`: the report of `dossier extract` from record files.
fn merge(
    records: &[PathBuf],
    csv: bool,
    out: Option<PathBuf>,
    decisions: Option<&Path>,
) -> ExitCode {
    let applied = match decide::load_for(&[], decisions) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let mut merged = stream::merge(records);
    if !applied.is_empty() {
        let stream::Merged {
            extraction,
            incidents,
            ..
        } = &mut merged;
        let report = dossier::decisions::replay::replay_parts(
            &Default::default(),
            extraction,
            incidents,
            &applied,
        );
        decide::warn_orphans(&report);
    }
    let written = write_report(&merged.report(), &merged.extraction.amounts, csv, out);
    for e in &merged.errors {
        eprintln!("dossier: {}: {}", e.path.display(), e.message);
    }
    if written == ExitCode::SUCCESS && merged.articles.is_empty() {
        eprintln!("dossier: no article record could be read");
        return ExitCode::from(1);
    }
    written
}

/// `dossier gen-corpus`: a synthetic corpus, to standard output or as shards in a folder.
fn gen_corpus(articles: u64, seed: u64, shard: u64, out: &Path) -> ExitCode {
    let result = if out.as_os_str() == "-" {
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        synthetic::write_jsonl(&mut w, seed, 0..articles).and_then(|()| w.flush())
    } else {
        synthetic::write_shards(out, seed, articles, shard)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}

/// `dossier annotations`: the corpus's annotations re-anchored against its current text.
fn annotations(path: &std::path::Path, json: bool) -> ExitCode {
    use dossier::annotations::{AnchorStatus, reanchor, store};
    let cancel = AtomicBool::new(false);
    let corpus = dossier::corpus::load(&[path.to_path_buf()], &|_| {}, &cancel);
    for e in &corpus.errors {
        eprintln!("dossier: {}: {}", e.path.display(), e.message);
    }
    let Some(file) = store::default_path(&[path.to_path_buf()], None) else {
        eprintln!("dossier: no annotation file for {}", path.display());
        return ExitCode::from(1);
    };
    let annotations = match store::read(&file) {
        Ok(Some((f, _))) => f.annotations,
        Ok(None) => Vec::new(),
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let texts: std::collections::HashMap<&str, &str> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let rows: Vec<_> = annotations
        .into_iter()
        .map(|mut a| {
            let text = texts.get(a.article.as_str()).copied();
            let status = reanchor(&mut a, text);
            (a, status)
        })
        .collect();
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(a, status)| {
                let mut v = serde_json::json!({
                    "id": a.id, "article": a.article, "tag": a.tag, "quote": a.quote.exact,
                    "note": a.note, "position": a.position,
                });
                if let (Ok(serde_json::Value::Object(s)), Some(o)) =
                    (serde_json::to_value(status), v.as_object_mut())
                {
                    o.extend(s);
                }
                v
            })
            .collect();
        let doc = serde_json::json!({"file": file, "annotations": items});
        match serde_json::to_string_pretty(&doc) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("dossier: cannot write the listing: {e}");
                return ExitCode::from(1);
            }
        }
        return ExitCode::SUCCESS;
    }
    if rows.is_empty() {
        println!("no annotations in {}", file.display());
        return ExitCode::SUCCESS;
    }
    println!("{} annotation(s) in {}", rows.len(), file.display());
    for (a, status) in &rows {
        let place = match status {
            AnchorStatus::Moved { from, to } if from == to => {
                format!("moved {}-{} (quoted text edited)", to.start, to.end)
            }
            AnchorStatus::Moved { from, to } => {
                format!(
                    "moved {}-{} -> {}-{}",
                    from.start, from.end, to.start, to.end
                )
            }
            AnchorStatus::Anchored => format!("anchored {}-{}", a.position.start, a.position.end),
            AnchorStatus::Orphan => "orphan".to_owned(),
        };
        let mut line = format!(
            "{place}\t{}\t[{}]\t\"{}\"",
            a.article,
            a.tag,
            dossier::text::single_spaced(&a.quote.exact)
        );
        if !a.note.is_empty() {
            line.push_str(&format!("\t{}", dossier::text::single_spaced(&a.note)));
        }
        println!("{line}");
    }
    ExitCode::SUCCESS
}

/// `dossier install-desktop` / `uninstall-desktop`: the menu entry and icons for this user.
fn install_desktop(install: bool) -> ExitCode {
    use dossier::desktop;
    let Some(data_home) = desktop::data_home() else {
        eprintln!(
            "dossier: cannot find the data folder: set XDG_DATA_HOME or HOME to an absolute path"
        );
        return ExitCode::from(1);
    };
    let result = if install {
        desktop::current_exe().and_then(|exe| desktop::install(&data_home, &exe))
    } else {
        desktop::uninstall(&data_home)
    };
    let files = match result {
        Ok(files) => files,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let verb = if install { "installed" } else { "removed" };
    for file in &files {
        println!("{verb} {}", file.display());
    }
    if files.is_empty() {
        println!("nothing to remove under {}", data_home.display());
    }
    for note in desktop::refresh_caches(&data_home) {
        println!("{note}");
    }
    ExitCode::SUCCESS
}

#[cfg(feature = "gui")]
fn open_window(paths: Vec<PathBuf>) -> ExitCode {
    match dossier::ui::run(paths) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: cannot open the window: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_paths: Vec<PathBuf>) -> ExitCode {
    eprintln!("dossier: built without the `gui` feature; use `dossier extract PATH…`");
    ExitCode::from(2)
}

/// On Windows the release binary has no console of its own; reattach to the parent's so that
/// headless commands started from a terminal still print there.
#[cfg(windows)]
fn attach_parent_console() {
    unsafe extern "system" {
        fn AttachConsole(pid: u32) -> i32;
    }
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    // SAFETY: plain Win32 call with no pointers; failure (no parent console) is harmless.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_parent_console() {}
