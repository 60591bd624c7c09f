//! The decision form: a small window where the analyst corrects what the machine got wrong, opened
//! on a figure (reader, incidents table, timeline point, review queue), on an incident (its
//! figure's decisions and the incident's own) or on a name (sidebar, reader). Each button takes
//! one decision, with the note typed above it; the form only returns [`Command::Decide`].

use eframe::egui::{self, Context, Ui};

use crate::decisions::{Change, FigureAnchor, FigureEdit};
use crate::extract::{Amount, AmountKind, EntityKind};
use crate::partial_date::PartialDate;
use crate::ui::commands::Command;
use crate::workbench::Loaded;
use crate::workbench::format;

const AMOUNT_KINDS: [AmountKind; 5] = [
    AmountKind::Stolen,
    AmountKind::Attempted,
    AmountKind::Cumulative,
    AmountKind::Damage,
    AmountKind::Other,
];

/// How many incidents, nearest in value, the form offers to merge with.
const MERGE_CANDIDATES: usize = 6;

const ENTITY_KINDS: [(EntityKind, &str); 4] = [
    (EntityKind::Person, "person"),
    (EntityKind::Organization, "organization"),
    (EntityKind::Location, "location"),
    (EntityKind::ThreatActor, "threat actor"),
];

/// What the form decides on.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A figure by its article and start; `incident` when opened on an incident.
    Figure {
        article: String,
        start: usize,
        incident: Option<usize>,
    },
    Name(String),
}

/// The open form and what is typed in it.
#[derive(Debug)]
pub struct DecisionForm {
    pub subject: Subject,
    note: String,
    value: String,
    currency: String,
    date: String,
    victim: String,
    actor: String,
    /// Source of the incident to split off, by index.
    split: usize,
    rename: String,
    merge_into: String,
}

impl DecisionForm {
    /// The form on a figure, its fields filled with what the machine (or a decision) says.
    pub fn figure(
        loaded: &Loaded,
        article: &str,
        start: usize,
        incident: Option<usize>,
    ) -> Option<Self> {
        let a = amount_at(loaded, article, start)?;
        let mut form = Self::empty(Subject::Figure {
            article: article.to_owned(),
            start,
            incident,
        });
        form.value = format!("{}", a.value);
        form.currency = a.currency.to_string();
        form.date = a.event_date.map(|d| d.to_string()).unwrap_or_default();
        form.victim = a.victim.as_deref().unwrap_or_default().to_owned();
        form.actor = a.actor.as_deref().unwrap_or_default().to_owned();
        Some(form)
    }

    /// The form on an incident: its first source's figure and the incident's decisions.
    pub fn incident(loaded: &Loaded, incident: usize) -> Option<Self> {
        let m = &loaded
            .analysis
            .incidents
            .get(incident)?
            .sources
            .first()?
            .mention;
        Self::figure(loaded, &m.article, m.start as usize, Some(incident))
    }

    pub fn name(name: &str) -> Self {
        let mut form = Self::empty(Subject::Name(name.to_owned()));
        form.rename = name.to_owned();
        form
    }

    fn empty(subject: Subject) -> Self {
        Self {
            subject,
            note: String::new(),
            value: String::new(),
            currency: String::new(),
            date: String::new(),
            victim: String::new(),
            actor: String::new(),
            split: 0,
            rename: String::new(),
            merge_into: String::new(),
        }
    }

    /// Draws the form; returns the decision taken, or [`Command::CloseDecisionForm`].
    pub fn ui(&mut self, ctx: &Context, loaded: &Loaded) -> Vec<Command> {
        let mut out = Vec::new();
        let mut open = true;
        let title = match self.subject {
            Subject::Figure { .. } => "Correct a figure",
            Subject::Name(_) => "Correct a name",
        };
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(420.0)
            .show(ctx, |ui| {
                let changes = match self.subject.clone() {
                    Subject::Figure {
                        article,
                        start,
                        incident,
                    } => self.figure_ui(ui, loaded, &article, start, incident),
                    Subject::Name(name) => self.name_ui(ui, loaded, &name),
                };
                ui.separator();
                field(
                    ui,
                    "Note",
                    &mut self.note,
                    "Why (optional; kept with the decision)",
                );
                if ui.button("Close").clicked() {
                    out.push(Command::CloseDecisionForm);
                }
                out.extend(changes.into_iter().map(|change| Command::Decide {
                    change,
                    note: self.note.trim().to_owned(),
                }));
            });
        if !open {
            out.push(Command::CloseDecisionForm);
        }
        out
    }

