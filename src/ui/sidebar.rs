//! The entity sidebar (right): entities grouped by kind with mention and article counts, threat
//! actors as umbrella → sub-groups. Clicking an entity filters the article list to it.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, Role, Sense, Ui, WidgetInfo};

use crate::analysis::Analysis;
use crate::extract::{Entity, EntityKind};
use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::theme::{self, kind_color};
use crate::workbench::Loaded;
use crate::workbench::filter::{self, EntityFilter};

pub const KINDS: [(EntityKind, &str); 6] = [
    (EntityKind::ThreatActor, "Threat actors"),
    (EntityKind::Person, "People"),
    (EntityKind::Organization, "Organisations"),
    (EntityKind::Location, "Locations"),
    (EntityKind::Money, "Money"),
    (EntityKind::Date, "Dates"),
];

#[derive(Clone, Debug, PartialEq)]
enum Row {
    Header {
        kind: EntityKind,
        title: &'static str,
        count: usize,
        open: bool,
    },
    /// An umbrella actor with sub-groups: selecting it filters to the whole family.
    Family {
        name: String,
        mentions: usize,
        articles: usize,
        open: bool,
    },
    Entity {
        index: usize,
        indent: bool,
    },
}

/// Sidebar state kept between frames.
#[derive(Default)]
pub struct Sidebar {
    pub filter_text: String,
    collapsed: BTreeSet<EntityKind>,
    open_families: BTreeSet<String>,
    /// Rows for the current filter, keyed by the filter state; emptied by [`Self::corpus_changed`]
    /// (rows hold entity indices into one analysis).
    cache: Option<(u64, Arc<Vec<Row>>)>,
}

impl Sidebar {
    /// Entities the filter box lets through, in sidebar order (what "Copy table" copies).
    pub fn visible_entities(&self, analysis: &Analysis) -> Vec<Entity> {
        let needle = self.filter_text.to_lowercase();
        analysis
            .extraction
            .entities
            .iter()
            .filter(|e| filter::matches_text(e, &needle))
            .cloned()
            .collect()
    }

    /// A new analysis is shown: the cached rows (entity indices into the old one) are dropped.
    /// Keying them on the analysis's address was not enough: a new analysis may reuse it.
    pub fn corpus_changed(&mut self) {
        self.cache = None;
    }

    fn rows(&mut self, loaded: &Loaded) -> Arc<Vec<Row>> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.filter_text.hash(&mut h);
        self.collapsed.hash(&mut h);
        self.open_families.hash(&mut h);
        let key = h.finish();
        if let Some((k, rows)) = &self.cache
            && *k == key
        {
            return rows.clone();
        }
        let rows = Arc::new(self.build_rows(loaded));
        self.cache = Some((key, rows.clone()));
        rows
    }

    fn build_rows(&self, loaded: &Loaded) -> Vec<Row> {
        let entities = &loaded.analysis.extraction.entities;
        let needle = self.filter_text.to_lowercase();
        let mut rows = Vec::with_capacity(entities.len() + KINDS.len());
        for (kind, title) in KINDS {
            let of_kind = loaded.index.entities_by_kind.get(&kind);
            let members: Vec<usize> = if needle.is_empty() {
                of_kind.cloned().unwrap_or_default()
            } else {
                of_kind
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&i| {
                        entities
                            .get(i)
                            .is_some_and(|e| filter::matches_text(e, &needle))
                    })
                    .collect()
            };
            if members.is_empty() {
                continue;
            }
            let open = !self.collapsed.contains(&kind);
            rows.push(Row::Header {
                kind,
                title,
                count: members.len(),
                open,
            });
            if !open {
                continue;
            }
            if kind != EntityKind::ThreatActor {
                rows.extend(members.into_iter().map(|index| Row::Entity {
                    index,
                    indent: false,
                }));
                continue;
            }
            let shown: HashSet<usize> = members.into_iter().collect();
            for family in &loaded.index.families {
                let list: Vec<usize> = family
                    .entity
                    .iter()
                    .chain(&family.children)
                    .copied()
                    .filter(|i| shown.contains(i))
                    .collect();
                if list.is_empty() {
                    continue;
                }
                if family.children.is_empty() {
                    rows.push(Row::Entity {
                        index: list[0],
                        indent: false,
                    });
                    continue;
                }
                let mut articles: Vec<u32> = family
                    .entity
                    .iter()
                    .chain(&family.children)
                    .filter_map(|&i| loaded.index.entity_articles.get(i))
                    .flatten()
                    .copied()
                    .collect();
                articles.sort_unstable();
                articles.dedup();
                let open = self.open_families.contains(&family.name) || !needle.is_empty();
                rows.push(Row::Family {
                    name: family.name.clone(),
                    mentions: family
                        .entity
                        .iter()
                        .chain(&family.children)
                        .filter_map(|&i| entities.get(i))
                        .map(|e| e.mention_count)
                        .sum(),
                    articles: articles.len(),
                    open,
                });
                if open {
                    rows.extend(list.into_iter().map(|index| Row::Entity {
                        index,
                        indent: true,
                    }));
                }
            }
        }
        rows
    }
}

