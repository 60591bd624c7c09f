//! The streaming contract of `dossier extract --jsonl` and `dossier merge`, through the real
//! binary: JSON Lines in on standard input, one record per article out as input arrives, and a
//! merge of the records that gives the batch report's entities, amounts and incidents.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

fn dossier() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The seed articles as JSON Lines records, in load order.
fn seeds_as_jsonl() -> (String, Vec<String>) {
    let corpus = dossier::corpus::load(&[seeds()], &|_| {}, &AtomicBool::new(false));
    assert!(corpus.articles.len() >= 2, "{:?}", corpus.errors);
    let mut lines = String::new();
    for a in &corpus.articles {
        let record = json!({
            "id": a.id,
            "title": a.title,
            "date": a.published.map(|d| d.to_string()),
            "url": a.source,
            "text": a.text,
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    (
        lines,
        corpus.articles.iter().map(|a| a.id.clone()).collect(),
    )
}

/// Runs `dossier ARGS` with `stdin` as input; its standard output, asserting success.
fn run(args: &[&str], stdin: &str) -> String {
    let mut child = dossier()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dossier");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_owned();
    let writer = std::thread::spawn(move || input.write_all(stdin.as_bytes()));
    let out = child.wait_with_output().expect("run dossier");
    writer.join().expect("writer").expect("write stdin");
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn stdin_to_stdout_one_record_per_article_and_merge_equals_the_batch_report() {
    let (jsonl, ids) = seeds_as_jsonl();
    let records = run(&["extract", "--jsonl"], &jsonl);
    let lines: Vec<Value> = records
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON record"))
        .collect();
    let record_ids: Vec<&str> = lines
        .iter()
        .map(|r| r["article"]["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(record_ids, ids, "one record per article, in input order");

    let seeds = seeds();
    let batch: Value =
        serde_json::from_str(&run(&["extract", seeds.to_str().unwrap()], "")).unwrap();
    assert!(!batch["amounts"].as_array().unwrap().is_empty());
    assert!(!batch["incidents"].as_array().unwrap().is_empty());
    // Each record holds exactly the batch path's amounts for its article.
    for r in &lines {
        let id = &r["article"]["id"];
        let batch_amounts: Vec<&Value> = batch["amounts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| &a["article"] == id)
            .collect();
        let streamed: Vec<&Value> = r["amounts"].as_array().unwrap().iter().collect();
        assert_eq!(streamed, batch_amounts, "amounts of {id}");
    }

    // Merging the records (from a file, and from standard input) gives the batch report.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    std::fs::write(&file, &records).unwrap();
    for merged in [
        run(&["merge", file.to_str().unwrap()], ""),
        run(&["merge", "-"], &records),
    ] {
        let merged: Value = serde_json::from_str(&merged).unwrap();
        for key in ["entities", "amounts", "incidents"] {
            assert_eq!(merged[key], batch[key], "{key}");
        }
        let titles = |v: &Value| -> Vec<Value> {
            v["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| json!([a["id"], a["title"], a["published"], a["chars"]]))
                .collect()
        };
        assert_eq!(titles(&merged), titles(&batch));
    }
}

#[test]
fn records_come_out_while_input_still_arrives() {
    let mut child = dossier()
        .args(["extract", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start dossier");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // A generous bound so that a stream that waits for the end of input fails instead of hanging.
    let next = || {
        rx.recv_timeout(Duration::from_secs(120))
            .expect("a record before the input ends")
            .expect("read a record")
    };
    let texts = [
        "Hackers stole $12 million from Quillfeather Bank in March 2021.",
        "Talks ended on Monday.",
    ];
    for (i, text) in texts.iter().enumerate() {
        writeln!(stdin, "{}", json!({"id": format!("a{i}"), "text": text})).unwrap();
        stdin.flush().unwrap();
        let record: Value = serde_json::from_str(&next()).unwrap();
        assert_eq!(record["article"]["id"], format!("a{i}"));
    }
    // A bad line is an error record in its place; a blank line is nothing.
    writeln!(stdin, "\n{{\"title\": \"no text\"}}").unwrap();
    drop(stdin);
    let record: Value = serde_json::from_str(&next()).unwrap();
    let message = record["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("line 4: no text"), "{message}");
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_jsonl_file_streams_like_standard_input() {
    let (jsonl, ids) = seeds_as_jsonl();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let out = dir.path().join("records.jsonl");
    std::fs::write(&input, &jsonl).unwrap();
    run(
        &[
            "extract",
            "--jsonl",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    // The same records as from standard input, but for the path they name.
    let records = |text: &str, path: &str| -> Vec<Value> {
        text.lines()
            .map(|l| {
                let mut r: Value = serde_json::from_str(l).unwrap();
                assert_eq!(r["article"]["path"], path);
                r["article"]["path"] = Value::Null;
                r
            })
            .collect()
    };
    let from_file = records(
        &std::fs::read_to_string(&out).unwrap(),
        input.to_str().unwrap(),
    );
    let from_stdin = records(&run(&["extract", "--jsonl"], &jsonl), "stdin");
    assert_eq!(from_file.len(), ids.len());
    assert!(from_file == from_stdin, "records differ");
}

#[test]
fn merged_records_of_a_generated_corpus_equal_the_batch_report_to_the_last_digit() {
    // Generated articles have euro, pound and crypto figures whose dollar values are not round.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("gen.jsonl");
    let generated = run(&["gen-corpus", "--articles", "150", "--seed", "9"], "");
    std::fs::write(&articles, &generated).unwrap();
    let records = run(&["extract", "--jsonl"], &generated);
    assert_eq!(records.lines().count(), 150);
    let merged: Value = serde_json::from_str(&run(&["merge", "-"], &records)).unwrap();
    let batch: Value =
        serde_json::from_str(&run(&["extract", articles.to_str().unwrap()], "")).unwrap();
    assert!(batch["incidents"].as_array().unwrap().len() > 10);
    for key in ["entities", "amounts", "incidents"] {
        assert!(merged[key] == batch[key], "{key} differ");
    }
}
