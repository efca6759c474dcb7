"""The narrative draft of a review, written by rules from the fact table: every number in the text comes from a
fact, never typed. Comparisons say when last year's base was zero or absent; zero parts are left out
("6 tập thể", never "0 tập thể và 17 cá nhân").
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.money import format_number
from congdoan.org.models import Unit

from .engine.words import vnd_in_words
from .facts import Fact


def is_whole_year(start: dt.date, end: dt.date) -> bool:
    """1 January to 31 December of one year."""
    return start == dt.date(end.year, 1, 1) and end == dt.date(end.year, 12, 31)


def percent(value: Decimal) -> str:
    """47,99 %: two decimals at most, trailing zeros dropped, a comma for the decimal mark."""
    text = format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f").rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %"


def change(now, before) -> str:
    """How ``now`` compares with the same period last year."""
    if before is None or before == 0:
        return _("năm trước không phát sinh") if now else ""
    if now == before:
        return _("bằng năm trước")
    rate = (Decimal(now) - Decimal(before)) * 100 / Decimal(before)
    word = _("tăng") if rate > 0 else _("giảm")
    return _("%(w)s %(p)s so với năm trước") % {"w": word, "p": percent(abs(rate))}


def _with_change(sentence: str, fact: Fact) -> str:
    comparison = change(fact.value, fact.previous)
    return f"{sentence}, {comparison}." if comparison else f"{sentence}."


def _scope_words(unit: Unit) -> str:
    """ "toàn tỉnh" for a province, "toàn đơn vị" otherwise (the subject of the sentences)."""
    return (
        _("toàn tỉnh")
        if unit.kind.level == 1
        else _("toàn quốc")
        if unit.kind.level == 0
        else _("toàn đơn vị")
    )


def _join(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + _("và") + " " + parts[-1]


def sentences(*, unit: Unit, start: dt.date, end: dt.date, facts: list[Fact]) -> list[str]:
    """The draft's sentences, in the order of the union's outline (members, unions, targets, welfare, awards)."""
    f = {fact.key: fact for fact in facts}
    when = (
        _("Năm %(y)s") % {"y": end.year}
        if is_whole_year(start, end)
        else (_("Từ ngày %(s)s đến ngày %(e)s") % {"s": format_date(start), "e": format_date(end)})
    )
    out = []
    if (admitted := f.get("members.admitted")) is not None and admitted.value is not None:
        if admitted.value:
            text = _("%(when)s, %(who)s kết nạp %(n)s đoàn viên") % {
                "when": when,
                "who": _scope_words(unit),
                "n": format_number(admitted.value),
            }
            out.append(_with_change(text, admitted))
        else:
            out.append(
                _("%(when)s, %(who)s chưa kết nạp đoàn viên mới.") % {"when": when, "who": _scope_words(unit)}
            )
    if (total := f.get("members.total")) is not None and total.value:
        text = _("Tổng số đoàn viên cuối kỳ là %(n)s người") % {"n": format_number(total.value)}
        share = f.get("members.women_share")
        if share is not None and share.value is not None:
            text += _(", trong đó nữ chiếm %(p)s") % {"p": percent(Decimal(share.value))}
        out.append(text + ".")
    founded = f.get("unions.founded")
    if founded is not None and founded.value:
        state, non_state = f.get("unions.founded_state"), f.get("unions.founded_non_state")
        detail = _join(
            [
                _("%(n)s ở khu vực nhà nước") % {"n": format_number(state.value)}
                if state and state.value
                else "",
                _("%(n)s ngoài nhà nước") % {"n": format_number(non_state.value)}
                if non_state and non_state.value
                else "",
            ]
        )
        text = _("Thành lập mới %(n)s công đoàn cơ sở") % {"n": format_number(founded.value)}
        out.append(f"{text} ({detail})." if detail else f"{text}.")
    achieved = f.get("targets.achieved")
    if achieved is not None and achieved.out_of:
        if achieved.value == achieved.out_of:
            out.append(
                _("%(n)s/%(m)s chỉ tiêu hoàn thành và hoàn thành vượt mức.")
                % {"n": achieved.value, "m": achieved.out_of}
            )
        else:
            out.append(
                _("%(n)s/%(m)s chỉ tiêu đạt và vượt; %(k)s chỉ tiêu chưa đạt.")
                % {"n": achieved.value, "m": achieved.out_of, "k": achieved.out_of - achieved.value}
            )
    spent = f.get("welfare.spent")
    if spent is not None and spent.value:
        people = f.get("welfare.people")
        text = _("Chăm lo, hỗ trợ %(p)s lượt người với tổng số tiền %(a)s đồng (bằng chữ: %(w)s)") % {
            "p": format_number(people.value if people and people.value else 0),
            "a": format_number(spent.value),
            "w": vnd_in_words(int(spent.value)),
        }
        out.append(_with_change(text, spent))
    if (houses := _houses(f)) is not None:
        out.append(houses)
    collectives, individuals = f.get("awards.collectives"), f.get("awards.individuals")
    parts = [
        _("%(n)s tập thể") % {"n": format_number(collectives.value)}
        if collectives and collectives.value
        else "",
        _("%(n)s cá nhân") % {"n": format_number(individuals.value)}
        if individuals and individuals.value
        else "",
    ]
    if any(parts):
        out.append(_("Khen thưởng %(who)s.") % {"who": _join(parts)})
    return out


def _houses(f: dict[str, Fact]) -> str | None:
    """ "Hỗ trợ xây mới 3 và sửa chữa 2 nhà Mái ấm Công đoàn với kinh phí 250.000.000 đồng." """
    houses = f.get("welfare.houses")
    if houses is None or not houses.value:
        return None
    new, repair = f.get("welfare.houses_new"), f.get("welfare.houses_repair")
    work = _join(
        [
            _("xây mới %(n)s") % {"n": format_number(new.value)} if new and new.value else "",
            _("sửa chữa %(n)s") % {"n": format_number(repair.value)} if repair and repair.value else "",
        ]
    ) or format_number(houses.value)
    text = _("Hỗ trợ %(w)s nhà Mái ấm Công đoàn") % {"w": work}
    amount = f.get("welfare.house_amount")
    if amount is not None and amount.value:
        text += _(" với kinh phí %(a)s đồng") % {"a": format_number(amount.value)}
    return text + "."
