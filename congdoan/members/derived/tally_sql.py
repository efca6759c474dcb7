"""Set-based rebuild of the member tally (``tally.rebuild``), the same SQL on PostgreSQL and SQLite.

1. ``tally_own``: every unit's own events from its stints, summed per (unit, day) — the SQL twin of
   ``tally.stint_events`` (start +1, −1 the day after the end, age bands moving on 1 January, events).
2. Units are processed by *height* (the longest chain of links below them, over all time): for every
   link whose child has height h, the child's own events plus the tally already collected for it are
   passed to the parent for the link's interval (``tally.project``) and collected in ``tally_stage``.
3. The collected rows, summed per (unit, day), replace the ledger.
"""

from __future__ import annotations

from ..constants import END_RESTRUCTURE, END_TRANSFER, Gender, StintStart
from . import columns, own

OPEN = "9999-12-31"
# The columns and their meaning are the in-memory twin's (``tally``); this module only writes the SQL.
COLUMNS = columns.COLUMNS
AGE = columns.AGE_COLUMNS
LEVEL = columns.LEVEL_COLUMNS
MAJORITY = columns.MAJORITY
SECTORS = {column: sector for sector, column in columns.SECTOR_COLUMNS.items() if sector}


class _Dialect:
    def __init__(self, vendor: str):
        self.pg = vendor == "postgresql"

    def next_day(self, x: str) -> str:
        return f"({x} + 1)" if self.pg else f"date({x}, '+1 day')"

    def year(self, x: str) -> str:
        return (
            f"CAST(EXTRACT(YEAR FROM {x}) AS INTEGER)"
            if self.pg
            else f"CAST(strftime('%%Y', {x}) AS INTEGER)"
        )

    def jan1(self, year_expr: str) -> str:
        return f"make_date({year_expr}, 1, 1)" if self.pg else f"printf('%%04d-01-01', {year_expr})"

    def open_(self) -> str:
        return f"DATE '{OPEN}'" if self.pg else f"'{OPEN}'"


def _base_sql(d: _Dialect, preloaded_from: int | None = None) -> str:
    """One row per stint with everything the events need, from one join (the branches below then scan
    this narrow table instead of joining 12 M stints to 12 M members again each); with ``preloaded_from``
    only the stints of members below that id (the others' own events are preloaded, ``own``)."""
    only = f"WHERE s.member_id < {int(preloaded_from)}" if preloaded_from is not None else ""
    kinds = ", ".join(f"'{k}'" for k in (StintStart.ADMIT, StintStart.READMIT))
    return f"""SELECT s.unit_id AS unit_id, s.valid_from AS valid_from, s.valid_to AS valid_to,
        CASE WHEN s.start_kind IN ({kinds}) THEN 1 ELSE 0 END AS adm,
        CASE WHEN s.valid_to IS NOT NULL AND r.code NOT IN ('{END_TRANSFER}', '{END_RESTRUCTURE}')
             THEN 1 ELSE 0 END AS lv,
        CASE WHEN m.gender = '{Gender.FEMALE}' THEN 1 ELSE 0 END AS f,
        CASE WHEN m.is_informal THEN 1 ELSE 0 END AS inf,
        {d.year("m.date_of_birth")} AS born, COALESCE(u.sector, '') AS sector, m.ethnicity AS eth,
        m.party_introduced_on AS pi, m.party_admitted_on AS pa
    FROM members_membership s JOIN members_member m ON m.id = s.member_id JOIN org_unit u ON u.id = s.unit_id
    LEFT JOIN members_leavereason r ON r.id = s.end_reason_id {only}"""  # noqa: S608


def _band(d: _Dialect, day: str) -> str:
    age = f"({d.year(day)} - b.born)"
    return f"(CASE WHEN {age} >= 60 THEN 4 WHEN {age} >= 50 THEN 3 WHEN {age} >= 40 THEN 2 WHEN {age} >= 30 THEN 1 ELSE 0 END)"


