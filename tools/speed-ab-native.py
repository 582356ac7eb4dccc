#!/usr/bin/env python3
"""Native speed of two builds of the CLI, interleaved: runs `eval` with each, alternating,
ROUNDS times per corpus, and compares the per-page median elapsed_ms (parse + extract +
serialise, no file I/O).

usage: tools/speed-ab-native.py OLD_CLI NEW_CLI [--rounds 3] [--corpus-dir ../shared/corpus]
(build the old one from a worktree: git worktree add /tmp/old REV && cargo build --release)
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("old")
parser.add_argument("new")
parser.add_argument("--rounds", type=int, default=3)
parser.add_argument("--corpus-dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
args = parser.parse_args()
corpora = {"scrapinghub": "scrapinghub", "wcxb": "wcxb-dev"}
with tempfile.TemporaryDirectory() as scratch:
    for corpus, folder in corpora.items():
        times = {"old": {}, "new": {}}
        for _ in range(args.rounds):
            for name, cli in (("old", args.old), ("new", args.new)):
                out = os.path.join(scratch, f"{name}.json")
                subprocess.run([cli, "eval", corpus, os.path.join(args.corpus_dir, folder), "-o", out], check=True)
                for page, prediction in json.load(open(out, encoding="utf-8")).items():
                    times[name].setdefault(page, []).append(prediction["elapsed_ms"])
        medians = {name: {page: statistics.median(v) for page, v in t.items()} for name, t in times.items()}
        ratios = [medians["new"][p] / medians["old"][p] for p in medians["old"] if medians["old"][p] > 0]
        print(
            f"{corpus}: median ms/page old {statistics.median(medians['old'].values()):.3f}, "
            f"new {statistics.median(medians['new'].values()):.3f}; "
            f"median per-page new/old {statistics.median(ratios):.3f}"
        )
