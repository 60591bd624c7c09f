//! Opening a corpus for a command: through the result cache unless `--no-cache`, with what the
//! cache could not do said once on standard error.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use dossier::analysis::Analysis;
use dossier::cache::ResultCache;

/// Loads and analyses `paths` (the analyst's decisions are the caller's to replay on top).
pub fn analyse(paths: &[PathBuf], use_cache: bool) -> Analysis {
    let cancel = AtomicBool::new(false);
    let cache = use_cache.then(ResultCache::from_env).flatten();
    let (analysis, used) = Analysis::open(paths, &|_| {}, &cancel, cache.as_ref());
    for problem in used.problems() {
        eprintln!("dossier: {problem}");
    }
    analysis
}
