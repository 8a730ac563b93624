#!/usr/bin/env python3
"""Hostile feeds: each served from loopback beside two healthy feeds and run through one
`natowatch fetch` (fresh state per case) under /usr/bin/time -v.

For every case it checks: the binary did not crash (exit 0: the cycle ran); wall time and peak
RSS stay within the case's bound; the hostile feed's `failed: …` line is present and one clear
line (when the case must fail) or absent (when it must parse); the healthy feeds' alerts arrived;
every alert-log line is JSON and no alert was forged (only the expected actors, no marker string,
no raw control bytes). Some cases add their own checks (XXE marker nowhere, no connection to the
gopher:/dict: target, a second fetch of the guid-changing feed adds nothing).

usage: hostile.py NATOWATCH_BIN [--quick] [CASE...]
"""
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zlib

sys.path.insert(0, os.path.dirname(__file__))
import nwrel  # noqa: E402
from nwrel import check, rss, rss_item, pledge_text  # noqa: E402

BIN = sys.argv[1]
QUICK = "--quick" in sys.argv
ONLY = [a for a in sys.argv[2:] if not a.startswith("--")]
CACHE = os.environ.get("NW_REL_CACHE", "/tmp/nwrel-cache")
os.makedirs(CACHE, exist_ok=True)

HEALTHY = [("Healthy A", "/healthy-a.xml", "Estonia"), ("Healthy B", "/healthy-b.xml", "Latvia")]


def healthy_body(actor, guid):
    t, b = pledge_text(actor)
    return rss(f"Healthy {actor}", [rss_item(guid, t, b), rss_item(guid + "q", "Ministers meet in Brussels",
                                                                        "Foreign ministers met on Thursday.")])


class Case:
    def __init__(self, name, path, handler, must="fail", time_bound=10.0, rss_bound=100.0, extra_config="",
                 allowed=(), reason_re=None, post=None, url=None, setup=None, known_bug=None, full_only=False):
        self.name, self.path, self.handler, self.must = name, path, handler, must
        self.time_bound, self.rss_bound, self.extra_config = time_bound, rss_bound, extra_config
        self.allowed, self.reason_re, self.post, self.url, self.setup = set(allowed), reason_re, post, url, setup
        self.known_bug, self.full_only = known_bug, full_only


# ------------------------------------------------------------------ hostile payloads

def h_static(body, ctype="application/rss+xml; charset=utf-8", headers=()):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return lambda r: r.send(200, body, ctype, headers)


def billion_laughs():
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss version="2.0"><channel><title>Laughs &lol9;</title>'
            '<link>http://example.org/</link><item><guid>l1</guid><title>&lol9;</title>'
            '<description>&lol9;&lol9;&lol9;</description></item></channel></rss>')


def quadratic_blowup():
    big = "A" * 100000
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{big}">]><rss version="2.0"><channel><title>Q</title>'
            "<link>http://example.org/</link><item><guid>q1</guid><title>q</title><description>"
            + "&a;" * 50000 + "</description></item></channel></rss>")


def xxe(marker_file, probe_url):
    t, b = pledge_text("Lithuania")
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{marker_file}">'
            f'<!ENTITY xxh SYSTEM "{probe_url}"><!ENTITY % pe SYSTEM "{probe_url}-pe"> %pe;]>'
            '<rss version="2.0"><channel><title>XXE &xxe;</title><link>http://example.org/</link>'
            f'<item><guid>x1</guid><link>http://news.example/x1</link><pubDate>{nwrel.rfc822()}</pubDate>'
            f'<title>{t} &xxe;</title><description>{b} &xxe; &xxh;</description></item></channel></rss>')


def gzip_bomb():
    p = os.path.join(CACHE, "bomb-1g.gz")
    if not os.path.exists(p):
        c = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip wrapper
        chunk = b"\0" * (1 << 20)
        with open(p + ".tmp", "wb") as f:
            for _ in range(1024):
                f.write(c.compress(chunk))
            f.write(c.flush())
        os.replace(p + ".tmp", p)
    data = open(p, "rb").read()

    def h(r):
        r.send_response(200)
        r.send_header("Content-Type", "application/rss+xml")
        r.send_header("Content-Encoding", "gzip")
        r.send_header("Content-Length", str(len(data)))
        r.end_headers()
        r.wfile.write(data)
    return h, len(data)


