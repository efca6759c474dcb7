"""Every write of the welfare module. Each function is one use case, atomic, validated and audited.

``programmes`` (programmes, fund sources), ``payments`` (add, submit, approve, reverse), ``imports`` (the
rows of an Excel list, read by ``congdoan.welfare.excel``), ``tally`` (the monthly tally), ``houses`` (union
houses) and ``registrations`` (online registration) are re-exported here.
"""

from .houses import STAGE_ORDER, house_advance, house_create
from .imports import payments_import
from .payments import (
    payment_add,
    payment_delete,
    payment_reverse,
    payments_add_many,
    payments_approve,
    payments_submit,
)
from .programmes import PROGRAMME_FIELDS, fund_add, programme_create, programme_update
from .registrations import registration_create, registration_decide
from .tally import payment_tally_rebuild

__all__ = [
    "PROGRAMME_FIELDS",
    "STAGE_ORDER",
    "fund_add",
    "house_advance",
    "house_create",
    "payment_add",
    "payment_delete",
    "payment_reverse",
    "payment_tally_rebuild",
    "payments_add_many",
    "payments_approve",
    "payments_import",
    "payments_submit",
    "programme_create",
    "programme_update",
    "registration_create",
    "registration_decide",
]
