"""Answers kept in the shared cache until the data changes: the statistics page, the home page's cards, the
dashboard's fact table, charts and their rendered HTML.

A kept answer is keyed by what it was computed from (``parts``), the scope's roots, the language and the
**data version** (``selectors.data_version``: the latest audit event id and the commit counter). Every
service writes its audit event in the transaction of its change, so the first request after a write commits
recomputes: figures stay current within a second of the write, with no "analytics rebuild". Writes that
bypass the services (bulk loaders, ``registry_rebuild_derived``) are bounded by ``CACHE_SECONDS``, or
dropped at once with ``kept_forget``. Values must pickle (model instances, dicts, lists; no querysets).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

from congdoan.core.scoping import Scope

from .selectors import data_version

# A safety net for writes made outside the services; the data version does the real invalidation.
CACHE_SECONDS = 300
_GENERATION = "audit.kept.generation"


def kept_forget() -> None:
    """Drop every kept answer (tests that write rows without a service; after a bulk load)."""
    try:
        cache.incr(_GENERATION)
    except ValueError:
        cache.set(_GENERATION, 1, None)


def kept_key(namespace: str, *, scope: Scope, parts: tuple) -> str:
    who = "*" if scope.everything else repr(scope.roots)
    text = "|".join(map(str, (*parts, who, get_language(), data_version())))
    return f"{namespace}.{cache.get(_GENERATION, 0)}.{hashlib.sha256(text.encode()).hexdigest()}"


def kept_value(key: str, compute):
    """The value kept under ``key`` (from ``kept_key``), computed and kept on a miss."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def kept(namespace: str, *, scope: Scope, parts: tuple, compute):
    """``compute()`` kept per (``namespace``, ``parts``, scope, language, data version)."""
    return kept_value(kept_key(namespace, scope=scope, parts=parts), compute)