def endless(r):
    r.send_response(200)
    r.send_header("Content-Type", "application/rss+xml")
    r.send_header("Connection", "close")
    r.end_headers()
    r.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>')
    item = b"<item><title>Ministers meet again and again</title><description>More.</description></item>" * 100
    end = time.monotonic() + 90
    sent = 0
    while time.monotonic() < end and sent < (4 << 30):
        r.wfile.write(item)
        sent += len(item)
    r.close_connection = True


def one_byte_per_second(r):
    body = rss("Slow", [rss_item("s1", *pledge_text("Norway"))]).encode()
    r.send_response(200)
    r.send_header("Content-Type", "application/rss+xml")
    r.send_header("Content-Length", str(len(body)))
    r.end_headers()
    end = time.monotonic() + 90
    for i in range(len(body)):
        if time.monotonic() > end:
            break
        r.wfile.write(body[i:i + 1])
        r.wfile.flush()
        time.sleep(1)


def redirect_to(target):
    def h(r):
        r.send_response(302)
        r.send_header("Location", target)
        r.send_header("Content-Length", "0")
        r.end_headers()
    return h


def big_feed(n):
    items = [f"<item><guid>b{i}</guid><title>Item {i}</title><description>Quiet news {i}.</description></item>"
             for i in range(n)]
    t, b = pledge_text("Croatia")
    items.insert(n // 2, rss_item("b-pledge", t, b))
    return rss("Big", items)


def deep_xml(depth):
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><link>http://example.org/</link>'
            "<item><guid>d1</guid><title>Deep</title><description>" + "<div>" * depth + "x" + "</div>" * depth
            + "</description></item>" + "<x>" * depth + "</x>" * depth + "</channel></rss>")


def deep_json(depth):
    return ('{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":[{"id":"1","title":"t","x":'
            + "[" * depth + "]" * depth + "}]}")


def invalid_utf8():
    t, b = pledge_text("Slovakia")
    head = rss("Bad bytes", [rss_item("u1", t + " XXXX", b + " YYYY")]).encode()
    # overlong '/', lone surrogate, 0xff 0xfe, truncated sequence
    return head.replace(b"XXXX", b"\xc0\xaf\xed\xa0\x80\xff\xfe").replace(b"YYYY", b"\xe2\x82")


FORGED_ID = "forged0000000000"


def control_titles():
    t, b = pledge_text("Portugal")
    fake = ('{"id":"%s","kind":"pledge.new","actor":"Narnia","value":99}' % FORGED_ID)
    title = t + "&#10;" + fake.replace('"', "&quot;") + "&#13;" + "\x1b[31mRED\x1b[0m" + "\x00NUL"
    body = b + "\n" + fake + "\r\n\x1b]0;owned\x07"
    item = (f"<item><guid>c1</guid><link>http://news.example/c1</link><pubDate>{nwrel.rfc822()}</pubDate>"
            f"<title>{title}</title><description>{nwrel.xml_escape(body)}</description></item>")
    return rss("Control", [item]).encode()


