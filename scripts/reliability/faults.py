#!/usr/bin/env python3
"""Faults (needs root: mounts a tmpfs and a read-only bind mount, both removed at the end).

  disk-full        state_dir on a full 4 MiB tmpfs: the cycle fails with a clear error (exit 3),
                   PRAGMA integrity_check stays ok, and once space returns the next cycle stores
                   and alerts the pledge, once.
  log-dir-is-file  the alert log's directory replaced by a file: alerts stay queued
                   (alerts.delivered_at IS NULL) and are delivered once it is writable again.
  log-dir-readonly the same with a read-only bind mount over the log directory.
  db-locked-short  another process holds BEGIN EXCLUSIVE for 3 s: the cycle waits and succeeds.
  db-locked-long   held for the whole cycle: the cycle fails saying the database is locked,
                   then after release the next cycle loses nothing.
  db-locked-daemon the daemon while the lock is held 15 s: cycles fail and are logged, the daemon
                   keeps running, and the pledge published meanwhile alerts once after release.
  log-rotation     the alert log renamed away and re-created (logrotate `create`) 6 times while the
                   daemon alerts: every alert in exactly one of the two files.

usage: faults.py NATOWATCH_BIN [CASE...]
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import nwrel  # noqa: E402
from nwrel import check  # noqa: E402

BIN = sys.argv[1]
ONLY = sys.argv[2:]
MOUNTS = []


class Feed:
    def __init__(self, srv, path="/a.xml"):
        self.srv, self.path, self.items = srv, path, []
        self.publish("Ministers meet in Brussels", "Foreign ministers met on Thursday.", "q0")

    def publish(self, title, body, guid):
        self.items.insert(0, nwrel.rss_item(guid, title, body))
        self.srv.static(self.path, nwrel.rss("A", self.items))

    def pledge(self, actor, guid):
        self.publish(*nwrel.pledge_text(actor), guid)


def fetch(cfg, timeout=90):
    return nwrel.run_measured([BIN, "fetch", "--config", cfg], timeout=timeout)


def count_actor(log, actor):
    return sum(1 for a in nwrel.read_alert_log(log)[0] if a.get("actor") == actor)


def first_line(out):
    ls = [l for l in out.splitlines() if l.strip() and "alerts appended" not in l]
    return ls[-1] if ls else ""


def disk_full(srv, work, leave_kb=0):
    feed = Feed(srv)
    state = os.path.join(work, "state")
    os.makedirs(state)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", state], check=True)
    MOUNTS.append(state)
    cfg = nwrel.write_config(work, [("A", srv.url("/a.xml"))])
    log = os.path.join(work, "log", "alerts.log")
    problems = []
    rc, out, _, _ = fetch(cfg)
    if rc != 0:
        problems.append(f"baseline fetch exit {rc}: {first_line(out)}")
    # Fill the file system.
    filler = os.path.join(state, "filler")
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    # leave_kb > 0: the database opens, then the cycle's writes run out of space part-way.
    os.truncate(filler, max(0, os.path.getsize(filler) - (leave_kb << 10)))
    # Many new items so the cycle needs new pages.
    for i in range(60):
        feed.publish(f"Quiet news {i} " + "x" * 200, "Nothing happened. " * 200, f"f{i}")
    feed.pledge("Belgium", "pb")
    rc, out, wall, _ = fetch(cfg)
    msg = first_line(out).replace(work, "<work>")
    if rc != 3:
        problems.append(f"full-disk fetch exit {rc}, expected 3")
    if not re.search(r"full|space", msg, re.I):
        problems.append(f"unclear error {msg!r}")
    # Opening the WAL database needs a few pages for its -shm file: free 512 KiB, no more, to look.
    os.truncate(filler, max(0, os.path.getsize(filler) - (512 << 10)))
    integ = nwrel.integrity(work)
    if integ != "ok":
        problems.append(f"integrity_check after the failed cycle: {integ}")
    if count_actor(log, "Belgium"):
        problems.append("Belgium alerted although the cycle failed")
    os.unlink(filler)
    rc2, out2, _, _ = fetch(cfg)
    if rc2 != 0:
        problems.append(f"fetch after space returned exit {rc2}: {first_line(out2)}")
    rc3, _, _, _ = fetch(cfg)
    n = count_actor(log, "Belgium")
    if n != 1:
        problems.append(f"Belgium alerted {n} times after recovery")
    integ2 = nwrel.integrity(work)
    if integ2 != "ok":
        problems.append(f"integrity_check after recovery: {integ2}")
    check(f"faults.disk-full{'-mid-cycle' if leave_kb else ''}", not problems,
          f"{'4 MiB tmpfs with ' + str(leave_kb) + ' KiB free' if leave_kb else 'full 4 MiB tmpfs'}: exit {rc} in {wall:.1f} s with {msg!r}; integrity {integ}; after freeing space: "
          f"exit {rc2}, Belgium alerted {n}x, integrity {integ2}" + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""))


def log_unwritable(srv, work, how):
    feed = Feed(srv)
    cfg = nwrel.write_config(work, [("A", srv.url("/a.xml"))])
    logdir = os.path.join(work, "log")
    log = os.path.join(logdir, "alerts.log")
    os.makedirs(logdir, exist_ok=True)
    problems = []
    rc, out, _, _ = fetch(cfg)
    feed.pledge("Bulgaria", "pb")
    if how == "file":
        os.rename(logdir, logdir + ".away")
        open(logdir, "w").write("not a directory\n")
    else:
        subprocess.run(["mount", "--bind", logdir, logdir], check=True)
        MOUNTS.append(logdir)
        subprocess.run(["mount", "-o", "remount,ro,bind", logdir], check=True)
    rc, out, wall, _ = fetch(cfg)
    msg = first_line(out)
    queued = nwrel.sql(work, "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL AND actor = 'Bulgaria'") \
        if has_actor_column(work) else nwrel.sql(work, "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL")
    queued = queued[0][0]
    if queued < 1:
        problems.append("the alert was not kept queued (delivered_at IS NULL)")
    if "alert log" not in msg and "alerts.log" not in msg:
        problems.append(f"unclear error {msg!r}")
    # A second cycle while still unwritable must not lose or duplicate it either.
    rc_b, _, _, _ = fetch(cfg)
    if how == "file":
        os.unlink(logdir)
        os.rename(logdir + ".away", logdir)
    else:
        subprocess.run(["umount", logdir], check=True)
        MOUNTS.remove(logdir)
    rc2, out2, _, _ = fetch(cfg)
    rc3, _, _, _ = fetch(cfg)
    n = count_actor(log, "Bulgaria")
    left = nwrel.sql(work, "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL")[0][0]
    if rc2 != 0:
        problems.append(f"fetch after repair exit {rc2}: {first_line(out2)}")
    if n != 1 or left:
        problems.append(f"after repair: Bulgaria in the log {n}x, {left} still queued")
    check(f"faults.log-dir-{'is-file' if how == 'file' else 'readonly'}", not problems,
          f"unwritable: exit {rc} ({msg!r}), {queued} alert queued, second cycle exit {rc_b}; writable again: "
          f"delivered {n}x, {left} left queued" + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""))


def has_actor_column(work):
    return any(r[1] == "actor" for r in nwrel.sql(work, "PRAGMA table_info(alerts)"))


def db_locked(srv, work, hold):
    feed = Feed(srv)
    cfg = nwrel.write_config(work, [("A", srv.url("/a.xml"))])
    log = os.path.join(work, "log", "alerts.log")
    problems = []
    fetch(cfg)
    actor = "Croatia" if hold else "Greece"
    feed.pledge(actor, "pl")
    c = sqlite3.connect(nwrel.db_path(work), timeout=1, isolation_level=None, check_same_thread=False)
    c.execute("BEGIN EXCLUSIVE")
    released = threading.Event()

    def release_after(s):
        time.sleep(s)
        c.execute("ROLLBACK")
        released.set()
    if hold:
        threading.Thread(target=release_after, args=(hold,), daemon=True).start()
        rc, out, wall, _ = fetch(cfg)
        released.wait(30)
        msg = first_line(out)
        if rc != 0:
            problems.append(f"fetch exit {rc} although the lock was released after {hold} s: {msg!r}")
        if count_actor(log, actor) != 1:
            problems.append(f"{actor} alerted {count_actor(log, actor)}x")
        detail = f"lock held {hold} s: fetch waited and succeeded in {wall:.1f} s (exit {rc}), {actor} alerted once"
    else:
        rc, out, wall, _ = fetch(cfg)
        msg = first_line(out)
        c.execute("ROLLBACK")
        if rc != 3:
            problems.append(f"fetch exit {rc}, expected 3")
        if "locked" not in msg:
            problems.append(f"unclear error {msg!r}")
        if wall > 40:
            problems.append(f"gave up only after {wall:.0f} s")
        rc2, out2, _, _ = fetch(cfg)
        n = count_actor(log, actor)
        if rc2 != 0 or n != 1:
            problems.append(f"after release: exit {rc2}, {actor} alerted {n}x")
        detail = f"lock held throughout: exit {rc} after {wall:.1f} s with {msg!r}; after release exit {rc2}, {actor} alerted {n}x"
    c.close()
    integ = nwrel.integrity(work)
    if integ != "ok":
        problems.append(f"integrity {integ}")
    check(f"faults.db-locked-{'short' if hold else 'long'}", not problems,
          detail + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""), seconds=round(wall, 1))


def db_locked_daemon(srv, work, hold=15):
    """The daemon (interval 1s) while another process holds the write lock for `hold` seconds:
    its cycles fail saying so (and back off), it keeps running, and the pledge published during
    the lock alerts once after the release."""
    feed = Feed(srv)
    cfg = nwrel.write_config(work, [("A", srv.url("/a.xml"))], interval="1s")
    log = os.path.join(work, "log", "alerts.log")
    out = open(os.path.join(work, "daemon.out"), "w+b")
    p = nwrel.spawn([BIN, "run", "--config", cfg], stdout=out, stderr=subprocess.STDOUT)
    problems = []
    try:
        end = time.monotonic() + 15
        while not os.path.exists(nwrel.db_path(work)) and time.monotonic() < end:
            time.sleep(0.2)
        time.sleep(1.5)
        c = sqlite3.connect(nwrel.db_path(work), timeout=15, isolation_level=None)
        c.execute("BEGIN EXCLUSIVE")
        t_lock = time.monotonic()
        feed.pledge("Albania", "pa")
        time.sleep(hold)
        alerted_during = count_actor(log, "Albania")
        c.execute("ROLLBACK")
        c.close()
        t_release = time.monotonic()
        end = time.monotonic() + 30
        while count_actor(log, "Albania") == 0 and time.monotonic() < end:
            time.sleep(0.2)
        latency = time.monotonic() - t_release
        time.sleep(2)
        n = count_actor(log, "Albania")
        out.seek(0)
        text = out.read().decode("utf-8", "replace").replace(work, "<work>")
        locked_msgs = [l for l in text.splitlines() if "locked" in l]
        if p.poll() is not None:
            problems.append(f"daemon exited {p.returncode} during the lock")
        if alerted_during:
            problems.append("alerted while the database was locked?")
        if n != 1:
            problems.append(f"Albania alerted {n}x after the release")
        if not locked_msgs:
            problems.append("no log line says the database is locked")
    finally:
        p.send_signal(15)
        try:
            rc = p.wait(timeout=12)
        except subprocess.TimeoutExpired:
            nwrel.kill_tree(p)
            rc = "timeout"
    if rc != 0:
        problems.append(f"SIGTERM exit {rc}")
    integ = nwrel.integrity(work)
    if integ != "ok":
        problems.append(f"integrity {integ}")
    check("faults.db-locked-daemon", not problems,
          f"daemon, lock held {hold} s: {len(locked_msgs)} 'locked' log lines (e.g. {locked_msgs[:1]}), still running; "
          f"pledge alerted once {latency:.1f} s after the release" + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""),
          seconds=round(latency, 1))


def log_rotation(srv, work, rounds=6):
    """logrotate's default `create` style while the daemon alerts: the log is renamed away and a new
    one created between alerts; every alert must be in exactly one of the two files."""
    feed = Feed(srv)
    cfg = nwrel.write_config(work, [("A", srv.url("/a.xml"))], interval="1s")
    log = os.path.join(work, "log", "alerts.log")
    out = open(os.path.join(work, "daemon.out"), "w+b")
    p = nwrel.spawn([BIN, "run", "--config", cfg], stdout=out, stderr=subprocess.STDOUT)
    actors = nwrel.ALLIES[:rounds * 2]
    problems = []

    def generations():
        return [log] + [f"{log}.{i}" for i in range(1, rounds + 1) if os.path.exists(f"{log}.{i}")]
    try:
        time.sleep(1.5)
        for r in range(rounds):
            for a in actors[2 * r: 2 * r + 2]:
                feed.pledge(a, f"rot-{a}")
            time.sleep(0.6 + 0.25 * (r % 3))
            if os.path.exists(log):
                os.rename(log, f"{log}.{r + 1}")  # every generation kept, as logrotate `rotate N`
                open(log, "a").close()  # `create`
        end = time.monotonic() + 15
        while time.monotonic() < end:
            got = [a for g in generations() for a in nwrel.read_alert_log(g)[0]]
            if {a.get("actor") for a in got} >= set(actors):
                break
            time.sleep(0.3)
    finally:
        p.send_signal(15)
        try:
            rc = p.wait(timeout=12)
        except subprocess.TimeoutExpired:
            nwrel.kill_tree(p)
            rc = "timeout"
    a_new, bad1, _ = nwrel.read_alert_log(log)
    a_old, bad2 = [], []
    for g in generations()[1:]:
        a, b, _ = nwrel.read_alert_log(g)
        a_old += a
        bad2 += b
    counts = {}
    for a in a_new + a_old:
        counts[a.get("actor")] = counts.get(a.get("actor"), 0) + 1
    lost = [a for a in actors if counts.get(a, 0) == 0]
    dup = [a for a in actors if counts.get(a, 0) > 1]
    if lost or dup or bad1 or bad2:
        problems.append(f"lost {lost}, duplicated {dup}, torn {len(bad1) + len(bad2)}")
    if rc != 0:
        problems.append(f"SIGTERM exit {rc}")
    check("faults.log-rotated-while-alerting", not problems,
          f"{rounds} renames (logrotate `create`) while {len(actors)} pledges alerted: {len(a_old)} lines in "
          f"{len(generations()) - 1} rotated files, {len(a_new)} in the current one, lost {len(lost)}, duplicated {len(dup)}"
          + (f"; PROBLEMS: {'; '.join(problems)}" if problems else ""))


def main():
    if os.geteuid() != 0:
        check("faults.root", False, "the fault suite mounts file systems: run it as root")
        nwrel.finish()
    root = tempfile.mkdtemp(prefix="nwrel-faults-")
    srv = nwrel.Server()
    cases = [("disk-full", lambda w: disk_full(srv, w)),
             ("disk-full-mid-cycle", lambda w: disk_full(srv, w, 160)),
             ("log-dir-is-file", lambda w: log_unwritable(srv, w, "file")),
             ("log-dir-readonly", lambda w: log_unwritable(srv, w, "ro")),
             ("db-locked-short", lambda w: db_locked(srv, w, 3)),
             ("db-locked-long", lambda w: db_locked(srv, w, 0)),
             ("db-locked-daemon", lambda w: db_locked_daemon(srv, w)),
             ("log-rotation", lambda w: log_rotation(srv, w))]
    try:
        for name, f in cases:
            if ONLY and name not in ONLY:
                continue
            w = os.path.join(root, name)
            os.makedirs(w)
            try:
                f(w)
            except Exception as e:  # a broken step is a failed check, not a crashed suite
                import traceback
                traceback.print_exc()
                check(f"faults.{name}", False, f"the case raised {type(e).__name__}: {e}")
    finally:
        for m in reversed(MOUNTS):
            subprocess.run(["umount", "-l", m])
        srv.stop()
    if not nwrel.FAILED:
        subprocess.run(["rm", "-rf", root])
    else:
        print(f"  (work directory kept: {root})")
    nwrel.finish()


main()
