"""Benchmark: importing a 100 000-row member workbook (validate + commit) on PostgreSQL.

Prints rows/s and peak RSS for: raw python-calamine read of the workbook, the full import
(``congdoan.members.excel.services.member_import``: read, validate every row, one transaction) and a raw
``COPY`` of the same rows into members_member, then the same ``COPY`` into a scratch copy of the table with
fewer of its indexes (which shows what the write costs). Numbers, not pass/fail.

    createdb -h 127.0.0.1 -U postgres bench_import
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import uv run python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import uv run python bench/members_import.py [--rows 100000]

The workbook is generated once (xlsxwriter, constant memory) into var/bench/.

**It changes nothing by default**: everything (the bench province and its unions, each import, each raw
``COPY``) runs inside one transaction that is rolled back at the end, each measurement in its own savepoint
rolled back before the next; the foreign-key checks PostgreSQL defers to the commit are forced at the end of
each measurement (``SET CONSTRAINTS ALL IMMEDIATE``) and counted in its time. So it can be pointed at a
full registry (the national demo) to measure an import into it. The old mode, which empties the member
tables of the database before and after each run and commits, needs both ``--truncate`` and
``--database NAME`` naming the database ``DATABASE_URL`` points at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.members.excel import columns  # noqa: E402

SYSTEM = Scope.unrestricted()
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tuấn",
]
GIVEN_F = ["Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Thảo", "Trang"]
ETHNIC = ["Kinh"] * 20 + ["Tày", "Thái", "Mường", "Mông", "Dao", "Nùng", "Khơ Me", "Giáy"]


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup_units(n: int = 50):
    """A province with ``n`` grassroots unions (created once, through the real services)."""
    from congdoan.core.text import fold
    from congdoan.org.models import Unit, UnitKind
    from congdoan.restructure import operations

    province = Unit.objects.filter(code="BENCH").first()
    if province is None:
        root = Unit.objects.filter(depth=0).first()
        if root is None:
            root = Unit.objects.create(
                code="TLD",
                name="Tổng Liên đoàn Lao động Việt Nam",
                name_folded=fold("Tổng Liên đoàn Lao động Việt Nam"),
                kind=UnitKind.objects.get(code="national"),
                founded_on=dt.date(1929, 7, 28),
                path="/",
            )
            root.path = f"/{root.pk}/"
            root.save(update_fields=["path"])

        def found(parent, name, kind, code):
            return operations.unit_found(
                scope=SYSTEM,
                parent=parent,
                name=name,
                kind=UnitKind.objects.get(code=kind),
                founded_on=dt.date(2000, 1, 1),
                decision_no="1/QĐ",
                code=code,
                allow_historic=True,
            )

        province = found(root, "LĐLĐ tỉnh Đo Kiểm", "province", "BENCH")
        commune = found(province, "Công đoàn xã Đo Kiểm", "commune", "BENCH.X")
        for i in range(1, n + 1):
            found(commune, f"CĐCS Công ty Đo Kiểm số {i}", "grassroots", f"BENCH.X.{i:03d}")
    codes = list(
        Unit.objects.filter(path__startswith=province.path, kind__is_grassroots=True).values_list(
            "code", flat=True
        )
    )
    return province, codes


def generate(path: Path, rows: int, unit_codes: list[str]) -> None:
    import xlsxwriter

    rnd = random.Random(2026)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Đoàn viên")
    dates = wb.add_format({"num_format": "dd/mm/yyyy"})
    headers = [c.header for c in columns.COLUMNS]
    for j, header in enumerate(headers):
        ws.write_string(0, j, header)
    col = {c.key: j for j, c in enumerate(columns.COLUMNS)}
    # Each union admits people in a few decisions a year: 8 admission lists per union.
    decisions = {
        code: [
            (dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(0, 365 * 4)), f"{k + 1}/QĐ-CĐCS")
            for k in range(8)
        ]
        for code in unit_codes
    }
    for i in range(1, rows + 1):
        female = rnd.random() < 0.52
        name = " ".join(
            (
                rnd.choice(FAMILY),
                rnd.choice(MIDDLE_F if female else MIDDLE_M),
                rnd.choice(GIVEN_F if female else GIVEN_M),
            )
        )
        born = dt.date(1965, 1, 1) + dt.timedelta(days=rnd.randrange(0, 365 * 40))
        unit = unit_codes[i % len(unit_codes)]
        admitted, decision_no = rnd.choice(decisions[unit])
        ws.write_number(i, col["row_no"], i)
        ws.write_string(i, col["full_name"], name)
        ws.write_string(i, col["gender"], "Nữ" if female else "Nam")
        if i % 2:
            ws.write_datetime(i, col["date_of_birth"], born, dates)  # a real Excel date
        else:
            ws.write_string(i, col["date_of_birth"], born.strftime("%d/%m/%Y"))  # typed as text
        ws.write_string(i, col["ethnicity"], rnd.choice(ETHNIC))
        ws.write_string(i, col["cccd"], f"0{rnd.randrange(1, 96):02d}{i:09d}")
        ws.write_string(i, col["phone"], f"09{rnd.randrange(10**7, 10**8)}")
        ws.write_string(i, col["job"], "Công nhân")
        ws.write_string(i, col["hometown"], "Lào Cai")
        ws.write_string(i, col["unit_code"], unit)
        ws.write_datetime(i, col["admitted_on"], admitted, dates)
        ws.write_string(i, col["decision_no"], decision_no)
    wb.close()


def empty_member_tables() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE members_admissionbatch_members, members_admissionbatch, members_membership, "
            "members_member CASCADE"
        )
        cursor.execute("DELETE FROM audit_event WHERE action IN ('member.import', 'member.admit')")


def bench_read(path: Path) -> int:
    import python_calamine

    start = time.perf_counter()
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    data = wb.get_sheet_by_index(0).to_python()
    elapsed = time.perf_counter() - start
    n = len(data) - 1
    print(
        f"calamine read         {n:>8} rows  {elapsed:6.2f} s  {n / elapsed:>9,.0f} rows/s  peak RSS {rss_mib():,.0f} MiB"
    )
    return n


def backend_cpu() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend (same host only), or None."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def deferred_checks() -> float:
    """Run the foreign-key checks PostgreSQL deferred to the commit now (inside the kept-open transaction);
    seconds taken. Then defer again, as a fresh transaction would."""
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        elapsed = time.perf_counter() - start
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    return elapsed


def bench_import(path: Path, unit, checked=()) -> tuple[float, float]:
    from congdoan.members.excel.services import member_import

    server, python = backend_cpu(), process_cpu()
    start = time.perf_counter()
    outcome = member_import(scope=SYSTEM, unit=unit, path=path, checked=checked)
    if connection.in_atomic_block:  # rolled-back mode: the commit's deferred checks happen here
        outcome.timings["deferred checks"] = deferred_checks()
    elapsed = time.perf_counter() - start
    python = process_cpu() - python
    server = backend_cpu() - server if server is not None else float("nan")
    assert outcome.ok, outcome.errors[:5]
    n = outcome.created + outcome.updated
    parts = "  ".join(f"{k} {v:.2f}" for k, v in outcome.timings.items())
    print(
        f"full import           {n:>8} rows  {elapsed:6.2f} s  {n / elapsed:>9,.0f} rows/s  peak RSS {rss_mib():,.0f} MiB"
        f"  CPU: Python {python:.2f} s, server {server:.2f} s  load {os.getloadavg()[0]:.1f}\n"
        f"    phases (s): {parts}"
    )
    return elapsed, python + server


def imported_rows(first_id: int) -> tuple[list, list[str], list]:
    """The member rows the import just wrote (IDs above ``first_id``), with their columns and COPY types."""
    from congdoan.members.excel.services import _binary_types
    from congdoan.members.models import Member

    fields = [f for f in Member._meta.concrete_fields]
    columns_ = [f.column for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns_)} FROM members_member WHERE id > %s ORDER BY id", [first_id]
        )
        rows = cursor.fetchall()
    return rows, columns_, _binary_types(fields)


def bench_copy(rows, columns_: list[str], types, *, autocommit: bool) -> tuple[float, float]:
    """A raw binary COPY of the same rows into the same table (without them): the floor. In the rolled-back
    mode the deferred foreign-key check is forced and counted, as the commit would."""
    server, python = backend_cpu(), process_cpu()
    start = time.perf_counter()
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY members_member ({', '.join(columns_)}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(types)
            for row in rows:
                copy.write_row(row)
    if not autocommit:
        deferred_checks()
    elapsed = time.perf_counter() - start
    python = process_cpu() - python
    server = backend_cpu() - server if server is not None else float("nan")
    n = len(rows)
    print(
        f"raw COPY              {n:>8} rows  {elapsed:6.2f} s  {n / elapsed:>9,.0f} rows/s  peak RSS {rss_mib():,.0f} MiB"
        f"  CPU: Python {python:.2f} s, server {server:.2f} s  load {os.getloadavg()[0]:.1f}"
    )
    return elapsed, python + server


def bench_copy_indexes(rows, columns_: list[str], types) -> None:
    """The same raw COPY into a scratch copy of members_member with fewer of its indexes: what costs what."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'members_member'")
        indexes = dict(cursor.fetchall())
    trigram = [name for name, sql in indexes.items() if "gin_trgm_ops" in sql]
    variants = [
        ("primary key only", ["members_member_pkey"]),
        ("primary key + trigram GIN", ["members_member_pkey", *trigram]),
        ("all indexes but trigram GIN", [name for name in indexes if name not in trigram]),
        (f"all {len(indexes)} indexes", list(indexes)),
    ]
    for label, keep in variants:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_member_copy")
            cursor.execute("CREATE TABLE bench_member_copy (LIKE members_member INCLUDING DEFAULTS)")
            for name in keep:
                sql = indexes[name].replace(" ON public.members_member ", " ON bench_member_copy ")
                cursor.execute(sql.replace(f" INDEX {name} ", f" INDEX bench_{name} "))
        start = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            with cursor.copy(
                f"COPY bench_member_copy ({', '.join(columns_)}) FROM STDIN (FORMAT BINARY)"
            ) as copy:
                copy.set_types(types)
                for row in rows:
                    copy.write_row(row)
        elapsed = time.perf_counter() - start
        n = len(rows)
        print(f"  raw COPY, {label:<27} {elapsed:6.2f} s  {n / elapsed:>9,.0f} rows/s")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_member_copy")


