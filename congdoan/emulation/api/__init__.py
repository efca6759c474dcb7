"""API of emulation and commendation: movements, registrations, pledges and scores, nominations,
council results, decisions and award history. Scoped like the pages (404 outside the user's units).

The endpoints live in ``movements``, ``pledges``, ``nominations`` and ``decisions`` (imported here, in this
order, so they register on ``router``); the schemas in ``schemas``.
"""

from . import decisions, movements, nominations, pledges  # noqa: F401  (registers the endpoints)
from ._common import router

__all__ = ["router"]
