"""The fact table and the charts of a unit over a period, as the dashboard, the exports and the review drafts
read them: computed once per (unit, period, as-of day, scope, data version) and kept in the cache.

The **data version** is the id of the latest audit event. Every service that changes a record writes its
audit event in the same transaction (the house rule), so the first request after a write commits sees a
new version and recomputes: the figures stay current within a second of the write, with no signal and no
"analytics rebuild". Writes that bypass the services (the demo loader, ``registry_rebuild_derived`` after a
bulk load) are bounded by ``CACHE_SECONDS``. The version costs one index read (``ORDER BY id DESC LIMIT 1``).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

from congdoan.audit.selectors import data_version
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.targets.selectors import THEN

from .breakdowns import unit_charts
from .charts import Chart
from .facts import Fact, facts_for

# A safety net for writes made outside the services; the data version does the real invalidation.
CACHE_SECONDS = 300
_GENERATION = "documents.figures.generation"


def figures_forget() -> None:
    """Drop every kept figure (tests that write rows without a service; after a bulk load)."""
    try:
        cache.incr(_GENERATION)
    except ValueError:
        cache.set(_GENERATION, 1, None)


def _key(scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> str:
    who = "*" if scope.everything else repr(scope.roots)
    parts = f"{unit.pk}|{unit.path}|{start}|{end}|{as_of}|{who}|{get_language()}|{data_version()}"
    generation = cache.get(_GENERATION, 0)
    return f"documents.figures.{generation}.{hashlib.sha256(parts.encode()).hexdigest()}"


def _kept(key: str, compute):
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def _facts(key: str, scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> list[Fact]:
    return _kept(key + ".facts", lambda: facts_for(scope=scope, unit=unit, start=start, end=end, as_of=as_of))


def facts_kept(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> list[Fact]:
    """``facts_for`` with last year's figures, kept until the next write (404 outside the scope: checked
    by ``facts_for`` on the first read, by the caller's ``unit_get`` on the others)."""
    return _facts(_key(scope, unit, start, end, as_of), scope, unit, start, end, as_of)


def figures_kept(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date, structure: str = THEN
) -> tuple[list[Fact], list[Chart]]:
    """The facts and the charts of a unit over a period (the dashboard's and the review draft's), kept
    until the next write: the facts once for every ``structure``, the charts by child unit per tree (as
    it stood at the period's end, "then", or as it is today, "now")."""
    key = _key(scope, unit, start, end, as_of)
    facts = _facts(key, scope, unit, start, end, as_of)
    charts = _kept(
        f"{key}.charts.{structure}",
        lambda: unit_charts(
            scope=scope, unit=unit, start=start, end=end, as_of=as_of, facts=facts, structure=structure
        ),
    )
    return facts, charts
