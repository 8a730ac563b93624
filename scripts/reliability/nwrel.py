"""Shared helpers for the reliability suite (scripts/reliability/*.py).

Everything here runs on 127.0.0.1 only: a threaded HTTP server with per-path handlers, RSS
builders, a runner that measures wall time and peak RSS of the real binary, readers for the
alert log and the SQLite database, and result reporting.

Each check is reported as one line, `PASS <case>: <detail>` or `FAIL <case>: <detail>`, and one
JSON object appended to $NW_RESULTS (when set) so that run.sh can count and summarise them.
"""
import http.server
import json
import os
import signal
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOPICS = os.path.join(ROOT, "Config", "topics.yaml")

ALLIES = [
    "Albania", "Belgium", "Bulgaria", "Canada", "Croatia", "Czechia", "Denmark", "Estonia", "Finland", "France",
    "Germany", "Greece", "Hungary", "Iceland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Montenegro",
    "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain",
    "Sweden", "Türkiye", "United Kingdom", "United States",
]

# ---------------------------------------------------------------- results

FAILED = 0
PASSED = 0


def check(case, ok, detail="", known_bug=None, **figures):
    """Reports one check; returns ok. A check with `known_bug` (a reported bug in code this suite
    does not own) that fails prints XFAIL and does not fail the run; once it passes it prints XPASS
    so that the mark gets removed."""
    global FAILED, PASSED
    if known_bug and not ok:
        word = "XFAIL"
        detail += f" (known bug: {known_bug})"
    elif known_bug:
        word = "XPASS"
        detail += f" (was known bug: {known_bug}; remove the mark)"
        PASSED += 1
    elif ok:
        word = "PASS"
        PASSED += 1
    else:
        word = "FAIL"
        FAILED += 1
    print(f"{word} {case}: {detail}", flush=True)
    out = os.environ.get("NW_RESULTS")
    if out:
        with open(out, "a", encoding="utf-8") as f:
            rec = {"case": case, "ok": bool(ok) if word != "XFAIL" else None, "xfail": word == "XFAIL",
                   "detail": detail, **figures}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return ok


def finish():
    sys.exit(1 if FAILED else 0)


# ---------------------------------------------------------------- feeds


def rfc822(t=None):
    return time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t if t is not None else time.time()))


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss_item(guid, title, body, link=None, pub=None, raw=False):
    e = (lambda s: s) if raw else xml_escape
    link = link or f"http://news.example/{guid}"
    return (f"<item><guid>{e(guid)}</guid><link>{e(link)}</link><pubDate>{pub or rfc822()}</pubDate>"
            f"<title>{e(title)}</title><description>{e(body)}</description></item>")


def rss(title, items):
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{xml_escape(title)}</title><link>http://example.org/</link>" + "".join(items) + "</channel></rss>")


def pledge_text(actor, pct="3", year=2030):
    title = f"{actor} to raise defence spending to {pct}% of GDP by {year}"
    body = (f"{actor} will raise its defence spending to {pct}% of gross domestic product by {year}, "
            "the government announced on Monday.")
    return title, body


# ---------------------------------------------------------------- loopback server


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def do_GET(self):
        srv = self.server
        path = self.path.split("?")[0]
        with srv.lock:
            srv.hits[path] = srv.hits.get(path, 0) + 1
            srv.active += 1
        try:
            h = srv.routes.get(path)
            if h is None:
                self.send(404, b"not found", "text/plain")
            else:
                h(self)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            pass
        finally:
            with srv.lock:
                srv.active -= 1

    def send(self, status, body, ctype="application/rss+xml; charset=utf-8", headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """A loopback HTTP server; `routes[path] = handler(request)`; handler uses request.send(...)
    or writes to request.wfile itself."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = {}
        self.hits = {}
        self.active = 0
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def handle_error(self, request, client_address):
        pass  # clients that hang up mid-request (natowatch aborting a hostile transfer) are expected

    def url(self, path):
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def static(self, path, body, ctype="application/rss+xml; charset=utf-8"):
        self.routes[path] = lambda r: r.send(200, body, ctype)

    def stop(self):
        self.shutdown()
        self.server_close()


# ---------------------------------------------------------------- config and the binary


def write_config(work, feeds, extra="", interval="15m", name="natowatch.yaml"):
    """feeds: [(name, url)]; returns the config path."""
    y = (f"interval: {interval}\nstate_dir: {work}/state\nalert_log: {work}/log/alerts.log\n"
         f"alert_format: jsonl\ntopics: {TOPICS}\n{extra}feeds:\n")
    for n, u in feeds:
        y += f"  - {{name: {json.dumps(n)}, url: {json.dumps(u)}}}\n"
    p = os.path.join(work, name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(y)
    return p


def run_measured(cmd, timeout=120, env=None):
    """Runs cmd under /usr/bin/time -v; returns (rc, output, wall seconds, peak RSS in MiB)."""
    tf = f"/tmp/nwrel-time-{os.getpid()}-{threading.get_ident()}"
    t0 = time.monotonic()
    try:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=env)
        rc, out = p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        rc, out = -9, (e.stdout or b"").decode("utf-8", "replace") + f"\n[killed after {timeout}s]"
    wall = time.monotonic() - t0
    rss = None
    try:
        for line in open(tf):
            if "Maximum resident set size" in line:
                rss = int(line.split(":")[1]) / 1024.0
        os.unlink(tf)
    except OSError:
        pass
    if out.startswith("\tCommand"):
        out = ""
    return rc, out, wall, rss


def nw(bin_, *args, timeout=60):
    p = subprocess.run([bin_] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


# ---------------------------------------------------------------- the alert log and the database


def read_alert_log(path):
    """Returns (alerts, bad_lines, raw_bytes)."""
    if not os.path.exists(path):
        return [], [], b""
    raw = open(path, "rb").read()
    text = raw.decode("utf-8", "replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    alerts, bad = [], []
    for l in lines:
        try:
            o = json.loads(l)
            if not isinstance(o, dict) or "id" not in o or "kind" not in o:
                bad.append(l[:120])
            else:
                alerts.append(o)
        except ValueError:
            bad.append(l[:120])
    return alerts, bad, raw


def db_path(work):
    return os.path.join(work, "state", "natowatch.sqlite")


def integrity(work):
    p = db_path(work)
    if not os.path.exists(p):
        return "no database"
    c = sqlite3.connect(f"file:{p}?mode=ro", uri=True, timeout=30)
    try:
        return "; ".join(r[0] for r in c.execute("PRAGMA integrity_check").fetchall())
    finally:
        c.close()


def sql(work, q, args=()):
    c = sqlite3.connect(db_path(work), timeout=30)
    try:
        return c.execute(q, args).fetchall()
    finally:
        c.close()


def state_bytes(work):
    """Every byte under the state directory (database, WAL, SHM...)."""
    out = b""
    for d, _, files in os.walk(os.path.join(work, "state")):
        for f in files:
            try:
                out += open(os.path.join(d, f), "rb").read()
            except OSError:
                pass
    return out


PROCS = []


def spawn(cmd, **kw):
    """Popen that is SIGKILLed at exit if still running (a suite that dies leaves no daemon)."""
    p = subprocess.Popen(cmd, **kw)
    PROCS.append(p)
    return p


def _reap():
    for p in PROCS:
        if p.poll() is None:
            p.kill()


import atexit  # noqa: E402
atexit.register(_reap)


def kill_tree(p):
    if p and p.poll() is None:
        try:
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=10)
        except Exception:
            pass
