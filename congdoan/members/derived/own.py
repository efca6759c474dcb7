"""Own events of stints counted in Python by a bulk writer that knows every stint it writes.

A loader that generates millions of stints (the demo) adds each to an ``OwnEvents`` as it goes and writes
the sums per (unit, day) into the *preloaded* tables with ``write``; ``rebuild_all(preloaded_from=…)``
then starts from them instead of joining the stints to the members and aggregating them again in SQL.

``OwnEvents.add`` is the fast twin of ``tally.stint_events`` (same meaning, flat lists instead of
Counters: ≈ 1 µs a stint); a property test holds them equal on random stints.
"""

from __future__ import annotations

import datetime as dt

from .columns import AGE_COLUMNS, COLUMNS, EVENT_COLUMNS, MAJORITY, SECTOR_COLUMNS

PRELOADED = "tally_pre"  # (unit_id, day, COLUMNS…)
PRELOADED_ETH = "tally_pre_eth"  # (unit_id, day, ethnicity, n)

_I = {c: i for i, c in enumerate(COLUMNS)}
_N = len(COLUMNS)
TOTAL, WOMEN, INFORMAL = _I["total"], _I["women"], _I["informal"]
AGE0 = _I[AGE_COLUMNS[0]]
SECTOR_INDEX = {sector: _I[column] for sector, column in SECTOR_COLUMNS.items()}
SECTOR_NONE = _I["sector_none"]
ADMITTED, ADMITTED_INF, LEAVERS = _I["admitted"], _I["admitted_informal"], _I["leavers"]
PARTY_INTRODUCED, PARTY_ADMITTED = _I["party_introduced"], _I["party_admitted"]
ONE_DAY = dt.timedelta(days=1)
LAST_TURN_YEAR = 9998  # ``stint_events`` skips turns after this year (the open end is 9999-12-31)
assert EVENT_COLUMNS[0] == "admitted"  # noqa: S101 - the layout below assumes the columns module's order


