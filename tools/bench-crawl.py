#!/usr/bin/env python3
"""Throughput on one WARC, in one run: `article-cleaner batch`, the Python package's
clean_files and clean_batch, trafilatura and resiliparse, each on THREADS cores; and the
word F1 on wcxb-dev of each extractor's texts (scored by ../shared/tools/score.py).

    python3 tools/make-warc.py ../shared/corpus/wcxb-dev /tmp/wcxb.warc.gz
    VENV/bin/python tools/bench-crawl.py /tmp/wcxb.warc.gz --corpus ../shared/corpus/wcxb-dev \\
        --cli target/release/article-cleaner --threads 2

VENV needs article_cleaner (pip install ./python), trafilatura, resiliparse (with fastwarc).
Not run in CI: it takes minutes. The WARC must come from tools/make-warc.py on the corpus
(its responses are the corpus pages in the order of their file names: that maps texts to
page ids for scoring). The Python extractors get the records already read (reading is timed
apart); the CLI and clean_files time everything (gunzip, WARC, HTTP, cleaning, JSON).
"""

import argparse
import json
import multiprocessing
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

MEGABYTE = 1e6
# Pages handed to a worker process at a time (trafilatura, resiliparse).
POOL_CHUNK = 8


def read_records(warc):
    """(url, body bytes) of every response record, in order."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = []
    with open(warc, "rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            records.append((record.headers.get("WARC-Target-URI"), record.reader.read()))
    return records


def trafilatura_one(item):
    import trafilatura

    url, body = item
    return trafilatura.extract(body, url=url) or ""


def resiliparse_one(item):
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    _, body = item
    tree = HTMLTree.parse_from_bytes(body, detect_encoding(body))
    return extract_plain_text(tree, main_content=True)


def pooled(function, records, threads):
    with multiprocessing.Pool(threads) as pool:
        return pool.map(function, records, chunksize=POOL_CHUNK)


def timed(name, html_bytes, pages, run, results, repeat):
    """Runs `run` `repeat` times; keeps the best time (the machine may be shared)."""
    times, cpu_times = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), cpu_seconds()
        texts = run()
        times.append(time.perf_counter() - started)
        cpu_times.append(cpu_seconds() - cpu_started)
    seconds, cpu = min(times), min(cpu_times)
    results[name] = {
        "seconds": round(seconds, 2),
        "all_seconds": [round(each, 2) for each in times],
        "pages_per_s": round(pages / seconds, 1),
        "mb_per_s": round(html_bytes / MEGABYTE / seconds, 1),
        "cpu_seconds": round(cpu, 2),
        "pages_per_cpu_s": round(pages / cpu, 1),
    }
    print(f"{name}: best {seconds:.2f} s of {[round(each, 2) for each in times]}, "
          f"{pages / seconds:.1f} pages/s, {html_bytes / MEGABYTE / seconds:.1f} MB/s; "
          f"CPU {cpu:.2f} s ({pages / cpu:.1f} pages per CPU s)", file=sys.stderr)
    return texts


def cpu_seconds():
    """User + system CPU of this process and its reaped children (the CLI, pool workers):
    on a shared machine a steadier measure than wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def word_f1(texts, ids, corpus, score_tool):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as pred:
        json.dump({page: {"articleBody": text} for page, text in zip(ids, texts)}, pred)
    with tempfile.NamedTemporaryFile(suffix=".json") as summary:
        subprocess.run(
            [sys.executable, score_tool, pred.name, "--corpus", "wcxb", "--corpus-dir", str(corpus),
             "--json", summary.name],
            check=True, capture_output=True,
        )
        wcxb = json.loads(pathlib.Path(summary.name).read_text())["wcxb"]
        return {"word_f1": round(wcxb["word_f1"], 3),
                "by_type": {kind: round(v["word_f1"], 3) for kind, v in wcxb["by_type"].items()}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("warc")
    parser.add_argument("--corpus", type=pathlib.Path, required=True)
    parser.add_argument("--cli", default="target/release/article-cleaner")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--score-tool", default=str(pathlib.Path(__file__).resolve().parents[2]
                                                    / "shared" / "tools" / "score.py"))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, best kept")
    parser.add_argument("--skip-f1", action="store_true")
    args = parser.parse_args()

    import article_cleaner

    started = time.perf_counter()
    records = read_records(args.warc)
    read_seconds = time.perf_counter() - started
    ids = [path.name[: -len(".html.gz")] for path in sorted((args.corpus / "html").glob("*.html.gz"))]
    assert len(ids) == len(records), (len(ids), len(records))
    html_bytes = sum(len(body) for _, body in records)
    pages = len(records)
    print(f"{pages} pages, {html_bytes / MEGABYTE:.1f} MB of HTML; read with fastwarc in "
          f"{read_seconds:.2f} s", file=sys.stderr)
    results = {"pages": pages, "html_mb": round(html_bytes / MEGABYTE, 1), "threads": args.threads,
               "fastwarc_read_s": round(read_seconds, 2)}
    texts = {}

    def cli():
        run = subprocess.run([args.cli, "batch", args.warc, "--threads", str(args.threads)],
                             check=True, capture_output=True)
        return [json.loads(line).get("text", "") for line in run.stdout.decode().splitlines()]

    def files():
        return [line.get("text", "") for line in article_cleaner.clean_files(args.warc, threads=args.threads)]

    def batch():
        cleaned = article_cleaner.clean_batch(
            [(body, url) for url, body in records], threads=args.threads, output_html=False)
        return [item["text_content"] if isinstance(item, dict) else "" for item in cleaned]

    texts["article-cleaner batch (CLI, end to end)"] = timed(
        "article-cleaner batch (CLI, end to end)", html_bytes, pages, cli, results, args.repeat)
    timed("clean_files (Python, end to end)", html_bytes, pages, files, results, args.repeat)
    texts["clean_batch (Python)"] = timed("clean_batch (Python)", html_bytes, pages, batch, results, args.repeat)
    texts["trafilatura"] = timed("trafilatura", html_bytes, pages,
                                 lambda: pooled(trafilatura_one, records, args.threads), results, args.repeat)
    texts["resiliparse"] = timed("resiliparse", html_bytes, pages,
                                 lambda: pooled(resiliparse_one, records, args.threads), results, args.repeat)

    if not args.skip_f1:
        for name, extracted in texts.items():
            results[name]["wcxb"] = word_f1(extracted, ids, args.corpus, args.score_tool)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
