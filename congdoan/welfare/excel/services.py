"""The recipient import from an uploaded workbook: read and parse it here, save through the services."""

from __future__ import annotations

import datetime as dt

from congdoan.core.scoping import Scope

from ..constants import PaymentForm
from ..models import FundSource, Payment, Programme
from ..services.imports import payments_import
from .parse import recipient_rows


def recipients_import(
    *,
    scope: Scope,
    programme: Programme,
    data: bytes,
    unit=None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    fund: FundSource | None = None,
) -> list[Payment]:
    """Add the recipients listed in ``data`` (an .xlsx/.xls/.ods file). Any bad row: a Vietnamese message
    naming it ("Dòng N: …"), nothing saved."""
    return payments_import(
        scope=scope,
        programme=programme,
        rows=recipient_rows(data, programme),
        unit=unit,
        paid_on=paid_on,
        form=form,
        fund=fund,
    )
