#!/usr/bin/env python3
"""Writes COUNT RSS feeds of about SIZE bytes each into DIR (feed0000.xml, …) and prints their paths.

Text is drawn from a fixed vocabulary with a fixed seed, so it compresses roughly like real news
text (about 3-4x with gzip) and every run serves the same bytes.
"""
import os
import random
import sys

WORDS = (
    "NATO allies summit pledge defence spending percent GDP brigade battalion mission Baltic "
    "eastern flank air policing enhanced forward presence secretary general communique Ukraine "
    "support package ministers Brussels Vilnius Washington Madrid readiness force exercise "
    "deterrence posture capability target headquarters command maritime group frigate deployment "
    "announced confirmed agreed increase new commitment troops rotation Poland Romania Lithuania "
    "Estonia Latvia Finland Sweden accession article five collective security the a of and to in "
    "for on with by from at as is was will has have said officials according statement report"
).split()


def feed(rng, index, size):
    items = []
    total = 0
    n = 0
    while total < size:
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        body = " ".join(rng.choice(WORDS) for _ in range(70))
        item = (
            f"<item><title>{title}</title><link>https://example.org/news/{index}/{n}</link>"
            f"<guid>https://example.org/news/{index}/{n}</guid>"
            f"<pubDate>Sun, 29 Nov 2026 0{n % 10}:00:00 GMT</pubDate>"
            f"<description>{body}</description></item>\n"
        )
        items.append(item)
        total += len(item)
        n += 1
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Feed {index}</title><link>https://example.org/{index}</link>\n"
        + "".join(items)
        + "</channel></rss>\n"
    )


def main():
    directory, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(2026)
    for index in range(count):
        with open(os.path.join(directory, f"feed{index:04d}.xml"), "w") as out:
            out.write(feed(rng, index, size))


if __name__ == "__main__":
    main()