def _grouped_level(d: _Dialect, sign: int, day: str, where: str = "") -> str:
    """Stint starts (or ends) counted per unit, day and the attributes the columns split on, then spread
    into the wide columns."""
    band_day = "b.valid_from" if sign > 0 else "b.valid_to"
    inner = f"""SELECT b.unit_id AS unit_id, {day} AS day, b.f AS f, b.inf AS inf,
        {_band(d, band_day)} AS band, b.sector AS sector, b.adm AS adm, CAST(COUNT(*) AS INTEGER) AS n
        FROM tally_base b {where} GROUP BY 1, 2, 3, 4, 5, 6, 7"""  # noqa: S608
    n = f"({sign} * g.n)"
    values = {"total": n, "women": f"g.f * {n}", "informal": f"g.inf * {n}"}
    for i, column in enumerate(AGE):
        values[column] = f"CASE WHEN g.band = {i} THEN {n} ELSE 0 END"
    for column, sector in SECTORS.items():
        values[column] = f"CASE WHEN g.sector = '{sector}' THEN {n} ELSE 0 END"
    known = ", ".join(f"'{v}'" for v in SECTORS.values())
    values["sector_none"] = f"CASE WHEN g.sector NOT IN ({known}) THEN {n} ELSE 0 END"
    if sign > 0:
        values["admitted"] = "g.adm * g.n"
        values["admitted_informal"] = "g.adm * g.inf * g.n"
    return _select("g.unit_id", "g.day", values, f"FROM ({inner}) g")


def _select(unit: str, day: str, values: dict[str, str], tail: str) -> str:
    cols = ", ".join(f"{values.get(c, '0')} AS {c}" for c in COLUMNS)
    return f"SELECT {unit} AS unit_id, {day} AS day, {cols} {tail}"


def _own_events_sql(d: _Dialect) -> str:
    turn = d.jan1("b.born + th.k")
    thresholds = "SELECT 30 AS k, 0 AS i UNION ALL SELECT 40, 1 UNION ALL SELECT 50, 2 UNION ALL SELECT 60, 3"
    moves = {
        c: f"CASE WHEN t.i + 1 = {j} THEN t.n WHEN t.i = {j} THEN -t.n ELSE 0 END" for j, c in enumerate(AGE)
    }
    parts = [
        _grouped_level(d, 1, "b.valid_from"),
        _grouped_level(d, -1, d.next_day("b.valid_to"), "WHERE b.valid_to IS NOT NULL"),
        _select(
            "t.unit_id",
            "t.day",
            moves,
            f"FROM (SELECT b.unit_id AS unit_id, {turn} AS day, th.i AS i, CAST(COUNT(*) AS INTEGER) AS n "  # noqa: S608
            f"FROM tally_base b CROSS JOIN ({thresholds}) th "
            f"WHERE {turn} > b.valid_from AND {turn} <= COALESCE(b.valid_to, {d.open_()}) GROUP BY 1, 2, 3) t",
        ),
        _select("b.unit_id", "b.valid_to", {"leavers": "1"}, "FROM tally_base b WHERE b.lv = 1"),
    ]
    for column, field in (("party_introduced", "pi"), ("party_admitted", "pa")):
        parts.append(
            _select(
                "b.unit_id",
                f"b.{field}",
                {column: "1"},
                f"FROM tally_base b WHERE b.{field} IS NOT NULL AND b.{field} >= b.valid_from "
                f"AND b.{field} <= COALESCE(b.valid_to, {d.open_()})",
            )
        )
    # Integer sums all the way (SUM over BIGINT accumulates in NUMERIC on PostgreSQL, several times slower).
    sums = ", ".join(f"CAST(SUM({c}) AS INTEGER) AS {c}" for c in COLUMNS)
    union = " UNION ALL ".join(parts)
    return f"SELECT unit_id, day, {sums} FROM ({union}) e GROUP BY unit_id, day"  # noqa: S608