INDEX_SIZES = """
    SELECT t.relname, i.relname, pg_relation_size(i.oid), pg_get_indexdef(i.oid)
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname IN ('members_member', 'members_membership', 'members_admissionbatch_members')
    ORDER BY t.relname, pg_relation_size(i.oid) DESC
"""


def print_indexes() -> None:
    """Every index of the tables an import writes, with its size and definition."""
    with connection.cursor() as cursor:
        cursor.execute(INDEX_SIZES)
        rows = cursor.fetchall()
    for table, index, size, definition in rows:
        print(f"  {table:<31} {index:<42} {size / 1024 / 1024:>8,.1f} MB  {definition.split(' USING ')[1]}")


def bench_lookups(repeat: int = 200) -> None:
    """What the unique keys serve: one member by code, by CCCD, 1 000 by codes / CCCDs (the import's and
    the welfare import's lookups), and the highest code issued (code counter rebuild, demo loader).
    Median of ``repeat`` runs each, on random existing keys; ms."""
    import statistics

    from django.db.models import Max

    from congdoan.members.models import Member

    rnd = random.Random(17)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT code, cccd FROM members_member TABLESAMPLE SYSTEM (1) WHERE code IS NOT NULL "
            "AND cccd IS NOT NULL LIMIT 5000"
        )
        sample = cursor.fetchall()
    if not sample:
        print("lookups: no member with a code and a CCCD")
        return
    codes = [c for c, _ in sample]
    cccds = [c for _, c in sample]

    def timed(label: str, run) -> None:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            times.append((time.perf_counter() - start) * 1000)
        print(f"  {label:<44} {statistics.median(times):7.3f} ms (median of {repeat})")

    timed("member by code (ORM .get)", lambda: Member.objects.filter(code=rnd.choice(codes)).first())
    timed("member by CCCD (ORM .get)", lambda: Member.objects.filter(cccd=rnd.choice(cccds)).first())
    timed(
        "1 000 members by code (code__in)",
        lambda: list(Member.objects.filter(code__in=rnd.sample(codes, 1000)).values_list("id", flat=True)),
    )
    timed(
        "1 000 members by CCCD (cccd__in)",
        lambda: list(Member.objects.filter(cccd__in=rnd.sample(cccds, 1000)).values_list("id", flat=True)),
    )
    timed(
        "highest code (code LIKE 'CD%', Max)",
        lambda: Member.objects.filter(code__startswith="CD").aggregate(m=Max("code")),
    )
    with connection.cursor() as cursor:
        for label, sql, param in (
            ("by code", "SELECT id FROM members_member WHERE code = %s", codes[0]),
            ("by CCCD", "SELECT id FROM members_member WHERE cccd = %s", cccds[0]),
        ):
            cursor.execute(f"EXPLAIN {sql}", [param])
            plan = " / ".join(line.strip() for (line,) in cursor.fetchall())
            print(f"  plan {label}: {plan}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the generated workbook")
    parser.add_argument("--repeat", type=int, default=1, help="run the full import this many times")
    parser.add_argument(
        "--import-only", action="store_true", help="skip the raw read and the raw COPY measurements"
    )
    parser.add_argument(
        "--indexes", action="store_true", help="also COPY into a scratch table with fewer indexes"
    )
    parser.add_argument(
        "--keys",
        action="store_true",
        help="only list the indexes with their sizes and time the lookups by code and CCCD (after --first-sql)",
    )
    parser.add_argument(
        "--checked",
        action="append",
        default=[],
        choices=["members", "links"],
        help="write these rows with PostgreSQL's per-row foreign-key checks even where the import's locks make "
        "them redundant (to show their share); repeatable",
    )
    parser.add_argument(
        "--truncate",
        action="store_true",
        help="empty the member tables before and after each run and commit (needs --database)",
    )
    parser.add_argument("--database", default="", help="with --truncate: the name of the database to empty")
    parser.add_argument(
        "--first-sql",
        action="append",
        default=[],
        help="run this statement first, inside the rolled-back transaction (e.g. DROP INDEX or CREATE INDEX "
        "to measure an index change before a migration makes it); repeatable",
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run on PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import")
    name = connection.settings_dict["NAME"]
    if args.truncate and args.database != name:
        sys.exit(f"--truncate empties the member tables: add --database {name} to confirm")
    if args.database and not args.truncate:
        sys.exit("--database is only for --truncate")
    if args.truncate:
        run(args, truncate=True)
        return
    with transaction.atomic():
        run(args, truncate=False)
        transaction.set_rollback(True)
    print("rolled back: the database is as it was")


def run(args, *, truncate: bool) -> None:
    if args.first_sql and truncate:
        sys.exit("--first-sql only in the rolled-back mode")
    with connection.cursor() as cursor:
        for statement in args.first_sql:
            cursor.execute(statement)
            print(f"ran {statement!r} (rolled back at the end)")
    if args.keys:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE members_member")
        print_indexes()
        bench_lookups()
        return
    province, codes = setup_units()
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = (
        folder / f"members_{args.rows}_{zlib.crc32(' '.join(sorted(codes)).encode()):08x}.xlsx"
    )  # these units
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.rows, codes)
        print(
            f"generated {path.name} ({path.stat().st_size / 1024 / 1024:.1f} MB) in {time.perf_counter() - start:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'members_member' ORDER BY 1")
        indexes = [name for (name,) in cursor.fetchall()]
        cursor.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM members_member")
        n_members, first_id = cursor.fetchone()
    print(
        f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU, workbook {path.stat().st_size / 1024 / 1024:.1f} MB, "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n"
        f"registry: {n_members:,} members ({'emptied first' if truncate else 'kept; everything rolled back'})\n"
        f"members_member has {len(indexes)} indexes: {', '.join(indexes)}"
    )
    print_indexes()
    from congdoan.members.excel import references

    print(f"per-row FK checks may be skipped where the locks vouch for them: {references.skip_allowed()}")
    if truncate:
        empty_member_tables()
    if not args.import_only:
        bench_read(path)
    # Each import is followed by a raw COPY of its rows, so that both of a pair meet the same load.
    times, copies = [], []
    rows = None
    for _run in range(args.repeat):
        point = None if truncate else transaction.savepoint()
        times.append(bench_import(path, province, checked=args.checked))
        if rows is None and not args.import_only:
            rows, columns_, types = imported_rows(first_id)
        if truncate:
            empty_member_tables()
        else:
            transaction.savepoint_rollback(point)
        if rows is not None:
            point = None if truncate else transaction.savepoint()
            copies.append(bench_copy(rows, columns_, types, autocommit=truncate))
            if truncate:
                empty_member_tables()
            else:
                transaction.savepoint_rollback(point)
    if args.repeat > 1:
        best = min(t for t, _cpu in times)
        print(f"best of {len(times)}: {best:.2f} s — {args.rows / best:,.0f} rows/s")
    if rows is not None:
        walls = ", ".join(f"{c / t:.2f}" for (t, _), (c, _) in zip(times, copies, strict=True))
        cpus = ", ".join(f"{c / t:.2f}" for (_, t), (_, c) in zip(times, copies, strict=True))
        best = min(c for c, _ in copies) / min(t for t, _ in times)
        print(
            f"ratio raw COPY / import (goal >= 0.70): wall, pair by pair {walls} (best against best {best:.2f}); "
            f"CPU (Python + server), pair by pair {cpus}\n"
            f"    per-row FK checks kept on: {', '.join(args.checked) or 'none'}; load {os.getloadavg()[0]:.1f}"
        )
        if args.indexes:
            bench_copy_indexes(rows, columns_, types)


if __name__ == "__main__":
    main()
