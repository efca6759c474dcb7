"""Checks shared by the congress use cases: term years, the congress form, the delegate cap."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.money import format_number
from congdoan.core.validation import require
from congdoan.members import stats

from ..constants import CHARTER_TERM_YEARS, CapKind, CongressForm
from ..models import Term
from ..rules import band_text, cap_for, rule_on


def member_count(unit, day: dt.date) -> int:
    """Members of ``unit``'s subtree on ``day`` (the count the caps are read for)."""
    return stats.total_on(unit=unit, on=day)


def check_term_years(unit, start_year: int, end_year: int, *, exclude: Term | None = None) -> None:
    require(1945 <= (start_year or 0) <= 2100, _("Năm bắt đầu nhiệm kỳ không hợp lệ."), "start_year")
    require(
        start_year < end_year <= start_year + CHARTER_TERM_YEARS,
        _("Nhiệm kỳ kết thúc sau năm bắt đầu và không quá %(n)s năm theo Điều lệ (%(a)s–%(b)s).")
        % {"n": CHARTER_TERM_YEARS, "a": start_year, "b": end_year},
        "end_year",
    )
    others = Term.objects.filter(unit=unit, start_year=start_year)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    require(
        not others.exists(),
        _("“%(u)s” đã có nhiệm kỳ bắt đầu năm %(y)s.") % {"u": unit.name, "y": start_year},
        "start_year",
    )


def check_form(
    *, unit, form: str, consent_no: str, delegates: int | None, members: int, day: dt.date
) -> None:
    """The congress form fits the unit: a delegate congress only from the threshold of members (grassroots
    unions; upper levels always hold delegate congresses), a conference only with the upper level's consent,
    the delegates within the cap."""
    rule = rule_on(day)
    if form == CongressForm.DELEGATES and unit.kind.is_grassroots:
        require(
            members >= rule.delegate_threshold,
            _(
                "“%(u)s” có %(n)s đoàn viên, dưới %(t)s (%(s)s): tổ chức đại hội toàn thể đoàn viên, "
                "không tổ chức đại hội đại biểu."
            )
            % {"u": unit.name, "n": format_number(members), "t": rule.delegate_threshold, "s": rule.source},
            "form",
        )
    if form == CongressForm.CONFERENCE:
        require(
            bool((consent_no or "").strip()),
            _("Hội nghị thay đại hội cần văn bản đồng ý của công đoàn cấp trên: hãy nhập số văn bản."),
            "consent_no",
        )
    if delegates is None:
        return
    require(
        form == CongressForm.DELEGATES,
        _("Chỉ đại hội đại biểu mới có số đại biểu chính thức."),
        "delegates",
    )
    require(delegates > 0, _("Số đại biểu phải lớn hơn 0."), "delegates")
    cap = cap_for(CapKind.DELEGATES, unit=unit, members=members, day=day)
    if cap is not None:
        require(
            delegates <= cap.cap,
            _("Số đại biểu chính thức của “%(u)s” (%(b)s) tối đa %(c)s người theo %(s)s; đã nhập %(n)s.")
            % {
                "u": unit.name,
                "b": band_text(cap),
                "c": cap.cap,
                "s": cap.source,
                "n": format_number(delegates),
            },
            "delegates",
        )


def check_day(unit, day: dt.date | None, field: str) -> None:
    if day is None:
        return
    require(
        day >= unit.founded_on,
        _("Ngày %(d)s trước ngày thành lập “%(u)s” (%(f)s).")
        % {"d": format_date(day), "u": unit.name, "f": format_date(unit.founded_on)},
        field,
    )
