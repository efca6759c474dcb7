"""Benchmark: the demo load (``congdoan.demo.loader.load``) with a timer around each phase.

    createdb -h 127.0.0.1 -U postgres h_load_n10
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_load_n10 .venv/bin/python manage.py migrate -v0
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_load_n10 nice -n 10 .venv/bin/python bench/demo_load.py national 0.1

Prints the loader's own lines, then the wall time of the inner phases it does not print itself (the index
rebuild after the COPY, the tally, the small spans) with the CPU time of this Python process and of its
PostgreSQL backend (read from /proc: the server runs on this machine; parallel workers are not counted) in
each, the totals, the peak memory and the load average (1, 5, 15 min) before and after. On a shared machine
the CPU seconds are the steadier figures. Timers are wrapped around existing functions (monkeypatched
here, no change to the code measured); a phase missing from the code under test is simply not printed.
"""

from __future__ import annotations

import functools
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")

import django  # noqa: E402

django.setup()

from congdoan.demo import bulk, loader  # noqa: E402

TIMES: dict[str, float] = {}
SERVER: dict[str, float] = {}
PYTHON: dict[str, float] = {}
_BACKEND: list[int] = []


def server_cpu() -> float:
    """CPU seconds (user + system) of this connection's PostgreSQL backend so far, from /proc (the server
    runs on this machine); 0 where that cannot be read."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    if not _BACKEND:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            _BACKEND.append(cursor.fetchone()[0])
    try:
        fields = Path(f"/proc/{_BACKEND[0]}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(owner, name: str, label: str) -> None:
    original = getattr(owner, name, None)
    if original is None:
        return

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        t, server, cpu = time.perf_counter(), server_cpu(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            TIMES[label] = TIMES.get(label, 0.0) + time.perf_counter() - t
            SERVER[label] = SERVER.get(label, 0.0) + server_cpu() - server
            PYTHON[label] = PYTHON.get(label, 0.0) + time.process_time() - cpu

    setattr(owner, name, wrapper)


def main() -> None:
    scale = sys.argv[1] if len(sys.argv) > 1 else "national"
    factor = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1
    from congdoan.members import derived
    from congdoan.members.derived import smallspans, tally

    timed(bulk.LoadMode, "__exit__", "members: indexes, keys, foreign keys rebuilt")
    timed(tally, "rebuild", "derived: tally")
    timed(smallspans, "rebuild", "derived: small spans")
    for name in ("rebuild_from_own", "counts_from_own"):
        timed(derived, name, f"derived: {name}")
    print(f"load average before: {os.getloadavg()}", flush=True)
    timed(loader.people.Generator, "run", "members: generation and COPY (own events included)")
    if hasattr(loader, "own_events"):
        timed(loader.own_events.Recorder, "record", "members: own events summed and written")
    cpu, server = time.process_time(), server_cpu()
    t = time.perf_counter()
    stats = loader.load(scale, factor=factor, out=lambda line: print(line, flush=True))
    wall = time.perf_counter() - t
    for label, seconds in TIMES.items():
        print(
            f"{label}: {seconds:.1f} s wall; CPU: Python {PYTHON[label]:.1f} s, PostgreSQL {SERVER[label]:.1f} s"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"total {wall:.1f} s wall, Python {time.process_time() - cpu:.1f} s CPU, "
        f"PostgreSQL backend {server_cpu() - server:.1f} s CPU (parallel workers not counted), peak {peak:.0f} MiB"
    )
    print(f"members {stats.get('members'):,}, stints {stats.get('stints'):,}, units {stats.get('units'):,}")
    print(f"load average after: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
