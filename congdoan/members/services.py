"""Writes to the member registry: admission and its approval, transfers, leaving, re-admission, cards, merges.

Every operation is one transaction on one dated decision, checks the current state, writes an audit
event, and refuses invalid requests with a Vietnamese ``ValidationError`` (or ``PermissionDenied``
outside the actor's scope) without changing anything. Counts as of any date come from the stints
(``Membership``) these services open and close.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import fold, normalise
from congdoan.core.validation import require as _require
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from .constants import (
    END_RESTRUCTURE,
    END_TRANSFER,
    END_UNIT_DISSOLVED,
    MEMBER_CODE_DIGITS,
    MEMBER_CODE_PREFIX,
    MIN_AGE,
    CardStatus,
    MemberStatus,
    PartyStatus,
    StintStart,
    TransferStatus,
)
from .derived import rebuild_all as registry_rebuild_derived  # noqa: F401 - the bulk loaders call it here
from .derived import tally
from .models import (
    AdmissionBatch,
    LeaveReason,
    Member,
    MemberCodeCounter,
    Membership,
    TransferRequest,
    UnionPost,
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


# -- the member record --------------------------------------------------------------------------
@transaction.atomic
def member_admit(
    *,
    scope: Scope,
    unit: Unit,
    admitted_on: dt.date,
    decision_no: str,
    batch: AdmissionBatch | None = None,
    **personal,
) -> Member:
    """Record a person admitted by a grassroots union's decision: a pending member on the unit's draft list.

    The member gets a code and counts only after the level above approves the list (``batch_approve``).
    """
    scope.require_can(unit)
    decision_no = _require_decision(decision_no)
    _require_date(admitted_on, "admitted_on", _("ngày kết nạp"))
    _require_grassroots_on(unit, admitted_on)
    data = _clean_personal(personal, member=None, on=admitted_on)
    for key in ("full_name", "gender"):
        _require(bool(data.get(key)), _("Cần nhập trường này."), key)
    if batch is None:
        batch = AdmissionBatch.objects.filter(
            unit=unit, status=AdmissionBatch.Status.DRAFT, admitted_on=admitted_on, decision_no=decision_no
        ).first()
    if batch is None:
        batch = AdmissionBatch(
            unit=unit,
            admitted_on=admitted_on,
            decision_no=decision_no,
            created_by=user_or_none(scope.actor),
        )
        batch.full_clean()
        batch.save()
    _require(
        batch.unit_id == unit.pk
        and batch.status in (AdmissionBatch.Status.DRAFT, AdmissionBatch.Status.RETURNED),
        _("Danh sách đề nghị kết nạp này đã gửi đi, không thêm được."),
        "batch",
    )
    member = Member(unit=unit, status=MemberStatus.PENDING, name_folded=fold(data["full_name"]), **data)
    member.full_clean()
    member.save()
    batch.members.add(member)
    event_record(
        actor=scope.actor,
        action="member.admit",
        unit=unit,
        obj=member,
        decision_no=decision_no,
        summary=_("Đề nghị kết nạp “%(m)s” vào “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": unit.name, "d": format_date(admitted_on)},
        after=_snapshot(member),
    )
    return member


@transaction.atomic
def member_update(*, scope: Scope, member: Member, **personal) -> Member:
    """Correct a member's personal data (name, birth date, CCCD, Party status…)."""
    member = _lock_member(member)
    scope.require_can(member.unit)
    _require(member.status != MemberStatus.MERGED, _("Hồ sơ này đã được gộp vào hồ sơ khác."))
    on = member.joined_on or today()
    data = _clean_personal(personal, member=member, on=on)
    before = {k: str(getattr(member, k)) for k in data}
    for key, value in data.items():
        setattr(member, key, value)
    member.name_folded = fold(member.full_name)
    member.full_clean()
    with tally.tracking(member_ids=[member.pk] if COUNTED_FIELDS & set(data) else ()):
        member.save()
    event_record(
        actor=scope.actor,
        action="member.update",
        unit=member.unit,
        obj=member,
        summary=_("Sửa thông tin đoàn viên “%(m)s”") % {"m": member.full_name},
        before=before,
        after={k: str(getattr(member, k)) for k in data},
    )
    return member


# -- admission lists ----------------------------------------------------------------------------
@transaction.atomic
def batch_submit(
    *,
    scope: Scope,
    batch: AdmissionBatch,
) -> AdmissionBatch:
    """The grassroots union sends its admission list to the directly superior union."""
    batch = AdmissionBatch.objects.select_for_update().select_related("unit").get(pk=batch.pk)
    scope.require_can(batch.unit)
    _require(
        batch.status in (AdmissionBatch.Status.DRAFT, AdmissionBatch.Status.RETURNED),
        _("Danh sách đang ở trạng thái “%(s)s”, không gửi được.") % {"s": batch.get_status_display()},
    )
    _require(batch.members.exists(), _("Danh sách chưa có người nào."))
    batch.members.filter(status=MemberStatus.RETURNED).update(status=MemberStatus.PENDING)
    batch.status = AdmissionBatch.Status.SUBMITTED
    batch.submitted_at = timezone.now()
    batch.save(update_fields=["status", "submitted_at"])
    event_record(
        actor=scope.actor,
        action="batch.submit",
        unit=batch.unit,
        obj=batch,
        decision_no=batch.decision_no,
        summary=_("Gửi danh sách đề nghị kết nạp %(n)s người của “%(u)s”")
        % {"n": batch.members.count(), "u": batch.unit.name},
    )
    return batch


