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
from congdoan.emulation.constants import GrantingLevel
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from .engine.words import vnd_in_words
from .facts import Fact, year_before


def is_whole_year(start: dt.date, end: dt.date) -> bool:
    """1 January to 31 December of one year."""
    return start == dt.date(end.year, 1, 1) and end == dt.date(end.year, 12, 31)


def percent(value: Decimal) -> str:
    """47,99 %: two decimals at most, trailing zeros dropped, a comma for the decimal mark."""
    text = format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f").rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %"


def change(now, before, since: str = "") -> str:
    """How ``now`` compares with the same period last year (``since``: "năm 2022", "cùng kỳ năm trước";
    "năm trước" when not given); a zero or absent base is "năm trước không phát sinh" (for a part of a year,
    "cùng kỳ năm trước không phát sinh")."""
    same_period = _("cùng kỳ năm trước")
    if before is None or before == 0:
        if not now:
            return ""
        return (
            _("cùng kỳ năm trước không phát sinh") if since == same_period else _("năm trước không phát sinh")
        )
    since = since or _("năm trước")
    if now == before:
        return _("bằng %(s)s") % {"s": since}
    rate = (Decimal(now) - Decimal(before)) * 100 / Decimal(before)
    word = _("tăng") if rate > 0 else _("giảm")
    return _("%(w)s %(p)s so với %(s)s") % {"w": word, "p": percent(abs(rate)), "s": since}


def _since(start: dt.date, end: dt.date) -> str:
    """What a comparison is made with: last year by its number for a whole year, else the same period."""
    if is_whole_year(start, end):
        return _("năm %(y)s") % {"y": end.year - 1}
    return _("cùng kỳ năm trước")


def _with_change(sentence: str, fact: Fact, since: str = "") -> str:
    comparison = change(fact.value, fact.previous, since)
    return f"{sentence}, {comparison}." if comparison else f"{sentence}."


def subtree_changed(unit: Unit, start: dt.date, end: dt.date) -> bool:
    """Whether ``unit``'s subtree at the end of the period is not the one at the end of the same period last
    year: a unit moved in or out, merged or split (a union founded since does not count). Reads the kept
    tree-change row first, so a tree that has not changed since costs one query."""
    before = year_before(end)
    if not org_selectors.tree_changed_after(before):
        return False
    then = set(org_selectors.subtree_ids_on(root_id=unit.pk, on=before).values_list("uid", flat=True))
    now = set(org_selectors.subtree_ids_on(root_id=unit.pk, on=end).values_list("uid", flat=True))
    founded = set(
        org_selectors.units_by_pks(now - then).filter(founded_on__gt=before).values_list("pk", flat=True)
    )
    return then != now - founded


def _scope_words(unit: Unit) -> str:
    """The subject of the sentences: "toàn quốc" for the country, "toàn tỉnh" ("toàn thành phố") for a
    province or city, "toàn ngành" for a national industry union, "toàn đơn vị" otherwise."""
    code = getattr(unit.kind, "code", "")
    if unit.kind.level == 0:
        return _("toàn quốc")
    if code == "central_industry":
        return _("toàn ngành")
    if unit.kind.level == 1 and code != "corporation":
        return _("toàn thành phố") if " thành phố " in f" {getattr(unit, 'name', '')} " else _("toàn tỉnh")
    return _("toàn đơn vị")


