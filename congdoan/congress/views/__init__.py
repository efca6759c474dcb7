"""Congress pages. Thin: parse, call a selector or service, render.

``congresses`` (list, a unit's page, plan and record a congress), ``bodies`` (a term's page and people,
appointed committees, the recognising decision) and ``plans`` (an upper level's round) are re-exported here.
"""

from .bodies import congress_page, seat_new, seat_remove, term_appoint, term_page, term_recognise
from .congresses import congress_edit, congress_new, congress_record, index, unit_page
from .plans import plan_edit, plan_new, plan_page, plan_remind

__all__ = [
    "congress_edit",
    "congress_new",
    "congress_page",
    "congress_record",
    "index",
    "plan_edit",
    "plan_new",
    "plan_page",
    "plan_remind",
    "seat_new",
    "seat_remove",
    "term_appoint",
    "term_page",
    "term_recognise",
    "unit_page",
]