@transaction.atomic
def batch_approve(
    *,
    scope: Scope,
    batch: AdmissionBatch,
    decision_no: str,
) -> AdmissionBatch:
    """The superior union approves the list: codes issued, stints opened from the admission day."""
    batch = AdmissionBatch.objects.select_for_update().select_related("unit", "unit__kind").get(pk=batch.pk)
    scope.require_can(batch.unit, Action.APPROVE)
    decision_no = _require_decision(decision_no)
    _require(
        batch.status == AdmissionBatch.Status.SUBMITTED,
        _("Danh sách đang ở trạng thái “%(s)s”, không duyệt được.") % {"s": batch.get_status_display()},
    )
    _require_grassroots_on(batch.unit, batch.admitted_on)
    members = list(batch.members.select_for_update().filter(status=MemberStatus.PENDING).order_by("id"))
    _require(bool(members), _("Danh sách không còn người nào chờ duyệt."))
    codes = _issue_codes(len(members))
    stints = []
    for member, code in zip(members, codes, strict=True):
        member.code = code
        member.status = MemberStatus.ACTIVE
        member.joined_on = member.joined_on or batch.admitted_on
        member.unit = batch.unit
        stints.append(
            Membership(
                member=member,
                unit=batch.unit,
                valid_from=batch.admitted_on,
                start_kind=StintStart.ADMIT,
                decision_no=batch.decision_no or decision_no,
            )
        )
    with tally.tracking(member_ids=[m.pk for m in members]):
        Member.objects.bulk_update(members, ["code", "status", "joined_on", "unit"])
        Membership.objects.bulk_create(stints)
    batch.status = AdmissionBatch.Status.APPROVED
    batch.approval_decision_no = decision_no
    batch.decided_by = user_or_none(scope.actor)
    batch.decided_at = timezone.now()
    batch.save(update_fields=["status", "approval_decision_no", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="batch.approve",
        unit=batch.unit,
        obj=batch,
        decision_no=decision_no,
        summary=_("Duyệt kết nạp %(n)s đoàn viên của “%(u)s” từ %(d)s")
        % {"n": len(members), "u": batch.unit.name, "d": format_date(batch.admitted_on)},
        after={"codes": codes},
    )
    return batch


@transaction.atomic
def batch_return(
    *,
    scope: Scope,
    batch: AdmissionBatch,
    reason: str,
) -> AdmissionBatch:
    """The superior union returns the list to the grassroots union with a reason."""
    batch = AdmissionBatch.objects.select_for_update().select_related("unit").get(pk=batch.pk)
    scope.require_can(batch.unit, Action.APPROVE)
    reason = (reason or "").strip()
    _require(bool(reason), _("Cần nêu lý do trả lại."), "reason")
    _require(
        batch.status == AdmissionBatch.Status.SUBMITTED,
        _("Danh sách đang ở trạng thái “%(s)s”, không trả lại được.") % {"s": batch.get_status_display()},
    )
    batch.members.filter(status=MemberStatus.PENDING).update(status=MemberStatus.RETURNED)
    batch.status = AdmissionBatch.Status.RETURNED
    batch.return_reason = reason
    batch.decided_by = user_or_none(scope.actor)
    batch.decided_at = timezone.now()
    batch.save(update_fields=["status", "return_reason", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="batch.return",
        unit=batch.unit,
        obj=batch,
        summary=_("Trả lại danh sách đề nghị kết nạp của “%(u)s”: %(r)s")
        % {"u": batch.unit.name, "r": reason},
    )
    return batch


# -- transfers ----------------------------------------------------------------------------------
def _move(
    member: Member, stint: Membership, to_unit: Unit, day: dt.date, decision_no: str, reason: str, kind: str
):
    with tally.tracking(member_ids=[member.pk]):
        stint.valid_to = day - ONE_DAY
        stint.end_reason = _reason(reason)
        stint.end_decision_no = decision_no
        stint.save(update_fields=["valid_to", "end_reason", "end_decision_no"])
        new = Membership(
            member=member, unit=to_unit, valid_from=day, start_kind=kind, decision_no=decision_no
        )
        new.full_clean()
        new.save()
        _member_set_unit(member, to_unit, MemberStatus.ACTIVE)


def _check_transfer(member: Member, to_unit: Unit, effective_on: dt.date) -> Membership:
    _require_date(effective_on, "effective_on", _("ngày chuyển"))
    _require(
        member.status == MemberStatus.ACTIVE, _("“%(m)s” không đang sinh hoạt.") % {"m": member.full_name}
    )
    stint = _open_stint(member)
    _require(stint is not None, _("“%(m)s” không đang sinh hoạt.") % {"m": member.full_name})
    _require(to_unit.pk != stint.unit_id, _("Đoàn viên đang sinh hoạt tại đơn vị này."), "to_unit")
    _require_grassroots_on(to_unit, effective_on, "to_unit")
    _require(
        effective_on > stint.valid_from,
        _("Ngày chuyển phải sau ngày bắt đầu sinh hoạt tại đơn vị hiện nay (%(d)s).")
        % {"d": format_date(stint.valid_from)},
        "effective_on",
    )
    return stint


@transaction.atomic
def member_transfer(
    *,
    scope: Scope,
    member: Member,
    to_unit: Unit,
    effective_on: dt.date,
    decision_no: str,
) -> Member | TransferRequest:
    """Move a member to another grassroots union from ``effective_on``; the member keeps the code.

    Inside the actor's scope the move happens at once. To a unit outside it, a ``TransferRequest`` is
    created for the receiving side to accept (``transfer_accept``) or refuse.
    """
    member = _lock_member(member)
    scope.require_can(member.unit)
    decision_no = _require_decision(decision_no)
    to_unit = Unit.objects.select_related("kind").get(pk=to_unit.pk)
    stint = _check_transfer(member, to_unit, effective_on)
    if not scope.can(to_unit):
        _require(
            not TransferRequest.objects.filter(member=member, status=TransferStatus.PENDING).exists(),
            _("Đã có một đề nghị chuyển sinh hoạt đang chờ cho đoàn viên này."),
        )
        request = TransferRequest(
            member=member,
            from_unit=member.unit,
            to_unit=to_unit,
            effective_on=effective_on,
            decision_no=decision_no,
            requested_by=user_or_none(scope.actor),
        )
        request.full_clean()
        request.save()
        event_record(
            actor=scope.actor,
            action="member.transfer_request",
            unit=member.unit,
            obj=member,
            decision_no=decision_no,
            summary=_("Đề nghị chuyển “%(m)s” đến “%(u)s” từ %(d)s")
            % {"m": member.full_name, "u": to_unit.name, "d": format_date(effective_on)},
        )
        return request
    before = _snapshot(member)
    _move(member, stint, to_unit, effective_on, decision_no, END_TRANSFER, StintStart.TRANSFER)
    event_record(
        actor=scope.actor,
        action="member.transfer",
        unit=to_unit,
        obj=member,
        decision_no=decision_no,
        summary=_("Chuyển “%(m)s” đến “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": to_unit.name, "d": format_date(effective_on)},
        before=before,
        after=_snapshot(member),
    )
    return member


def _lock_request(request: TransferRequest, scope: Scope) -> TransferRequest:
    request = (
        TransferRequest.objects.select_for_update()
        .select_related("to_unit", "to_unit__kind")
        .get(pk=request.pk)
    )
    scope.require_can(request.to_unit)
    _require(
        request.status == TransferStatus.PENDING,
        _("Đề nghị này đã được xử lý (%(s)s).") % {"s": request.get_status_display()},
    )
    return request


@transaction.atomic
def transfer_accept(
    *,
    scope: Scope,
    request: TransferRequest,
) -> Member:
    """The receiving side accepts a transfer request: the member moves on the requested day."""
    request = _lock_request(request, scope)
    member = _lock_member(request.member)
    _require(
        member.unit_id == request.from_unit_id,
        _("Đoàn viên không còn sinh hoạt tại đơn vị đã đề nghị chuyển."),
    )
    stint = _check_transfer(member, request.to_unit, request.effective_on)
    before = _snapshot(member)
    _move(
        member,
        stint,
        request.to_unit,
        request.effective_on,
        request.decision_no,
        END_TRANSFER,
        StintStart.TRANSFER,
    )
    request.status = TransferStatus.ACCEPTED
    request.decided_by = user_or_none(scope.actor)
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="member.transfer",
        unit=request.to_unit,
        obj=member,
        decision_no=request.decision_no,
        summary=_("Tiếp nhận “%(m)s” chuyển đến “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": request.to_unit.name, "d": format_date(request.effective_on)},
        before=before,
        after=_snapshot(member),
    )
    return member


@transaction.atomic
def transfer_refuse(
    *,
    scope: Scope,
    request: TransferRequest,
    reason: str,
) -> TransferRequest:
    """The receiving side refuses a transfer request with a reason; the member stays where they are."""
    request = _lock_request(request, scope)
    reason = (reason or "").strip()
    _require(bool(reason), _("Cần nêu lý do từ chối."), "reason")
    request.status = TransferStatus.REFUSED
    request.refuse_reason = reason
    request.decided_by = user_or_none(scope.actor)
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "refuse_reason", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="member.transfer_refuse",
        unit=request.to_unit,
        obj=request.member,
        summary=_("Từ chối tiếp nhận “%(m)s”: %(r)s") % {"m": request.member.full_name, "r": reason},
    )
    return request