def _join(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + _("và") + " " + parts[-1]


def sentences(
    *, unit: Unit, start: dt.date, end: dt.date, facts: list[Fact], tree_changed: bool = False
) -> list[str]:
    """The draft's sentences, in the order of the union's outline (members, unions, targets, welfare, awards);
    ``tree_changed`` (``subtree_changed``) adds that the comparisons span a changed organisation."""
    f = {fact.key: fact for fact in facts}
    since = _since(start, end)
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
            of_target = f.get("members.admitted_of_target")
            if of_target is not None and of_target.value is not None:
                text += _(", đạt %(p)s chỉ tiêu") % {"p": percent(Decimal(of_target.value))}
            out.append(_with_change(text, admitted, since))
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
    out += _party(f)
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
    out += _congress(f)
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
        out.append(_with_change(text, spent, since))
    if (houses := _houses(f)) is not None:
        out.append(houses)
    out += _culture(f)
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
        levels = _award_levels(f)
        detail = f" ({levels})" if levels else ""
        out.append(_("Khen thưởng %(who)s%(d)s.") % {"who": _join(parts), "d": detail})
    if tree_changed and out and any(fact.previous is not None for fact in facts):
        out.append(
            _(
                "Lưu ý: so với cùng kỳ năm trước, cơ cấu tổ chức của đơn vị đã thay đổi (có đơn vị được sáp "
                "nhập, chia tách hoặc điều chuyển), số liệu so sánh không hoàn toàn cùng phạm vi."
            )
        )
    return out


def _award_levels(f: dict[str, Fact]) -> str:
    """ "cấp Tổng Liên đoàn: 1 tập thể; cấp LĐLĐ tỉnh, thành phố, công đoàn ngành TW: 5 tập thể và 17 cá nhân":
    the awards by granting level (in ``GrantingLevel`` order, zero parts left out); only the level when there
    is one ("cấp Tổng Liên đoàn"); empty without level facts."""
    rows = []
    for level, label in GrantingLevel.choices:
        collectives, individuals = f.get(f"awards.{level}.collectives"), f.get(f"awards.{level}.individuals")
        parts = [
            _("%(n)s tập thể") % {"n": format_number(collectives.value)}
            if collectives and collectives.value
            else "",
            _("%(n)s cá nhân") % {"n": format_number(individuals.value)}
            if individuals and individuals.value
            else "",
        ]
        if any(parts):
            rows.append((_("cấp %(l)s") % {"l": str(label).split(" (")[0]}, _join(parts)))
    if len(rows) == 1:
        return rows[0][0]
    return "; ".join(f"{level}: {counted}" for level, counted in rows)


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


def _value(f: dict[str, Fact], key: str):
    fact = f.get(key)
    return fact.value if fact is not None else None


def _party(f: dict[str, Fact]) -> list[str]:
    """ "Giới thiệu 45 đoàn viên ưu tú cho Đảng xem xét kết nạp; 30 đoàn viên được kết nạp vào Đảng." """
    introduced, admitted = _value(f, "party.introduced"), _value(f, "party.admitted")
    parts = [
        _("giới thiệu %(n)s đoàn viên ưu tú cho Đảng xem xét kết nạp") % {"n": format_number(introduced)}
        if introduced
        else "",
        _("%(n)s đoàn viên được kết nạp vào Đảng") % {"n": format_number(admitted)} if admitted else "",
    ]
    text = "; ".join(p for p in parts if p)
    return [text[:1].upper() + text[1:] + "."] if text else []


def _congress(f: dict[str, Fact]) -> list[str]:
    """ "12/15 công đoàn cơ sở đã tổ chức đại hội nhiệm kỳ 2023–2028 (80 %)." (the fact's own wording)"""
    held = f.get("congress.grassroots_held")
    if held is None or not held.out_of:
        return []
    label = str(held.label)
    text = f"{format_number(held.value)}/{format_number(held.out_of)} {label[:1].lower()}{label[1:]}"
    held_share = _value(f, "congress.grassroots_held_share")
    return [text + (f" ({percent(Decimal(held_share))})" if held_share is not None else "") + "."]


def _culture(f: dict[str, Fact]) -> list[str]:
    """ "20 công đoàn cơ sở có đơn vị đạt chuẩn văn hoá, chiếm 12,5 % số công đoàn cơ sở." """
    recognised = _value(f, "culture.recognised")
    if not recognised:
        return []
    text = _("%(n)s công đoàn cơ sở có đơn vị được công nhận đạt chuẩn văn hoá") % {
        "n": format_number(recognised)
    }
    culture_share = _value(f, "culture.share")
    if culture_share is not None:
        text += _(", chiếm %(p)s số công đoàn cơ sở") % {"p": percent(Decimal(culture_share))}
    return [text + "."]