    fn figure_ui(
        &mut self,
        ui: &mut Ui,
        loaded: &Loaded,
        article: &str,
        start: usize,
        incident: Option<usize>,
    ) -> Vec<Change> {
        let mut out = Vec::new();
        let (Some(a), Some(anchor)) = (
            amount_at(loaded, article, start),
            anchor_of(loaded, article, start),
        ) else {
            ui.label("This figure is no longer extracted.");
            return out;
        };
        ui.strong(&*a.text);
        ui.label(format!("{} · {}", a.kind.as_str(), summary(a)));
        if let Some(d) = loaded.decisions.figure(article, start) {
            ui.weak(machine_note(d));
        }
        let edit = |edit: FigureEdit| Change::Figure {
            figure: anchor.clone(),
            edit,
        };
        ui.horizontal(|ui| {
            if ui
                .button("Not a theft")
                .on_hover_text("Keep the figure as \"other\": out of the chart and the incidents")
                .clicked()
            {
                out.push(edit(FigureEdit::Reject));
            }
            if ui
                .button("Confirm figure")
                .on_hover_text("The machine got it right: the report says it was checked")
                .clicked()
            {
                out.push(edit(FigureEdit::Confirm));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Kind:");
            for kind in AMOUNT_KINDS.into_iter().filter(|k| *k != a.kind) {
                if ui.button(format!("Kind: {}", kind.as_str())).clicked() {
                    out.push(edit(FigureEdit::SetKind { kind }));
                }
            }
        });
        ui.horizontal(|ui| {
            field(
                ui,
                "Value",
                &mut self.value,
                "The figure as stated, e.g. 4.5e7",
            );
            field(ui, "Currency", &mut self.currency, "ISO code or ticker");
            let value = self
                .value
                .trim()
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0);
            if ui
                .add_enabled(value.is_some(), egui::Button::new("Set value"))
                .on_disabled_hover_text("Type the value as a number, e.g. 4.5e7")
                .clicked()
                && let Some(value) = value
            {
                out.push(edit(FigureEdit::SetValue {
                    value,
                    currency: self.currency.trim().to_uppercase(),
                }));
            }
        });
        let date: Option<PartialDate> = self.date.trim().parse().ok();
        ui.horizontal(|ui| {
            field(
                ui,
                "Event date",
                &mut self.date,
                "2016, 2016-02 or 2016-02-05",
            );
            if ui
                .add_enabled(date.is_some(), egui::Button::new("Set date"))
                .on_disabled_hover_text("Type a date: 2016, 2016-02 or 2016-02-05")
                .clicked()
                && let Some(date) = date
            {
                out.push(edit(FigureEdit::SetDate { date }));
            }
        });
        ui.horizontal(|ui| {
            field(ui, "Victim", &mut self.victim, "Who lost the money");
            if ui.button("Set victim").clicked() && !self.victim.trim().is_empty() {
                out.push(edit(FigureEdit::SetVictim {
                    victim: self.victim.trim().to_owned(),
                }));
            }
        });
        ui.horizontal(|ui| {
            field(ui, "Actor", &mut self.actor, "Who took it");
            if ui.button("Set actor").clicked() && !self.actor.trim().is_empty() {
                out.push(edit(FigureEdit::SetActor {
                    actor: self.actor.trim().to_owned(),
                }));
            }
        });
        if let Some(i) = incident {
            out.extend(self.incident_ui(ui, loaded, i, &anchor));
        }
        out
    }

    fn incident_ui(
        &mut self,
        ui: &mut Ui,
        loaded: &Loaded,
        i: usize,
        anchor: &FigureAnchor,
    ) -> Vec<Change> {
        let mut out = Vec::new();
        let all = &loaded.analysis.incidents;
        let Some(inc) = all.get(i) else {
            return out;
        };
        ui.separator();
        ui.strong(format!(
            "Incident: {}",
            crate::ui::timeline::incident_label(inc)
        ));
        if ui
            .button("Confirm incident")
            .on_hover_text("Its sources are one theft, as the machine merged them")
            .clicked()
        {
            out.push(Change::ConfirmIncident {
                figure: anchor.clone(),
            });
        }
        if inc.sources.len() > 1 {
            ui.horizontal(|ui| {
                let shown = |k: usize| {
                    inc.sources
                        .get(k)
                        .map(|s| format!("source: {} ({})", s.text, s.mention.article))
                        .unwrap_or_default()
                };
                egui::ComboBox::new("split_source", "Source")
                    .selected_text(shown(self.split))
                    .show_ui(ui, |ui| {
                        for k in 0..inc.sources.len() {
                            ui.selectable_value(&mut self.split, k, shown(k));
                        }
                    });
                if ui.button("Split this source off").clicked()
                    && let Some(s) = inc.sources.get(self.split)
                    && let Some(figure) =
                        anchor_of(loaded, &s.mention.article, s.mention.start as usize)
                {
                    out.push(Change::SplitSource { figure });
                }
            });
        }
        // The incidents nearest in value are the likely doubles: one click merges.
        let mut near: Vec<usize> = (0..all.len()).filter(|&k| k != i).collect();
        let distance = |k: &usize| (all[*k].usd.max(1.0) / inc.usd.max(1.0)).ln().abs();
        near.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
        near.truncate(MERGE_CANDIDATES);
        if !near.is_empty() {
            ui.label("Same theft as:");
        }
        for k in near {
            let other = all[k]
                .sources
                .first()
                .and_then(|s| anchor_of(loaded, &s.mention.article, s.mention.start as usize));
            let label = format!(
                "Merge with: {}",
                crate::ui::timeline::incident_label(&all[k])
            );
            if ui.small_button(label).clicked()
                && let Some(other) = other
            {
                out.push(Change::MergeIncidents {
                    figure: anchor.clone(),
                    other,
                });
            }
        }
        out
    }

