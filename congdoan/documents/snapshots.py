"""What a review was drafted from, kept with it: the facts and charts as JSON, and a digest of the facts
that tells when the figures have changed since."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from decimal import Decimal

from django.utils.translation import gettext as _

from .charts import Chart
from .facts import Fact


def _number(value):
    return str(value) if isinstance(value, Decimal) else value


def _parse(value):
    return Decimal(value) if isinstance(value, str) else value


def facts_to_json(facts: list[Fact]) -> list[dict]:
    return [
        {**asdict(f), "label": str(f.label), "value": _number(f.value), "previous": _number(f.previous)}
        for f in facts
    ]


def facts_from_json(rows: list[dict]) -> list[Fact]:
    return [
        Fact(**{**row, "value": _parse(row["value"]), "previous": _parse(row["previous"])}) for row in rows
    ]


def charts_to_json(charts: list[Chart]) -> list[dict]:
    return [{**asdict(c), "rows": [list(r) for r in c.rows], "series": list(c.series)} for c in charts]


def charts_from_json(rows: list[dict]) -> list[Chart]:
    return [
        Chart(**{**row, "rows": [tuple(r) for r in row["rows"]], "series": tuple(row["series"])})
        for row in rows
    ]


def facts_digest(facts: list[Fact]) -> str:
    """A digest of what the figures say (key, value, N/M, approved), in key order."""
    data = sorted((f.key, str(f.value), f.out_of, f.approved) for f in facts)
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def changed_facts(then: list[Fact], now: list[Fact]) -> list[tuple[str, str, str]]:
    """(label, as drafted, today) of every figure that differs, in today's order; a figure that appeared
    or disappeared shows "—" on the side where it is missing."""
    before = {f.key: f for f in then}
    after = {f.key: f for f in now}
    changes = []
    for key in [*after, *(k for k in before if k not in after)]:
        old, new = before.get(key), after.get(key)
        if old and new and (old.value, old.out_of, old.approved) == (new.value, new.out_of, new.approved):
            continue
        changes.append((str((new or old).label), _shown(old), _shown(new)))
    return changes


def _shown(fact: Fact | None) -> str:
    if fact is None:
        return "—"
    return fact.display + ("" if fact.approved else " (" + _("tạm tính") + ")")
