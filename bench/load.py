"""Pages under load, served the way a deployment serves them: gunicorn (DEBUG=0, persistent database
connections, the Redis cache when REDIS_URL is set) on loopback, officers logged in through the real login
form, each client with its own session, requesting the officer's pages in turn.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national \\
        .venv/bin/python bench/load.py --officers laocai=tinh,hcm=trunguong@HCM,country=trunguong \\
        --clients 10,50,100 --think 5 --seconds 60
    ... --clients 4,8,16 --closed-loop --seconds 30        # saturation: no think time

An officer is ``label=username`` or ``label=username@UNITCODE`` (the pages then ask for that unit with
``?unit=``: a country officer looking at a province, as the issue's "TP HCM officer" when no account is
attached to it). Clients are spread over the officers round-robin; every client logs in with its own
session. With ``--think S`` each client asks for one page every S seconds (open loop: the next page is due
S seconds after the previous one was asked for, or at once if that one took longer); with
``--closed-loop`` each asks for the next page as soon as the previous one is answered (saturation).

Prints, per run and per page: requests, p50, p95, p99 and max latency (ms), errors; per officer p95; the
throughput and the load average (1 min, at the start, the highest seen during the run, at the end).
It changes nothing in the database (GET requests, besides logging in). ``--pages`` narrows the pages.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PAST = "01/06/2025"
PAGES = {
    "home": "/",
    "dashboard": "/units/{unit}/dashboard/",
    "stats today": "/members/statistics/?unit={unit}",
    "stats past": f"/members/statistics/?unit={{unit}}&on={PAST}&start=01/01/2025&end={PAST}",
    "member search": "/members/?q=nguyen+van&unit={unit}",
    "tree": "/units/",
    "report entry": "/targets/?unit={unit}",
}


def server_env(args) -> dict:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE": "0",
        "CONN_MAX_AGE": str(args.conn_max_age),
        "CONN_HEALTH_CHECKS": "1",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_ACCESSLOG": "/dev/null",
        "GUNICORN_LOGLEVEL": "warning",
        "AXES_ENABLED": "0",  # many logins from one address are the benchmark, not an attack
    }


def start_server(args) -> subprocess.Popen:
    env = server_env(args)
    python = str(ROOT / ".venv" / "bin" / "python")
    if args.collectstatic or not (ROOT / "var" / "static").exists():  # compressing every file takes a minute
        collect = [python, "manage.py", "collectstatic", "--no-input", "-v", "0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own interpreter and script
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    proc = subprocess.Popen([gunicorn, "-c", "congdoan/gunicorn.conf.py", "congdoan.wsgi"], cwd=ROOT, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{args.port}"
    for _ in range(240):
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit("gunicorn did not answer /healthz")


class Officer:
    """One browser: a cookie jar logged in through the login form."""

    def __init__(self, base: str, label: str, username: str, password: str, unit: str):
        self.base, self.label = base, label
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.get("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        )
        request = urllib.request.Request(  # noqa: S310 - loopback
            f"{base}/login/", data=form.encode(), headers={"Referer": f"{base}/login/"}
        )
        home = self.opener.open(request, timeout=120).read().decode()
        if 'id="my-unit"' not in home:
            sys.exit(f"could not log in as {username}")
        found = re.search(r'href="/units/(\d+)/dashboard/', home)
        self.unit = unit or (found.group(1) if found else "")

    def get(self, path: str) -> str:
        return self.opener.open(f"{self.base}{path}", timeout=120).read().decode()  # noqa: S310 - loopback


def parse_officers(text: str, database_url: str) -> list[tuple[str, str, str]]:
    """[(label, username, unit id or "")] from ``label=user[@UNITCODE],…``."""
    out = []
    codes = {}
    for item in text.split(","):
        label, _eq, who = item.partition("=")
        username, _at, code = who.partition("@")
        if code:
            with psycopg.connect(database_url) as conn:
                row = conn.execute("SELECT id FROM org_unit WHERE code = %s", [code]).fetchone()
            if row is None:
                sys.exit(f"no unit with code {code}")
            codes[code] = str(row[0])
        out.append((label, username or label, codes.get(code, "")))
    return out


class LoadWatch(threading.Thread):
    """The 1-minute load average, sampled every second while a run lasts."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.samples = [os.getloadavg()[0]]

    def run(self):
        while not self.stop.wait(1.0):
            self.samples.append(os.getloadavg()[0])


