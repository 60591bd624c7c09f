//! A Python virtual environment under `target/` for the tests that check Dossier's output with
//! reference tools from PyPI (the STIX validator, PySpark, spaCy): created once, its packages
//! installed (pip does nothing when they already are).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment `target/NAME` with `packages` installed (pip arguments: pinned names, or
/// `-r FILE`); returns its folder (its interpreter is `bin/python`).
pub fn venv(name: &str, packages: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name);
    let python = dir.join("bin/python");
    if !python.exists() {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&dir)
            .status()
            .expect("python3 -m venv");
        assert!(made.success(), "cannot create {}", dir.display());
    }
    let installed = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .args(packages)
        .status()
        .expect("pip");
    assert!(installed.success(), "pip install {}", packages.join(" "));
    dir
}
