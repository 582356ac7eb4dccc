#!/usr/bin/env bash
# Builds the npm package `article-cleaner` in pkg/ (`npm run build`): wasm-pack `--target web`
# (size-optimised by npm binaryen's wasm-opt) into target/wasm-pack/, then tools/build-npm.mjs
# adds the hand-written entry points of npm/ (node, deno, workerd, browser...) around that one
# glue; then copies what the extension needs. Prints raw and gzip -9 sizes.
# `npm pack ./pkg` makes the tarball (tests/consumers/run.mjs installs it into test projects).
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
out=${CARGO_TARGET_DIR:-target}/wasm-pack
wasm-pack build --release --mode no-install --target web --out-dir "$out" -- \
    --config "patch.crates-io.encoding_rs.path=\"$lean\""
node tools/build-npm.mjs "$out"
node tools/sync-web-assets.mjs
wasm=pkg/article_cleaner_bg.wasm
printf 'wasm: %d bytes raw, %d bytes gzip -9\n' "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
