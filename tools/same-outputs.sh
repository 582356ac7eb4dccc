#!/usr/bin/env bash
# Proves a refactoring: writes `article-cleaner outputs` (content, textContent, markdown or
# the error code) for every page of the three corpora with the release CLI, and compares
# them with the same files of an earlier build.
#   tools/same-outputs.sh save DIR      write the outputs of the current code to DIR
#   tools/same-outputs.sh check DIR     write them again and name every page that differs
# Env: CORPUS_DIR (default ../shared/corpus).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=${1:?save|check}
dir=${2:?directory}
corpus_dir=${CORPUS_DIR:-$root/../shared/corpus}
declare -A folder=([scrapinghub]=scrapinghub [readability]=readability-test-pages [wcxb]=wcxb-dev)
cargo build --release --quiet --bin article-cleaner
cli=${CARGO_TARGET_DIR:-$root/target}/release/article-cleaner
out=$dir
[[ $mode == check ]] && out=$(mktemp -d)
mkdir -p "$out"
for corpus in scrapinghub readability wcxb; do
    "$cli" outputs "$corpus" "$corpus_dir/${folder[$corpus]}" -o "$out/$corpus-outputs.json" &
done
wait
[[ $mode == save ]] && { echo "saved to $dir"; exit 0; }
status=0
for corpus in scrapinghub readability wcxb; do
    python3 - "$dir/$corpus-outputs.json" "$out/$corpus-outputs.json" "$corpus" <<'PY' || status=1
import json, sys
before, after = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:3])
changed = sorted(page for page in before.keys() | after.keys() if before.get(page) != after.get(page))
print(f"{sys.argv[3]}: {len(after) - len(changed)}/{len(after)} pages byte-identical"
      + (f"; differ: {' '.join(changed[:20])}" if changed else ""))
sys.exit(1 if changed else 0)
PY
done
exit $status
