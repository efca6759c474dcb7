"""Answers kept in the shared cache until the data changes: the statistics page, the home page's cards, the
dashboard's fact table, charts and their rendered HTML.

A kept answer is keyed by what it was computed from (``parts``), the scope's roots, the language and the
**data version of the areas its units lie in** (``version``: a counter per province, bumped by every
service's audit event in that province, and a global counter bumped by writes to the tree, catalogues and
events without a unit). A write in one province leaves the kept answers of every other province valid; the
country's answers (a root among ``units``, or no ``units``) move with every write. Writes that bypass the
services (bulk loaders, ``registry_rebuild_derived``) are bounded by ``CACHE_SECONDS``, or dropped at once
with ``kept_forget``. Values must pickle (model instances, dicts, lists; no querysets).

On a miss one request computes while the others asking for the same answer wait for it (a lock in the
cache, ``kept_value``), instead of every officer recomputing the same second-long figures at once.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import get_language

from congdoan.core.scoping import Scope

from .selectors import data_version

# A safety net for writes made outside the services; the data version does the real invalidation.
CACHE_SECONDS = 300
# How long a request waits for another computing the same answer before computing it itself.
WAIT_SECONDS = 20.0
_POLL_SECONDS = 0.05
_GENERATION = "audit.kept.generation"


def kept_forget() -> None:
    """Drop every kept answer (tests that write rows without a service; after a bulk load)."""
    try:
        cache.incr(_GENERATION)
    except ValueError:
        cache.set(_GENERATION, 1, None)


def kept_key(namespace: str, *, scope: Scope, parts: tuple, units=None) -> str:
    """The key of an answer about ``units`` (unit instances; None: about the whole country)."""
    who = "*" if scope.everything else repr(scope.roots)
    text = "|".join(map(str, (*parts, who, get_language(), data_version(units))))
    return f"{namespace}.{cache.get(_GENERATION, 0)}.{hashlib.sha256(text.encode()).hexdigest()}"


def kept_value(key: str, compute):
    """The value kept under ``key`` (from ``kept_key``), computed and kept on a miss by one request at a
    time: the others wait up to ``WAIT_SECONDS`` for it, then compute it themselves."""
    value = cache.get(key)
    if value is not None:
        return value
    lock = key + ".lock"
    deadline = time.monotonic() + WAIT_SECONDS
    held = cache.add(lock, 1, int(WAIT_SECONDS) + 1)
    while not held and time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)
        value = cache.get(key)
        if value is not None:
            return value
        held = cache.add(lock, 1, int(WAIT_SECONDS) + 1)
    try:
        value = cache.get(key) if held else None  # kept by the request that held the lock just before
        if value is None:
            value = compute()
            cache.set(key, value, CACHE_SECONDS)
    finally:
        if held:
            cache.delete(lock)
    return value


def kept(namespace: str, *, scope: Scope, parts: tuple, compute, units=None):
    """``compute()`` kept per (``namespace``, ``parts``, scope, language, version of ``units``' areas)."""
    return kept_value(kept_key(namespace, scope=scope, parts=parts, units=units), compute)
