#!/usr/bin/env bash
# Evaluates the release CLI on the three corpora and prints the scores.
# Usage: tools/eval.sh [OUT_DIR]   (default target/eval)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${CORPUS_DIR:-$root/../shared/corpus}
score=${SCORE_TOOL:-$root/../shared/tools/score.py}
out=${1:-$root/target/eval}
mkdir -p "$out"
cargo build --quiet --release --bin article-cleaner
"$root/target/release/article-cleaner" eval scrapinghub "$corpus/scrapinghub" -o "$out/sh.json"
"$root/target/release/article-cleaner" eval readability "$corpus/readability-test-pages" -o "$out/rd.json"
python3 "$score" "$out/sh.json" --corpus scrapinghub --per-page "$out/sh.csv" --bootstrap 100
python3 "$score" "$out/rd.json" --corpus readability --per-page "$out/rd.csv" --bootstrap 100
"$root/target/release/article-cleaner" eval wcxb "$corpus/wcxb-dev" -o "$out/wcxb.json"
python3 "$score" "$out/wcxb.json" --corpus wcxb --per-page "$out/wcxb.csv"