pub fn sidebar_ui(
    ui: &mut Ui,
    sidebar: &mut Sidebar,
    loaded: &Loaded,
    active: Option<&EntityFilter>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut sidebar.filter_text)
                .hint_text("Filter entities")
                .desired_width((ui.available_width() - 150.0).max(60.0)),
        );
        if ui
            .button("Copy entities table")
            .on_hover_text("Copy the entity list as a table (HTML and tab-separated text)")
            .clicked()
        {
            commands.push(Command::CopyEntitiesTable);
        }
    });
    ui.separator();
    let rows = sidebar.rows(loaded);
    if rows.is_empty() {
        ui.weak(if loaded.analysis.extraction.entities.is_empty() {
            "No entities found in this corpus."
        } else {
            "No entity matches the filter."
        });
        return commands;
    }
    let entities = &loaded.analysis.extraction.entities;
    let font = FontId::proportional(13.0);
    let row_height = ui.fonts_mut(|f| f.row_height(&font)) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("entity_sidebar")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            let width = ui.available_width();
            for row in &rows[range] {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(width, row_height), Sense::click());
                let visuals = ui.visuals().clone();
                let (label, counts, color, selected, indent, strong, arrow) = match row {
                    Row::Header {
                        kind,
                        title,
                        count,
                        open,
                    } => {
                        let label = format!("{title} ({count})");
                        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                        if response.clicked() {
                            if *open {
                                sidebar.collapsed.insert(*kind);
                            } else {
                                sidebar.collapsed.remove(kind);
                            }
                        }
                        (
                            label,
                            String::new(),
                            visuals.strong_text_color(),
                            false,
                            6.0,
                            true,
                            Some(*open),
                        )
                    }
                    Row::Family {
                        name,
                        mentions,
                        articles,
                        open,
                    } => {
                        let filter = EntityFilter {
                            kind: EntityKind::ThreatActor,
                            name: name.clone(),
                            family: true,
                        };
                        let selected = active == Some(&filter);
                        let label = format!("{name} (all)");
                        response.widget_info(|| {
                            WidgetInfo::selected(Role::ListItem, true, selected, &label)
                        });
                        // The arrow on the left opens the family; the rest selects it.
                        let arrow_hit = response
                            .interact_pointer_pos()
                            .is_some_and(|p| p.x < rect.left() + 18.0);
                        if response.clicked() {
                            if arrow_hit {
                                if *open {
                                    sidebar.open_families.remove(name);
                                } else {
                                    sidebar.open_families.insert(name.clone());
                                }
                            } else {
                                commands.push(Command::FilterEntity(filter));
                                sidebar.open_families.insert(name.clone());
                            }
                        }
                        let response = response.clone().on_hover_text(format!(
                            "{name} and its sub-groups: {} in {}",
                            format::count(*mentions, "mention"),
                            format::count(*articles, "article")
                        ));
                        let _ = response;
                        (
                            label,
                            format!("{mentions} · {articles}"),
                            kind_color(EntityKind::ThreatActor, visuals.dark_mode),
                            selected,
                            22.0,
                            false,
                            Some(*open),
                        )
                    }
                    Row::Entity { index, indent } => {
                        // Rows are rebuilt on every load; a stale index is skipped, never a panic.
                        let Some(e) = entities.get(*index) else {
                            continue;
                        };
                        let filter = EntityFilter {
                            kind: e.kind,
                            name: e.name.clone(),
                            family: false,
                        };
                        let selected = active == Some(&filter);
                        response.widget_info(|| {
                            WidgetInfo::selected(Role::ListItem, true, selected, &e.name)
                        });
                        if response.clicked() {
                            commands.push(Command::FilterEntity(filter));
                        }
                        // A right-click corrects the name (rename, kind, merge, not a name).
                        if response.secondary_clicked() {
                            commands.push(Command::DecideName(e.name.clone()));
                        }
                        let mut hover = format::entity_tooltip(e);
                        if let Some(how) = decided_name(&loaded.decision_list, &e.name) {
                            hover.push_str(&format!("\n{how}"));
                        }
                        hover.push_str("\nRight-click to correct this name");
                        let _ = response.clone().on_hover_text(hover);
                        (
                            e.name.clone(),
                            format!("{} · {}", e.mention_count, e.article_count),
                            kind_color(e.kind, visuals.dark_mode),
                            selected,
                            if *indent { 34.0 } else { 8.0 },
                            false,
                            None,
                        )
                    }
                };
                if !ui.is_rect_visible(rect) {
                    continue;
                }
                let row_color = theme::paint_row(ui, rect, &response, selected, 3.0);
                let text_color = if strong {
                    visuals.strong_text_color()
                } else {
                    row_color
                };
                if let Some(open) = arrow {
                    theme::paint_arrow(
                        ui,
                        egui::pos2(rect.left() + 6.0, rect.center().y),
                        open,
                        text_color,
                    );
                }
                if !strong {
                    ui.painter().circle_filled(
                        egui::pos2(rect.left() + indent - 2.0, rect.center().y),
                        3.5,
                        color,
                    );
                }
                let counts_galley = ui.fonts_mut(|f| {
                    f.layout_no_wrap(
                        counts,
                        FontId::proportional(11.5),
                        visuals.weak_text_color(),
                    )
                });
                let counts_width = counts_galley.size().x;
                ui.painter().galley(
                    egui::pos2(
                        rect.right() - counts_width - 4.0,
                        rect.center().y - counts_galley.size().y / 2.0,
                    ),
                    counts_galley,
                    Color32::GRAY,
                );
                let mut job = egui::text::LayoutJob::single_section(
                    label,
                    egui::TextFormat::simple(font.clone(), text_color),
                );
                job.wrap.max_width = (rect.width() - indent - counts_width - 16.0).max(10.0);
                job.wrap.max_rows = 1;
                job.wrap.break_anywhere = true;
                job.wrap.overflow_character = Some('…');
                let galley = ui.fonts_mut(|f| f.layout_job(job));
                ui.painter().galley(
                    egui::pos2(
                        rect.left() + indent + 6.0,
                        rect.center().y - galley.size().y / 2.0,
                    ),
                    galley,
                    text_color,
                );
            }
        });
    ui.weak("mentions · articles");
    commands
}

/// How an analyst changed the entity now called `name`, with the machine's name, if they did.
fn decided_name(decisions: &[crate::decisions::Decision], name: &str) -> Option<String> {
    use crate::decisions::Change;
    let same = |n: &str| n.trim().eq_ignore_ascii_case(name.trim());
    decisions.iter().rev().find_map(|d| match &d.change {
        Change::RenameEntity { name: from, to } if same(to) => {
            Some(format!("Renamed by the analyst (machine: {from})"))
        }
        Change::SetEntityKind { name: n, .. } if same(n) => {
            Some("Kind set by the analyst".to_owned())
        }
        Change::MergeEntities { name: n, other } if same(n) => {
            Some(format!("{other} merged into it by the analyst"))
        }
        Change::UnmergeEntity { alias, name: from } if same(alias) => {
            Some(format!("Split off {from} by the analyst"))
        }
        _ => None,
    })
}