def huge_text():
    # One 9 MB item of dense pledge-like sentences: the classifier's worst realistic case.
    sent = ("Estonia and Latvia will raise defence spending to 3.5% of GDP by 2030, and NATO launches "
            "Baltic Sentry as ministers pledge EUR 2 billion. ")
    t, b = pledge_text("Czechia")
    return rss("Huge", [rss_item("h1", t, b + " " + sent * (9_000_000 // len(sent)))])


def corrupt_gzip(r):
    data = gzip.compress(rss("Corrupt", [rss_item("z1", *pledge_text("Iceland"))]).encode())
    data = data[:20] + bytes(b ^ 0x5A for b in data[20:60]) + data[60:]
    r.send(200, data, headers=[("Content-Encoding", "gzip")])


def short_body(r):
    data = rss("Short", [rss_item("s1", *pledge_text("Iceland"))]).encode()
    r.send_response(200)
    r.send_header("Content-Type", "application/rss+xml")
    r.send_header("Content-Length", str(len(data) + 5000))
    r.end_headers()
    r.wfile.write(data[: len(data) // 2])
    r.wfile.flush()
    r.close_connection = True
    r.connection.shutdown(socket.SHUT_RDWR)


def never_answers(r):
    time.sleep(40)


HTML = ("<!DOCTYPE html><html><head><title>Defence news</title></head><body><h1>Defence news</h1>"
        "<p>Lithuania to raise defence spending to 3% of GDP by 2030.</p></body></html>")


def changing_guids(change_link):
    def h(r):
        g = uuid.uuid4().hex
        t, b = pledge_text("Norway")
        link = f"http://news.example/{g}" if change_link else "http://news.example/norway-3"
        r.send(200, rss("Churn", [rss_item(g, t, b, link=link),
                                  rss_item(g + "b", "Ministers meet in Brussels", "Quiet.", link=link + "-b")]))
    return h


class Listener:
    """A raw TCP listener counting connections (the gopher:/dict: target)."""
    def __init__(self):
        self.s = socket.socket()
        self.s.bind(("127.0.0.1", 0))
        self.s.listen(8)
        self.port = self.s.getsockname()[1]
        self.accepted = 0
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while True:
            try:
                c, _ = self.s.accept()
                self.accepted += 1
                c.close()
            except OSError:
                return


# ------------------------------------------------------------------ the runner

def run_case(case, srv, work):
    hostile_name = f"Hostile {case.name}"
    url = case.url or srv.url(case.path)
    if case.handler:
        srv.routes[case.path] = case.handler
    feeds = [(n, srv.url(p)) for n, p, _ in HEALTHY] + [(hostile_name, url)]
    cfg = nwrel.write_config(work, feeds, extra=case.extra_config)
    rc, out, wall, rss_mb = nwrel.run_measured([BIN, "fetch", "--config", cfg],
                                               timeout=max(60, case.time_bound * 3))
    failed = [l for l in out.splitlines() if l.startswith(f"  failed: {hostile_name} ")]
    reason = failed[0].split(">: ", 1)[-1] if failed else ""
    log = os.path.join(work, "log", "alerts.log")
    alerts, bad, raw = nwrel.read_alert_log(log)
    healthy_actors = {a for _, _, a in HEALTHY}
    got = {a.get("actor") for a in alerts}
    allowed = healthy_actors | case.allowed
    forged = [a for a in alerts if not (a["kind"].startswith("pledge") and a.get("actor") in allowed
                                        or a["kind"].startswith("mission") and "missions" in allowed)]
    ctrl = [c for c in (b"\x1b", b"\r", b"\x00", b"\x07") if c in raw]
    try:
        raw.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    problems = []
    if rc != 0:
        why = [l.strip(" *") for l in out.splitlines() if "runtime failure" in l or "Fatal error" in l]
        problems.append(f"exit {rc}: {why[0] if why else (out.strip().splitlines()[-1:] if out.strip() else '')}")
    if wall > case.time_bound:
        problems.append(f"wall {wall:.1f}s > {case.time_bound:.0f}s")
    if rss_mb is None or rss_mb > case.rss_bound:
        problems.append(f"peak RSS {rss_mb} MiB > {case.rss_bound:.0f} MiB")
    if case.must == "fail":
        if not failed:
            problems.append("no 'failed:' line for the hostile feed")
        elif case.reason_re and not re.search(case.reason_re, reason, re.I):
            problems.append(f"unclear reason {reason!r}")
    elif case.must == "ok" and failed:
        problems.append(f"hostile feed failed: {reason!r}")
    missing = healthy_actors - got
    if missing:
        problems.append(f"healthy alerts missing {sorted(missing)}")
    if bad or forged or ctrl or not utf8:
        problems.append(f"alert log: {len(bad)} non-JSON lines {bad[:1]}, forged {[(a['kind'], a.get('actor')) for a in forged][:3]}"
                        f", raw control bytes {ctrl}, valid UTF-8 {utf8}")
    longest = max((len(l) for l in raw.split(b"\n")), default=0)
    if longest > 16384:
        problems.append(f"an alert line is {longest} bytes long")
    extra = case.post(work, cfg, out, alerts, raw) if case.post else []
    problems += extra
    outcome = f"failed: {reason}" if failed else "parsed"
    detail = (f"{wall:.2f} s (bound {case.time_bound:.0f}), peak RSS {rss_mb:.0f} MiB (bound {case.rss_bound:.0f}); "
              f"{outcome}; {len(alerts)} alerts" if rss_mb is not None else f"{wall:.2f} s; {outcome}")
    if problems:
        detail += "; PROBLEMS: " + "; ".join(problems)
        if rc == 0:
            detail += f"; output tail: {out.strip().splitlines()[-3:]}"
    check(f"hostile.{case.name}", not problems, detail, known_bug=case.known_bug, seconds=round(wall, 2),
          rss_mib=round(rss_mb, 1) if rss_mb else None, time_bound=case.time_bound, rss_bound=case.rss_bound,
          outcome=outcome)


def main():
    srv = nwrel.Server()
    for n, p, a in HEALTHY:
        srv.static(p, healthy_body(a, n.replace(" ", "")))
    tmp = tempfile.mkdtemp(prefix="nwrel-hostile-")
    marker = "NWREL-XXE-" + uuid.uuid4().hex
    marker_file = os.path.join(tmp, "secret.txt")
    open(marker_file, "w").write(marker + "\n")
    listener = Listener()

    def no_marker(work, cfg, out, alerts, raw):
        p = []
        blob = nwrel.state_bytes(work)
        for where, data in (("state dir", blob), ("alert log", raw), ("fetch output", out.encode())):
            if marker.encode() in data:
                p.append(f"XXE marker found in {where}")
        for q in ("/xxe-probe", "/xxe-probe-pe"):
            if srv.hits.get(q):
                p.append(f"external entity fetched {q} ({srv.hits[q]} requests)")
        if (b"lollollollol" * 100) in blob:
            p.append("entities expanded into the database")
        return p

    def no_connection(work, cfg, out, alerts, raw):
        return [f"{listener.accepted} connections reached the non-HTTP target"] if listener.accepted else []

    def second_fetch_adds_nothing(work, cfg, out, alerts, raw):
        rc, out2, _, _ = nwrel.run_measured([BIN, "fetch", "--config", cfg])
        a2, _, _ = nwrel.read_alert_log(os.path.join(work, "log", "alerts.log"))
        p = []
        if rc != 0:
            p.append(f"second fetch exit {rc}")
        if len(a2) != len(alerts):
            p.append(f"second fetch added {len(a2) - len(alerts)} alerts: {[(a['kind'], a.get('actor')) for a in a2[len(alerts):]]}")
        if not any(a.get("actor") == "Norway" for a in alerts):
            p.append("first fetch raised no Norway alert")
        return p

    def control_checks(work, cfg, out, alerts, raw):
        p = []
        if FORGED_ID.encode() in raw and any(a.get("id") == FORGED_ID for a in alerts):
            p.append("forged id became an alert")
        if not any(a.get("actor") == "Portugal" for a in alerts):
            p.append("no Portugal alert (the item with control characters was dropped)")
        rc, text, err = nwrel.nw(BIN, "alerts", "--config", cfg)
        b = text.encode()
        bad = [c for c in ("\x1b", "\r", "\x00", "\x07") if c in text]
        if bad:
            p.append(f"`natowatch alerts` (text) prints raw control characters {[hex(ord(c)) for c in bad]}")
        return p

    bomb_handler, bomb_size = gzip_bomb()
    slow_cfg = "low_speed_limit: 100\nlow_speed_time: 3s\ntimeout: 30s\n"
    cases = [
        Case("billion-laughs", "/laughs.xml", h_static(billion_laughs()), must="either", time_bound=10,
             post=no_marker),
        Case("quadratic-blowup", "/quadratic.xml", h_static(quadratic_blowup()), must="either", time_bound=10),
        Case("xxe-local-file", "/xxe.xml", h_static(xxe(marker_file, srv.url("/xxe-probe"))), must="either",
             time_bound=10, allowed={"Lithuania"}, post=no_marker),
        Case("gzip-bomb-1GB", "/bomb.xml", bomb_handler, time_bound=15, reason_re=r"byte|large|size|limit|MiB|MB"),
        Case("endless-body", "/endless.xml", endless, time_bound=20, reason_re=r"byte|large|size|limit|MiB|MB"),
        Case("one-byte-per-second", "/slow.xml", one_byte_per_second, time_bound=12, extra_config=slow_cfg,
             reason_re=r"slow|speed|timeout|timed out|time"),
        Case("redirect-loop", "/loop.xml", redirect_to("/loop.xml"), time_bound=10, reason_re=r"redirect"),
        Case("redirect-to-file", "/to-file.xml", redirect_to("file://" + marker_file), time_bound=10,
             reason_re=r"redirect|protocol|scheme|file", post=no_marker),
        Case("redirect-to-gopher", "/to-gopher.xml", redirect_to(f"gopher://127.0.0.1:{listener.port}/_x"),
             time_bound=10, reason_re=r"redirect|protocol|scheme|gopher", post=no_connection),
        Case("redirect-to-dict", "/to-dict.xml", redirect_to(f"dict://127.0.0.1:{listener.port}/d:x"),
             time_bound=10, reason_re=r"redirect|protocol|scheme|dict", post=no_connection),
        Case("items-50000", "/big.xml", h_static(big_feed(50000)), must="ok", time_bound=60, rss_bound=300,
             extra_config="max_bytes: 32MB\n", allowed={"Croatia"}),
        Case("nesting-10000-xml", "/deep.xml", h_static(deep_xml(10000)), must="either", time_bound=10),
        Case("nesting-10000-json", "/deep.json", h_static(deep_json(10000), "application/feed+json"),
             must="either", time_bound=10),
        Case("invalid-utf8", "/utf8.xml", h_static(invalid_utf8()), must="either", time_bound=10,
             allowed={"Slovakia"}),
        Case("control-chars-and-fake-alert", "/control.xml", h_static(control_titles()), must="either",
             time_bound=10, allowed={"Portugal"}, post=control_checks),
        Case("huge-item-9MB", "/huge.xml", h_static(huge_text()), must="either", time_bound=60, rss_bound=400,
             allowed={"Czechia", "Estonia", "Latvia", "missions"}),
        Case("corrupt-gzip", "/corrupt.xml", corrupt_gzip, time_bound=10, reason_re=r"gzip|decod|content|encoding|compress"),
        Case("truncated-body", "/short.xml", short_body, time_bound=10, reason_re=r"partial|transfer|closed|incomplete|bytes"),
        Case("no-response-headers", "/silent.xml", never_answers, time_bound=12, extra_config="timeout: 5s\n",
             reason_re=r"time"),
        Case("classifier-trap-year-range", "/trap.xml",
             h_static(rss("Trap", [rss_item("t1", "Finland budget", "Finland will raise defence spending to 3% of GDP "
                                                                    "by 2029-99999999999999999999.")])),
             must="ok", time_bound=10, allowed={"Finland"}),
        Case("actor-mentions-quadratic", "/mentions.xml",
             h_static(rss("Mentions", [rss_item("am1", pledge_text("Poland")[0],
                                                pledge_text("Poland")[1] + " Poland" * 150_000)])),
             must="either", time_bound=10, rss_bound=200, allowed={"Poland"}),
        Case("alert-line-bounded", "/longtitle.xml",
             h_static(rss("Long", [rss_item("lt1", pledge_text("Spain")[0] + " lorem" * 100_000,
                                            pledge_text("Spain")[1])])),
             must="ok", time_bound=20, rss_bound=200, allowed={"Spain"}, post=None),
        Case("html-not-a-feed", "/page.html", h_static(HTML, "text/html; charset=utf-8"), time_bound=10,
             reason_re=r"feed|html"),
        Case("changing-guids", "/churn.xml", changing_guids(False), must="ok", time_bound=10, allowed={"Norway"},
             post=second_fetch_adds_nothing),
        Case("changing-guids-and-links", "/churn2.xml", changing_guids(True), must="ok", time_bound=10,
             allowed={"Norway"}, post=second_fetch_adds_nothing),
    ]
    for c in cases:
        if ONLY and c.name not in ONLY or QUICK and c.full_only and not ONLY:
            continue
        work = os.path.join(tmp, c.name)
        os.makedirs(work)
        run_case(c, srv, work)
    srv.stop()
    if not nwrel.FAILED:
        subprocess.run(["rm", "-rf", tmp])
    else:
        print(f"  (work directory kept: {tmp})")
    nwrel.finish()


main()
