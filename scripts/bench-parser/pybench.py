#!/usr/bin/env python3
"""Parse-only throughput of Python feedparser and feedparser-rs, in one process.

Usage: pybench.py PARSER REPEAT PATH...   (PARSER: feedparser | feedparser-rs)
Prints one line: "<parser> <version>: N files, X MB, I items in T s -> F files/s, M MB/s, R items/s"
(best pass of REPEAT). Files are read into memory first; only parse() is timed, exactly as
shared/tools/feedref.py --bench and feedref_rs.py --bench do.
"""
import io
import os
import sys
import time
import warnings


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for dp, dn, fn in os.walk(p):
                dn[:] = [d for d in dn if not d.startswith(".")]
                for f in fn:
                    if f.startswith(".") or f in ("README.md", "MANIFEST.tsv"):
                        continue
                    found.append(os.path.join(dp, f))
            files.extend(sorted(found))
        elif os.path.isfile(p):
            files.append(p)
    return files


def main():
    parser, repeat, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    blobs = []
    for f in collect(paths):
        with open(f, "rb") as fh:
            blobs.append(fh.read())
    total = sum(len(b) for b in blobs)
    if parser == "feedparser":
        import feedparser
        import feedparser.api
        import feedparser.encodings
        feedparser.encodings.lazy_chardet_encoding = None
        feedparser.api.PREFERRED_XML_PARSERS = []
        headers = {"content-type": "application/xml", "content-location": "https://feedbase.invalid/dir/feed.xml"}
        version = feedparser.__version__

        def parse(b):
            return len(feedparser.parse(io.BytesIO(b), response_headers=headers).entries)
    else:
        import feedparser_rs
        version = feedparser_rs.__version__

        def parse(b):
            try:
                return len(feedparser_rs.parse(b).entries)
            except Exception:
                return 0
    best, items = None, 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            n = sum(parse(b) for b in blobs)
            dt = time.perf_counter() - t0
            if best is None or dt < best:
                best, items = dt, n
    mb = total / 1e6
    print(f"{parser} {version}: {len(blobs)} files, {mb:.2f} MB, {items} items in {best:.3f} s -> "
          f"{len(blobs) / best:.1f} files/s, {mb / best:.2f} MB/s, {items / best:.0f} items/s")


if __name__ == "__main__":
    main()
