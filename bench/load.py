"""Pages under load, served the way a deployment serves them: gunicorn (DEBUG=0, persistent database
connections, the Redis cache when REDIS_URL is set) on loopback, officers logged in through the real login
form, N clients each requesting the officer's main pages in turn for a fixed time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/load.py --users tinh,coso --clients 1,10,50 --seconds 30

Prints, per page and number of clients: requests, p50, p95 and max latency (ms), errors; and the throughput of
each run. It changes nothing in the database (GET requests only, besides logging in). The demo password is
used unless --password is given.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
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

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("trang chủ", "/"),
    ("bảng số liệu", "/units/{unit}/dashboard/"),
    ("thống kê đoàn viên", "/members/statistics/"),
    ("tìm đoàn viên", "/members/?q=nguyen"),
    ("chỉ tiêu, báo cáo", "/targets/"),
    ("cây tổ chức", "/units/"),
]


def server_env(args) -> dict:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE": "0",
        "CONN_MAX_AGE": "600",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_ACCESSLOG": "/dev/null",
        "GUNICORN_LOGLEVEL": "warning",
        "AXES_ENABLED": "0",  # many logins from one address are the benchmark, not an attack
    }
    return env


def start_server(args) -> subprocess.Popen:
    env = server_env(args)
    python = str(ROOT / ".venv" / "bin" / "python")
    collect = [python, "manage.py", "collectstatic", "--no-input", "-v", "0"]
    subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own interpreter and script
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    proc = subprocess.Popen([gunicorn, "-c", "congdoan/gunicorn.conf.py", "congdoan.wsgi"], cwd=ROOT, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{args.port}"
    for _ in range(120):
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

    def __init__(self, base: str, username: str, password: str):
        self.base = base
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
        home = self.opener.open(request, timeout=60).read().decode()
        if 'id="my-unit"' not in home:
            sys.exit(f"could not log in as {username}")
        found = re.search(r'href="/units/(\d+)/dashboard/', home)
        self.unit = found.group(1) if found else ""

    def get(self, path: str) -> str:
        return self.opener.open(f"{self.base}{path}", timeout=120).read().decode()  # noqa: S310 - loopback


def run(base: str, officers: list[Officer], clients: int, seconds: float) -> tuple[dict, int, float]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        officer = officers[n % len(officers)]
        i = n
        while time.monotonic() < stop:
            name, path = PAGES[i % len(PAGES)]
            i += 1
            if "{unit}" in path and not officer.unit:
                continue
            started = time.perf_counter()
            try:
                officer.get(path.format(unit=officer.unit))
                ok = True
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                (timings[name].append(elapsed) if ok else None)
                if not ok:
                    errors[name] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    total = sum(len(v) for v in timings.values())
    return {name: (timings[name], errors[name]) for name, _p in PAGES}, total, wall


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", default="tinh,coso", help="demo officers, comma-separated")
    parser.add_argument("--password", default="congdoan2026")
    parser.add_argument("--clients", default="1,10,50", help="concurrent clients per run, comma-separated")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("DATABASE_URL must point at a PostgreSQL database with demo data (see bench/README.md)")

    server = start_server(args)
    base = f"http://127.0.0.1:{args.port}"
    try:
        print(
            f"gunicorn {args.workers} workers, DEBUG=0, CONN_MAX_AGE=600, "
            f"cache={'Redis' if os.environ.get('REDIS_URL') else 'local memory'}; users {args.users}"
        )
        for clients in (int(c) for c in args.clients.split(",")):
            officers = [
                Officer(base, u, args.password) for u in args.users.split(",") for _ in range(clients)
            ]
            for officer in officers[: len(args.users.split(","))]:  # warm every page once
                for _name, path in PAGES:
                    if "{unit}" not in path or officer.unit:
                        officer.get(path.format(unit=officer.unit))
            results, total, wall = run(base, officers, clients, args.seconds)
            print(f"\n{clients} client(s), {args.seconds:.0f} s: {total} requests, {total / wall:.1f} req/s")
            print(f"{'page':<22}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>8}")
            for name, (values, errs) in results.items():
                p50 = statistics.median(values) if values else float("nan")
                print(
                    f"{name:<22}{len(values):>6}{p50:>9.0f}{pct(values, 0.95):>9.0f}{max(values, default=0):>9.0f}{errs:>8}"
                )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
