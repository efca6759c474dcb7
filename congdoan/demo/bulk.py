"""Bulk write paths for the demo generators: COPY on PostgreSQL, executemany on SQLite.

Rows are plain tuples in the order of :func:`columns`; fields a generator does not fill get the
model field's default, so a column added later by another app does not break the demo.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db import connection, models
from django.utils import timezone


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


class Table:
    """The columns of a model table, with constant defaults for those the generator leaves out."""

    def __init__(self, model: type[models.Model], given: list[str]):
        self.model = model
        self.name = model._meta.db_table
        fields = [f for f in model._meta.concrete_fields]
        by_name = {f.attname: f for f in fields}
        missing = [n for n in given if n not in by_name]
        if missing:
            raise ValueError(f"{self.name}: no columns {missing}")
        now = timezone.now()
        self.given = given
        self.extra: list[str] = []
        extra_values = []
        for f in fields:
            if f.attname in given or (f.primary_key and f.attname not in given):
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            elif f.has_default():
                value = f.get_default()
            elif f.null:
                value = None
            elif isinstance(f, models.CharField | models.TextField):
                value = ""
            else:
                raise ValueError(f"{self.name}.{f.attname}: no default for a bulk row")
            self.extra.append(f.column)
            extra_values.append(value)
        self.columns = [by_name[n].column for n in given] + self.extra
        self.extra_values = tuple(extra_values)
        by_column = {f.column: f for f in fields}
        self.binary_types = binary_types([by_column[c] for c in self.columns])


# Column types PostgreSQL's binary COPY is given for (psycopg then sends dates as day numbers instead of
# text the server parses); a table with any other type is copied as text.
BINARY = {
    "bigint": "int8",
    "integer": "int4",
    "smallint": "int2",
    "boolean": "bool",
    "date": "date",
    "text": "text",
    "varchar": "varchar",
    "timestamp with time zone": "timestamptz",
}


def binary_types(fields: list[models.Field]) -> list[str] | None:
    if not is_postgres():
        return None
    out = []
    for f in fields:
        db_type = (f.db_type(connection) or "").split("(")[0]
        if db_type not in BINARY:
            return None
        out.append(BINARY[db_type])
    return out


def insert(table: Table, rows: Iterable[tuple]) -> int:
    """Insert ``rows`` (tuples in ``table.given`` order) into ``table``; returns the number inserted."""
    tail = table.extra_values
    cols = ", ".join(f'"{c}"' for c in table.columns)
    n = 0
    if is_postgres():
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg 3 cursor under Django's wrapper
            binary = table.binary_types is not None
            with raw.copy(
                f'COPY "{table.name}" ({cols}) FROM STDIN' + (" (FORMAT BINARY)" if binary else "")
            ) as copy:
                if binary:
                    copy.set_types(table.binary_types)
                for row in rows:
                    copy.write_row(row + tail)
                    n += 1
        return n
    sql = f'INSERT INTO "{table.name}" ({cols}) VALUES ({", ".join(["%s"] * len(table.columns))})'  # noqa: S608 - names from model metadata
    batch: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row + tail)
            if len(batch) >= 5000:
                cursor.executemany(sql, batch)
                n += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            n += len(batch)
    return n


def next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def sync_sequence(model: type[models.Model]) -> None:
    """After rows were written with explicit ids, move the id sequence past them (PostgreSQL)."""
    if not is_postgres():
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608 - names from model metadata
            f'GREATEST((SELECT max(id) FROM "{table}"), 1))'
        )


def vacuum(*models_: type[models.Model]) -> None:
    """``VACUUM`` alone (outside a transaction): the visibility map of tables whose statistics are
    already fresh (``registry_rebuild_derived`` analyses the member tables)."""
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f'VACUUM "{model._meta.db_table}"')


def analyze(*models_: type[models.Model]) -> None:
    """Statistics for the planner and, outside a transaction, the visibility map too (``VACUUM``):
    freshly copied rows are not yet "all visible", and index-only scans (the name search's walk of
    names) would read the table for every index entry until autovacuum came by."""
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f'{command} "{model._meta.db_table}"')


# -- clearing ---------------------------------------------------------------------------------------
def dependent_models(*roots: type[models.Model]) -> list[type[models.Model]]:
    """``roots`` and every model that (transitively) has a foreign key to one of them."""
    found = list(roots)
    changed = True
    everything = apps.get_models(include_auto_created=True)
    while changed:
        changed = False
        for model in everything:
            if model in found:
                continue
            for f in model._meta.concrete_fields:
                if f.is_relation and f.related_model in found:
                    found.append(model)
                    changed = True
                    break
    return found


def clear(*roots: type[models.Model]) -> None:
    """Delete every row of ``roots`` and of the tables that point at them (all demo-owned data).

    Foreign keys are deferred in Django's schema, so inside one transaction the order does not matter.
    """
    present = set(connection.introspection.table_names())
    tables = [m._meta.db_table for m in dependent_models(*roots) if m._meta.db_table in present]
    with connection.cursor() as cursor:
        if is_postgres():
            # TRUNCATE refuses tables with deferred checks pending in this transaction: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables))
        else:
            for t in reversed(tables):
                cursor.execute(f'DELETE FROM "{t}"')  # noqa: S608 - names from model metadata


# -- load mode for very large tables (PostgreSQL) ------------------------------------------------------
class LoadMode:
    """Drop the secondary indexes, unique constraints and outgoing foreign keys of freshly emptied tables,
    restore them after.

    This is the documented way to populate a large table (PostgreSQL manual, "Populating a Database"):
    building an index once at the end is far cheaper than maintaining it row by row, and re-adding a
    foreign key validates it with one join. The unique constraints go too: at the national scale the
    CCCD key (≈ 430 MB, random order) no longer fits in the shared buffers, and 12 M random inserts into
    it cost more than one sorted build; a duplicate still fails the load when the constraint is re-added.
    It runs inside the caller's transaction, so a failure leaves the schema as it was. Primary keys stay.
    """

    def __init__(self, *models_: type[models.Model]):
        self.tables = [m._meta.db_table for m in models_]
        self.indexes: list[tuple[str, str]] = []
        self.uniques: list[tuple[str, str, str]] = []
        self.fks: list[tuple[str, str, str]] = []

    def __enter__(self):
        if not is_postgres():
            return self
        with connection.cursor() as cursor:
            # Check the foreign keys of rows written so far now: ALTER TABLE refuses to run while
            # deferred checks are pending on a referenced table.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            for table in self.tables:
                cursor.execute(
                    """
                    SELECT i.relname, pg_get_indexdef(i.oid)
                    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                    WHERE x.indrelid = %s::regclass AND NOT x.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                    """,
                    [table],
                )
                self.indexes += cursor.fetchall()
                cursor.execute(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = %s::regclass AND contype = 'f'",
                    [table],
                )
                self.fks += [(table, name, definition) for name, definition in cursor.fetchall()]
                cursor.execute(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = %s::regclass AND contype = 'u'",
                    [table],
                )
                self.uniques += [(table, name, definition) for name, definition in cursor.fetchall()]
            for name, _ in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            for table, name, _ in self.fks + self.uniques:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        return self

    def __exit__(self, exc_type, exc, tb):
        if not is_postgres() or exc_type is not None:
            return False
        with connection.cursor() as cursor:
            for table, name, definition in self.uniques:
                cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
            for _, definition in self.indexes:
                cursor.execute(definition)
            for table, name, definition in self.fks:
                cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        return False
