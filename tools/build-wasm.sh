#!/usr/bin/env bash
# Builds the wasm package (`npm run build`): pkg/ for `--target web` (pages, workers, the
# extension) and pkg-bundler/ for bundlers, both size-optimised by npm binaryen's wasm-opt;
# then copies what www/ and the extension need. Prints raw and gzip -9 sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
# wasm-pack picks up any wasm-opt on PATH: make sure it is npm binaryen's, never Debian's.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The release wasm leaves encoding_rs's East Asian tables out (the browser's TextDecoder
# decodes those encodings): a patched copy, for this build only. Cargo records a path patch
# in Cargo.lock, so the lock file is put back afterwards.
lean=$(node tools/lean-encoding-rs.mjs)
cp Cargo.lock target/Cargo.lock.before-wasm
trap 'cp target/Cargo.lock.before-wasm Cargo.lock' EXIT
targets=${WASM_TARGETS:-web bundler}
for target in $targets; do
    out=pkg
    [[ $target == web ]] || out=pkg-$target
    wasm-pack build --release --mode no-install --target "$target" --out-dir "$out" -- \
        --config "patch.crates-io.encoding_rs.path=\"$lean\""
done
if [[ -f tools/sync-web-assets.mjs ]]; then
    node tools/sync-web-assets.mjs
fi
wasm=pkg/article_cleaner_bg.wasm
printf 'wasm: %d bytes raw, %d bytes gzip -9\n' "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
