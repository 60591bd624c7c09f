//! The HTML report in a real browser: headless Chromium (from the system packages) opens it with
//! no network, logs no console message (a blocked fetch or a script error would be one), keeps
//! the inline chart in its DOM and paints the chart's markers.
//!
//! Ignored by default because it needs `/usr/bin/chromium`; `.ci/run` installs Chromium and runs
//! it with `cargo test --test report_browser -- --ignored`, where a missing browser fails.

mod report_fixture;

use std::path::Path;
use std::process::{Command, Output};

use dossier::chart::{self, ChartOptions};
use dossier::report_doc::{self, ReportInput};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs headless Chromium on `page` with `args` and its own throw-away profile.
fn chromium(profile: &Path, page: &Path, args: &[&str]) -> Output {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install it (apt-get install -y chromium)"
    );
    Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("Chromium starts")
}

#[test]
#[ignore = "needs chromium; .ci/run installs it"]
fn the_html_report_renders_its_chart_with_no_console_message() {
    let corpus = tempfile::tempdir().unwrap();
    report_fixture::write(corpus.path());
    let analysis = report_fixture::load(corpus.path());
    let annotations = report_fixture::annotations(corpus.path());
    let input = ReportInput::whole(&analysis, &annotations, ChartOptions::default());
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("report.html");
    std::fs::write(&page, report_doc::html(&input).unwrap()).unwrap();

    let dom = chromium(&work.path().join("profile-dom"), &page, &["--dump-dom"]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(dom_text.contains("<svg"), "the chart is in the DOM");
    assert!(dom_text.contains("Vesper Exchange"));

    let shot = work.path().join("shot.png");
    let run = chromium(
        &work.path().join("profile-shot"),
        &page,
        &[
            "--window-size=1000,1200",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let log = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{log}");
    let dom_log = String::from_utf8_lossy(&dom.stderr);
    let console: Vec<&str> = log
        .lines()
        .chain(dom_log.lines())
        .filter(|l| l.contains(":CONSOLE"))
        .collect();
    assert!(console.is_empty(), "console messages: {console:#?}");

    // The screenshot shows the stolen markers' red and the attempt's orange ring.
    let png = std::fs::read(&shot).expect("Chromium wrote the screenshot");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    let near = |p: &resvg::tiny_skia::PremultipliedColorU8, (r, g, b): (u8, u8, u8), alpha: f32| {
        let over_white = |c: u8| (f32::from(c) * alpha + 255.0 * (1.0 - alpha)) as i32;
        (i32::from(p.red()) - over_white(r)).abs() <= 12
            && (i32::from(p.green()) - over_white(g)).abs() <= 12
            && (i32::from(p.blue()) - over_white(b)).abs() <= 12
    };
    let stolen = pixmap
        .pixels()
        .iter()
        .filter(|p| near(p, chart::STOLEN, 0.85))
        .count();
    let attempted = pixmap
        .pixels()
        .iter()
        .filter(|p| near(p, chart::ATTEMPTED, 1.0))
        .count();
    assert!(stolen > 20, "{stolen} red pixels");
    assert!(attempted > 5, "{attempted} orange pixels");
}
