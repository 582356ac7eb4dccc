#!/usr/bin/env python3
"""Builds a WARC file from a corpus directory (html/<id>.html.gz, ground-truth/<id>.json
with the page's "url"), to measure `article-cleaner batch` on a crawl-shaped input.

    python3 tools/make-warc.py ../shared/corpus/wcxb-dev /tmp/wcxb.warc.gz [--repeat N]

Each page becomes a request record and a response record (HTTP/1.1 200, text/html, the
page's bytes as stored); a warcinfo record opens the file. An output name ending in .gz
gets one gzip member per record, as crawlers write them. Standard library only.
"""

import argparse
import gzip
import json
import pathlib
import uuid


def record(kind, uri, content_type, block, number):
    head = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{number}:{kind}:{uri}')}>",
        "WARC-Date: 2026-12-06T00:00:00Z",
    ]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--repeat", type=int, default=1, help="write the corpus N times")
    args = parser.parse_args()

    pages = []
    for path in sorted((args.corpus / "html").glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        truth = args.corpus / "ground-truth" / f"{page_id}.json"
        url = json.loads(truth.read_text()).get("url") if truth.exists() else None
        pages.append((url or f"http://corpus.invalid/{page_id}", gzip.decompress(path.read_bytes())))

    compress = args.out.suffix == ".gz"
    total = 0
    with open(args.out, "wb") as out:
        def write(data):
            out.write(gzip.compress(data, compresslevel=6) if compress else data)

        info = b"software: tools/make-warc.py\r\nformat: WARC File Format 1.0\r\n"
        write(record("warcinfo", None, "application/warc-fields", info, 0))
        number = 0
        for _ in range(args.repeat):
            for url, html in pages:
                number += 1
                host = url.split("/")[2] if "://" in url else "corpus.invalid"
                request = f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
                write(record("request", url, "application/http; msgtype=request", request, number))
                head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(html)}\r\n\r\n"
                write(record("response", url, "application/http; msgtype=response",
                             head.encode() + html, number))
                total += len(html)
    print(f"{args.out}: {number} pages, {total / 1e6:.1f} MB of HTML")


if __name__ == "__main__":
    main()
