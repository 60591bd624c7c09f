//! Tells the tests whether `../shared` (the corpora and gold files beside the repository) is
//! there. Tests that read it carry `#[cfg_attr(no_shared_data, ignore = "…")]`: without the data
//! they are reported as ignored (not run) rather than passing untested. Under `CI=true` the cfg is
//! never set, so the same tests run and fail loudly when the data is missing.
//!
//! `DOSSIER_SHARED` points elsewhere (a git worktree has no `../shared` beside it). After adding
//! the data to a checkout that was built without it, `touch build.rs` (or `cargo clean -p
//! dossier`) so that the tests stop being ignored.

use std::path::PathBuf;

fn main() {
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
