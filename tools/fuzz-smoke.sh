#!/usr/bin/env bash
# Fuzz smoke test: builds the cargo-fuzz targets in fuzz/ and runs each one briefly from
# the committed seeds (fuzz/seeds/TARGET) and the committed reproducers
# (fuzz/regressions/TARGET). Exits non-zero if a target crashes, panics, times out or runs
# out of memory; the failing input is left in fuzz/artifacts/TARGET/.
#
# Installs what it needs when missing: the nightly toolchain (rustup, minimal profile) and
# cargo-fuzz (pinned version).
#
#   tools/fuzz-smoke.sh                 # every target, 25 s each
#   FUZZ_SECONDS=60 tools/fuzz-smoke.sh tag_soup
#   FUZZ_SANITIZER=address tools/fuzz-smoke.sh   # ASan build (slower; default: none)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
SECONDS_EACH=${FUZZ_SECONDS:-25}
SANITIZER=${FUZZ_SANITIZER:-none}
ALL_TARGETS=(bytes_chunked tag_soup)

max_len() {
    case "$1" in
        bytes_chunked) echo 65536 ;;
        *) echo 16384 ;;
    esac
}

if ! command -v rustup >/dev/null 2>&1; then
    echo "fuzz-smoke: rustup is required (to get the nightly toolchain)" >&2
    exit 1
fi
if rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz-smoke: nightly toolchain: already installed"
else
    echo "fuzz-smoke: installing the nightly toolchain (minimal profile)"
    rustup toolchain install nightly --profile minimal
fi
if cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: $(cargo fuzz --version): already installed"
else
    echo "fuzz-smoke: installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

if [ "$#" -gt 0 ]; then
    TARGETS=("$@")
else
    TARGETS=("${ALL_TARGETS[@]}")
fi

echo "fuzz-smoke: building ${TARGETS[*]} (sanitizer: $SANITIZER)"
for target in "${TARGETS[@]}"; do
    cargo +nightly fuzz build -s "$SANITIZER" "$target"
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failed=()
for target in "${TARGETS[@]}"; do
    corpus="$scratch/$target"
    mkdir -p "$corpus"
    inputs=("$corpus" "fuzz/seeds/$target")
    if [ -d "fuzz/regressions/$target" ] && [ -n "$(ls -A "fuzz/regressions/$target")" ]; then
        inputs+=("fuzz/regressions/$target")
    fi
    log="$scratch/$target.log"
    echo "fuzz-smoke: running $target for ${SECONDS_EACH}s"
    # No -jobs: one in-process fuzzer (with -jobs libFuzzer writes fuzz-N.log into the
    # current directory).
    if cargo +nightly fuzz run -s "$SANITIZER" "$target" "${inputs[@]}" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 \
        -max_len="$(max_len "$target")" -print_final_stats=1 >"$log" 2>&1; then
        runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
        rss=$(grep -E '^stat::peak_rss_mb' "$log" | awk '{print $2}')
        echo "fuzz-smoke: $target ok: ${runs:-?} executions, peak RSS ${rss:-?} MB"
    else
        echo "fuzz-smoke: $target FAILED:" >&2
        grep -a -E -A4 'panicked at|^==[0-9]+== ERROR|^ERROR:|^SUMMARY|Test unit written' "$log" \
            | head -60 >&2 || true
        grep -a -A2 'Reproduce with' "$log" >&2 || grep -a -v '^"' "$log" | tail -30 >&2
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz-smoke: FAILED: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz-smoke: all targets passed"
