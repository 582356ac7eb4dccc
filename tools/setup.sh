#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there at the right
# version (idempotent). Used by .ci/run (everything) and tools/build-wasm.sh (build only).
#   tools/setup.sh          wasm32 target, wasm-pack, wasm-bindgen-cli, npm packages
#   tools/setup.sh --test   also clippy, rustfmt, Chromium + chromedriver, firefox-esr, nightly
#                           (fuzzing), and the Python venv (python/requirements-ci.txt, libmagic1)
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=false
[[ ${1:-} == --test ]] && for_tests=true

echo "=== toolchain ==="
rustup --version 2>/dev/null
rustc --version
cargo --version
python3 --version

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "target wasm32-unknown-unknown: already installed"
else
    rustup target add wasm32-unknown-unknown
fi
if $for_tests; then
    for component in clippy rustfmt; do
        if rustup component list --installed | grep -q "^$component-"; then
            echo "component $component: already installed"
        else
            rustup component add "$component"
        fi
    done
fi

# Pinned tool versions (see ../shared/docs/toolchain.md): the wasm-bindgen CLI must equal the
# crate version in Cargo.lock exactly.
WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"
if [[ $(wasm-pack --version 2>/dev/null) == "wasm-pack $WASM_PACK_VERSION" ]]; then
    echo "wasm-pack $WASM_PACK_VERSION: already installed"
else
    cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
fi
if [[ $(wasm-bindgen --version 2>/dev/null) == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    echo "wasm-bindgen-cli $WASM_BINDGEN_VERSION: already installed"
else
    # --locked fails here: a pinned dependency of the CLI is missing from the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if $for_tests; then
    if [[ -x /usr/lib/chromium/chromium ]] && command -v chromedriver >/dev/null; then
        echo "chromium + chromedriver: already installed ($(chromedriver --version | cut -d' ' -f1-2))"
    else
        # One source package, so the browser and its driver always match.
        apt-get update && apt-get install -y chromium chromium-driver
    fi
    if [[ -x /usr/bin/firefox-esr ]]; then
        echo "firefox-esr: already installed ($(/usr/bin/firefox-esr --version 2>/dev/null))"
    else
        # Debian's Firefox ESR: tests/e2e/firefox.mjs drives it over WebDriver BiDi (no driver).
        apt-get update && apt-get install -y firefox-esr
    fi
    if rustup toolchain list | grep -q '^nightly'; then
        echo "nightly toolchain (fuzzing): already installed"
    else
        rustup toolchain install nightly --profile minimal
    fi
fi
if $for_tests; then
    # Python bindings (python/): a venv of the pinned build and test tools, outside the
    # work tree so that it survives clones; reinstalled only when the pins change.
    venv=${ARTICLE_CLEANER_VENV:-$HOME/.cache/article-cleaner/py-venv}
    pins=python/requirements-ci.txt
    stamp=$venv/.requirements-ci.sha256
    if [[ -f $stamp ]] && sha256sum --status -c "$stamp" 2>/dev/null; then
        echo "python venv ($venv): up to date"
    else
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --upgrade pip
        "$venv/bin/pip" install --quiet -r "$pins"
        sha256sum "$pins" > "$stamp"
    fi
    # libmagic: datatrove's WarcReader sniffs payload types with it.
    if dpkg -s libmagic1 >/dev/null 2>&1; then
        echo "libmagic1: already installed"
    else
        apt-get update && apt-get install -y libmagic1
    fi
fi
# npm packages: binaryen (wasm-opt), playwright-core, puppeteer-core and web-ext (Firefox tests),
# and the JS tools the bench compares.
if npm ls --depth=0 >/dev/null 2>&1; then
    echo "node_modules: up to date"
else
    npm ci --no-audit --no-fund
fi