# -- leaving and coming back --------------------------------------------------------------------
@transaction.atomic
def member_leave(
    *,
    scope: Scope,
    member: Member,
    left_on: dt.date,
    reason: LeaveReason,
    decision_no: str,
) -> Member:
    """The member stops union activity (thôi sinh hoạt); ``left_on`` is the last day of the stint."""
    member = _lock_member(member)
    scope.require_can(member.unit)
    decision_no = _require_decision(decision_no)
    _require_date(left_on, "left_on", _("ngày thôi sinh hoạt"))
    _require(reason is not None, _("Cần chọn lý do thôi sinh hoạt."), "reason")
    _require(
        reason.code not in (END_TRANSFER, END_RESTRUCTURE),
        _("Lý do “%(r)s” chỉ dùng khi chuyển sinh hoạt hoặc sắp xếp tổ chức.") % {"r": reason.name},
        "reason",
    )
    _require(
        member.status == MemberStatus.ACTIVE,
        _("“%(m)s” chưa được kết nạp hoặc không đang sinh hoạt, không thể thôi sinh hoạt.")
        % {"m": member.full_name},
    )
    stint = _open_stint(member)
    _require(stint is not None, _("“%(m)s” không đang sinh hoạt.") % {"m": member.full_name})
    _require(
        left_on >= stint.valid_from,
        _("Ngày thôi sinh hoạt không được trước ngày bắt đầu sinh hoạt (%(d)s).")
        % {"d": format_date(stint.valid_from)},
        "left_on",
    )
    before = _snapshot(member)
    with tally.tracking(member_ids=[member.pk]):
        stint.valid_to = left_on
        stint.end_reason = reason
        stint.end_decision_no = decision_no
        stint.save(update_fields=["valid_to", "end_reason", "end_decision_no"])
        _member_set_unit(member, stint.unit, MemberStatus.LEFT)
    event_record(
        actor=scope.actor,
        action="member.leave",
        unit=member.unit,
        obj=member,
        decision_no=decision_no,
        summary=_("“%(m)s” thôi sinh hoạt từ sau ngày %(d)s (%(r)s)")
        % {"m": member.full_name, "d": format_date(left_on), "r": reason.name},
        before=before,
        after=_snapshot(member),
    )
    return member


