#!/usr/bin/env python3
"""Bad configuration: each malformed config or topics file gives exactly one clear
`file:line: message` error on stderr and exit status 2, from both `check-config` and `fetch`;
nothing is created in the state directory by `check-config`. Then SIGHUP with broken configs
keeps a running daemon on the old config (it keeps fetching and alerting).

usage: badconfig.py NATOWATCH_BIN
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import nwrel  # noqa: E402
from nwrel import check  # noqa: E402

BIN = sys.argv[1]
TOPICS = nwrel.TOPICS

GOOD_TOPICS_DIR = os.path.dirname(TOPICS)


def base(work, feeds='  - {name: A, url: "http://127.0.0.1:9/a.xml"}\n'):
    return (f"interval: 15m\nstate_dir: {work}/state\nalert_log: {work}/alerts.log\ntopics: {TOPICS}\n"
            f"feeds:\n{feeds}")


# (case, config text builder, expected line (None: any line), topics override, file the error must name)
def cases(work):
    b = base(work)
    return [
        ("yaml-syntax", b + '  - {name: B, url: "http://127.0.0.1:9/b.xml"\n', (7, 8), None),
        ("unknown-key", "intervall: 5m\n" + b, 1, None),
        ("bad-duration", b.replace("interval: 15m", "interval: fifteen"), 1, None),
        ("zero-interval", b.replace("interval: 15m", "interval: 0s"), 1, None),
        ("bad-alert-format", b + "alert_format: xml\n", 7, None),
        ("feeds-not-a-list", base(work, "").replace("feeds:\n", "feeds: http://127.0.0.1:9/a.xml\n"), 5, None),
        ("feed-without-url", base(work, "  - {name: A}\n"), 6, None),
        ("feed-ftp-url", base(work, '  - {name: A, url: "ftp://127.0.0.1/a.xml"}\n'), 6, None),
        ("feed-url-no-host", base(work, '  - {name: A, url: "http://"}\n'), 6, None),
        ("duplicate-feed", b + '  - {name: B, url: "http://127.0.0.1:9/a.xml"}\n', 7, None),
        ("unknown-feed-key", base(work, '  - {name: A, url: "http://127.0.0.1:9/a.xml", intervl: 5m}\n'), 6, None),
        ("bad-size", b + "max_bytes: lots\n", 7, None),
        ("redirects-out-of-range", b + "max_redirects: 99\n", 7, None),
        ("bad-log-level", b + "log_level: loud\n", 7, None),
        ("missing-topics-file", b.replace(f"topics: {TOPICS}", f"topics: {work}/nope.yaml"), 4, None),
        ("tab-indentation", b + "\tmax_bytes: 1MB\n", 7, None),
        ("not-a-mapping", "- just\n- a list\n", 1, None),
        ("empty-file", "", 1, None),
        ("min-over-max-interval", b + "min_interval: 2h\nmax_interval: 1h\n", 7, None),
        ("invalid-utf8", None, 7, None),
        ("topics-yaml-syntax", b.replace(TOPICS, f"{work}/topics.yaml"), None, "syntax"),
        ("topics-unknown-reference", b.replace(TOPICS, f"{work}/topics.yaml"), None, "badref"),
    ]


def write_topics(work, kind):
    """A copy of the shipped rules (with its gazetteers) broken in one place."""
    d = work
    for name in ("gazetteer",):
        src = os.path.join(GOOD_TOPICS_DIR, name)
        if os.path.isdir(src) and not os.path.exists(os.path.join(d, name)):
            shutil.copytree(src, os.path.join(d, name))
    lines = open(TOPICS, encoding="utf-8").read().split("\n")
    if kind == "syntax":
        # break the first list that opens with '[' after line 40
        for i in range(40, len(lines)):
            if ": [" in lines[i]:
                lines[i] = lines[i].replace(": [", ": [[", 1)
                break
    else:
        for i in range(40, len(lines)):
            if '"@' in lines[i]:
                lines[i] = lines[i].replace('"@', '"@no_such_list_', 1)
                break
    open(os.path.join(d, "topics.yaml"), "w", encoding="utf-8").write("\n".join(lines))
    return i + 1


def main():
    root = tempfile.mkdtemp(prefix="nwrel-badconfig-")
    for name, text, line, topics in cases(root):
        work = os.path.join(root, name)
        os.makedirs(work)
        if text is not None:
            text = text.replace(root + "/", work + "/").replace(root + "\n", work + "\n")
        cfg = os.path.join(work, "natowatch.yaml")
        if name == "invalid-utf8":
            open(cfg, "wb").write(base(work).encode() + b"user_agent: \xff\xfe bad\n")
        else:
            open(cfg, "w", encoding="utf-8").write(text)
        expect_file = cfg
        if topics:
            line = write_topics(work, topics)
            # a flow-sequence syntax error is detected where the broken list ends, a line or two on
            line = (line, line + 4) if topics == "syntax" else line
            expect_file = os.path.join(work, "topics.yaml")
        problems = []
        shown = []
        for cmd in ("check-config", "fetch"):
            rc, out, err = nwrel.nw(BIN, cmd, "--config", cfg)
            errs = [l for l in err.strip().split("\n") if l.strip()]
            shown.append(errs[0] if errs else "(nothing on stderr)")
            if rc != 2:
                problems.append(f"{cmd} exit {rc}")
            if len(errs) != 1:
                problems.append(f"{cmd}: {len(errs)} stderr lines")
            m = re.match(r"natowatch: (.+?):(\d+): (.+)$", errs[0]) if errs else None
            if not m:
                problems.append(f"{cmd}: no file:line: form")
            else:
                f, l, msg = m.group(1), int(m.group(2)), m.group(3)
                if os.path.abspath(f) != os.path.abspath(expect_file):
                    problems.append(f"{cmd}: names {f}, not {os.path.basename(expect_file)}")
                if isinstance(line, tuple) and not line[0] <= l <= line[1] or isinstance(line, int) and l != line:
                    problems.append(f"{cmd}: line {l}, expected {line}")
                if ":" in msg and re.match(r".*\.yaml:\d+:", msg):
                    problems.append(f"{cmd}: location repeated in the message")
        check(f"badconfig.{name}", not problems, f"{shown[0]!r}" + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""))
    sighup(root)
    if not nwrel.FAILED:
        shutil.rmtree(root, ignore_errors=True)
    else:
        print(f"  (work directory kept: {root})")
    nwrel.finish()


def sighup(root):
    work = os.path.join(root, "sighup")
    os.makedirs(work)
    srv = nwrel.Server()
    items = []

    def publish(actor, guid):
        items.insert(0, nwrel.rss_item(guid, *nwrel.pledge_text(actor)))
        srv.static("/a.xml", nwrel.rss("A", items))
    publish("Denmark", "h1")
    good = nwrel.write_config(work, [("A", srv.url("/a.xml"))], interval="1s")
    good_text = open(good).read()
    log = os.path.join(work, "log", "alerts.log")
    out = open(os.path.join(work, "daemon.out"), "w+b")
    p = nwrel.spawn([BIN, "run", "--config", good], stdout=out, stderr=subprocess.STDOUT)

    def wait_for(pred, limit):
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if pred():
                return True
            time.sleep(0.2)
        return False

    def actors():
        return {a.get("actor") for a in nwrel.read_alert_log(log)[0]}
    problems = []
    if not wait_for(lambda: "Denmark" in actors(), 15):
        problems.append("first alert never arrived")
    broken = [("syntax error", good_text + "feeds: [\n"), ("unknown key", "intervall: 1s\n" + good_text),
              ("missing topics", good_text.replace(TOPICS, work + "/nope.yaml"))]
    for i, (what, text) in enumerate(broken):
        open(good, "w").write(text)
        out.seek(0)
        before = out.read().count(b"reload failed")
        p.send_signal(signal.SIGHUP)
        if not wait_for(lambda: (out.seek(0) or out.read().count(b"reload failed")) > before, 8):
            problems.append(f"{what}: no 'reload failed' message")
        actor = ["Norway", "Sweden", "Finland"][i]
        publish(actor, f"h{i + 2}")
        if not wait_for(lambda: actor in actors(), 12):
            problems.append(f"{what}: daemon stopped alerting on the old config")
        if p.poll() is not None:
            problems.append(f"{what}: daemon exited {p.returncode}")
            break
    open(good, "w").write(good_text)
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=12)
    except subprocess.TimeoutExpired:
        nwrel.kill_tree(p)
        rc = "timeout"
    if rc != 0:
        problems.append(f"SIGTERM exit {rc}")
    out.seek(0)
    msgs = [l for l in out.read().decode("utf-8", "replace").splitlines() if "reload failed" in l]
    srv.stop()
    check("badconfig.sighup-keeps-old-config", not problems,
          f"3 broken configs sent with SIGHUP; daemon kept alerting on the old config; e.g. {msgs[:1]}"
          + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""))


main()
