//! A folder nobody should have to open: binary and empty files, broken encodings, a 200 MB line,
//! a million dollar signs, deep folders, a symlink loop, a FIFO, a link to `/dev/zero`, an
//! unreadable file, a JSON Lines export with a 50 MB line, a CSV whose quote never closes, and a
//! file name that is not UTF-8. Loading it (and `dossier extract` on it) must finish, name each
//! bad file in `errors`, and load every good one.

#![cfg(unix)]

use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use dossier::corpus::{self, Corpus};

const MIB: usize = 1024 * 1024;

fn write(dir: &Path, name: impl AsRef<OsStr>, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name.as_ref());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Builds the folder; returns it with the names of the files that must load.
fn hostile_folder(dir: &Path) -> Vec<&'static str> {
    write(
        dir,
        "good.txt",
        "Hackers stole $5 million from Examplebank in 2019.\n",
    );
    write(
        dir,
        "binary.txt",
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    );
    write(dir, "empty.txt", b"");
    write(
        dir,
        "latin1.txt",
        b"Le caf\xe9 a perdu 3 millions d'euros \xe0 cause d'un vol.\n",
    );
    let utf16: Vec<u8> = "Thieves took $2 million from a wallet in 2021.\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    write(dir, "utf16-no-bom.txt", utf16);
    // 200 MB on one line: refused by its size, never read.
    let mut big = std::fs::File::create(dir.join("one-line.txt")).unwrap();
    let chunk = "stolen $1 million ".repeat(MIB / 18);
    let mut written = 0;
    while written < 200 * MIB {
        big.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
    }
    drop(big);
    write(dir, "dollars.txt", "$".repeat(1_000_000));
    let mut deep = PathBuf::from("deep");
    for _ in 0..60 {
        deep.push("d");
    }
    write(
        dir,
        deep.join("deep-article.txt"),
        "Deep down, $3 million vanished.\n",
    );
    symlink("..", dir.join("deep/d/loop")).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    let locked = write(dir, "locked.txt", "Locked away: $4 million.\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let long_line = format!(
        "{{\"id\": \"huge\", \"text\": \"{}\"}}",
        "a".repeat(50 * MIB)
    );
    write(
        dir,
        "export.jsonl",
        format!(
            "{{\"id\": \"first\", \"text\": \"One $1 million theft.\"}}\n{long_line}\n\
             {{\"id\": \"third\", \"text\": \"Another $2 million theft.\"}}\n"
        ),
    );
    write(
        dir,
        "unbalanced.csv",
        "title,text\nFine,\"A $6 million heist.\"\nBroken,\"never closed, $7 million\nLost,x\n",
    );
    write(
        dir,
        OsStr::from_bytes(b"caf\xe9-news.txt"),
        "A $8 million fraud.\n",
    );
    vec![
        "good.txt",
        "latin1.txt",
        "utf16-no-bom.txt",
        "dollars.txt",
        "deep-article.txt",
        "export.jsonl",
        "unbalanced.csv",
        "caf\u{fffd}-news.txt",
    ]
}

fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn errors_for(corpus: &Corpus, name: &str) -> Vec<String> {
    corpus
        .errors
        .iter()
        .filter(|e| name_of(&e.path) == name)
        .map(|e| e.message.clone())
        .collect()
}

fn loaded(corpus: &Corpus, name: &str) -> bool {
    corpus.articles.iter().any(|a| name_of(&a.path) == name)
}

#[test]
fn hostile_folder_loads_the_good_files_and_names_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = hostile_folder(dir.path());
    let corpus = corpus::load(&[dir.path().to_owned()], &|_| {}, &AtomicBool::new(false));
    for name in &good {
        assert!(
            loaded(&corpus, name),
            "{name} not loaded: {:?}",
            corpus.errors
        );
    }
    let expect = |name: &str, needle: &str| {
        let errors = errors_for(&corpus, name);
        assert!(
            errors.iter().any(|m| m.contains(needle)),
            "{name}: expected an error with {needle:?}, got {errors:?}"
        );
    };
    expect("binary.txt", "binary file");
    expect("empty.txt", "empty file");
    expect("one-line.txt", "file too large");
    expect("pipe.txt", "not a regular file");
    expect("zero.txt", "not a regular file");
    expect("loop", "loop");
    expect("export.jsonl", "line 2: longer than the record limit");
    expect("unbalanced.csv", "row 2");
    // Root reads a mode-000 file anyway; anyone else gets "permission denied". Either way the
    // file is accounted for, never silently dropped.
    let locked_readable = std::fs::read(dir.path().join("locked.txt")).is_ok();
    if locked_readable {
        assert!(loaded(&corpus, "locked.txt"), "{:?}", corpus.errors);
    } else {
        expect("locked.txt", "cannot read");
    }
    let rows: Vec<&str> = corpus
        .articles
        .iter()
        .filter(|a| name_of(&a.path) == "export.jsonl")
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(rows, ["first", "third"]);
    let utf16 = corpus
        .articles
        .iter()
        .find(|a| name_of(&a.path) == "utf16-no-bom.txt")
        .unwrap();
    assert!(utf16.text.starts_with("Thieves took $2 million"));
}

/// `dossier extract` on the same folder: it finishes, exits 0 and its JSON report lists the bad
/// files under `errors`.
#[test]
fn dossier_extract_finishes_on_the_hostile_folder() {
    let dir = tempfile::tempdir().unwrap();
    hostile_folder(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["extract", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = report["errors"].as_array().unwrap();
    for bad in [
        "binary.txt",
        "empty.txt",
        "one-line.txt",
        "pipe.txt",
        "zero.txt",
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e["path"].as_str().is_some_and(|p| p.ends_with(bad))),
            "{bad} not in errors: {errors:?}"
        );
    }
    let articles = report["articles"].as_array().unwrap();
    assert!(articles.len() >= 9, "{} articles", articles.len());
}
