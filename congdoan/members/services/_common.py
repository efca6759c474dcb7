"""Shared private helpers of the member services: checks, locks, snapshots, code issuing."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date, today
from congdoan.core.text import normalise
from congdoan.core.validation import require as _require
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from ..constants import (
    MEMBER_CODE_DIGITS,
    MEMBER_CODE_PREFIX,
    MIN_AGE,
    PartyStatus,
)
from ..models import (
    LeaveReason,
    Member,
    MemberCodeCounter,
    Membership,
)

ONE_DAY = dt.timedelta(days=1)

# Personal fields an officer may set on a member record (everything but lifecycle state).
PERSONAL_FIELDS = (
    "full_name",
    "gender",
    "date_of_birth",
    "ethnicity",
    "cccd",
    "phone",
    "email",
    "job",
    "education",
    "hometown",
    "is_informal",
    "party_status",
    "party_introduced_on",
    "party_admitted_on",
    "notes",
)

# Member fields the statistics count (changing them changes past figures too).
COUNTED_FIELDS = {
    "gender",
    "date_of_birth",
    "ethnicity",
    "is_informal",
    "party_introduced_on",
    "party_admitted_on",
}


# -- helpers ------------------------------------------------------------------------------------
def _require_decision(decision_no: str) -> str:
    _require(bool(decision_no and decision_no.strip()), _("Cần nhập số quyết định."), "decision_no")
    return decision_no.strip()


def _require_date(day, field: str, label: str) -> None:
    _require(day is not None, _("Cần nhập %(label)s.") % {"label": label}, field)


def _require_grassroots_on(unit: Unit, day: dt.date, field: str = "unit") -> None:
    _require(
        unit.kind.is_grassroots,
        _("“%(u)s” không phải công đoàn cơ sở; đoàn viên chỉ sinh hoạt tại công đoàn cơ sở.")
        % {"u": unit.name},
        field,
    )
    _require(
        unit.status == UnitStatus.ACTIVE and unit.exists_on(day),
        _("Đơn vị “%(u)s” không tồn tại hoặc không hoạt động vào ngày %(d)s.")
        % {"u": unit.name, "d": format_date(day)},
        field,
    )


def _lock_member(member: Member) -> Member:
    return Member.objects.select_for_update().select_related("unit", "unit__kind").get(pk=member.pk)


def _open_stint(member: Member) -> Membership | None:
    return Membership.objects.select_for_update().filter(member=member, valid_to__isnull=True).first()


def _reason(code: str) -> LeaveReason:
    return LeaveReason.objects.get(code=code)


def _snapshot(member: Member) -> dict:
    return {
        "code": member.code,
        "full_name": member.full_name,
        "status": member.status,
        "unit": member.unit.code if member.unit_id else None,
        "card_status": member.card_status,
    }


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _clean_personal(data: dict, *, member: Member | None, on: dt.date) -> dict:
    """Normalise and validate personal fields; raise with the field named."""
    data = {k: v for k, v in data.items() if k in PERSONAL_FIELDS}
    if "full_name" in data:
        data["full_name"] = normalise(data["full_name"])
        _require(bool(data["full_name"]), _("Cần nhập họ và tên."), "full_name")
    for key in ("phone", "email", "job", "hometown", "notes"):
        if key in data:
            data[key] = (data[key] or "").strip()
    if "cccd" in data:
        cccd = (data["cccd"] or "").strip() or None
        data["cccd"] = cccd
        if cccd is not None:
            _require(len(cccd) == 12 and cccd.isdigit(), _("Số CCCD phải gồm đúng 12 chữ số."), "cccd")
            taken = Member.objects.filter(cccd=cccd)
            if member is not None:
                taken = taken.exclude(pk=member.pk)
            _require(
                not taken.exists(),
                _("Số CCCD %(c)s đã có trong hệ thống đoàn viên.") % {"c": cccd},
                "cccd",
            )
    born = data.get("date_of_birth", member.date_of_birth if member else None)
    _require(born is not None, _("Cần nhập ngày sinh."), "date_of_birth")
    _require(born <= today(), _("Ngày sinh không được sau ngày hôm nay."), "date_of_birth")
    _require(
        _age_on(born, on) >= MIN_AGE,
        _("Người được kết nạp phải đủ %(n)s tuổi vào ngày %(d)s.") % {"n": MIN_AGE, "d": format_date(on)},
        "date_of_birth",
    )
    party = data.get("party_status", member.party_status if member else "")
    introduced = data.get("party_introduced_on", member.party_introduced_on if member else None)
    admitted = data.get("party_admitted_on", member.party_admitted_on if member else None)
    for key, value in (("party_introduced_on", introduced), ("party_admitted_on", admitted)):
        _require(value is None or value > born, _("Ngày này phải sau ngày sinh."), key)
    _require(
        party != PartyStatus.ADMITTED or admitted is not None,
        _("Cần nhập ngày vào Đảng."),
        "party_admitted_on",
    )
    _require(
        introduced is None or admitted is None or admitted >= introduced,
        _("Ngày vào Đảng không được trước ngày được giới thiệu."),
        "party_admitted_on",
    )
    return data


def _issue_codes(n: int) -> list[str]:
    """Reserve ``n`` new member codes. The counter row is locked, so codes are never issued twice."""
    counter, _created = MemberCodeCounter.objects.select_for_update().get_or_create(name="member")
    first = counter.last_value + 1
    counter.last_value += n
    counter.save(update_fields=["last_value"])
    return [f"{MEMBER_CODE_PREFIX}{number:0{MEMBER_CODE_DIGITS}d}" for number in range(first, first + n)]


def _member_set_unit(member: Member, unit: Unit, status: str) -> None:
    member.unit = unit
    member.status = status
    member.save(update_fields=["unit", "status", "updated_at"])
