#!/usr/bin/env python3
"""Crash safety: SIGKILL the daemon (interval 1s) at chosen moments while pledges (32 Allies at 3%,
then 20 of them raised to 3.5%: pledge.changed) and mission
changes arrive; restart it each time. At the end every expected alert is in the log exactly once,
no line is torn or forged, PRAGMA integrity_check is ok, the outbox is drained and the ledger
(natowatch pledges/missions --json) matches the feeds.

Kill moments cycle through four modes:
  random       a random delay (50 ms .. 1.5 s) after publishing;
  transfer     while the server is dripping the pledge feed's body (a slow response);
  transaction  the moment the SQLite WAL file changes (a write transaction in progress or just done);
  append       the moment the alert log grows (between the append/fsync and marking delivered).

usage: crash.py NATOWATCH_BIN KILLS [SEED]
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import nwrel  # noqa: E402
from nwrel import check  # noqa: E402

BIN = sys.argv[1]
KILLS = int(sys.argv[2])
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rng = random.Random(SEED)

# Mission changes: (canonical mission, change the classifier reports, title, body).
MISSIONS = [
    ("Baltic Sentry", "NATO launches Baltic Sentry to protect undersea cables",
     "NATO launched Baltic Sentry on Tuesday, a new activity to protect undersea cables in the Baltic Sea."),
    ("Eastern Sentry", "NATO launches Eastern Sentry after drone incursions",
     "NATO launched Eastern Sentry on Friday to strengthen its eastern flank after drones entered Polish airspace."),
    ("Arctic Sentry", "NATO launches Arctic Sentry in the High North",
     "NATO launched Arctic Sentry on Monday, a new activity to increase vigilance in the High North."),
    ("KFOR", "NATO to reduce KFOR troops in Kosovo",
     "NATO will reduce the number of KFOR troops in Kosovo next year, the alliance said on Wednesday."),
    ("NATO Mission Iraq", "NATO expands NATO Mission Iraq",
     "NATO will expand NATO Mission Iraq, adding advisers to Iraqi security institutions, officials said on Thursday."),
    ("Operation Sea Guardian", "NATO ends Operation Sea Guardian",
     "NATO ended Operation Sea Guardian in the Mediterranean on Friday, the alliance announced."),
    ("Baltic Air Policing", "NATO expands Baltic Air Policing mission",
     "NATO will expand the Baltic Air Policing mission with more fighter jets, the alliance said on Monday."),
    ("NSATU", "NATO launches NSATU command in Wiesbaden",
     "NATO launched NSATU, its new command for security assistance to Ukraine, in Wiesbaden on Tuesday."),
]


RAISED = nwrel.ALLIES[:20]  # the second wave: these Allies raise their pledge to 3.5% (pledge.changed)


def raise_text(actor):
    return (f"{actor} lifts defence spending goal to 3.5% of GDP by 2030",
            f"{actor} will now raise defence spending to 3.5% of gross domestic product by 2030, up from the 3% "
            "it announced earlier, the prime minister said on Monday.")


def build_plan():
    items = []
    for i, a in enumerate(nwrel.ALLIES):
        t, b = nwrel.pledge_text(a)
        items.append(("pledge", a, f"p{i}", t, b))
    for i, (m, t, b) in enumerate(MISSIONS):
        items.append(("mission", m, f"m{i}", t, b))
    # interleave missions among pledges so both feeds change across the run
    pledges = [x for x in items if x[0] == "pledge"]
    missions = [x for x in items if x[0] == "mission"]
    out = []
    step = max(1, len(pledges) // max(1, len(missions)))
    while pledges or missions:
        for _ in range(step):
            if pledges:
                out.append(pledges.pop(0))
        if missions:
            out.append(missions.pop(0))
    # then the raises; each is published only once its first pledge has alerted (see main)
    for i, a in enumerate(RAISED):
        out.append(("raise", a, f"r{i}") + raise_text(a))
    return out


def main():
    work = tempfile.mkdtemp(prefix="nwrel-crash-")
    srv = nwrel.Server()
    published = {"pledge": [], "mission": []}
    lock = threading.Lock()
    transfer = {"slow_next": False, "started": threading.Event(), "dripping": 0}

    def body(kind):
        with lock:
            items = list(published[kind])
        return nwrel.rss("Pledge wire" if kind == "pledge" else "Mission wire",
                         [nwrel.rss_item(g, t, b, pub=pub) for (g, t, b, pub) in reversed(items)])

    def pledge_handler(r):
        data = body("pledge").encode()
        if transfer["slow_next"]:
            transfer["slow_next"] = False
            r.send_response(200)
            r.send_header("Content-Type", "application/rss+xml")
            r.send_header("Content-Length", str(len(data)))
            r.end_headers()
            half = len(data) // 2
            r.wfile.write(data[:half]); r.wfile.flush()
            transfer["dripping"] += 1
            transfer["started"].set()
            try:
                time.sleep(0.8)
                r.wfile.write(data[half:])
            finally:
                transfer["dripping"] -= 1
        else:
            r.send(200, data)

    srv.routes["/pledges.xml"] = pledge_handler
    srv.routes["/missions.xml"] = lambda r: r.send(200, body("mission"))
    cfg = nwrel.write_config(work, [("Pledge wire", srv.url("/pledges.xml")), ("Mission wire", srv.url("/missions.xml"))],
                             interval="1s")
    log = os.path.join(work, "log", "alerts.log")
    wal = nwrel.db_path(work) + "-wal"
    dout = open(os.path.join(work, "daemon.out"), "ab")

    def start():
        return nwrel.spawn([BIN, "run", "--config", cfg], stdout=dout, stderr=subprocess.STDOUT)

    def size(p):
        try:
            st = os.stat(p)
            return (st.st_size, st.st_mtime_ns)
        except OSError:
            return None

    def wait_change(p, limit):
        before = size(p)
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if size(p) != before:
                return True
            time.sleep(0.0005)
        return False

    def publishable(batch):
        """A raise goes out only after its Ally's first pledge alerted, so the two never arrive in
        one fetch (which would make pledge.changed vs pledge.new a matter of ordering)."""
        alerted = {a.get("actor") for a in nwrel.read_alert_log(log)[0] if a.get("kind") == "pledge.new"}
        ok = [x for x in batch if x[0] != "raise" or x[1] in alerted]
        return ok, [x for x in batch if x not in ok]

    plan = build_plan()
    per_round = -(-len(plan) // KILLS)  # ceil
    modes = ["random", "transfer", "transaction", "append"]
    hit = {m: 0 for m in modes}
    tried = {m: 0 for m in modes}
    restarts_failed = 0
    t_start = time.monotonic()
    p = start()
    time.sleep(0.5)
    for k in range(KILLS):
        batch, plan = plan[:per_round], plan[per_round:]
        batch, deferred = publishable(batch)
        plan = deferred + plan
        with lock:
            for kind, name, guid, t, b in batch:
                published["mission" if kind == "mission" else "pledge"].append((guid, t, b, nwrel.rfc822()))
        mode = modes[k % len(modes)]
        tried[mode] += 1
        if mode == "random":
            time.sleep(rng.uniform(0.05, 1.5))
            hit[mode] += 1
        elif mode == "transfer":
            transfer["started"].clear()
            transfer["slow_next"] = True
            if transfer["started"].wait(3.5):
                time.sleep(rng.uniform(0.05, 0.5))
                if transfer["dripping"] > 0:
                    hit[mode] += 1
        elif mode == "transaction":
            if wait_change(wal, 3.5):
                time.sleep(rng.uniform(0, 0.004))
                hit[mode] += 1
        elif mode == "append":
            if batch and wait_change(log, 4):
                hit[mode] += 1
        p.send_signal(signal.SIGKILL)
        p.wait()
        transfer["slow_next"] = False
        p = start()
        time.sleep(0.15)
        if p.poll() is not None:
            restarts_failed += 1
            p = start()
    # Publish whatever is left (raises waiting for their first pledge), then let the last run
    # deliver everything and stop it cleanly.
    end = time.monotonic() + 40
    while plan and time.monotonic() < end:
        batch, plan = publishable(plan)
        with lock:
            for kind, name, guid, t, b in batch:
                published["mission" if kind == "mission" else "pledge"].append((guid, t, b, nwrel.rfc822()))
        time.sleep(0.5)
    unpublished = len(plan)
    expected_p = set(nwrel.ALLIES)
    expected_m = {m for m, _, _ in MISSIONS}
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        alerts, _, _ = nwrel.read_alert_log(log)
        got_p = {a.get("actor") for a in alerts if a.get("kind") == "pledge.new"}
        got_c = {a.get("actor") for a in alerts if a.get("kind") == "pledge.changed"}
        got_m = {a.get("mission") for a in alerts if a.get("kind", "").startswith("mission")}
        if expected_p <= got_p and expected_m <= got_m and set(RAISED) <= got_c:
            break
        time.sleep(0.5)
    time.sleep(2.5)  # a few more cycles: nothing may be appended twice
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=12)
    except subprocess.TimeoutExpired:
        nwrel.kill_tree(p)
        rc = "timeout"
    elapsed = time.monotonic() - t_start
    srv.stop()

    alerts, bad, raw = nwrel.read_alert_log(log)
    count_p, count_c, count_m, ids = {}, {}, {}, {}
    other = []
    for a in alerts:
        ids[a["id"]] = ids.get(a["id"], 0) + 1
        if a["kind"] == "pledge.new" and a.get("actor") in expected_p:
            count_p[a["actor"]] = count_p.get(a["actor"], 0) + 1
        elif a["kind"] == "pledge.changed" and a.get("actor") in RAISED and a.get("value") == 3.5:
            count_c[a["actor"]] = count_c.get(a["actor"], 0) + 1
        elif a["kind"].startswith("mission") and a.get("mission") in expected_m:
            count_m[a["mission"]] = count_m.get(a["mission"], 0) + 1
        else:
            other.append(f"{a['kind']}:{a.get('actor') or a.get('mission') or a.get('feed')}")
    lost = (sorted(x for x in expected_p if count_p.get(x, 0) == 0) + sorted(x for x in expected_m if count_m.get(x, 0) == 0)
            + sorted(f"{x} raise" for x in RAISED if count_c.get(x, 0) == 0))
    dup = sorted(x for x, n in list(count_p.items()) + list(count_m.items()) if n > 1) + \
        sorted(f"{x} raise" for x, n in count_c.items() if n > 1)
    dup_ids = sorted(i for i, n in ids.items() if n > 1)
    integ = nwrel.integrity(work)
    pending = nwrel.sql(work, "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL")[0][0]
    in_db = nwrel.sql(work, "SELECT COUNT(*) FROM alerts")[0][0]

    # The ledger: one 3% of GDP by 2030 pledge per Ally, each mission with its change.
    import json
    rc_p, out_p, _ = nwrel.nw(BIN, "pledges", "--json", "--config", cfg)
    rc_m, out_m, _ = nwrel.nw(BIN, "missions", "--json", "--config", cfg)
    ledger_bad = []
    try:
        rows = json.loads(out_p)
        by_actor = {}
        for r in rows:
            by_actor.setdefault(r.get("actor"), []).append(r)
        for a in expected_p:
            rs = by_actor.get(a, [])
            want = 3.5 if a in RAISED else 3
            if len(rs) != 1 or rs[0].get("value") != want or rs[0].get("targetYear", rs[0].get("target_year")) != 2030:
                ledger_bad.append(f"{a}: {[(r.get('value'), r.get('targetYear', r.get('target_year'))) for r in rs]}")
        for a in by_actor:
            if a not in expected_p:
                ledger_bad.append(f"unexpected pledge actor {a}")
        mrows = json.loads(out_m)
        have_m = {r.get("mission") for r in mrows}
        for m in expected_m - have_m:
            ledger_bad.append(f"mission {m} missing")
        for m in have_m - expected_m:
            ledger_bad.append(f"unexpected mission {m}")
    except ValueError as e:
        ledger_bad.append(f"ledger JSON unreadable: {e}; pledges rc {rc_p}, missions rc {rc_m}")

    kills_detail = ", ".join(f"{m} {hit[m]}/{tried[m]}" for m in modes)
    n_exp = len(expected_p) + len(expected_m) + len(RAISED)
    figures = dict(kills=KILLS, expected=n_exp, lost=len(lost), duplicated=len(dup) + len(dup_ids), torn=len(bad),
                   seconds=round(elapsed, 1), kill_modes={m: [hit[m], tried[m]] for m in modes})
    check("crash.kills", restarts_failed == 0 and unpublished == 0,
          f"{KILLS} SIGKILLs ({kills_detail} kills landed in the targeted window), {restarts_failed} failed restarts, "
          f"{unpublished} items never published, "
          f"{elapsed:.0f} s", **figures)
    check("crash.alerts-exactly-once", not lost and not dup and not dup_ids,
          f"{n_exp} expected alerts: lost {len(lost)} {lost[:4]}, duplicated {len(dup)} {dup[:4]}, duplicate ids {len(dup_ids)}",
          **figures)
    check("crash.no-torn-or-forged-lines", not bad and not other,
          f"{len(alerts)} lines: {len(bad)} not JSON {bad[:2]}, {len(other)} unexpected {other[:4]}")
    check("crash.integrity", integ == "ok", f"PRAGMA integrity_check = {integ}")
    check("crash.outbox-drained", pending == 0 and in_db == len(alerts),
          f"{in_db} alerts in the database, {pending} undelivered, {len(alerts)} in the log")
    check("crash.ledger-matches-feeds", not ledger_bad,
          f"{len(expected_p)} pledges ({len(RAISED)} raised to 3.5%) and {len(expected_m)} missions expected; problems: {ledger_bad[:4]}")
    check("crash.sigterm-exit-0", rc == 0, f"final SIGTERM exit status {rc}")
    if nwrel.FAILED:
        print(f"  (work directory kept: {work})")
    else:
        subprocess.run(["rm", "-rf", work])


def fetch_kills(kills):
    """The timer deployment (natowatch-fetch.timer): one-shot `natowatch fetch` runs, each SIGKILLed
    after a random 20-200 ms while a new pledge or two waits in the feed; then one clean fetch."""
    work = tempfile.mkdtemp(prefix="nwrel-crash-fetch-")
    srv = nwrel.Server()
    items = []
    srv.static("/f.xml", nwrel.rss("F", []))
    cfg = nwrel.write_config(work, [("F", srv.url("/f.xml"))])
    log = os.path.join(work, "log", "alerts.log")
    actors = nwrel.ALLIES
    per = -(-len(actors) // kills)
    killed_running = 0
    for k in range(kills):
        for a in actors[k * per:(k + 1) * per]:
            items.insert(0, nwrel.rss_item(f"f-{a}", *nwrel.pledge_text(a)))
        srv.static("/f.xml", nwrel.rss("F", items))
        p = nwrel.spawn([BIN, "fetch", "--config", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.02, 0.2))
        if p.poll() is None:
            killed_running += 1
        p.kill()
        p.wait()
    rc, out, _ = nwrel.nw(BIN, "fetch", "--config", cfg)
    rc2, _, _ = nwrel.nw(BIN, "fetch", "--config", cfg)
    srv.stop()
    alerts, bad, _ = nwrel.read_alert_log(log)
    counts = {}
    for a in alerts:
        counts[a.get("actor")] = counts.get(a.get("actor"), 0) + 1
    lost = [a for a in actors if counts.get(a, 0) == 0]
    dup = [a for a in actors if counts.get(a, 0) > 1]
    other = [a for a in counts if a not in actors]
    integ = nwrel.integrity(work)
    ok = rc == 0 and rc2 == 0 and not lost and not dup and not other and not bad and integ == "ok"
    check("crash.fetch-killed", ok,
          f"{kills} one-shot fetches SIGKILLed ({killed_running} while still running); then a clean fetch: exit {rc}; "
          f"{len(actors)} pledges: lost {len(lost)} {lost[:3]}, duplicated {len(dup)} {dup[:3]}, unexpected {other[:3]}, "
          f"torn {len(bad)}, integrity {integ}", kills=kills, lost=len(lost), duplicated=len(dup))
    if ok:
        subprocess.run(["rm", "-rf", work])
    else:
        print(f"  (work directory kept: {work})")


main()
fetch_kills(max(8, KILLS // 2))
nwrel.finish()
