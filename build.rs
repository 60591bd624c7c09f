//! Tells the tests whether `../shared` (the corpora and gold files beside the repository) is
//! there. Tests that read it carry `#[cfg_attr(no_shared_data, ignore = "…")]`: without the data
//! they are reported as ignored (not run) rather than passing untested. Under `CI=true` the cfg is
//! never set, so the same tests run and fail loudly when the data is missing.
//!
//! `DOSSIER_SHARED` points elsewhere (a git worktree has no `../shared` beside it). After adding
//! the data to a checkout that was built without it, `touch build.rs` (or `cargo clean -p
//! dossier`) so that the tests stop being ignored.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

#[path = "build/model_tables.rs"]
mod model_tables;

fn main() {
    extractor_hash();
    if let Some(out) = std::env::var_os("OUT_DIR") {
        model_tables::write(Path::new(&out));
    }
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=DOSSIER_SHARED");
    println!("cargo::rustc-check-cfg=cfg(no_shared_data)");
    let shared = std::env::var_os("DOSSIER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let readme = shared.join("README.md");
    if readme.is_file() {
        // Rerun when the data goes away; a missing path would make Cargo rerun on every build.
        println!("cargo::rerun-if-changed={}", readme.display());
    } else if std::env::var("CI").as_deref() != Ok("true") {
        println!("cargo::rustc-cfg=no_shared_data");
    }
}

/// `DOSSIER_EXTRACTOR_HASH`: a hash of the word lists and models under `assets/` and of the code
/// under `src/`, which the result cache keys its entries with (`src/cache`), so a changed asset
/// or a rebuilt extractor never serves results the old one made (the crate version alone does
/// not change between builds of the same release).
fn extractor_hash() {
    println!("cargo::rerun-if-changed=assets");
    println!("cargo::rerun-if-changed=src");
    let mut files = Vec::new();
    for root in ["assets", "src"] {
        collect(Path::new(root), &mut files);
    }
    files.sort();
    // FNV-1a: stable across Rust releases, unlike `DefaultHasher`, and plenty for a change check.
    let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
    for file in &files {
        hash.write(file.to_string_lossy().as_bytes());
        hash.write(&std::fs::read(file).unwrap_or_default());
    }
    println!(
        "cargo::rustc-env=DOSSIER_EXTRACTOR_HASH={:016x}",
        hash.finish()
    );
}

/// Every file under `dir`, except the images (icons, screenshots), which extraction never reads.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !matches!(entry.file_name().to_str(), Some("icons" | "screenshots")) {
                collect(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
