#!/usr/bin/env python3
"""Resident size of a Python process over a long loop of article_cleaner.clean calls (the
"no global state that grows" check of the Python package, at full length; CI runs a short
one in python/tests/test_memory.py). Needs article_cleaner installed; Linux (/proc).

    python tools/python-million-calls.py [--calls 1000000]
"""

import argparse
import pathlib
import time

import article_cleaner

# A short article, so that a million calls take minutes.
PARAGRAPH = "<p>The council met on Tuesday, and after a long debate it voted to reopen the library, " \
            "which had been closed for three years, with a new reading room.</p>"
HTML = f"<html lang=en><head><title>Library</title></head><body><article>{PARAGRAPH * 6}</article></body></html>"


def rss_mb():
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=10)
    args = parser.parse_args()
    step = args.calls // args.samples
    started = time.monotonic()
    print(f"page: {len(HTML)} bytes\n| calls | seconds | RSS MB |\n|---:|---:|---:|")
    print(f"| 0 | 0 | {rss_mb():.1f} |")
    for done in range(step, args.calls + 1, step):
        for _ in range(step):
            article_cleaner.clean(HTML, url="https://example.com/library")
        print(f"| {done:,} | {time.monotonic() - started:.0f} | {rss_mb():.1f} |", flush=True)


if __name__ == "__main__":
    main()
