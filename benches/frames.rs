//! Frame time of the real window with a large corpus loaded: `DossierApp` driven headless by
//! egui_kittest (no GPU, no display), the generated corpus of `dossier gen-corpus` opened as a
//! user would open it. For each interaction it prints p50, p95 and max of the time one frame's
//! `App::ui` took on the UI thread (what decides whether the window stays smooth), and the p95 of
//! the whole harness step (egui's own work and kittest's accessibility tree included).
//!
//! `cargo bench --bench frames` (100,000 articles); `-- --articles N --frames N` to change the
//! corpus size or the frames per interaction. Timings are wall time on the UI thread: run it on
//! an otherwise idle machine.

use std::time::{Duration, Instant};

use dossier::extract::EntityKind;
use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::{DossierApp, Startup, timeline};
use dossier::workbench::filter::EntityFilter;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

struct Options {
    articles: u64,
    frames: usize,
}

fn options() -> Options {
    let mut o = Options {
        articles: 100_000,
        frames: 120,
    };
    let args: Vec<String> = std::env::args().collect();
    for w in args.windows(2) {
        match w[0].as_str() {
            "--articles" => o.articles = w[1].parse().unwrap_or(o.articles),
            "--frames" => o.frames = w[1].parse().unwrap_or(o.frames),
            _ => {}
        }
    }
    o
}

/// Frame times of one interaction: the app's `ui` and the whole step.
#[derive(Default)]
struct Frames {
    ui: Vec<Duration>,
    step: Vec<Duration>,
}

impl Frames {
    fn step(&mut self, h: &mut Harness<'static, DossierApp>) {
        let start = Instant::now();
        h.step();
        self.step.push(start.elapsed());
        self.ui.push(h.state().last_frame_time());
    }

    fn row(&self, name: &str) -> String {
        let ms = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1e3);
        let pct = |v: &[Duration], p: f64| {
            let mut v = v.to_vec();
            v.sort();
            v[((v.len() - 1) as f64 * p).round() as usize]
        };
        let max = self.ui.iter().max().copied().unwrap_or_default();
        format!(
            "| {name} | {} | {} | {} | {} | {} |",
            self.ui.len(),
            ms(pct(&self.ui, 0.5)),
            ms(pct(&self.ui, 0.95)),
            ms(max),
            ms(pct(&self.step, 0.95)),
        )
    }
}

/// Steps until the background work is over, recording every frame (the frame in which a search
/// result or a filter arrives is the one that matters).
fn settle(h: &mut Harness<'static, DossierApp>, frames: &mut Frames) {
    for _ in 0..10_000 {
        frames.step(h);
        if h.state().is_idle() {
            frames.step(h);
            return;
        }
        let seen = h.state().wakes();
        h.state().wait_for_work(seen, Duration::from_secs(30));
    }
}

/// The pointer over `at` and the wheel turned by `dy` points (negative: down the page).
fn wheel(h: &mut Harness<'static, DossierApp>, at: egui::Pos2, dy: f32) {
    h.hover_at(at);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
    });
}

fn search_box<'h>(h: &'h Harness<'static, DossierApp>) -> egui_kittest::Node<'h> {
    h.get_by(|n| {
        n.data()
            .placeholder()
            .is_some_and(|p| p.starts_with("Search articles"))
    })
}

