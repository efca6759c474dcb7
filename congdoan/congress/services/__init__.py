"""Every write of the congress module, one use case per module, each atomic, checked and audited.

``plans`` (an upper level's round), ``congresses`` (plan, edit, record held), ``seats`` (the bodies' people,
their caps and the union posts that follow), ``terms`` (appointed committees, the recognising decision) and
``reminders`` are re-exported here.
"""

from .congresses import CONGRESS_FIELDS, congress_create, congress_record, congress_update, plan_for
from .plans import PLAN_FIELDS, plan_create, plan_update
from .reminders import plan_remind
from .seats import seat_add, seat_remove, take_office
from .terms import term_appoint, term_recognise

__all__ = [
    "CONGRESS_FIELDS",
    "PLAN_FIELDS",
    "congress_create",
    "congress_record",
    "congress_update",
    "plan_create",
    "plan_for",
    "plan_remind",
    "plan_update",
    "seat_add",
    "seat_remove",
    "take_office",
    "term_appoint",
    "term_recognise",
]
