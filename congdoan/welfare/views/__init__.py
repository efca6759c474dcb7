"""Welfare pages. Thin: parse, call a selector or service, render.

``programmes``, ``payments``, ``houses``, ``registrations`` and ``figures`` are re-exported here.
"""

from .figures import figures
from .houses import house_detail, house_new
from .payments import approve, import_list, payment_delete, payment_reverse, pick, submit
from .programmes import fund_new, index, programme_detail, programme_edit, programme_new
from .registrations import (
    REGISTRATION_LIMIT,
    REGISTRATION_WINDOW,
    register,
    registration_decide,
    registration_import,
    registrations,
    throttle,
)

__all__ = [
    "REGISTRATION_LIMIT",
    "REGISTRATION_WINDOW",
    "approve",
    "figures",
    "fund_new",
    "house_detail",
    "house_new",
    "import_list",
    "index",
    "payment_delete",
    "payment_reverse",
    "pick",
    "programme_detail",
    "programme_edit",
    "programme_new",
    "register",
    "registration_decide",
    "registration_import",
    "registrations",
    "submit",
    "throttle",
]
