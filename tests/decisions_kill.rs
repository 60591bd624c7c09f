//! Crash safety of the decisions file, tested by crashing as `annotations_kill.rs` does: a child
//! process records decisions one after another and is killed with SIGKILL at a random moment.
//! After every kill the file (and its `.bak`) must parse and hold every decision whose save had
//! completed.
//!
//! The child is this test binary itself, started with `DOSSIER_DECISIONS_KILL_FILE` set.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use dossier::annotations::store::backup_path;
use dossier::decisions::store::{self, DecisionStore};
use dossier::decisions::{Change, Decision, FigureAnchor, FigureEdit};

const CHILD_ENV: &str = "DOSSIER_DECISIONS_KILL_FILE";
const KILLS: u32 = 60;

/// The child: keeps adding one decision and saving; prints each id once its save returned.
fn saver(path: &Path) -> ! {
    let text = "Hackers stole $81 million from a central bank 🙂 in 2016.";
    let (mut store, mut all) = DecisionStore::open(path, "kill-test").expect("open");
    let pid = std::process::id();
    for n in 0u64.. {
        let mut d = Decision::new(
            Change::Figure {
                figure: FigureAnchor::at("article", text, 14, 25),
                edit: FigureEdit::Reject,
            },
            &format!("save {n}"),
            "kill",
        );
        d.id = format!("p{pid}-{n}");
        all.push(d.clone());
        all = store.save(&all).expect("save");
        println!("{}", d.id);
    }
    unreachable!()
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn decision_saves_survive_sigkill_at_random_points() {
    const NAME: &str = "decision_saves_survive_sigkill_at_random_points";
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        saver(Path::new(&path));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::FILE_NAME);
    let exe = std::env::current_exe().unwrap();
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    let mut completed: BTreeSet<String> = BTreeSet::new();
    for run in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([NAME, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines
            .by_ref()
            .map_while(Result::ok)
            .find(|line| line.starts_with('p'));
        let first = first.unwrap_or_else(|| panic!("run {run}: the saver completed no save"));
        completed.insert(first);
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        for line in lines {
            let line = line.unwrap();
            if line.starts_with('p') {
                completed.insert(line);
            }
        }
        let on_disk: BTreeSet<String> = store::load(&path)
            .unwrap_or_else(|e| panic!("run {run}: the file does not parse: {e}"))
            .into_iter()
            .map(|d| d.id)
            .collect();
        let lost: Vec<&String> = completed.difference(&on_disk).collect();
        assert!(lost.is_empty(), "run {run}: completed saves lost: {lost:?}");
        let backup = backup_path(&path);
        if backup.exists() {
            assert!(
                store::read(&backup).is_ok(),
                "run {run}: the .bak does not parse"
            );
        }
    }
}
