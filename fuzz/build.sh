#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer instrumentation on a stable toolchain, without cargo-fuzz:
# the flags are those `cargo fuzz build --sanitizer none` passes. No nightly feature is needed, so
# RUSTC_BOOTSTRAP is not required (AddressSanitizer would need it: safe Rust does not).
# Usage: fuzz/build.sh [TARGET...]; binaries in fuzz/target/x86_64-unknown-linux-gnu/release/.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
bins=()
for t in "$@"; do bins+=(--bin "$t"); done
cargo build --release --target x86_64-unknown-linux-gnu "${bins[@]}"