@transaction.atomic
def member_readmit(
    *,
    scope: Scope,
    member: Member,
    unit: Unit,
    readmitted_on: dt.date,
    decision_no: str,
) -> Member:
    """Admit a former member again (kết nạp lại), keeping the code."""
    member = _lock_member(member)
    scope.require_can(member.unit)
    scope.require_can(unit)
    decision_no = _require_decision(decision_no)
    _require_date(readmitted_on, "readmitted_on", _("ngày kết nạp lại"))
    _require(
        member.status == MemberStatus.LEFT,
        _("Chỉ kết nạp lại người đã thôi sinh hoạt."),
    )
    unit = Unit.objects.select_related("kind").get(pk=unit.pk)
    _require_grassroots_on(unit, readmitted_on)
    last_end = Membership.objects.filter(member=member).aggregate(m=Max("valid_to"))["m"]
    _require(
        last_end is None or readmitted_on > last_end,
        _("Ngày kết nạp lại phải sau ngày thôi sinh hoạt (%(d)s).") % {"d": format_date(last_end)},
        "readmitted_on",
    )
    before = _snapshot(member)
    stint = Membership(
        member=member,
        unit=unit,
        valid_from=readmitted_on,
        start_kind=StintStart.READMIT,
        decision_no=decision_no,
    )
    stint.full_clean()
    with tally.tracking(member_ids=[member.pk]):
        stint.save()
        _member_set_unit(member, unit, MemberStatus.ACTIVE)
    event_record(
        actor=scope.actor,
        action="member.readmit",
        unit=unit,
        obj=member,
        decision_no=decision_no,
        summary=_("Kết nạp lại “%(m)s” vào “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": unit.name, "d": format_date(readmitted_on)},
        before=before,
        after=_snapshot(member),
    )
    return member


# -- cards --------------------------------------------------------------------------------------
_CARD_STEPS = {
    "request": ((CardStatus.NONE, CardStatus.HANDED_OVER), CardStatus.REQUESTED, "card_requested_on"),
    "print": ((CardStatus.REQUESTED,), CardStatus.PRINTED, "card_printed_on"),
    "hand_over": ((CardStatus.PRINTED,), CardStatus.HANDED_OVER, "card_handed_on"),
}
_CARD_SUMMARIES = {
    "request": _("Đề nghị in thẻ cho “%(m)s”"),
    "print": _("Đã in thẻ cho “%(m)s”"),
    "hand_over": _("Đã trao thẻ cho “%(m)s”"),
}