fn main() {
    let o = options();
    let corpus = tempfile::tempdir().expect("a temporary folder");
    let data_home = tempfile::tempdir().expect("a temporary folder");
    let written = Instant::now();
    dossier::synthetic::write_shards(corpus.path(), 1, o.articles, 10_000)
        .expect("the generated corpus is written");
    // One long article (a court filing, a data dump): 2 MB of generated stories in one text,
    // thousands of names, figures and dates to highlight.
    let mut long = String::from(" date 2020-01-01 One long filing\n");
    let mut k = 0;
    while long.len() < 2_000_000 {
        long.push_str(&dossier::synthetic::article(7, k).text);
        long.push_str("\n\n");
        k += 1;
    }
    std::fs::write(corpus.path().join("long-filing.txt"), &long).expect("the long article");
    eprintln!(
        "generated {} articles in {:.1} s",
        o.articles,
        written.elapsed().as_secs_f64()
    );
    let startup = Startup::new(vec![corpus.path().to_owned()])
        .with_clipboard(Box::new(RecordingClipboard::default()))
        .with_state(State::default())
        .with_data_home(data_home.path().to_owned());
    let loading = Instant::now();
    let mut h = Harness::builder()
        .with_size([1500.0, 950.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    let mut load = Frames::default();
    settle(&mut h, &mut load);
    let n = h.state().loaded().analysis.corpus.articles.len();
    let load_time = loading.elapsed();

    let mut idle = Frames::default();
    for _ in 0..o.frames {
        idle.step(&mut h);
    }

    let mut scrolling = Frames::default();
    let list = h
        .query_all_by(|n| n.role() == egui::accesskit::Role::ListItem)
        .next()
        .map(|n| n.rect().center())
        .unwrap_or(egui::pos2(200.0, 300.0));
    for _ in 0..o.frames {
        wheel(&mut h, list, -120.0);
        scrolling.step(&mut h);
    }

    let mut typing = Frames::default();
    search_box(&h).focus();
    typing.step(&mut h);
    for c in "exchange".chars() {
        search_box(&h).type_text(&c.to_string());
        typing.step(&mut h);
    }
    settle(&mut h, &mut typing);
    h.state_mut().send(Command::Search(String::new()));
    settle(&mut h, &mut Frames::default());

    let mut filtering = Frames::default();
    for _ in 0..5 {
        h.state_mut().send(Command::FilterEntity(EntityFilter {
            kind: EntityKind::ThreatActor,
            name: "Lazarus Group".to_owned(),
            family: true,
        }));
        settle(&mut h, &mut filtering);
        h.state_mut().send(Command::ClearFilters);
        settle(&mut h, &mut filtering);
    }

    let mut hovering = Frames::default();
    let plot = timeline::plot_rect(&h.ctx);
    if let Some(rect) = plot {
        for i in 0..o.frames {
            let x = rect.left() + rect.width() * (i as f32 + 0.5) / o.frames as f32;
            h.hover_at(egui::pos2(x, rect.center().y));
            hovering.step(&mut h);
        }
    }

    // The link chart of every incident (the largest drawn, "+ N more"): shown, hovered across
    // and a node dragged; then the timeline again.
    let mut links = Frames::default();
    h.state_mut()
        .send(Command::Links(dossier::ui::links::LinksCommand::Show));
    settle(&mut h, &mut links);
    let canvas = dossier::ui::links::canvas_rect(&h.ctx);
    if let Some(rect) = canvas {
        let panel = rect.intersect(h.ctx.content_rect());
        for i in 0..o.frames {
            let y = panel.top() + panel.height() * (i as f32 + 0.5) / o.frames as f32;
            h.hover_at(egui::pos2(rect.left() + 540.0, y));
            links.step(&mut h);
        }
        let node = h
            .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Incident ")))
            .next()
            .map(|n| n.rect().center());
        if let Some(at) = node {
            h.drag_at(at);
            links.step(&mut h);
            for i in 0..o.frames {
                h.hover_at(at + egui::vec2(i as f32 * 0.5, 0.0));
                links.step(&mut h);
            }
            h.drop_at(at + egui::vec2(o.frames as f32 * 0.5, 0.0));
            links.step(&mut h);
        }
    }
    h.state_mut().send(Command::Links(
        dossier::ui::links::LinksCommand::ShowTimeline,
    ));
    settle(&mut h, &mut Frames::default());

    // The 2 MB article: opened, scrolled down and back up with the wheel, and jumped about in
    // (a passage deep in it shown, as a search hit or a timeline point does): the frame of each
    // jump and the frame after it, when the reader is on the passage.
    let mut opening = Frames::default();
    let mut reading = Frames::default();
    let mut jumping = Frames::default();
    let long_index = h
        .state()
        .loaded()
        .analysis
        .corpus
        .articles
        .iter()
        .position(|a| a.title == "One long filing");
    if let Some(i) = long_index {
        h.state_mut().send(Command::SelectArticle(i));
        settle(&mut h, &mut opening);
        let centre = egui::pos2(750.0, 400.0);
        for k in 0..o.frames {
            let dy = if k < o.frames * 2 / 3 { -240.0 } else { 240.0 };
            wheel(&mut h, centre, dy);
            reading.step(&mut h);
        }
        let article = &h.state().loaded().analysis.corpus.articles[i];
        let (id, chars) = (article.id.clone(), article.text.chars().count());
        for k in 0..o.frames / 2 {
            // Spread over the article, in an order that jumps far each time.
            let at = chars * ((k * 7) % 20 * 50 + 25) / 1_000;
            h.state_mut().send(Command::ShowPassage {
                article: id.clone(),
                start: at,
                end: at + 20,
            });
            jumping.step(&mut h);
            jumping.step(&mut h);
        }
    }

    println!(
        "# dossier frame bench: {n} articles loaded in {:.1} s (window {}x{})\n",
        load_time.as_secs_f64(),
        1500,
        950
    );
    println!("| interaction | frames | `ui` p50 ms | `ui` p95 ms | `ui` max ms | step p95 ms |");
    println!("|---|---|---|---|---|---|");
    println!("{}", load.row("while loading"));
    println!("{}", idle.row("idle"));
    println!("{}", scrolling.row("scrolling the list (wheel)"));
    println!("{}", typing.row("typing a search (`exchange`)"));
    println!("{}", filtering.row("filter by an entity and clear it, ×5"));
    if canvas.is_some() {
        println!(
            "{}",
            links.row("link chart: shown, hovered, a node dragged")
        );
    }
    if long_index.is_some() {
        println!("{}", opening.row("reader, 2 MB article: opening it"));
        println!(
            "{}",
            reading.row("reader, 2 MB article: scrolling (wheel, down then up)")
        );
        println!(
            "{}",
            jumping.row("reader, 2 MB article: a jump deep in it, and the frame after")
        );
    }
    if plot.is_some() {
        println!("{}", hovering.row("hovering the timeline"));
    } else {
        println!("| hovering the timeline | no plot drawn | | | | |");
    }
}
