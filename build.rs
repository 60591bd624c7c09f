//! Tells the tests whether `../shared` (the corpora and gold files beside the repository) is
//! there. Tests that read it carry `#[cfg_attr(no_shared_data, ignore = "…")]`: without the data
//! they are reported as ignored (not run) rather than passing untested. Under `CI=true` the cfg is
//! never set, so the same tests run and fail loudly when the data is missing.
//!
//! `DOSSIER_SHARED` points elsewhere (a git worktree has no `../shared` beside it). After adding
//! the data to a checkout that was built without it, `touch build.rs` (or `cargo clean -p
//! dossier`) so that the tests stop being ignored.
//!
//! It also tables the models' weights for the process (`model_tables` below).

use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn main() {
    extractor_hash();
    if let Some(out) = std::env::var_os("OUT_DIR") {
        model_tables::write(Path::new(&out));
    }
    println!("cargo::rerun-if-changed=build.rs");
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

mod model_tables {
    //! The weights of `assets/entity-model.tsv` and `assets/amount-model.tsv` read once here, at
    //! compile time, into tables in `OUT_DIR` that the process fills its maps from without
    //! parsing text: reading the 45,000 rows was a tenth of a short run's start-up. The `.tsv`
    //! files stay the source (the training commands write them); the runtime parsers still read
    //! them, and a test checks that both ways give the same model, bit for bit.
    //!
    //! A table is its rows in file order (a later row with the same hash wins, as when parsing):
    //! the hash, then the weights' `f32` bits, little-endian `u32`s. The lines read are the
    //! runtime's (`text::entries`: trimmed, no blanks, no `#` comments), each row as
    //! `learn::Linear::parse_row` or `learn::Ranker::parse_row` reads it.

    use std::path::Path;

    /// Writes the tables and `model_tables.rs` (the scalar lines: threshold, training hash).
    pub fn write(out: &Path) {
        let entity = read("assets/entity-model.tsv");
        let mut threshold = 0.5f32;
        let mut rows = Vec::new();
        for line in entries(&entity) {
            if let Some(t) = line.strip_prefix("threshold\t") {
                threshold = t.trim().parse().unwrap_or(0.5);
            } else {
                linear_row::<4>(line, &mut rows);
            }
        }
        write_file(&out.join("entity-model.bin"), &rows);

        let amount = read("assets/amount-model.tsv");
        let mut trained_on = String::new();
        let (mut roles, mut head) = (Vec::new(), Vec::new());
        for line in entries(&amount) {
            if let Some(t) = line.strip_prefix("trained_on\t") {
                trained_on = t.trim().to_string();
            } else if let Some(row) = line.strip_prefix("role\t") {
                linear_row::<5>(row, &mut roles);
            } else if let Some(row) = line.strip_prefix("head\t") {
                ranker_row(row, &mut head);
            }
        }
        write_file(&out.join("amount-roles.bin"), &roles);
        write_file(&out.join("amount-head.bin"), &head);

        let consts = format!(
            "/// `threshold` of `assets/entity-model.tsv`, as `f32` bits.\n\
             pub const ENTITY_THRESHOLD: u32 = {:#x};\n\
             /// `trained_on` of `assets/amount-model.tsv`.\n\
             pub const AMOUNT_TRAINED_ON: &str = {trained_on:?};\n",
            threshold.to_bits()
        );
        write_file(&out.join("model_tables.rs"), consts.as_bytes());
    }

    fn read(path: &str) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn write_file(path: &Path, bytes: &[u8]) {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// `text::entries`.
    fn entries(text: &str) -> impl Iterator<Item = &str> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// `Linear::parse_row`: a hex hash, then `K` weights (a missing or unreadable one is 0); a
    /// line without a hash is no row.
    fn linear_row<const K: usize>(line: &str, out: &mut Vec<u8>) {
        let mut cols = line.split('\t');
        let Some(h) = cols.next().and_then(|c| u32::from_str_radix(c, 16).ok()) else {
            return;
        };
        out.extend(h.to_le_bytes());
        for _ in 0..K {
            let w: f32 = cols.next().and_then(|c| c.parse().ok()).unwrap_or(0.0);
            out.extend(w.to_bits().to_le_bytes());
        }
    }

    /// `Ranker::parse_row`: a hex hash, a tab, one weight.
    fn ranker_row(line: &str, out: &mut Vec<u8>) {
        let Some((h, w)) = line.split_once('\t') else {
            return;
        };
        let (Ok(h), Ok(w)) = (u32::from_str_radix(h, 16), w.trim().parse::<f32>()) else {
            return;
        };
        out.extend(h.to_le_bytes());
        out.extend(w.to_bits().to_le_bytes());
    }
}