def _card_step(scope: Scope, member: Member, step: str, on: dt.date | None) -> Member:
    member = _lock_member(member)
    scope.require_can(member.unit)
    allowed_from, new_status, date_field = _CARD_STEPS[step]
    _require(
        member.status == MemberStatus.ACTIVE and bool(member.code),
        _("Chỉ cấp thẻ cho đoàn viên đang sinh hoạt đã có mã."),
    )
    _require(
        member.card_status in allowed_from,
        _("Thẻ đang ở trạng thái “%(s)s”, không thực hiện được bước này.")
        % {"s": CardStatus(member.card_status).label},
    )
    day = on or today()
    member.card_status = new_status
    setattr(member, date_field, day)
    member.save(update_fields=["card_status", date_field, "updated_at"])
    event_record(
        actor=scope.actor,
        action=f"member.card_{step}",
        unit=member.unit,
        obj=member,
        summary=str(_CARD_SUMMARIES[step]) % {"m": member.full_name},
    )
    return member


@transaction.atomic
def card_request(
    *,
    scope: Scope,
    member: Member,
    on: dt.date | None = None,
) -> Member:
    """Ask for the member's card to be printed (also for a replacement after a card was handed over)."""
    return _card_step(scope, member, "request", on)


@transaction.atomic
def card_print(
    *,
    scope: Scope,
    member: Member,
    on: dt.date | None = None,
) -> Member:
    """Record that the card was printed."""
    return _card_step(scope, member, "print", on)


@transaction.atomic
def card_hand_over(
    *,
    scope: Scope,
    member: Member,
    on: dt.date | None = None,
) -> Member:
    """Record that the card was handed to the member."""
    return _card_step(scope, member, "hand_over", on)


# -- union posts --------------------------------------------------------------------------------
def _check_post(member: Member, title: str, valid_from, valid_to) -> str:
    """A post's title and dates: the medal eligibility counts service from them, so the start may not be
    before the member turned 15 and the end not before the start. Returns the cleaned title."""
    title = normalise(title)
    _require(bool(title), _("Cần nhập chức vụ."), "title")
    _require_date(valid_from, "valid_from", _("ngày bắt đầu"))
    born = member.date_of_birth
    _require(
        _age_on(born, valid_from) >= MIN_AGE,
        _("Ngày bắt đầu giữ chức vụ không được trước ngày “%(m)s” đủ %(n)s tuổi (%(d)s).")
        % {"m": member.full_name, "n": MIN_AGE, "d": format_date(_day_aged(born, MIN_AGE))},
        "valid_from",
    )
    _require(
        valid_to is None or valid_to >= valid_from,
        _("Ngày kết thúc không được trước ngày bắt đầu (%(d)s).") % {"d": format_date(valid_from)},
        "valid_to",
    )
    return title


@transaction.atomic
def post_add(
    *,
    scope: Scope,
    member: Member,
    title: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    unit: Unit | None = None,
    is_full_time: bool = False,
) -> UnionPost:
    """Record a union post the member held (CĐCS chair, BCH member…)."""
    scope.require_can(member.unit)
    title = _check_post(member, title, valid_from, valid_to)
    unit = unit or member.unit
    post = UnionPost(
        member=member,
        unit=unit,
        title=title,
        valid_from=valid_from,
        valid_to=valid_to,
        is_full_time=is_full_time,
        is_non_state=unit.sector in ("non_state", "fdi"),
    )
    post.full_clean()
    post.save()
    event_record(
        actor=scope.actor,
        action="member.post_add",
        unit=unit,
        obj=member,
        summary=_("“%(m)s” giữ chức vụ “%(t)s” từ %(d)s")
        % {"m": member.full_name, "t": title, "d": format_date(valid_from)},
    )
    return post


def _post_snapshot(post: UnionPost) -> dict:
    return {
        "title": post.title,
        "unit": post.unit.code,
        "valid_from": post.valid_from.isoformat(),
        "valid_to": post.valid_to.isoformat() if post.valid_to else None,
        "is_full_time": post.is_full_time,
    }


def _lock_post(post: UnionPost, scope: Scope) -> UnionPost:
    post = (
        UnionPost.objects.select_for_update().select_related("member", "member__unit", "unit").get(pk=post.pk)
    )
    scope.require_can(post.member.unit)
    _require(post.member.status != MemberStatus.MERGED, _("Hồ sơ này đã được gộp vào hồ sơ khác."))
    return post


