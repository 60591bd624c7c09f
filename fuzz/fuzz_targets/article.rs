//! Fuzz target: see `check::article_extraction` in tests/common/fuzz_checks.rs for what it checks.
#![no_main]

#[path = "../../tests/common/fuzz_checks.rs"]
#[allow(dead_code)]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::article_extraction(data));
