"""Facts of reporting: the children's reports due in the period, late, waiting for approval; and the
unit's yearly targets, "N/M chỉ tiêu đạt và vượt" (``targets.selectors``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.org.models import Unit
from congdoan.targets import selectors as target_selectors

from .fact import PEOPLE, REPORTS, TARGETS, Fact, link

AREA = "targets"
# The computed indicator recruitment is measured against (``members.indicators``).
RECRUITMENT = "members_admitted"


def target_facts(*, scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> list[Fact]:
    """Reports of the children due within the period (late as of ``as_of``) and the targets of the year
    of the period's end (provisional when a figure behind them is not approved)."""
    due = target_selectors.reports_due_between(scope=scope, unit=unit, start=start, end=end, day=as_of)
    if due["first"] is not None:
        form, period = due["first"]
        completeness = link("targets:completeness", unit.pk, form=form.pk, period=period.key)
    else:
        completeness = link("targets:completeness", unit.pk)
    results = target_selectors.evaluate_unit(unit=unit, year=end.year, compare=False)
    achieved, total = target_selectors.headline(results)
    evaluation = link("targets:evaluation", unit.pk, year=end.year)
    all_approved = due["waiting"] == 0
    recruitment = next((r for r in results if r.indicator.computed_code == RECRUITMENT), None)
    extra = []
    if recruitment is not None:
        extra.append(
            Fact(
                "targets.recruitment",
                _("Chỉ tiêu kết nạp đoàn viên năm %(y)s") % {"y": end.year},
                int(recruitment.target),
                PEOPLE,
                True,
                evaluation,
                area=AREA,
            )
        )
    return [
        *extra,
        Fact(
            "reports.due", _("Báo cáo phải nộp trong kỳ"), due["due"], REPORTS, True, completeness, area=AREA
        ),
        Fact(
            "reports.submitted",
            _("Báo cáo đã nộp"),
            due["submitted"],
            REPORTS,
            all_approved,
            completeness,
            area=AREA,
        ),
        Fact("reports.late", _("Báo cáo chậm hạn"), due["late"], REPORTS, True, completeness, area=AREA),
        Fact(
            "reports.waiting", _("Báo cáo chờ duyệt"), due["waiting"], REPORTS, True, completeness, area=AREA
        ),
        Fact(
            "targets.achieved",
            _("Chỉ tiêu đạt và vượt năm %(y)s") % {"y": end.year},
            achieved,
            TARGETS,
            not any(r.provisional for r in results),
            evaluation,
            area=AREA,
            out_of=total,
        ),
    ]
