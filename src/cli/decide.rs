//! `dossier decide` and `dossier decisions`: the analyst's corrections from the command line,
//! kept in the decisions file beside the corpus, and the decisions applied by `extract`/`merge`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Args, Subcommand};

use dossier::analysis::Analysis;
use dossier::decisions::store::{self, DecisionStore};
use dossier::decisions::{Change, Decision, FigureAnchor, FigureEdit, ReplayReport, replay};
use dossier::extract::{AmountKind, EntityKind};
use dossier::partial_date::PartialDate;

/// Which figure: the article and the figure's text as written.
#[derive(Args, Debug)]
pub struct FigureArgs {
    /// The article's id (as `dossier extract` lists it).
    #[arg(long)]
    article: String,
    /// The figure's text as the article writes it ("$75,000").
    #[arg(long)]
    figure: String,
    /// Which occurrence of that text in the article (from 1).
    #[arg(long, default_value_t = 1)]
    occurrence: usize,
}

/// `dossier decide CORPUS …`.
#[derive(Args, Debug)]
pub struct DecideArgs {
    /// The corpus folder or file the decisions belong to.
    corpus: PathBuf,
    #[command(subcommand)]
    action: Action,
    /// Why (kept with the decision).
    #[arg(long, global = true, default_value = "")]
    note: String,
    /// Who decides (default: $USER).
    #[arg(long, global = true)]
    author: Option<String>,
    /// Another decisions file than the one beside the corpus.
    #[arg(long, global = true)]
    decisions: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Action {
    /// Not a theft: the figure leaves the timeline and the incidents.
    Reject(FigureArgs),
    /// Set the figure's kind.
    SetKind {
        #[command(flatten)]
        at: FigureArgs,
        #[arg(long, value_parser = parse_kind)]
        kind: AmountKind,
    },
    /// Set the figure's value and currency.
    SetValue {
        #[command(flatten)]
        at: FigureArgs,
        #[arg(long)]
        value: f64,
        /// ISO 4217 code or crypto ticker.
        #[arg(long, default_value = "USD")]
        currency: String,
    },
    /// Set the figure's event date (YYYY, YYYY-MM or YYYY-MM-DD).
    SetDate {
        #[command(flatten)]
        at: FigureArgs,
        #[arg(long)]
        date: PartialDate,
    },
    /// Set the figure's victim.
    SetVictim {
        #[command(flatten)]
        at: FigureArgs,
        #[arg(long)]
        victim: String,
    },
    /// Set the figure's actor.
    SetActor {
        #[command(flatten)]
        at: FigureArgs,
        #[arg(long)]
        actor: String,
    },
    /// The figure is right as extracted.
    Confirm(FigureArgs),
    /// The incidents holding the two figures are one.
    MergeIncidents {
        #[command(flatten)]
        at: FigureArgs,
        /// The other figure's article.
        #[arg(long)]
        other_article: String,
        /// The other figure's text.
        #[arg(long)]
        other_figure: String,
        #[arg(long, default_value_t = 1)]
        other_occurrence: usize,
    },
    /// The figure reports a theft of its own: out of its incident into a new one.
    SplitSource(FigureArgs),
    /// The incident holding the figure is right as merged.
    ConfirmIncident(FigureArgs),
    /// One entity: OTHER's mentions join NAME and OTHER becomes its alias.
    MergeEntities { name: String, other: String },
    /// Undo a merge: ALIAS's mentions become an entity of their own.
    UnmergeEntity { name: String, alias: String },
    /// Rename an entity (the old name stays as an alias).
    RenameEntity { name: String, to: String },
    /// Change an entity's kind.
    SetEntityKind {
        name: String,
        #[arg(value_parser = parse_entity_kind)]
        kind: EntityKind,
    },
    /// The extractor took something for a name that is not one.
    NotAName { name: String },
}

fn parse_kind(s: &str) -> Result<AmountKind, String> {
    serde_json::from_value(serde_json::Value::from(s))
        .map_err(|_| "expected stolen, attempted, cumulative, damage or other".to_owned())
}

fn parse_entity_kind(s: &str) -> Result<EntityKind, String> {
    serde_json::from_value(serde_json::Value::from(s)).map_err(|_| {
        "expected person, organization, location, threat_actor, money or date".to_owned()
    })
}

/// The decisions file for `corpus`: `explicit`, or the one beside it.
fn decisions_path(corpus: &Path, explicit: Option<&Path>) -> Option<PathBuf> {
    explicit
        .map(Path::to_owned)
        .or_else(|| store::default_path(&[corpus.to_owned()]))
}

/// `dossier decide`: records one decision.
pub fn decide(args: DecideArgs) -> ExitCode {
    let Some(path) = decisions_path(&args.corpus, args.decisions.as_deref()) else {
        eprintln!("dossier: no decisions file for {}", args.corpus.display());
        return ExitCode::from(1);
    };
    let change = match change_of(&args.corpus, args.action) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let author = args
        .author
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_default();
    let decision = Decision::new(change, &args.note, &author);
    let saved = DecisionStore::open(&path, &args.corpus.display().to_string()).and_then(
        |(mut store, mut all)| {
            all.push(decision.clone());
            store.save(&all)
        },
    );
    match saved {
        Ok(_) => {
            println!(
                "{} {} in {}",
                decision.change.label(),
                decision.id,
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(1)
        }
    }
}

fn change_of(corpus: &Path, action: Action) -> Result<Change, String> {
    let figure = |at: FigureArgs, edit: FigureEdit| -> Result<Change, String> {
        Ok(Change::Figure {
            figure: anchor(corpus, &at)?,
            edit,
        })
    };
    match action {
        Action::Reject(at) => figure(at, FigureEdit::Reject),
        Action::Confirm(at) => figure(at, FigureEdit::Confirm),
        Action::SetKind { at, kind } => figure(at, FigureEdit::SetKind { kind }),
        Action::SetValue {
            at,
            value,
            currency,
        } => figure(
            at,
            FigureEdit::SetValue {
                value,
                currency: currency.trim().to_uppercase(),
            },
        ),
        Action::SetDate { at, date } => figure(at, FigureEdit::SetDate { date }),
        Action::SetVictim { at, victim } => figure(at, FigureEdit::SetVictim { victim }),
        Action::SetActor { at, actor } => figure(at, FigureEdit::SetActor { actor }),
        Action::MergeIncidents {
            at,
            other_article,
            other_figure,
            other_occurrence,
        } => {
            let other = FigureArgs {
                article: other_article,
                figure: other_figure,
                occurrence: other_occurrence,
            };
            Ok(Change::MergeIncidents {
                figure: anchor(corpus, &at)?,
                other: anchor(corpus, &other)?,
            })
        }
        Action::SplitSource(at) => Ok(Change::SplitSource {
            figure: anchor(corpus, &at)?,
        }),
        Action::ConfirmIncident(at) => Ok(Change::ConfirmIncident {
            figure: anchor(corpus, &at)?,
        }),
        Action::MergeEntities { name, other } => Ok(Change::MergeEntities { name, other }),
        Action::UnmergeEntity { name, alias } => Ok(Change::UnmergeEntity { name, alias }),
        Action::RenameEntity { name, to } => Ok(Change::RenameEntity { name, to }),
        Action::SetEntityKind { name, kind } => Ok(Change::SetEntityKind { name, kind }),
        Action::NotAName { name } => Ok(Change::NotAName { name }),
    }
}

/// The anchor of the `occurrence`-th `figure` text in the article, read from the corpus.
fn anchor(corpus: &Path, at: &FigureArgs) -> Result<FigureAnchor, String> {
    let cancel = AtomicBool::new(false);
    let loaded = dossier::corpus::load(&[corpus.to_owned()], &|_| {}, &cancel);
    let Some(article) = loaded.articles.iter().find(|a| a.id == at.article) else {
        return Err(format!("no article {} in {}", at.article, corpus.display()));
    };
    let text = &article.text;
    let Some((byte, _)) = text
        .match_indices(at.figure.as_str())
        .nth(at.occurrence.saturating_sub(1))
        .filter(|_| at.occurrence >= 1)
    else {
        return Err(format!(
            "article {} has no occurrence {} of \"{}\"",
            at.article, at.occurrence, at.figure
        ));
    };
    let start = text[..byte].chars().count();
    Ok(FigureAnchor::at(
        &at.article,
        text,
        start,
        start + at.figure.chars().count(),
    ))
}

/// Reads the decisions to apply: `explicit`, else the file beside the corpus `roots` (absent:
/// none).
pub fn load_for(roots: &[PathBuf], explicit: Option<&Path>) -> Result<Vec<Decision>, String> {
    let path = match explicit {
        Some(p) if !p.exists() => {
            return Err(format!("cannot read {}: no such file", p.display()));
        }
        Some(p) => p.to_owned(),
        None => match store::default_path(roots) {
            Some(p) if !roots.is_empty() => p,
            _ => return Ok(Vec::new()),
        },
    };
    store::load(&path).map_err(|e| e.to_string())
}

/// Tells about orphaned decisions on standard error.
pub fn warn_orphans(report: &ReplayReport) {
    for o in &report.orphans {
        eprintln!("dossier: decision {} is orphaned: {}", o.id, o.reason);
    }
}

/// `dossier decisions`: the decisions of a corpus and whether each still finds its target.
pub fn list(corpus: &Path, json: bool, file: Option<&Path>, training: Option<&Path>) -> ExitCode {
    let Some(path) = decisions_path(corpus, file) else {
        eprintln!("dossier: no decisions file for {}", corpus.display());
        return ExitCode::from(1);
    };
    let decisions = match store::load(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let mut analysis = super::open::analyse(&[corpus.to_owned()], true);
    let machine = training.map(|_| analysis.clone());
    let report = replay(&mut analysis, &decisions);
    if let (Some(dir), Some(machine)) = (training, machine) {
        return write_training(dir, corpus, &machine, &analysis, &decisions, &report);
    }
    let orphans: HashMap<&str, &str> = report
        .orphans
        .iter()
        .map(|o| (o.id.as_str(), o.reason.as_str()))
        .collect();
    if json {
        let items: Vec<serde_json::Value> = decisions
            .iter()
            .map(|d| {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    let status = if orphans.contains_key(d.id.as_str()) {
                        "orphan"
                    } else {
                        "applied"
                    };
                    o.insert("status".into(), status.into());
                    if let Some(reason) = orphans.get(d.id.as_str()) {
                        o.insert("orphan_reason".into(), (*reason).into());
                    }
                }
                v
            })
            .collect();
        let doc = serde_json::json!({"file": path, "decisions": items});
        return match serde_json::to_string_pretty(&doc) {
            Ok(t) => {
                println!("{t}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("dossier: cannot write the listing: {e}");
                ExitCode::from(1)
            }
        };
    }
    println!("{} decision(s) in {}", decisions.len(), path.display());
    for d in &decisions {
        let status = match orphans.get(d.id.as_str()) {
            Some(reason) => format!("orphan ({reason})"),
            None => "applied".to_owned(),
        };
        let target = match &d.change {
            Change::Figure { figure, .. }
            | Change::SplitSource { figure }
            | Change::ConfirmIncident { figure }
            | Change::MergeIncidents { figure, .. } => {
                format!("{} \"{}\"", figure.article, figure.quote.exact)
            }
            Change::RenameEntity { name, .. }
            | Change::SetEntityKind { name, .. }
            | Change::MergeEntities { name, .. }
            | Change::UnmergeEntity { name, .. }
            | Change::NotAName { name } => format!("\"{name}\""),
        };
        let mut line = format!("{status}\t{}\t{target}", d.change.label());
        if !d.note.is_empty() {
            line.push('\t');
            line.push_str(&d.note);
        }
        println!("{line}");
    }
    ExitCode::SUCCESS
}

/// `dossier decisions --as-training DIR`: the figure and name decisions as label files.
fn write_training(
    dir: &Path,
    corpus: &Path,
    machine: &Analysis,
    corrected: &Analysis,
    decisions: &[Decision],
    report: &ReplayReport,
) -> ExitCode {
    use dossier::decisions::training;
    let name = corpus
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".to_owned());
    let files = [
        (
            "amount-labels.json",
            training::amount_labels(corrected, report, &name),
        ),
        (
            "entity-labels.json",
            training::entity_labels(machine, corrected, decisions, report, &name),
        ),
    ];
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("dossier: cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    for (file, value) in files {
        let path = dir.join(file);
        let written = serde_json::to_string_pretty(&value)
            .map_err(|e| e.to_string())
            .and_then(|t| std::fs::write(&path, t + "\n").map_err(|e| e.to_string()));
        match written {
            Ok(()) => println!("wrote {}", path.display()),
            Err(e) => {
                eprintln!("dossier: cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
