//! The README's Spark recipe, run as written: its Python block is read from README.md, submitted
//! to PySpark in local mode (from PyPI, in a virtual environment under `target/`; Java 17 on the
//! machine) with the `dossier` binary shipped by `--files`, and `dossier merge` of what it wrote
//! must equal `dossier extract` of the same articles.

#[path = "common/python_venv.rs"]
mod python_venv;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The first ```python block of the README's "Streaming and shards" section.
fn readme_recipe() -> String {
    let readme = std::fs::read_to_string(manifest().join("README.md")).unwrap();
    let section = &readme[readme.find("## Streaming and shards").expect("the section")..];
    let start = section.find("```python\n").expect("a python block") + "```python\n".len();
    let end = start + section[start..].find("```").expect("the block's end");
    section[start..end].to_owned()
}

/// A virtual environment under `target/` with PySpark (created once).
fn venv() -> PathBuf {
    python_venv::venv("spark-venv", &["pyspark==4.3.0"])
}

fn dossier(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("dossier runs");
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "installs PySpark from PyPI and starts a JVM; .ci/run runs it with --ignored"]
fn the_readme_spark_recipe_runs_and_its_merge_equals_extract() {
    let venv = venv();
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles.jsonl");
    std::fs::write(
        &articles,
        dossier(&["gen-corpus", "--articles", "300", "--seed", "5"]),
    )
    .unwrap();
    let script = dir.path().join("dossier_spark.py");
    std::fs::write(&script, readme_recipe()).unwrap();
    let records = dir.path().join("records");
    // As the README says to submit it: the binary shipped with --files, nothing on the PATH.
    let submitted = Command::new(venv.join("bin/spark-submit"))
        .args([
            "--master",
            "local[2]",
            "--files",
            env!("CARGO_BIN_EXE_dossier"),
        ])
        .arg(&script)
        .arg(&articles)
        .arg(&records)
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", venv.join("bin").display()),
        )
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .current_dir(dir.path())
        .output()
        .expect("spark-submit runs");
    assert!(
        submitted.status.success(),
        "spark-submit failed: {}",
        String::from_utf8_lossy(&submitted.stderr)
    );
    let mut parts: Vec<String> = std::fs::read_dir(&records)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        })
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    parts.sort();
    assert_eq!(parts.len(), 4, "one output per partition: {parts:?}");
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    let merged: Value = serde_json::from_str(&dossier(&args)).unwrap();
    let batch: Value = serde_json::from_str(&dossier(&[
        "extract",
        "--no-cache",
        articles.to_str().unwrap(),
    ]))
    .unwrap();
    assert_eq!(merged["articles"].as_array().map(Vec::len), Some(300));
    assert!(batch["incidents"].as_array().unwrap().len() > 10);
    for key in ["entities", "amounts", "incidents"] {
        assert!(merged[key] == batch[key], "{key} differ");
    }
}
