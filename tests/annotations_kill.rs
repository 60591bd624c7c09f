//! Crash safety of the annotation file, tested by crashing: a child process saves annotations
//! one after another and is killed with SIGKILL at a random moment, hundreds of times. After
//! every kill the file must parse and hold every annotation whose save had completed.
//!
//! The child is this test binary itself, started with `DOSSIER_KILL_TEST_FILE` set: the same
//! test function then runs the saver loop instead of the killer.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use dossier::annotations::store::{self, Store};
use dossier::annotations::{Annotation, AnnotationId};

const CHILD_ENV: &str = "DOSSIER_KILL_TEST_FILE";
/// Kills per test: two tests of a hundred (they run side by side, so the 200 kills take half
/// the time), each run living a few milliseconds.
const KILLS: u32 = 100;

/// The child: keeps adding one annotation and saving; prints each id once its save returned.
fn saver(path: &Path) -> ! {
    let text = "Hackers stole $81 million from a central bank 🙂 in 2016.";
    let opened = Store::open(path, "kill-test");
    let mut store = opened.store;
    let mut all = opened.annotations;
    let pid = std::process::id();
    for n in 0u64.. {
        let mut a = Annotation::new("article", text, 14, 25, "amount", &format!("save {n}"));
        // A foreign-style id, so that kept ids are checked too.
        a.id = AnnotationId::parse(&format!("p{pid}-{n}")).expect("non-empty id");
        all.push(a.clone());
        store.save(&all).expect("save");
        println!("{}", a.id);
    }
    unreachable!()
}

/// A small xorshift generator: deterministic and dependency-free.
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
fn saves_survive_sigkill_at_random_points() {
    kill_runs(
        "saves_survive_sigkill_at_random_points",
        0x9e37_79b9_7f4a_7c15,
    );
}

#[test]
fn saves_survive_sigkill_at_other_random_points() {
    kill_runs(
        "saves_survive_sigkill_at_other_random_points",
        0x2545_f491_4f6c_dd1d,
    );
}

/// Starts the saver (this test binary, running test `test_name` as the child) `KILLS` times,
/// kills it at moments drawn from `seed`, and checks the file after each kill.
fn kill_runs(test_name: &str, seed: u64) {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        saver(Path::new(&path));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::FILE_NAME);
    let exe = std::env::current_exe().unwrap();
    let mut rng = Rng(seed);
    let mut completed: BTreeSet<String> = BTreeSet::new();
    for run in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait for the child's first completed save, so that every kill lands among saves
        // however slow the machine is, then let it go on for a random moment.
        let first = lines
            .by_ref()
            .map_while(Result::ok)
            .find(|line| line.starts_with('p'));
        let first = first.unwrap_or_else(|| panic!("run {run}: the saver completed no save"));
        completed.insert(first);
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Only whole lines count: an id is printed after its save returned.
        for line in lines {
            let line = line.unwrap();
            if line.starts_with('p') {
                completed.insert(line);
            }
        }
        let (file, _) = store::read(&path)
            .unwrap_or_else(|e| panic!("run {run}: the file does not parse: {e}"))
            .unwrap_or_else(|| panic!("run {run}: the file vanished"));
        let on_disk: BTreeSet<&str> = file.annotations.iter().map(|a| a.id.as_str()).collect();
        let lost: Vec<&String> = completed
            .iter()
            .filter(|id| !on_disk.contains(id.as_str()))
            .collect();
        assert!(lost.is_empty(), "run {run}: completed saves lost: {lost:?}");
        let backup = store::backup_path(&path);
        if backup.exists() {
            assert!(
                store::read(&backup).is_ok(),
                "run {run}: the .bak does not parse"
            );
        }
    }
    println!("{} saves completed across {KILLS} kills", completed.len());
}