@transaction.atomic
def post_update(
    *,
    scope: Scope,
    post: UnionPost,
    title: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    is_full_time: bool = False,
) -> UnionPost:
    """Correct a union post the member held, or end it by setting its last day (``valid_to``).

    The medal eligibility counts service from these dates, so they are checked: the start not before
    the member turned 15, the end not before the start.
    """
    post = _lock_post(post, scope)
    member = post.member
    title = _check_post(member, title, valid_from, valid_to)
    before = _post_snapshot(post)
    post.title, post.valid_from, post.valid_to, post.is_full_time = title, valid_from, valid_to, is_full_time
    post.full_clean()
    post.save(update_fields=["title", "valid_from", "valid_to", "is_full_time"])
    after = _post_snapshot(post)
    ended = valid_to is not None and before["valid_to"] is None
    summary = (
        _("“%(m)s” thôi giữ chức vụ “%(t)s” từ sau ngày %(d)s")
        % {"m": member.full_name, "t": title, "d": format_date(valid_to)}
        if ended
        else _("Sửa chức vụ “%(t)s” của “%(m)s”") % {"m": member.full_name, "t": title}
    )
    event_record(
        actor=scope.actor,
        action="member.post_update",
        unit=post.unit,
        obj=member,
        summary=summary,
        before=before,
        after=after,
    )
    return post


@transaction.atomic
def post_delete(
    *,
    scope: Scope,
    post: UnionPost,
) -> Member:
    """Delete a post entered by mistake (a post that really ended gets its end date instead)."""
    post = _lock_post(post, scope)
    member, before = post.member, _post_snapshot(post)
    post.delete()
    event_record(
        actor=scope.actor,
        action="member.post_delete",
        unit=post.unit,
        obj=member,
        summary=_("Xoá chức vụ “%(t)s” (từ %(d)s) nhập nhầm của “%(m)s”")
        % {"t": before["title"], "d": format_date(post.valid_from), "m": member.full_name},
        before=before,
    )
    return member


