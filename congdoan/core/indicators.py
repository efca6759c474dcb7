"""The registry of computed indicators: figures a report takes from the system instead of by hand.

Any app declares its own in an ``indicators.py`` module::

    from congdoan.core.indicators import register

    @register("members_admitted", name="Số đoàn viên kết nạp mới", unit_of_measure="members")
    def members_admitted(*, unit, start, end) -> int:
        ...  # the value for ``unit``'s whole subtree over the period start..end (inclusive)

The modules are discovered on first use (like the admin's ``admin.py``), so the registry is complete
wherever it is read. The registry lives in core so that every work module (members, welfare,
emulation…) offers its figures without importing the targets module that reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class ComputedIndicator:
    code: str
    name: str
    unit_of_measure: str  # members, unions, vnd, percent, count, yes_no
    func: Callable[..., int]
    aggregation: str = "sum"  # sum, average, none
    description: str = ""


REGISTRY: dict[str, ComputedIndicator] = {}
_discovered = False


def register(code: str, *, name: str, unit_of_measure: str, aggregation: str = "sum", description: str = ""):
    """Decorator registering ``func(*, unit, start, end) -> int`` as computed indicator ``code``."""

    def decorator(func):
        if code in REGISTRY and REGISTRY[code].func is not func:
            raise ValueError(f"computed indicator {code!r} registered twice")
        REGISTRY[code] = ComputedIndicator(code, name, unit_of_measure, func, aggregation, description)
        return func

    return decorator


def registry() -> dict[str, ComputedIndicator]:
    global _discovered
    if not _discovered:
        autodiscover_modules("indicators")
        _discovered = True
    return REGISTRY


def compute(code: str, *, unit, start: dt.date, end: dt.date) -> int:
    """The value of computed indicator ``code`` for ``unit``'s subtree over ``start``..``end``."""
    return registry()[code].func(unit=unit, start=start, end=end)