class OwnEvents:
    """Sums of own events per (unit, day): ``rows[(unit, day)]`` is a list in ``COLUMNS`` order,
    ``eth[(unit, day, ethnicity)]`` the minority counts."""

    def __init__(self):
        self.rows: dict[tuple[int, dt.date], list[int]] = {}
        self.eth: dict[tuple[int, dt.date, str], int] = {}
        # Open stints' moves between age bands depend on (unit, year of birth, starting band) only: counted
        # here, one dict update a stint, and spread into ``rows`` by ``settle``.
        self.open_turns: dict[tuple[int, int, int], int] = {}
        self._jan1: dict[int, dt.date] = {}

    def _row(self, unit: int, day: dt.date) -> list[int]:
        key = (unit, day)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = [0] * _N
        return row

    def add(  # noqa: PLR0913 - one stint and the member attributes the columns split on
        self,
        unit: int,
        sector: str | None,
        start: dt.date,
        end: dt.date | None,
        admission: bool,
        leaving: bool,
        female: bool,
        informal: bool,
        born_year: int,
        ethnicity: str,
        introduced: dt.date | None,
        admitted: dt.date | None,
    ) -> None:
        """One stint: ``admission`` = it started with an admission or re-admission, ``leaving`` = it ended
        with a leave reason other than a transfer or a restructure (only counted when ``end`` is set)."""
        sector_i = SECTOR_INDEX.get(sector or "", SECTOR_NONE)
        rows = self.rows
        first_year = start.year
        age = first_year - born_year
        band = (age >= 30) + (age >= 40) + (age >= 50) + (age >= 60)
        key = (unit, start)
        row = rows.get(key)
        if row is None:
            row = rows[key] = [0] * _N
        row[TOTAL] += 1
        row[AGE0 + band] += 1
        row[sector_i] += 1
        if female:
            row[WOMEN] += 1
        if informal:
            row[INFORMAL] += 1
        if admission:
            row[ADMITTED] += 1
            if informal:
                row[ADMITTED_INF] += 1
        minority = ethnicity != MAJORITY
        eth = self.eth
        if minority:
            key = (unit, start, ethnicity)
            eth[key] = eth.get(key, 0) + 1
        if end is None:
            key = (unit, born_year, band)
            turns = self.open_turns
            turns[key] = turns.get(key, 0) + 1
        else:
            last_year = min(end.year, LAST_TURN_YEAR)
            after = end + ONE_DAY
            age = end.year - born_year
            row = self._row(unit, after)
            row[TOTAL] -= 1
            row[AGE0 + (age >= 30) + (age >= 40) + (age >= 50) + (age >= 60)] -= 1
            row[sector_i] -= 1
            if female:
                row[WOMEN] -= 1
            if informal:
                row[INFORMAL] -= 1
            if minority:
                key = (unit, after, ethnicity)
                eth[key] = eth.get(key, 0) - 1
            if leaving:
                self._row(unit, end)[LEAVERS] += 1
            self._turns(unit, born_year, band, last_year, 1)
        if introduced is not None and start <= introduced and (end is None or introduced <= end):
            self._row(unit, introduced)[PARTY_INTRODUCED] += 1
        if admitted is not None and start <= admitted and (end is None or admitted <= end):
            self._row(unit, admitted)[PARTY_ADMITTED] += 1

    def _turns(self, unit: int, born_year: int, band: int, last_year: int, n: int) -> None:
        """Band i is left on 1 January of the year the member turns 30 + 10 i: after the stint's start
        exactly when that year is after the start's, i.e. for the bands from the starting one on."""
        for i in range(band, 4):
            year = born_year + 30 + 10 * i
            if year > last_year:
                break
            turn = self._jan1.get(year)
            if turn is None:
                turn = self._jan1[year] = dt.date(year, 1, 1)
            row = self._row(unit, turn)
            row[AGE0 + i] -= n
            row[AGE0 + i + 1] += n

    def settle(self) -> None:
        """Spread the open stints' band moves into ``rows`` (before reading them)."""
        for (unit, born_year, band), n in self.open_turns.items():
            self._turns(unit, born_year, band, LAST_TURN_YEAR, n)
        self.open_turns.clear()

    def clear(self) -> None:
        self.rows.clear()
        self.eth.clear()
        self.open_turns.clear()


# -- the preloaded tables (temporary: this connection, until ``rebuild_all`` drops them) -------------------
def create_tables(connection) -> None:
    """(Re)create the empty preloaded tables on this connection."""
    cols = ", ".join(f"{c} INTEGER NOT NULL" for c in COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {PRELOADED}")
        cursor.execute(f"DROP TABLE IF EXISTS {PRELOADED_ETH}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {PRELOADED} (unit_id INTEGER NOT NULL, day DATE NOT NULL, {cols})"
        )
        cursor.execute(
            f"CREATE TEMPORARY TABLE {PRELOADED_ETH} "
            "(unit_id INTEGER NOT NULL, day DATE NOT NULL, ethnicity VARCHAR(8) NOT NULL, n INTEGER NOT NULL)"
        )


def write(connection, events: OwnEvents) -> int:
    """Append ``events`` to the preloaded tables (binary COPY on PostgreSQL); returns the rows written."""
    events.settle()
    rows = [(unit, day, *values) for (unit, day), values in events.rows.items()]
    eth = [(unit, day, code, n) for (unit, day, code), n in events.eth.items() if n]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # the psycopg 3 cursor under Django's wrapper
            for table, data, types in (
                (PRELOADED, rows, ["int4", "date", *["int4"] * _N]),
                (PRELOADED_ETH, eth, ["int4", "date", "text", "int4"]),
            ):
                with raw.copy(f"COPY {table} FROM STDIN (FORMAT BINARY)") as copy:
                    copy.set_types(types)
                    for row in data:
                        copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * (_N + 2))
            cursor.executemany(f"INSERT INTO {PRELOADED} VALUES ({marks})", rows)  # noqa: S608 - constant
            cursor.executemany(f"INSERT INTO {PRELOADED_ETH} VALUES (%s, %s, %s, %s)", eth)  # noqa: S608
    return len(rows) + len(eth)