def run(officers: list[Officer], pages: list[str], seconds: float, think: float | None) -> dict:
    timings: dict[tuple[str, str], list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    began = time.monotonic()
    stop = began + seconds

    def client(n: int, officer: Officer) -> None:
        rng = random.Random(n)
        i = rng.randrange(len(pages))
        due = began + (rng.uniform(0, think) if think else 0)
        while True:
            if think:
                pause = due - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                due = max(due + think, time.monotonic())
            if time.monotonic() >= stop:
                return
            name = pages[i % len(pages)]
            i += 1
            started = time.perf_counter()
            try:
                officer.get(PAGES[name].format(unit=officer.unit))
                ok = True
            except (OSError, http.client.HTTPException):  # HTTPError is an OSError
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    timings[(name, officer.label)].append(elapsed)
                else:
                    errors[name] += 1

    threads = [threading.Thread(target=client, args=(n, o)) for n, o in enumerate(officers)]
    watch = LoadWatch()
    watch.start()
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    watch.stop.set()
    watch.samples.append(os.getloadavg()[0])
    return {"timings": timings, "errors": errors, "wall": wall, "load": watch.samples}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def report(result: dict, pages: list[str], labels: list[str], clients: int, mode: str) -> None:
    timings, errors = result["timings"], result["errors"]
    total = sum(len(v) for v in timings.values())
    load = result["load"]
    print(
        f"\n{clients} officers, {mode}, {result['wall']:.0f} s: {total} pages, {total / result['wall']:.1f} pages/s, "
        f"errors {sum(errors.values())}; load average {load[0]:.1f} → max {max(load):.1f} → {load[-1]:.1f}"
    )
    header = "".join(f"{'p95 ' + label:>14}" for label in labels)
    print(f"{'page':<15}{'n':>6}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'err':>5}{header}   (ms)")
    for name in pages:
        values = [v for label in labels for v in timings.get((name, label), [])]
        p50 = statistics.median(values) if values else float("nan")
        per = "".join(f"{pct(timings.get((name, label), []), 0.95):>14.0f}" for label in labels)
        print(
            f"{name:<15}{len(values):>6}{p50:>8.0f}{pct(values, 0.95):>8.0f}{pct(values, 0.99):>8.0f}"
            f"{max(values, default=0):>8.0f}{errors.get(name, 0):>5}{per}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--officers", default="laocai=tinh,coso=coso", help="label=user[@UNITCODE],…")
    parser.add_argument("--users", default="", help="(old form) comma-separated usernames")
    parser.add_argument("--password", default="congdoan2026")
    parser.add_argument("--clients", default="10,50", help="concurrent officers per run, comma-separated")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=5.0, help="seconds between one officer's pages")
    parser.add_argument("--closed-loop", action="store_true", help="no think time: saturation")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated, from: " + ", ".join(PAGES))
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--collectstatic", action="store_true", help="collect even if var/static exists")
    parser.add_argument("--url", default="", help="an already running server (then no gunicorn is started)")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("DATABASE_URL must point at a PostgreSQL database with demo data (see bench/README.md)")
    if args.users:
        args.officers = ",".join(f"{u}={u}" for u in args.users.split(","))
    pages = [p for p in args.pages.split(",") if p]
    unknown = set(pages) - set(PAGES)
    if unknown:
        sys.exit(f"unknown pages: {', '.join(sorted(unknown))}")
    specs = parse_officers(args.officers, database_url)
    labels = [label for label, _u, _unit in specs]
    server = None if args.url else start_server(args)
    base = args.url or f"http://127.0.0.1:{args.port}"
    think = None if args.closed_loop else args.think
    mode = "closed loop" if args.closed_loop else f"one page every {args.think:g} s each"
    try:
        print(
            f"gunicorn {args.workers} workers, DEBUG=0, CONN_MAX_AGE={args.conn_max_age}, "
            f"cache={'Redis' if os.environ.get('REDIS_URL') else 'local memory'}; officers {args.officers}; "
            f"{os.cpu_count()} CPU"
        )
        for clients in (int(c) for c in args.clients.split(",")):
            officers = [
                Officer(base, label, user, args.password, unit)
                for n in range(clients)
                for label, user, unit in [specs[n % len(specs)]]
            ]
            for officer in officers[: len(specs)]:  # warm every page of every officer once
                for name in pages:
                    officer.get(PAGES[name].format(unit=officer.unit))
            report(run(officers, pages, args.seconds, think), pages, labels, clients, mode)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