def _own_eth_sql(d: _Dialect) -> str:
    return f"""SELECT unit_id, day, ethnicity, CAST(SUM(n) AS INTEGER) AS n FROM (
        SELECT b.unit_id AS unit_id, b.valid_from AS day, b.eth AS ethnicity, 1 AS n
        FROM tally_base b WHERE b.eth <> '{MAJORITY}'
        UNION ALL
        SELECT b.unit_id, {d.next_day("b.valid_to")}, b.eth, -1
        FROM tally_base b WHERE b.valid_to IS NOT NULL AND b.eth <> '{MAJORITY}'
    ) e GROUP BY unit_id, day, ethnicity"""  # noqa: S608


def _pass_up_sql(d: _Dialect, source: str, height: int) -> str:
    """Rows ``source`` holds for units of ``height``, passed to their parents over each link's interval."""
    enter = "CASE WHEN e.day > l.valid_from THEN e.day ELSE l.valid_from END"
    inside = ", ".join(
        f"e.{c} AS {c}" if c in LEVEL else f"CASE WHEN e.day >= l.valid_from THEN e.{c} ELSE 0 END AS {c}"
        for c in COLUMNS
    )
    leave = ", ".join(f"-e.{c} AS {c}" if c in LEVEL else f"0 AS {c}" for c in COLUMNS)
    join = (
        f"FROM {source} e JOIN tally_height h ON h.id = e.unit_id AND h.n = {int(height)} "
        "JOIN org_unitlink l ON l.child_id = e.unit_id"
    )
    sums = ", ".join(f"CAST(SUM({c}) AS INTEGER)" for c in COLUMNS)
    return f"""INSERT INTO tally_stage (unit_id, day, {", ".join(COLUMNS)})
    SELECT unit_id, day, {sums} FROM (
        SELECT l.parent_id AS unit_id, {enter} AS day, {inside}
        {join} WHERE e.day <= COALESCE(l.valid_to, {d.open_()})
        UNION ALL
        SELECT l.parent_id, {d.next_day("l.valid_to")}, {leave}
        {join} WHERE l.valid_to IS NOT NULL AND e.day <= l.valid_to
    ) x GROUP BY unit_id, day"""  # noqa: S608


def _pass_up_eth_sql(d: _Dialect, source: str, height: int) -> str:
    join = (
        f"FROM {source} e JOIN tally_height h ON h.id = e.unit_id AND h.n = {int(height)} "
        "JOIN org_unitlink l ON l.child_id = e.unit_id"
    )
    return f"""INSERT INTO tally_stage_eth (unit_id, day, ethnicity, n)
    SELECT unit_id, day, ethnicity, CAST(SUM(n) AS INTEGER) FROM (
        SELECT l.parent_id AS unit_id, CASE WHEN e.day > l.valid_from THEN e.day ELSE l.valid_from END AS day,
               e.ethnicity AS ethnicity, e.n AS n
        {join} WHERE e.day <= COALESCE(l.valid_to, {d.open_()})
        UNION ALL
        SELECT l.parent_id, {d.next_day("l.valid_to")}, e.ethnicity, -e.n
        {join} WHERE l.valid_to IS NOT NULL AND e.day <= l.valid_to
    ) x GROUP BY unit_id, day, ethnicity"""  # noqa: S608


HEIGHTS = """
WITH RECURSIVE h(id, n) AS (
    SELECT DISTINCT child_id, 0 FROM org_unitlink
    UNION
    SELECT l.parent_id, h.n + 1 FROM h JOIN org_unitlink l ON l.child_id = h.id
)
SELECT id, MAX(n) AS n FROM h GROUP BY id
"""

UNIQUE = (
    ("members_membertally", "member_tally_unit_day", "unit_id, day"),
    ("members_membertallyethnicity", "member_tally_eth_unit_day", "unit_id, day, ethnicity"),
)
OWN = ("tally_own", "tally_own_eth")
TEMP = ("tally_base", *OWN, "tally_height", "tally_stage", "tally_stage_eth")


