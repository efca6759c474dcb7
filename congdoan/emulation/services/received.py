"""Decisions signed elsewhere, recorded into the same award history: decisions received from bodies outside
the union (the provincial People's Committee, a ministry, the Prime Minister, the President), and the union's
own decisions of past years entered afterwards (no nominations behind them).

Each award form is checked against the catalogue version in force on the signing date (the rules then). When
no version applies, an administrator may still record the decision as a flagged historical entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import normalise

from ..constants import ISSUER_LEVEL, LEVEL_DEPTH, OUTSIDE_LEVELS, Issuer, Recipient
from ..models import Award, AwardKind, Decision
from ..selectors import award_kind_version
from ._common import require, validity_message, within

FIRST_YEAR = 1950

# One line of a recorded decision: the award form, the collective (or the member's unit), the member or None.
Line = tuple[AwardKind, object, object | None]


def _check_issuer(issuer: str, issuer_name: str, year: int) -> None:
    require(issuer in Issuer.values, _("Cấp ban hành không hợp lệ."), "issuer")
    if issuer == Issuer.UNION:
        require(
            year < today().year,
            _(
                "Quyết định khen thưởng của công đoàn năm nay được ban hành qua quy trình xét (hồ sơ, Hội đồng); "
                "chỉ ghi nhận trực tiếp quyết định của các năm trước."
            ),
            "year",
        )
    else:
        require(
            bool(issuer_name),
            _("Cần nhập tên cơ quan ban hành (ví dụ: Ủy ban nhân dân tỉnh …)."),
            "issuer_name",
        )


def _check_level(kind: AwardKind, issuer: str, issuing_unit, historical: bool, prefix: str) -> None:
    if issuer == Issuer.UNION:
        require(
            kind.granting_level not in OUTSIDE_LEVELS,
            prefix
            + _("“%(k)s” do %(l)s khen thưởng: chọn đúng cấp ban hành.")
            % {"k": kind.name, "l": kind.get_granting_level_display()},
            "lines",
        )
        require(
            historical or LEVEL_DEPTH[kind.granting_level] == issuing_unit.kind.level,
            prefix
            + _("“%(k)s” do cấp “%(l)s” khen thưởng, không phải “%(u)s”.")
            % {"k": kind.name, "l": kind.get_granting_level_display(), "u": issuing_unit.name},
            "lines",
        )
    else:
        require(
            kind.granting_level == ISSUER_LEVEL[issuer],
            prefix
            + _("“%(k)s” không phải hình thức khen thưởng của %(i)s.")
            % {"k": kind.name, "i": Issuer(issuer).label},
            "lines",
        )


def _check_recipient(kind: AwardKind, unit, member, issuing_unit, prefix: str):
    """The unit the award is recorded under (the member's unit for an individual)."""
    if kind.recipient == Recipient.INDIVIDUAL:
        require(
            member is not None,
            prefix + _("“%(k)s” là hình thức cho cá nhân, cần chọn đoàn viên.") % {"k": kind.name},
            "lines",
        )
        unit = member.unit
        name = member.full_name
    else:
        require(
            member is None and unit is not None,
            prefix + _("“%(k)s” là hình thức cho tập thể, cần chọn đơn vị.") % {"k": kind.name},
            "lines",
        )
        name = unit.name
    require(
        within(unit, issuing_unit),
        prefix + _("“%(n)s” không thuộc “%(u)s” (đơn vị ghi nhận).") % {"n": name, "u": issuing_unit.name},
        "lines",
    )
    return unit


@transaction.atomic
def decision_record(
    *,
    scope: Scope,
    issuing_unit,
    issuer: str,
    number: str,
    issued_on: dt.date,
    year: int,
    lines: Sequence[Line],
    issuer_name: str = "",
    signer_name: str = "",
    signer_title: str = "",
    subject: str = "",
    historical: bool = False,
) -> Decision:
    """Record a decision already signed — by ``issuer`` outside the union (received by ``issuing_unit``), or
    by ``issuing_unit`` itself in an earlier year — and the awards it grants (``lines``).

    ``historical``: an administrator of the unit records forms no catalogue version covers on that date.
    """
    scope.require_can(issuing_unit)
    number, issuer_name = normalise(number), normalise(issuer_name)
    require(bool(number), _("Cần nhập số quyết định."), "number")
    require(issued_on is not None, _("Cần nhập ngày ký quyết định."), "issued_on")
    require(
        issued_on <= today(),
        _("Ngày ký %(d)s chưa đến: chỉ ghi nhận quyết định đã ký.") % {"d": format_date(issued_on)},
        "issued_on",
    )
    require(
        year is not None and FIRST_YEAR <= int(year) <= issued_on.year,
        _("Năm khen thưởng phải từ %(a)s đến năm ký quyết định (%(b)s).")
        % {"a": FIRST_YEAR, "b": issued_on.year},
        "year",
    )
    year = int(year)
    _check_issuer(issuer, issuer_name, year)
    if historical:
        require(
            scope.can(issuing_unit, Action.ADMINISTER),
            _("Chỉ quản trị viên của “%(u)s” mới được ghi nhận mục lịch sử ngoài danh mục.")
            % {"u": issuing_unit.name},
            "historical",
        )
    require(
        not Decision.objects.filter(issuing_unit=issuing_unit, number=number).exists(),
        _("Quyết định số “%(n)s” đã được ghi nhận tại “%(u)s”.") % {"n": number, "u": issuing_unit.name},
        "number",
    )
    require(bool(lines), _("Cần nhập ít nhất một tập thể hoặc cá nhân được khen thưởng."), "lines")
    rows, flagged, seen = [], False, set()
    for index, (kind, unit, member) in enumerate(lines, start=1):
        prefix = _("Dòng %(i)s: ") % {"i": index}
        version = award_kind_version(code=kind.code, on=issued_on)
        if version is None:
            require(
                historical,
                prefix
                + validity_message(kind, issued_on)
                + " "
                + _("Quản trị viên có thể ghi nhận là mục lịch sử."),
                "lines",
            )
            flagged = True
        kind = version or kind
        _check_level(kind, issuer, issuing_unit, historical, prefix)
        unit = _check_recipient(kind, unit, member, issuing_unit, prefix)
        key = (kind.code, unit.pk, getattr(member, "pk", None))
        require(key not in seen, prefix + _("trùng với một dòng trước."), "lines")
        seen.add(key)
        if kind.once_per_person and member is not None:
            require(
                not Award.objects.filter(member=member, award_kind__code=kind.code).exists(),
                prefix
                + _("%(n)s đã được tặng “%(k)s” (chỉ tặng một lần).")
                % {"n": member.full_name, "k": kind.name},
                "lines",
            )
        rows.append((kind, unit, member))
    decision = Decision(
        issuing_unit=issuing_unit,
        issuer=issuer,
        issuer_name=issuer_name,
        number=number,
        issued_on=issued_on,
        signer_name=normalise(signer_name),
        signer_title=normalise(signer_title),
        year=year,
        subject=normalise(subject) or _("Về việc khen thưởng thành tích năm %(y)s") % {"y": year},
        is_historical=flagged,
        created_by=user_or_none(scope.actor),
    )
    decision.full_clean()
    decision.save()
    Award.objects.bulk_create(
        Award(decision=decision, award_kind=kind, unit=unit, member=member, year=year)
        for kind, unit, member in rows
    )
    source = issuer_name if issuer != Issuer.UNION else issuing_unit.name
    event_record(
        actor=scope.actor,
        action="emulation.decision.record",
        unit=issuing_unit,
        obj=decision,
        decision_no=number,
        summary=_(
            "Ghi nhận quyết định khen thưởng số %(n)s ngày %(d)s của %(s)s (năm %(y)s): %(c)s trường hợp%(h)s"
        )
        % {
            "n": number,
            "d": format_date(issued_on),
            "s": source,
            "y": year,
            "c": len(rows),
            "h": _(" — mục lịch sử") if flagged else "",
        },
    )
    return decision
