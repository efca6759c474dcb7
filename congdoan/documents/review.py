"""The review draft (báo cáo tổng kết / sơ kết, dự thảo) of a unit over a period, from the fact table: the
administrative header, the narrative written by rules, and the facts as an annex table."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit

from .engine.layout import admin_header
from .engine.pdf import render_pdf
from .facts import facts_by_area, facts_for
from .narrative import sentences


def review_title(start: dt.date, end: dt.date) -> str:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return _("Tổng kết công tác công đoàn năm %(y)s") % {"y": end.year}
    if (start.month, start.day, end.month, end.day) == (1, 1, 6, 30) and start.year == end.year:
        return _("Sơ kết công tác công đoàn 6 tháng đầu năm %(y)s") % {"y": end.year}
    return _("Sơ kết công tác công đoàn từ ngày %(s)s đến ngày %(e)s") % {
        "s": format_date(start),
        "e": format_date(end),
    }


def review_context(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> dict:
    facts = facts_for(scope=scope, unit=unit, start=start, end=end, as_of=on)
    return {
        **admin_header(unit, doc_date=on),
        "title": review_title(start, end),
        "paragraphs": sentences(unit=unit, start=start, end=end, facts=facts),
        "areas": facts_by_area(facts),
    }


def review_pdf(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> bytes:
    return render_pdf(
        "documents/review.html", review_context(scope=scope, unit=unit, start=start, end=end, on=on)
    )
