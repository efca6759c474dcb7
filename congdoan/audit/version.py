"""The commit counter of the data version: bumped in the shared cache after every commit that wrote audit
events (``services``), read with the latest event id by ``selectors.data_version``."""

from django.core.cache import cache

GENERATION_KEY = "audit.data_generation"


def generation() -> int:
    return cache.get(GENERATION_KEY, 0)


def generation_bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)
