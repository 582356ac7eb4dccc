#!/usr/bin/env bash
# Builds tools/lol-floor/pkg (`--target web`), optimised like article-cleaner's release wasm.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PWD/../../node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --release --target wasm32-unknown-unknown --locked
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/lol_floor.wasm
wasm-opt -Oz --low-memory-unused pkg/lol_floor_bg.wasm -o pkg/lol_floor_bg.wasm
