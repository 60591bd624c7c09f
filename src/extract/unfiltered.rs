//! Fixed patterns compiled without a prefilter. `regex::Regex` builds one from each pattern's
//! literals (month names, verbs in every case) at a cost of millions of instructions a
//! pattern, most of what compiling it costs; a pattern run only over a short stretch, or only
//! when its words are known to be there, gains little from one.

use regex_automata::meta;

/// `pattern` compiled as `regex::Regex::new` compiles it (the same limits, leftmost-first
/// matches, no empty match splitting a character) but with no prefilter: the same matches.
/// The patterns are constants of the program, not input: a bad one is a programming error,
/// caught by the tests that compile them.
pub(crate) fn regex(pattern: &str) -> meta::Regex {
    let config = meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .auto_prefilter(false);
    meta::Builder::new()
        .configure(config)
        .build(pattern)
        .unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"))
}