def rebuild_sql(connection, *, preloaded_from: int | None = None, keep_own: bool = False) -> None:
    """Replace the ledger. ``preloaded_from``: the own events of the stints of members with an id from
    that on are already summed in ``own.PRELOADED``/``own.PRELOADED_ETH`` (which are then dropped);
    ``keep_own``: leave ``tally_own`` and ``tally_own_eth`` (every unit's own events, possibly several
    rows per unit and day) for the caller, who drops them (``drop_own``)."""
    d = _Dialect(connection.vendor)
    with connection.cursor() as cursor:
        for name in TEMP:
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
        if d.pg:
            # Hash aggregates over tens of millions of rows: in memory rather than spilled in 4 MB pieces.
            cursor.execute("SET LOCAL work_mem = '1GB'")
        cursor.execute(f"CREATE TEMPORARY TABLE tally_base AS {_base_sql(d, preloaded_from)}", [])
        if d.pg:
            cursor.execute("ANALYZE tally_base")
        cursor.execute(f"CREATE TEMPORARY TABLE tally_own AS {_own_events_sql(d)}", [])
        cursor.execute(f"CREATE TEMPORARY TABLE tally_own_eth AS {_own_eth_sql(d)}", [])
        cursor.execute("DROP TABLE tally_base")
        if preloaded_from is not None:
            cursor.execute(f"INSERT INTO tally_own SELECT * FROM {own.PRELOADED}")  # noqa: S608 - constant
            cursor.execute(f"INSERT INTO tally_own_eth SELECT * FROM {own.PRELOADED_ETH}")  # noqa: S608
            cursor.execute(f"DROP TABLE {own.PRELOADED}")
            cursor.execute(f"DROP TABLE {own.PRELOADED_ETH}")
        cursor.execute(f"CREATE TEMPORARY TABLE tally_height AS {HEIGHTS}", [])
        cursor.execute("CREATE TEMPORARY TABLE tally_stage AS SELECT * FROM tally_own WHERE 1 = 0", [])
        cursor.execute(
            "CREATE TEMPORARY TABLE tally_stage_eth AS SELECT * FROM tally_own_eth WHERE 1 = 0", []
        )
        if d.pg:
            for name in ("tally_own", "tally_own_eth", "tally_height"):
                cursor.execute(f"ANALYZE {name}")
        cursor.execute("SELECT MAX(n) FROM tally_height")
        top = cursor.fetchone()[0]
        for height in range(0, (top or 0) + 1):
            for source in ("tally_own", "tally_stage"):
                cursor.execute(_pass_up_sql(d, source, height), [])
            for source in ("tally_own_eth", "tally_stage_eth"):
                cursor.execute(_pass_up_eth_sql(d, source, height), [])
        cursor.execute("DELETE FROM members_membertally")
        cursor.execute("DELETE FROM members_membertallyethnicity")
        if d.pg:  # one sorted index build instead of millions of index inserts
            for table, name, _cols in UNIQUE:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        sums = ", ".join(f"SUM({c})" for c in COLUMNS)
        nonzero = " OR ".join(f"SUM({c}) <> 0" for c in COLUMNS)
        cursor.execute(
            f"""INSERT INTO members_membertally (unit_id, day, {", ".join(COLUMNS)})
            SELECT unit_id, day, {sums} FROM tally_stage GROUP BY unit_id, day HAVING {nonzero}
            ORDER BY unit_id, day""",  # noqa: S608 - in key order: a unit's rows sit together on disk
            [],
        )
        cursor.execute(
            """INSERT INTO members_membertallyethnicity (unit_id, day, ethnicity, n)
            SELECT unit_id, day, ethnicity, SUM(n) FROM tally_stage_eth
            GROUP BY unit_id, day, ethnicity HAVING SUM(n) <> 0 ORDER BY unit_id, day, ethnicity""",
            [],
        )
        for name in TEMP:
            if not (keep_own and name in OWN):
                cursor.execute(f"DROP TABLE IF EXISTS {name}")
        if d.pg:
            for table, name, cols in UNIQUE:
                cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE ({cols})")
            cursor.execute("ANALYZE members_membertally")
            cursor.execute("ANALYZE members_membertallyethnicity")


def drop_own(connection) -> None:
    with connection.cursor() as cursor:
        for name in OWN:
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