def _day_aged(born: dt.date, years: int) -> dt.date:
    """The day someone born on ``born`` turns ``years`` (1 March for 29 February in a common year)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return dt.date(born.year + years, 3, 1)


# -- duplicates ---------------------------------------------------------------------------------
@transaction.atomic
def member_merge(
    *,
    scope: Scope,
    keep: Member,
    duplicate: Member,
) -> Member:
    """Merge a duplicate record into ``keep``: stints and posts move, blank fields are filled in.

    The duplicate stays as a record marked merged; its code (if any) is retired, never issued again.
    """
    _require(keep.pk != duplicate.pk, _("Hãy chọn hai hồ sơ khác nhau."), "duplicate")
    keep, duplicate = _lock_member(keep), _lock_member(duplicate)
    scope.require_can(keep.unit)
    scope.require_can(duplicate.unit)
    for m in (keep, duplicate):
        _require(m.status != MemberStatus.MERGED, _("“%(m)s” đã được gộp trước đó.") % {"m": m.full_name})
    mine = list(Membership.objects.filter(member=keep))
    theirs = list(Membership.objects.filter(member=duplicate))
    far = dt.date.max
    for a in mine:
        for b in theirs:
            _require(
                not (a.valid_from <= (b.valid_to or far) and b.valid_from <= (a.valid_to or far)),
                _("Hai hồ sơ có quá trình sinh hoạt trùng thời gian (%(u)s từ %(d)s); hãy sửa trước khi gộp.")
                % {"u": b.unit.name, "d": format_date(b.valid_from)},
                "duplicate",
            )
    _require(
        not (any(s.valid_to is None for s in mine) and any(s.valid_to is None for s in theirs)),
        _("Cả hai hồ sơ đều đang sinh hoạt; hãy cho một hồ sơ thôi sinh hoạt trước khi gộp."),
        "duplicate",
    )
    before = {"keep": _snapshot(keep), "duplicate": _snapshot(duplicate)}
    dup_cccd = duplicate.cccd
    retired_code = duplicate.code
    with tally.tracking(member_ids=[keep.pk, duplicate.pk]):
        Member.objects.filter(pk=duplicate.pk).update(cccd=None, status=MemberStatus.MERGED, merged_into=keep)
        Membership.objects.filter(member=duplicate).update(member=keep)
        UnionPost.objects.filter(member=duplicate).update(member=keep)
        for field in PERSONAL_FIELDS:
            if (
                field != "cccd"
                and getattr(keep, field) in ("", None)
                and getattr(duplicate, field) not in ("", None)
            ):
                setattr(keep, field, getattr(duplicate, field))
        if not keep.cccd and dup_cccd:
            keep.cccd = dup_cccd
        if not keep.code and retired_code:
            keep.code = retired_code
            Member.objects.filter(pk=duplicate.pk).update(code=None)
        latest = Membership.objects.filter(member=keep).order_by("-valid_from").first()
        if latest is not None:
            keep.unit = latest.unit
            keep.status = MemberStatus.ACTIVE if latest.valid_to is None else MemberStatus.LEFT
            first = Membership.objects.filter(member=keep).order_by("valid_from").first()
            keep.joined_on = min(d for d in (keep.joined_on, first.valid_from) if d)
        keep.save()
    event_record(
        actor=scope.actor,
        action="member.merge",
        unit=keep.unit,
        obj=keep,
        summary=_("Gộp hồ sơ trùng “%(d)s” (%(dc)s) vào “%(k)s” (%(kc)s)")
        % {"d": duplicate.full_name, "dc": retired_code or "—", "k": keep.full_name, "kc": keep.code or "—"},
        before=before,
        after=_snapshot(keep),
    )
    return keep


# -- restructuring follow-through ---------------------------------------------------------------
def stints_follow_unit_dissolution(
    *,
    scope: Scope,
    unit: Unit,
    last_day: dt.date,
    merged_into: Unit | None = None,
) -> int:
    """End (or move) the open stints of a unit whose last day is ``last_day``.

    Called by ``org.services.unit_dissolve`` inside its transaction. When the unit was merged into a
    grassroots union, members move there from the next day (start "restructure", codes kept);
    otherwise they leave with reason "unit dissolved". Returns the number of members affected.
    """
    open_stints = list(
        Membership.objects.select_for_update()
        .filter(unit=unit, valid_to__isnull=True)
        .select_related("member")
    )
    if not open_stints:
        return 0
    # Stints starting after the last day cannot end on it; they are moved or ended on their own first day.
    move_to = merged_into if merged_into is not None and merged_into.kind.is_grassroots else None
    ended_ids = [s.pk for s in open_stints]
    reason = _reason(END_RESTRUCTURE if move_to else END_UNIT_DISSOLVED)
    decision_no = unit.dissolution_decision_no
    member_ids = [s.member_id for s in open_stints]
    with tally.tracking(member_ids=member_ids):
        for stint in open_stints:
            stint.valid_to = max(last_day, stint.valid_from)
            stint.end_reason = reason
            stint.end_decision_no = decision_no
        Membership.objects.bulk_update(open_stints, ["valid_to", "end_reason", "end_decision_no"])
        if move_to is not None:
            Membership.objects.bulk_create(
                Membership(
                    member_id=s.member_id,
                    unit=move_to,
                    valid_from=s.valid_to + ONE_DAY,
                    start_kind=StintStart.RESTRUCTURE,
                    decision_no=decision_no,
                )
                for s in open_stints
            )
            Member.objects.filter(pk__in=member_ids).update(unit=move_to, status=MemberStatus.ACTIVE)
            summary = _("%(n)s đoàn viên của “%(u)s” chuyển sang “%(t)s” từ %(d)s") % {
                "n": len(ended_ids),
                "u": unit.name,
                "t": move_to.name,
                "d": format_date(last_day + ONE_DAY),
            }
        else:
            Member.objects.filter(pk__in=member_ids).update(status=MemberStatus.LEFT)
            summary = _("%(n)s đoàn viên của “%(u)s” thôi sinh hoạt do đơn vị giải thể (hết ngày %(d)s)") % {
                "n": len(ended_ids),
                "u": unit.name,
                "d": format_date(last_day),
            }
    event_record(
        actor=scope.actor,
        action="member.follow_restructure",
        unit=move_to or unit,
        obj=unit,
        decision_no=decision_no,
        summary=summary,
        after={"members": len(member_ids)},
    )
    return len(member_ids)


def stints_follow_unit_split(
    *, scope: Scope, unit: Unit, last_day: dt.date, assignments: dict, default: Unit | None = None
) -> int:
    """Move the members of a grassroots union split on ``last_day + 1`` into the new units they were assigned.

    Called by ``org.services.unit_split`` inside its transaction, after the source was ended on
    ``last_day``. ``assignments`` maps member IDs to the new ``Unit`` taking them; members not in it go
    to ``default``. Without a default every member with a stint in the source after ``last_day`` must be
    assigned; assigning anyone else is refused too (both naming the members). History stays true for
    every date:

    * A stint open on ``last_day`` (or closed after it, e.g. a leave already recorded for a later day)
      ends on ``last_day`` with reason "restructure"; a stint in the new unit starts on the next day
      (start "restructure", the split's decision) and carries on to the original end, with its reason.
    * A stint that starts after ``last_day`` (a transfer or re-admission recorded ahead of time) never
      ran in the source: it is moved whole to the new unit, keeping its start kind and decision.
    * ``Member.unit`` follows for members whose latest unit was the source; codes never change.
    * Pending outgoing transfer requests follow the member (their "from" unit becomes the new unit), so
      the receiving side can still accept them.
    * An admission list still waiting for the superior's decision refuses the split: the superior
      approves (the people become members and are assigned here) or returns it first. Draft and
      returned lists stay with the source as unfinished paperwork: those people never became members
      (no code, no stint), so no count changes; the new union admits them again with its own decision.
    * Incoming transfer requests to the source stay pending; the receiving side refuses them (the
      source no longer takes members) and the sender addresses the right new unit.

    Returns the number of members moved; one audit event records who went where.
    """

    effective_on = last_day + ONE_DAY
    waiting = list(
        AdmissionBatch.objects.filter(unit=unit, status=AdmissionBatch.Status.SUBMITTED).order_by(
            "admitted_on"
        )
    )
    _require(
        not waiting,
        _(
            "“%(u)s” còn %(n)s danh sách đề nghị kết nạp đang chờ cấp trên duyệt (ngày kết nạp %(d)s). "
            "Hãy duyệt hoặc trả lại trước khi chia tách."
        )
        % {"u": unit.name, "n": len(waiting), "d": ", ".join(format_date(b.admitted_on) for b in waiting)},
        "member_targets",
    )
    stints = list(
        Membership.objects.select_for_update()
        .filter(unit=unit)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=last_day))
        .select_related("member")
        .order_by("member_id", "valid_from")
    )
    members = {s.member_id: s.member for s in stints}
    if default is not None:
        assignments = {**dict.fromkeys(members, default), **assignments}
    missing = [m for pk, m in members.items() if assignments.get(pk) is None]
    _require(
        not missing,
        _("Chưa chọn đơn vị mới tiếp nhận cho %(n)s đoàn viên: %(names)s.")
        % {"n": len(missing), "names": _names(missing)},
        "member_targets",
    )
    extra = sorted(set(assignments) - set(members))
    _require(
        not extra,
        _("Không sinh hoạt tại “%(u)s” sau ngày %(d)s nên không chuyển được: %(names)s.")
        % {
            "u": unit.name,
            "d": format_date(last_day),
            "names": _names(list(Member.objects.filter(pk__in=extra))) or ", ".join(map(str, extra)),
        },
        "member_targets",
    )
    targets = {t.pk: t for t in assignments.values()}
    for target in targets.values():
        _require(target.pk != unit.pk, _("Đơn vị tiếp nhận phải là một đơn vị mới."), "member_targets")
        _require_grassroots_on(target, effective_on, "member_targets")
    if not stints:
        return 0
    decision_no = unit.dissolution_decision_no
    ended: list[int] = []
    moved_whole: dict[int, list[int]] = {}
    continued: list[Membership] = []
    for stint in stints:
        target = assignments[stint.member_id]
        if stint.valid_from > last_day:
            moved_whole.setdefault(target.pk, []).append(stint.pk)
            continue
        continued.append(
            Membership(
                member_id=stint.member_id,
                unit=target,
                valid_from=effective_on,
                valid_to=stint.valid_to,
                end_reason_id=stint.end_reason_id,
                end_decision_no=stint.end_decision_no,
                start_kind=StintStart.RESTRUCTURE,
                decision_no=decision_no,
            )
        )
        ended.append(stint.pk)
    by_target: dict[int, list[int]] = {}
    for member_id in members:
        by_target.setdefault(assignments[member_id].pk, []).append(member_id)
    with tally.tracking(member_ids=list(members)):
        # Close first: the new open stints would otherwise clash with "one open stint per member".
        # Set-based updates: one statement per change, whatever the union's size.
        Membership.objects.filter(pk__in=ended).update(
            valid_to=last_day, end_reason=_reason(END_RESTRUCTURE), end_decision_no=decision_no
        )
        for target_id, stint_ids in moved_whole.items():
            Membership.objects.filter(pk__in=stint_ids).update(unit_id=target_id)
        Membership.objects.bulk_create(continued, batch_size=500)
        for target_id, member_ids in by_target.items():
            Member.objects.filter(pk__in=member_ids, unit=unit).update(
                unit_id=target_id, updated_at=timezone.now()
            )
            TransferRequest.objects.filter(
                member_id__in=member_ids, from_unit=unit, status=TransferStatus.PENDING
            ).update(from_unit_id=target_id)
    moved = {targets[t].code: sorted(members[m].code or str(m) for m in ids) for t, ids in by_target.items()}
    event_record(
        actor=scope.actor,
        action="member.follow_split",
        unit=unit,
        obj=unit,
        decision_no=decision_no,
        summary=_("%(n)s đoàn viên của “%(u)s” chuyển sang %(parts)s từ %(d)s")
        % {
            "n": len(members),
            "u": unit.name,
            "parts": ", ".join(f"“{targets[t].name}” ({len(ids)})" for t, ids in by_target.items()),
            "d": format_date(effective_on),
        },
        after={"members": moved},
    )
    return len(members)


def _names(members, limit: int = 10) -> str:
    """“Name (code)”, … for an error message; long lists end with how many more there are."""
    shown = ", ".join(f"{m.full_name} ({m.code or '—'})" for m in members[:limit])
    rest = len(members) - limit
    return shown + (_(" và %(n)s người khác") % {"n": rest} if rest > 0 else "")