    fn name_ui(&mut self, ui: &mut Ui, loaded: &Loaded, name: &str) -> Vec<Change> {
        let mut out = Vec::new();
        let entity = loaded
            .analysis
            .extraction
            .entities
            .iter()
            .find(|e| e.name == name);
        ui.strong(name);
        if let Some(e) = entity {
            ui.weak(format::entity_tooltip(e));
        }
        ui.horizontal(|ui| {
            field(ui, "New name", &mut self.rename, "What it should be called");
            let to = self.rename.trim().to_owned();
            if ui
                .add_enabled(!to.is_empty() && to != name, egui::Button::new("Rename"))
                .clicked()
            {
                out.push(Change::RenameEntity {
                    name: name.to_owned(),
                    to,
                });
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Kind:");
            for (kind, label) in ENTITY_KINDS {
                if entity.is_some_and(|e| e.kind == kind) {
                    continue;
                }
                if ui.button(format!("Name kind: {label}")).clicked() {
                    out.push(Change::SetEntityKind {
                        name: name.to_owned(),
                        kind,
                    });
                }
            }
        });
        ui.horizontal(|ui| {
            field(
                ui,
                "Same as",
                &mut self.merge_into,
                "The entity this name is",
            );
            let into = self.merge_into.trim().to_owned();
            if ui
                .add_enabled(!into.is_empty(), egui::Button::new("Merge into it"))
                .on_hover_text("This name becomes an alias of the other entity")
                .clicked()
            {
                out.push(Change::MergeEntities {
                    name: into,
                    other: name.to_owned(),
                });
            }
        });
        if let Some(e) = entity.filter(|e| !e.aliases.is_empty()) {
            ui.horizontal_wrapped(|ui| {
                ui.label("Undo a merge:");
                for alias in &e.aliases {
                    if ui
                        .button(format!("Split off {alias}"))
                        .on_hover_text(format!("{alias} is not {name}: a name of its own"))
                        .clicked()
                    {
                        out.push(Change::UnmergeEntity {
                            name: name.to_owned(),
                            alias: alias.clone(),
                        });
                    }
                }
            });
        }
        if ui
            .button("Not a name")
            .on_hover_text("Drop it from the entities and from the figures' victims and actors")
            .clicked()
        {
            out.push(Change::NotAName {
                name: name.to_owned(),
            });
        }
        out
    }
}

/// A labelled single-line field (the label names it for screen readers and tests).
fn field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(110.0)
            .hint_text(hint),
    )
    .labelled_by(l.id);
}

/// The extracted figure starting at `start` in `article`.
pub fn amount_at<'a>(loaded: &'a Loaded, article: &str, start: usize) -> Option<&'a Amount> {
    loaded
        .analysis
        .extraction
        .amounts
        .iter()
        .find(|a| *a.article == *article && a.start as usize == start)
}

/// The anchor a decision on that figure keeps.
fn anchor_of(loaded: &Loaded, article: &str, start: usize) -> Option<FigureAnchor> {
    let a = amount_at(loaded, article, start)?;
    let i = *loaded.index.by_id.get(article)?;
    let text = &loaded.analysis.corpus.articles.get(i)?.text;
    Some(FigureAnchor::at(
        article,
        text,
        a.start as usize,
        a.end as usize,
    ))
}

/// Value, date, victim and actor, as a line.
pub fn summary(a: &Amount) -> String {
    let mut parts = vec![crate::export::format_money(a.value, &a.currency)];
    if let Some(d) = a.event_date {
        parts.push(d.to_string());
    }
    parts.extend(a.victim.as_deref().map(String::from));
    parts.extend(a.actor.as_deref().map(String::from));
    parts.join(", ")
}

/// "Corrected by the analyst (machine: stolen, $45 million, …)" or "Confirmed by the analyst".
pub fn machine_note(d: &crate::decisions::replay::DecidedFigure) -> String {
    if d.corrected {
        format!(
            "Corrected by the analyst (machine: {}, {})",
            d.original.kind.as_str(),
            summary(&d.original)
        )
    } else {
        "Confirmed by the analyst".to_owned()
    }
}
