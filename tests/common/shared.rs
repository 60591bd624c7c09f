//! The data beside the repository (`../shared`, or `$DOSSIER_SHARED`) for tests that need it.
//!
//! Such a test carries `#[cfg_attr(no_shared_data, ignore = "needs ../shared")]` and reads its
//! paths through [`path`]. `build.rs` sets `no_shared_data` when the data is absent, except under
//! `CI=true`: there the test runs and [`path`] fails it, so a run missing its data is never green.

use std::path::PathBuf;

/// `../shared/REL`; panics (failing the test) when it does not exist.
pub fn path(rel: &str) -> PathBuf {
    let root = std::env::var_os("DOSSIER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = root.join(rel);
    assert!(
        path.exists(),
        "{} is missing: this test needs the shared data (../shared, or set DOSSIER_SHARED)",
        path.display()
    );
    path
}
