#!/usr/bin/env python3
"""Memory of `article-cleaner batch` over a long run: the WARC is fed COPIES times through
stdin (gzip members concatenate), and the cleaner's resident size is sampled every INTERVAL
seconds next to its progress (pages so far). Prints a Markdown table and the batch summary.

    python3 tools/make-warc.py ../shared/corpus/wcxb-dev /tmp/wcxb.warc.gz
    python3 tools/long-run-memory.py /tmp/wcxb.warc.gz --copies 67 --threads 2

Standard library only; Linux (/proc). Nothing is asserted: this is a measurement.
"""

import argparse
import pathlib
import shutil
import subprocess
import threading
import time

# Bytes copied to the cleaner's stdin at a time.
FEED_CHUNK_BYTES = 1 << 20


def status(pid):
    fields = {}
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("warc")
    parser.add_argument("--copies", type=int, default=67)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--interval", type=float, default=20.0)
    parser.add_argument("--cli", default="target/release/article-cleaner")
    args = parser.parse_args()

    batch = subprocess.Popen(
        [args.cli, "batch", "-", "--threads", str(args.threads), "--progress", "-o", "/dev/null"],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=False,
    )

    def feed():
        for _ in range(args.copies):
            with open(args.warc, "rb") as warc:
                shutil.copyfileobj(warc, batch.stdin, FEED_CHUNK_BYTES)
        batch.stdin.close()

    progress = {"line": "", "summary": ""}

    def read_progress():
        for raw in batch.stderr:
            line = raw.decode().strip()
            key = "summary" if "records" in line else "line"
            progress[key] = line

    threading.Thread(target=feed, daemon=True).start()
    threading.Thread(target=read_progress, daemon=True).start()
    started = time.monotonic()
    print("| elapsed s | progress | RSS MB | peak RSS MB |\n|---:|---|---:|---:|")
    while batch.poll() is None:
        time.sleep(args.interval)
        try:
            memory = status(batch.pid)
        except (FileNotFoundError, ProcessLookupError):
            break
        print(f"| {time.monotonic() - started:.0f} | {progress['line']} | "
              f"{memory.get('VmRSS', 0):.1f} | {memory.get('VmHWM', 0):.1f} |", flush=True)
    batch.wait()
    time.sleep(0.5)
    print(progress["summary"])


if __name__ == "__main__":
    main()
