#!/usr/bin/env python3
"""Write a large synthetic RSS 2.0 feed: synth.py OUT.xml [ITEMS]."""
import sys

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50000
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n<title>Synthetic NATO feed</title>\n'
            '<link>https://example.org/</link>\n<description>benchmark</description>\n')
    for i in range(n):
        f.write(f"<item><title>Allies agree on item {i} &amp; more</title><link>https://example.org/news/{i}.html</link>"
                f"<guid isPermaLink=\"false\">item-{i}</guid><pubDate>Tue, 02 Mar 2021 23:{i % 60:02d}:15 GMT</pubDate>"
                f"<dc:creator>Press Office</dc:creator><category>Defence</category><category>Summit</category>"
                f"<description><![CDATA[<p>Summary of item {i}: ministers met in Brussels to discuss &quot;readiness&quot;.</p>]]></description>"
                f"<content:encoded><![CDATA[<p>Paragraph one of item {i}.</p><p>Paragraph two with <a href=\"/x\">a link</a>.</p>]]></content:encoded>"
                f"<enclosure url=\"https://example.org/a/{i}.mp3\" type=\"audio/mpeg\" length=\"{1000 + i}\"/></item>\n")
    f.write("</channel>\n</rss>\n")
