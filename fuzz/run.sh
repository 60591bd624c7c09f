#!/usr/bin/env bash
# Runs each fuzz target (built by build.sh) for SECONDS (default 600), one at a time at the lowest
# CPU priority, keeping its corpus in fuzz/corpus/TARGET and seeding it with the kept regression
# inputs. A failing input is written to fuzz/artifacts/TARGET/; copy it to
# tests/fuzz_regressions/TARGET/ once fixed. Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(corpus_formats money dates annotation_file article)
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  echo "== $t ($seconds s)"
  nice -n 19 "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" "../tests/fuzz_regressions/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" 2>&1 |
    grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|.*panicked|Test unit written)" 
done
