#!/usr/bin/env bash
# Peak memory against input size: builds the release CLI, generates inputs of growing size
# (realistic article pages of 100 KB to 50 MB, and the hostile shapes of tests/hostile.rs),
# runs `article-cleaner --format text FILE` on each under `/usr/bin/time -v` and prints a
# Markdown table: input, bytes, result (ok or the error code), wall time, peak RSS, and peak
# RSS over input size.
#
# The CLI reads the whole file and feeds it in one write, so the input itself (1x) is part
# of the peak. Nothing is asserted: this is a measurement.
#
#   tools/peak-memory.sh              # inputs in a temporary directory, removed afterwards
#   tools/peak-memory.sh DIR          # inputs kept in DIR (reused when present)
#
# Needs python3 (to write the inputs) and GNU time at /usr/bin/time (Debian/Ubuntu package
# `time`; installed with apt-get when missing and possible).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v /usr/bin/time >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
        echo "peak-memory: installing GNU time (apt-get install time)" >&2
        apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    else
        echo "peak-memory: /usr/bin/time (GNU time) is required: apt-get install time" >&2
        exit 1
    fi
fi

echo "peak-memory: building the release CLI" >&2
cargo build --quiet --release --bin article-cleaner
cli=${CARGO_TARGET_DIR:-$root/target}/release/article-cleaner

if [[ $# -ge 1 ]]; then
    dir=$1
    mkdir -p "$dir"
else
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
fi

echo "peak-memory: writing inputs to $dir" >&2
python3 - "$dir" <<'PY'
import os, sys

out = sys.argv[1]

PARAGRAPHS = [
    "The county water board voted on Thursday to replace the ageing pumping station at Mill "
    "Lane, ending two years of arguments over <a href=\"/news/cost\">cost</a>, location and the "
    "fate of the old brick engine house, which campaigners want to keep as a museum.",
    "Engineers told the meeting that the station, built in 1931, now fails several times a "
    "winter, and that each failure leaves about <b>four thousand homes</b> on low pressure for "
    "a day or more while parts are found, made or borrowed from other sites.",
    "The new station will be built on the field behind the current one, the board said, so "
    "that the engine house can stay where it is. Work should begin in the spring &amp; take "
    "about eighteen months, with the old pumps kept running until the switch-over.",
    "&ldquo;We have patched it for as long as we could,&rdquo; said the board&rsquo;s chief "
    "engineer, <em>Maria Okafor</em>. &ldquo;The parts simply no longer exist.&rdquo;",
]

HEAD = (
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Water board approves new pumping station | Example News</title>"
    "<meta property=\"og:title\" content=\"Water board approves new pumping station\">"
    "<meta name=\"description\" content=\"The station at Mill Lane will be replaced.\">"
    "<style>body { font: 16px serif }</style><script>var analytics = { a: 1 };</script>"
    "</head><body>"
    "<div class=\"cookie-banner\"><p>We use cookies to improve your experience.</p>"
    "<button>Accept</button></div>"
    "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>"
    "<main><article><h1>Water board approves new pumping station</h1>"
    "<p class=\"byline\">By <a href=\"/authors/jane\">Jane Doe</a></p>"
    "<div class=\"share-bar\"><a href=\"https://twitter.com/share\">Share</a></div>"
)
TAIL = (
    "</article><aside class=\"related\"><h3>Related coverage</h3><ul>"
    "<li><a href=\"/a\">Council approves budget</a></li></ul></aside></main>"
    "<footer><p>&copy; 2026 Example News</p><a href=\"/privacy\">Privacy</a></footer>"
    "</body></html>\n"
)


def section(i):
    """One repeating unit of article body: paragraphs, a heading, a figure, a list."""
    parts = [f"<h2>Section {i}</h2>"]
    for j, paragraph in enumerate(PARAGRAPHS):
        parts.append(f"<p>{paragraph} ({i}.{j})</p>")
    parts.append(
        f"<figure><img src=\"/img/{i}.jpg\" srcset=\"/img/{i}-480.jpg 480w, "
        f"/img/{i}-960.jpg 960w\" alt=\"Photo {i}\"><figcaption>The engine house, "
        f"photo {i}.</figcaption></figure>"
    )
    parts.append(f"<ul><li>Item one of section {i}, with words.</li>"
                 f"<li>Item two of section {i}, with more words.</li></ul>")
    return "".join(parts)


def article(size):
    body = []
    length = len(HEAD) + len(TAIL)
    i = 0
    while length < size:
        unit = section(i)
        body.append(unit)
        length += len(unit)
        i += 1
    return HEAD + "".join(body) + TAIL


def page(body):
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><title>Water board approves new pumping "
        "station</title></head><body>" + body + "</body></html>\n"
    )


ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
MB = 1 << 20
inputs = {
    "article-100KB": article(100 * 1000),
    "article-1MB": article(MB),
    "article-10MB": article(10 * MB),
    "article-50MB": article(50 * MB),
    "nesting-100k-div": page("<div>" * 100_000 + ARTICLE),
    "nesting-1M-div": page("<div>" * 1_000_000 + ARTICLE),
    "nesting-1M-mixed": page("<div><p><b><i><ul><li>" * (1_000_000 // 6) + ARTICLE),
    "text-node-50MB": page(
        "<article><p>"
        + "Words, words and more words in one enormous text node. " * (50 * MB // 55)
        + "</p></article>"
    ),
    "attribute-1MB": page(f"<div title=\"{'a' * MB}\">{ARTICLE}</div>"),
    "attributes-100k": page(
        "<div" + "".join(f" a{i}=\"v{i}\"" for i in range(100_000)) + f">{ARTICLE}</div>"
    ),
}
for name, html in inputs.items():
    path = os.path.join(out, name + ".html")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
PY

inputs=(
    article-100KB article-1MB article-10MB article-50MB
    nesting-100k-div nesting-1M-div nesting-1M-mixed
    text-node-50MB attribute-1MB attributes-100k
)

echo "| input | bytes | result | wall time (s) | peak RSS (MB) | RSS / input |"
echo "|---|---:|---|---:|---:|---:|"
for name in "${inputs[@]}"; do
    file=$dir/$name.html
    bytes=$(stat -c %s "$file")
    log=$dir/$name.time
    err=$dir/$name.err
    status=0
    /usr/bin/time -v -o "$log" "$cli" --format text "$file" >/dev/null 2>"$err" || status=$?
    if [[ $status == 0 ]]; then
        result=ok
    else
        # "article-cleaner: INPUT_TOO_LARGE: ..." -> INPUT_TOO_LARGE
        result=$(sed -n 's/^article-cleaner: \([A-Z_]*\):.*/\1/p' "$err" | head -n 1)
        result=${result:-"exit $status"}
    fi
    python3 - "$name" "$bytes" "$result" "$log" <<'PY'
import sys

name, size, result, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
wall = rss_kb = None
for line in open(log):
    line = line.strip()
    if line.startswith("Elapsed (wall clock) time"):
        parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
        wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    elif line.startswith("Maximum resident set size"):
        rss_kb = int(line.rsplit(" ", 1)[1])
rss = rss_kb * 1024
print(
    f"| {name} | {size:,} | {result} | {wall:.2f} | {rss / (1 << 20):.1f} | "
    f"{rss / size:.1f} |"
)
PY
done
