"""The fact table and the charts of a unit over a period, as the dashboard, the exports and the review drafts
read them: computed once per (unit, period, as-of day, scope, data version of the unit's province) and kept
in the cache until the next write there (``audit.kept``: how the versions move, and what bounds writes made
outside the services).
"""

from __future__ import annotations

import datetime as dt

from congdoan.audit.kept import kept_forget, kept_key, kept_value
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.targets.selectors import THEN

from .breakdowns import unit_charts
from .charts import Chart
from .facts import Fact, facts_for


def _key(scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> str:
    return kept_key(
        "documents.figures", scope=scope, parts=(unit.pk, unit.path, start, end, as_of), units=(unit,)
    )


def _facts(key: str, scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> list[Fact]:
    return kept_value(
        key + ".facts", lambda: facts_for(scope=scope, unit=unit, start=start, end=end, as_of=as_of)
    )


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
    charts = kept_value(
        f"{key}.charts.{structure}",
        lambda: unit_charts(
            scope=scope, unit=unit, start=start, end=end, as_of=as_of, facts=facts, structure=structure
        ),
    )
    return facts, charts


def figures_forget() -> None:
    """Drop every kept figure (and every other kept answer: ``audit.kept.kept_forget``)."""
    kept_forget()
