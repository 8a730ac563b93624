#!/usr/bin/env python3
"""Writes the labelled dev set as JSON lines {"id","title","text","published"}, repeated to >= MB megabytes."""
import json, os, sys

def load(directory):
    out = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt"):
            continue
        raw = open(os.path.join(directory, name), encoding="utf-8").read()
        head, _, body = raw[4:].partition("\n---\n")
        meta = {}
        for line in head.splitlines():
            if ":" in line and not line.startswith(" "):
                k, _, v = line.partition(":")
                meta[k.strip()] = v.strip()
        out.append({"id": meta.get("id", name), "title": meta.get("title") or None,
                    "text": body.strip(), "published": meta.get("published") or None})
    return out

def main():
    directory, mb = sys.argv[1], float(sys.argv[2])
    items, written, rnd = load(directory), 0, 0
    while written < mb * 1e6:
        for it in items:
            line = json.dumps(dict(it, id=f"{it['id']}#{rnd}"), ensure_ascii=False)
            sys.stdout.write(line + "\n")
            written += len(line.encode()) + 1
        rnd += 1

main()
