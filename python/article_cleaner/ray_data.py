"""Clean WARC files on a Ray cluster (Ray Data), or on one machine in Ray's local mode.

    python -m article_cleaner.ray_data crawl/*.warc.gz --output out/        # local
    python -m article_cleaner.ray_data s3://bucket/crawl/ --output s3://bucket/articles/ \\
        --address auto                                                     # on a cluster

Work is split by file, as cc-pyspark does: the dataset holds one row per WARC path, and
``map_batches`` (pyarrow batches of one path) cleans each file on a worker with
``article-cleaner batch``'s own reader and cleaner, so every output row is that tool's JSON
line as a row: ``url, title, byline, published_time, lang, page_type, text`` (or
``markdown``), and ``error_code, error_message`` for a record that gave no article. Paths
that are not local (``s3://``, ``gs://``, ``hdfs://``...) are copied to the worker's local
disk with pyarrow's file systems first.
"""

import argparse
import json
import os
import shutil
import tempfile
from contextlib import contextmanager

import pyarrow as pa

from . import clean_file_lines

__all__ = ["SCHEMA", "clean_path_batch", "clean_warcs", "row_to_line", "main"]

# large_string: one file's text can pass the 2 GiB offsets of a plain string column.
SCHEMA = pa.schema(
    [
        ("url", pa.large_string()),
        ("title", pa.large_string()),
        ("byline", pa.large_string()),
        ("published_time", pa.large_string()),
        ("lang", pa.large_string()),
        ("page_type", pa.large_string()),
        ("text", pa.large_string()),
        ("markdown", pa.large_string()),
        ("error_code", pa.large_string()),
        ("error_message", pa.large_string()),
    ]
)

# Copy buffer for a remote WARC file.
_COPY_BUFFER_BYTES = 1 << 20


@contextmanager
def _local_path(path):
    """A local path for `path`: itself, or a temporary copy of a remote file."""
    if "://" not in path or path.startswith("file://"):
        yield path.removeprefix("file://")
        return
    from pyarrow import fs

    filesystem, remote = fs.FileSystem.from_uri(path)
    suffix = ".warc.gz" if path.endswith(".gz") else ".warc"
    with tempfile.NamedTemporaryFile(suffix=suffix) as local:
        with filesystem.open_input_stream(remote) as source:
            shutil.copyfileobj(source, local, _COPY_BUFFER_BYTES)
        local.flush()
        yield local.name


def clean_path_batch(batch: pa.Table, markdown: bool = False) -> pa.Table:
    """``map_batches`` function: a batch of WARC paths (column ``path``) to their rows."""
    columns = {name: [] for name in SCHEMA.names}
    for path in batch.column("path").to_pylist():
        with _local_path(path) as local:
            # One thread per file: Ray runs one task per core.
            for line in clean_file_lines(local, threads=1, markdown=markdown):
                record = json.loads(line)
                error = record.get("error") or {}
                for name in SCHEMA.names:
                    columns[name].append(record.get(name))
                columns["error_code"][-1] = error.get("code")
                columns["error_message"][-1] = error.get("message")
    return pa.table(columns, schema=SCHEMA)


def clean_warcs(paths, markdown: bool = False):
    """A Ray dataset of the cleaned records of these WARC files (lazy; in input order)."""
    import ray

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    dataset = ray.data.from_items([{"path": os.fspath(path)} for path in paths])
    return dataset.map_batches(
        clean_path_batch,
        batch_size=1,
        batch_format="pyarrow",
        fn_kwargs={"markdown": markdown},
    )


def row_to_line(row: dict) -> dict:
    """A dataset row back to ``article-cleaner batch``'s JSON line (as a dict)."""
    if row.get("error_code") is not None:
        return {"url": row["url"], "error": {"code": row["error_code"], "message": row["error_message"]}}
    line = {name: row[name] for name in ("url", "title", "byline", "published_time", "lang", "page_type")}
    for body in ("text", "markdown"):
        if row.get(body) is not None:
            line[body] = row[body]
    return line


def _expand(paths):
    """Local directories and globs to their WARC files; remote directories through pyarrow."""
    import glob

    found = []
    for path in paths:
        if "://" in path and not path.startswith("file://"):
            from pyarrow import fs

            filesystem, remote = fs.FileSystem.from_uri(path)
            info = filesystem.get_file_info(remote)
            if info.type == fs.FileType.Directory:
                scheme = path.split("://", 1)[0]
                selector = fs.FileSelector(remote, recursive=True)
                found += sorted(
                    f"{scheme}://{entry.path}"
                    for entry in filesystem.get_file_info(selector)
                    if entry.is_file and ".warc" in entry.base_name
                )
            else:
                found.append(path)
        elif os.path.isdir(path):
            found += sorted(glob.glob(os.path.join(path, "**", "*.warc*"), recursive=True))
        else:
            found += sorted(glob.glob(path)) or [path]
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description="Clean WARC files with article-cleaner on Ray Data.")
    parser.add_argument("paths", nargs="+", help="WARC files, directories or globs (local or s3://...)")
    parser.add_argument("--output", required=True, help="output directory (local or s3://...)")
    parser.add_argument("--markdown", action="store_true", help="Markdown instead of text")
    parser.add_argument("--format", choices=("json", "parquet"), default="json", help="output files (default: json)")
    parser.add_argument("--address", default=None, help="Ray cluster address (default: local mode)")
    args = parser.parse_args(argv)

    import ray

    ray.init(address=args.address, ignore_reinit_error=True)
    dataset = clean_warcs(_expand(args.paths), markdown=args.markdown)
    # The flat rows (SCHEMA): row_to_line gives a row back as the CLI's line.
    if args.format == "parquet":
        dataset.write_parquet(args.output)
    else:
        dataset.write_json(args.output)


if __name__ == "__main__":
    main()
