"""Every write of the welfare module. Each function is one use case, atomic, validated and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.money import format_vnd
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member
from congdoan.members.selectors import active_member_by_code_and_cccd, members_by_cccds, members_by_codes

from . import selectors
from .constants import (
    FundKind,
    HouseStage,
    PaymentForm,
    PaymentStatus,
    ProgrammeStatus,
    RegistrationStatus,
)
from .models import FundSource, HouseCase, Payment, PaymentSplit, PaymentTally, Programme, Registration

REGISTRATION_LIMIT = 5  # attempts per IP address …
REGISTRATION_WINDOW = 15 * 60  # … per 15 minutes


# -- programmes ---------------------------------------------------------------------------------------------
PROGRAMME_FIELDS = (
    "kind",
    "name",
    "start",
    "end",
    "whole_subtree",
    "eligibility",
    "standard_amount",
    "per_member_limit",
    "allows_non_members",
    "online_registration",
    "status",
)


def _check_units(programme: Programme, units: Sequence) -> None:
    outside = [u.name for u in units if not u.path.startswith(programme.owner.path)]
    if outside:
        raise ValidationError(
            {"units": _("Đơn vị không trực thuộc đơn vị tổ chức: %(u)s.") % {"u": ", ".join(outside)}}
        )
    if not programme.whole_subtree and not units:
        raise ValidationError({"units": _("Hãy chọn ít nhất một đơn vị tham gia.")})


def _check_money(programme: Programme) -> None:
    if programme.standard_amount < 0:
        raise ValidationError({"standard_amount": _("Mức hỗ trợ không được âm.")})
    if programme.per_member_limit is not None and programme.per_member_limit <= 0:
        raise ValidationError({"per_member_limit": _("Mức tối đa mỗi người phải lớn hơn 0.")})


@transaction.atomic
def programme_create(*, scope: Scope, owner, units: Sequence = (), **fields) -> Programme:
    """Create a programme at ``owner``; ``units`` are the participating units when not the whole subtree."""
    scope.require_can(owner)
    unknown = set(fields) - set(PROGRAMME_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    programme = Programme(owner=owner, created_by=user_or_none(scope.actor), **fields)
    programme.full_clean()
    _check_money(programme)
    _check_units(programme, units)
    programme.save()
    programme.units.set(units)
    event_record(
        actor=scope.actor,
        action="welfare.programme_create",
        summary=_("Lập chương trình “%(n)s”") % {"n": programme.name},
        unit=owner,
        obj=programme,
    )
    return programme


@transaction.atomic
def programme_update(
    *, scope: Scope, programme: Programme, units: Sequence | None = None, **fields
) -> Programme:
    scope.require_can(programme.owner)
    before = {f: str(getattr(programme, f)) for f in fields}
    for name, value in fields.items():
        if name not in PROGRAMME_FIELDS:
            raise TypeError(f"unknown field {name}")
        setattr(programme, name, value)
    programme.full_clean()
    _check_money(programme)
    if units is not None:
        _check_units(programme, units)
        programme.units.set(units)
    programme.save()
    event_record(
        actor=scope.actor,
        action="welfare.programme_update",
        summary=_("Sửa chương trình “%(n)s”") % {"n": programme.name},
        unit=programme.owner,
        obj=programme,
        before=before,
        after={f: str(getattr(programme, f)) for f in fields},
    )
    return programme


@transaction.atomic
def fund_add(
    *,
    scope: Scope,
    programme: Programme,
    kind: str,
    donor_name: str = "",
    budget: int = 0,
) -> FundSource:
    """Add a fund source (union money of one level, or a donor) with its budget to a programme."""
    scope.require_can(programme.owner)
    donor_name = " ".join((donor_name or "").split())
    if kind == FundKind.DONATION and not donor_name:
        raise ValidationError({"donor_name": _("Hãy nhập tên nhà tài trợ.")})
    if kind != FundKind.DONATION:
        donor_name = ""
    if budget < 0:
        raise ValidationError({"budget": _("Dự toán không được âm.")})
    if FundSource.objects.filter(programme=programme, kind=kind, donor_name=donor_name).exists():
        raise ValidationError({"kind": _("Nguồn kinh phí này đã có trong chương trình.")})
    fund = FundSource(programme=programme, kind=kind, donor_name=donor_name, budget=budget)
    fund.full_clean()
    fund.save()
    event_record(
        actor=scope.actor,
        action="welfare.fund_add",
        summary=_("Thêm nguồn kinh phí “%(f)s” (%(b)s) cho “%(p)s”")
        % {"f": fund, "b": format_vnd(budget), "p": programme.name},
        unit=programme.owner,
        obj=programme,
    )
    return fund


# -- payments -----------------------------------------------------------------------------------------------
def _splits_for(programme: Programme, amount: int, splits) -> list[tuple[FundSource, int]]:
    """``splits``: [(fund, amount)], or None to pay everything from the programme's only/first fund."""
    if splits is None:
        fund = programme.funds.order_by("id").first()
        if fund is None:
            raise ValidationError({"splits": _("Chương trình chưa có nguồn kinh phí nào.")})
        return [(fund, amount)]
    result = [(fund, int(part)) for fund, part in splits if int(part) != 0]
    for fund, _part in result:
        if fund.programme_id != programme.pk:
            raise ValidationError({"splits": _("Nguồn kinh phí không thuộc chương trình này.")})
    if len({fund.pk for fund, _p in result}) != len(result):
        raise ValidationError({"splits": _("Mỗi nguồn kinh phí chỉ ghi một lần.")})
    total = sum(part for _f, part in result)
    if total != amount:
        raise ValidationError(
            {
                "splits": _("Tổng các nguồn (%(s)s) phải bằng đúng số tiền chi (%(a)s).")
                % {"s": format_vnd(total), "a": format_vnd(amount)}
            }
        )
    return result


def _unit_takes_part(programme: Programme, unit) -> bool:
    if not unit.path.startswith(programme.owner.path):
        return False
    if programme.whole_subtree:
        return True
    return any(unit.path.startswith(u.path) for u in programme.units.all())


def _build_payment(
    *,
    scope: Scope,
    programme: Programme,
    member: Member | None,
    worker_name: str,
    worker_cccd: str,
    unit,
    amount: int | None,
    paid_on: dt.date | None,
    form: str,
    splits,
    note: str,
) -> tuple[Payment, list[tuple[FundSource, int]]]:
    if programme.status == ProgrammeStatus.CLOSED:
        raise ValidationError(_("Chương trình đã kết thúc, không thêm người được hỗ trợ."))
    amount = programme.standard_amount if amount is None else int(amount)
    if amount <= 0:
        raise ValidationError({"amount": _("Số tiền phải lớn hơn 0.")})
    if member is not None:
        if member.status != MemberStatus.ACTIVE:
            raise ValidationError({"member": _("%(n)s không phải đoàn viên đang sinh hoạt.") % {"n": member}})
        unit = member.unit
        worker_name = worker_cccd = ""
    else:
        if not programme.allows_non_members:
            raise ValidationError({"member": _("Chương trình chỉ hỗ trợ đoàn viên.")})
        worker_name = " ".join((worker_name or "").split())
        if not worker_name or not worker_cccd:
            raise ValidationError({"worker_name": _("Hãy nhập họ tên và số CCCD của người lao động.")})
        if unit is None:
            raise ValidationError({"unit": _("Hãy chọn đơn vị.")})
    scope.require_can(unit)
    if not _unit_takes_part(programme, unit):
        raise ValidationError({"unit": _("Đơn vị %(u)s không tham gia chương trình.") % {"u": unit.name}})
    payment = Payment(
        programme=programme,
        unit=unit,
        member=member,
        worker_name=worker_name,
        worker_cccd=worker_cccd,
        amount=amount,
        paid_on=paid_on or today(),
        form=form or PaymentForm.CASH,
        note=note,
        created_by=user_or_none(scope.actor),
    )
    payment.full_clean(exclude=["programme", "unit", "member"])
    return payment, _splits_for(programme, amount, splits)


def _save_payment(payment: Payment, splits: Iterable[tuple[FundSource, int]]) -> Payment:
    payment.save()
    PaymentSplit.objects.bulk_create(PaymentSplit(payment=payment, fund=f, amount=a) for f, a in splits)
    return payment


@transaction.atomic
def payment_add(
    *,
    scope: Scope,
    programme: Programme,
    member: Member | None = None,
    worker_name: str = "",
    worker_cccd: str = "",
    unit=None,
    amount: int | None = None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    splits=None,
    note: str = "",
) -> Payment:
    """Add one beneficiary (a member, or a non-member worker) as a draft payment split across fund sources."""
    payment, parts = _build_payment(
        scope=scope,
        programme=programme,
        member=member,
        worker_name=worker_name,
        worker_cccd=worker_cccd,
        unit=unit,
        amount=amount,
        paid_on=paid_on,
        form=form,
        splits=splits,
        note=note,
    )
    _save_payment(payment, parts)
    event_record(
        actor=scope.actor,
        action="welfare.payment_add",
        summary=_("Thêm %(n)s vào “%(p)s”: %(a)s")
        % {"n": payment.beneficiary_name, "p": programme.name, "a": format_vnd(payment.amount)},
        unit=payment.unit,
        obj=payment,
    )
    return payment


@transaction.atomic
def payments_add_many(
    *,
    scope: Scope,
    programme: Programme,
    members: Sequence[Member],
    amount: int | None = None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    fund: FundSource | None = None,
) -> list[Payment]:
    """Add several members picked from the registry; all or nothing."""
    made = []
    for member in members:
        splits = (
            None if fund is None else [(fund, amount if amount is not None else programme.standard_amount)]
        )
        made.append(
            payment_add(
                scope=scope,
                programme=programme,
                member=member,
                amount=amount,
                paid_on=paid_on,
                form=form,
                splits=splits,
            )
        )
    return made


HEADERS = {
    "code": ("ma doan vien", "ma dv", "ma so doan vien"),
    "cccd": ("cccd", "can cuoc", "so dinh danh"),
    "name": ("ho ten", "ho va ten"),
    "amount": ("so tien",),
    "note": ("ghi chu",),
}


def _header_map(row) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = fold(str(cell or ""))
        for key, names in HEADERS.items():
            if key not in found and any(name in text for name in names):
                found[key] = index
                break
    return found


def _cell(row, index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # calamine gives whole numbers as floats
    return str(value if value is not None else "").strip()


def read_recipient_rows(data: bytes, fund_columns: dict[str, object] | None = None) -> list[dict]:
    """Rows of an Excel list of recipients (mã đoàn viên / CCCD / họ tên / số tiền / ghi chú) as dicts.

    ``fund_columns`` maps folded header texts to fund sources: such columns give the row's split
    (key "funds": [(fund, text)]).
    """
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(__import__("io").BytesIO(data))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for anything unreadable
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx, .xls, .ods).")) from exc
    header_at, header = None, {}
    for index, row in enumerate(rows[:10]):
        header = _header_map(row)
        if "code" in header or "cccd" in header:
            header_at = index
            break
    if header_at is None:
        raise ValidationError(_("Không tìm thấy dòng tiêu đề có cột “Mã đoàn viên” hoặc “CCCD”."))
    fund_at = {}
    for index, cell in enumerate(rows[header_at]):
        fund = (fund_columns or {}).get(fold(str(cell or "")))
        if fund is not None and index not in header.values():
            fund_at[index] = fund
    result = []
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        values = {key: _cell(row, header.get(key)) for key in HEADERS}
        funds = [(fund, _cell(row, at)) for at, fund in fund_at.items()]
        if any(values.values()):
            result.append({"row": index, **values, "funds": [(f, v) for f, v in funds if v]})
    return result


def _fund_columns(programme: Programme) -> dict[str, FundSource]:
    """Header texts naming a fund source: its label, or for a donation just the donor's name."""
    columns = {}
    for fund in programme.funds.all():
        columns[fold(str(fund))] = fund
        columns[fold(fund.donor_name or fund.get_kind_display())] = fund
    return columns


def _money(text: str) -> int:
    return int(text.replace(".", "").replace(",", "").replace(" ", "").removesuffix("đ"))


@transaction.atomic
def payments_import(
    *,
    scope: Scope,
    programme: Programme,
    data: bytes,
    unit=None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    fund: FundSource | None = None,
) -> list[Payment]:
    """Add recipients from an Excel list. Any bad row: a Vietnamese message naming it, nothing saved."""
    rows = read_recipient_rows(data, _fund_columns(programme))
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    codes = {r["code"] for r in rows if r["code"]}
    cccds = {r["cccd"] for r in rows if r["cccd"]}
    by_code = members_by_codes(codes=codes)
    by_cccd = members_by_cccds(cccds=cccds)
    errors: list[str] = []
    built: list[tuple[Payment, list]] = []
    seen: set = set()
    for row in rows:
        line = row["row"]
        member = None
        if row["code"]:
            member = by_code.get(row["code"])
            if member is None or not scope.can(member.unit):
                errors.append(
                    _("Dòng %(r)s: không tìm thấy đoàn viên có mã “%(c)s”.") % {"r": line, "c": row["code"]}
                )
                continue
        elif row["cccd"]:
            member = by_cccd.get(row["cccd"])
            if member is not None and not scope.can(member.unit):
                member = None
            if member is None and not programme.allows_non_members:
                errors.append(
                    _("Dòng %(r)s: không tìm thấy đoàn viên có số CCCD “%(c)s”.")
                    % {"r": line, "c": row["cccd"]}
                )
                continue
        key = member.pk if member else row["cccd"]
        if key in seen:
            errors.append(_("Dòng %(r)s: người này đã có ở dòng trên.") % {"r": line})
            continue
        seen.add(key)
        try:
            amount = _money(row["amount"]) if row["amount"] else None
            parts = [(f, _money(v)) for f, v in row["funds"]]
        except ValueError:
            errors.append(_("Dòng %(r)s: số tiền không hợp lệ.") % {"r": line})
            continue
        if parts and amount is None:
            amount = sum(v for _f, v in parts)
        try:
            effective = amount if amount is not None else programme.standard_amount
            payment, parts = _build_payment(
                scope=scope,
                programme=programme,
                member=member,
                worker_name=row["name"],
                worker_cccd=row["cccd"],
                unit=unit,
                amount=amount,
                paid_on=paid_on,
                form=form,
                splits=parts or (None if fund is None else [(fund, effective)]),
                note=row["note"][:255],
            )
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(_("Dòng %(r)s: %(m)s") % {"r": line, "m": " ".join(messages)})
            continue
        built.append((payment, parts))
    if errors:
        raise ValidationError(errors)
    made = [_save_payment(payment, parts) for payment, parts in built]
    event_record(
        actor=scope.actor,
        action="welfare.payments_import",
        summary=_("Nhập %(n)s người được hỗ trợ từ Excel vào “%(p)s”")
        % {"n": len(made), "p": programme.name},
        unit=unit or programme.owner,
        obj=programme,
    )
    return made


@transaction.atomic
def payment_delete(
    *,
    scope: Scope,
    payment: Payment,
) -> None:
    """Remove a payment still being drafted (approved payments are never deleted: reverse them)."""
    scope.require_can(payment.unit)
    if payment.status != PaymentStatus.DRAFT:
        raise ValidationError(_("Chỉ xoá được khoản chi đang lập."))
    event_record(
        actor=scope.actor,
        action="welfare.payment_delete",
        summary=_("Xoá %(n)s khỏi danh sách “%(p)s”")
        % {"n": payment.beneficiary_name, "p": payment.programme.name},
        unit=payment.unit,
        obj=payment,
    )
    payment.delete()


@transaction.atomic
def payments_submit(
    *,
    scope: Scope,
    programme: Programme,
    payments: Sequence[Payment] | None = None,
) -> int:
    """Send draft payments (all the actor's drafts in the programme when not given) for approval."""
    if payments is None:
        payments = list(
            selectors.payment_list(scope=scope, programme=programme).filter(status=PaymentStatus.DRAFT)
        )
    if not payments:
        raise ValidationError(_("Không có khoản chi nào đang lập để gửi duyệt."))
    for payment in payments:
        scope.require_can(payment.unit)
        if payment.status != PaymentStatus.DRAFT or payment.programme_id != programme.pk:
            raise ValidationError(_("Chỉ gửi duyệt được khoản chi đang lập."))
    ids = [p.pk for p in payments]
    Payment.objects.filter(pk__in=ids).update(status=PaymentStatus.SUBMITTED, submitted_at=timezone.now())
    event_record(
        actor=scope.actor,
        action="welfare.payments_submit",
        summary=_("Gửi duyệt %(n)s khoản chi của “%(p)s”") % {"n": len(ids), "p": programme.name},
        unit=programme.owner,
        obj=programme,
        after={"payments": ids},
    )
    return len(ids)


@transaction.atomic
def payments_approve(
    *,
    scope: Scope,
    programme: Programme,
    payments: Sequence[Payment] | None = None,
    confirm_warnings: bool = False,
) -> int:
    """Approve submitted payments. Only an officer of the programme's owner unit (or above) approves.

    Duplicate-support warnings must be confirmed (``confirm_warnings``) before approval goes ahead.
    """
    scope.require_can(programme.owner)
    if payments is None:
        payments = list(
            selectors.payment_list(scope=scope, programme=programme).filter(status=PaymentStatus.SUBMITTED)
        )
    if not payments:
        raise ValidationError(_("Không có khoản chi nào chờ duyệt."))
    for payment in payments:
        if payment.status != PaymentStatus.SUBMITTED or payment.programme_id != programme.pk:
            raise ValidationError(_("Chỉ duyệt được khoản chi đang chờ duyệt."))
    warnings = selectors.duplicate_warnings(scope=scope, programme=programme, payments=payments)
    if warnings and not confirm_warnings:
        raise ValidationError(
            [_("Có cảnh báo hỗ trợ trùng, hãy xem và xác nhận trước khi duyệt.")] + warnings
        )
    ids = [p.pk for p in payments]
    changed = Payment.objects.filter(pk__in=ids, status=PaymentStatus.SUBMITTED).update(
        status=PaymentStatus.APPROVED,
        approved_by=user_or_none(scope.actor),
        approved_at=timezone.now(),
    )
    if changed != len(ids):
        raise ValidationError(_("Danh sách vừa được người khác duyệt hoặc thay đổi, hãy tải lại trang."))
    _tally_add(ids)
    total = sum(p.amount for p in payments)
    event_record(
        actor=scope.actor,
        action="welfare.payments_approve",
        summary=_("Duyệt %(n)s khoản chi của “%(p)s”, tổng %(t)s")
        % {"n": len(ids), "p": programme.name, "t": format_vnd(total)},
        unit=programme.owner,
        obj=programme,
        after={"payments": ids, "warnings": warnings},
    )
    return len(ids)


@transaction.atomic
def payment_reverse(
    *,
    scope: Scope,
    payment: Payment,
    reason: str,
    on: dt.date | None = None,
) -> Payment:
    """Correct an approved payment by a reversing entry (negative amount, same splits negated)."""
    programme = payment.programme
    scope.require_can(programme.owner)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.APPROVED:
        raise ValidationError(
            _("Chỉ điều chỉnh khoản chi đã duyệt; khoản đang lập thì sửa hoặc xoá trực tiếp.")
        )
    if payment.reverses_id is not None or Payment.objects.filter(reverses=payment).exists():
        raise ValidationError(_("Khoản chi này đã được điều chỉnh."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do điều chỉnh.")})
    reversal = Payment(
        programme=programme,
        unit=payment.unit,
        member=payment.member,
        worker_name=payment.worker_name,
        worker_cccd=payment.worker_cccd,
        amount=-payment.amount,
        paid_on=on or today(),
        form=payment.form,
        status=PaymentStatus.APPROVED,
        reverses=payment,
        note=reason[:255],
        created_by=user_or_none(scope.actor),
        approved_by=user_or_none(scope.actor),
        approved_at=timezone.now(),
    )
    _save_payment(reversal, [(s.fund, -s.amount) for s in payment.splits.select_related("fund")])
    _tally_add([reversal.pk])
    event_record(
        actor=scope.actor,
        action="welfare.payment_reverse",
        summary=_("Điều chỉnh giảm khoản chi %(a)s cho %(n)s: %(r)s")
        % {"a": format_vnd(payment.amount), "n": payment.beneficiary_name, "r": reason},
        unit=payment.unit,
        obj=payment,
        after={"reversal": reversal.pk},
    )
    return reversal


# -- the monthly tally -------------------------------------------------------------------------------------
def _tally_add(payment_ids: Sequence[int]) -> None:
    """Add the splits of newly approved payments to ``PaymentTally`` (one upsert per touched cell)."""
    cells: dict[tuple[int, dt.date, int], int] = {}
    ids = list(payment_ids)
    for i in range(0, len(ids), 500):
        splits = PaymentSplit.objects.filter(payment_id__in=ids[i : i + 500]).values_list(
            "payment__unit_id", "payment__paid_on", "fund_id", "amount"
        )
        for unit_id, paid_on, fund_id, amount in splits:
            key = (unit_id, paid_on.replace(day=1), fund_id)
            cells[key] = cells.get(key, 0) + amount
    if not cells:
        return
    # INSERT … ON CONFLICT … DO UPDATE: same text on PostgreSQL and SQLite ≥ 3.24; concurrent approvals
    # touching the same cell serialise on its row instead of failing on the unique constraint.
    sql = (
        "INSERT INTO welfare_paymenttally (unit_id, month, fund_id, amount) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (unit_id, month, fund_id) DO UPDATE SET amount = welfare_paymenttally.amount + excluded.amount"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(u, m, f, a) for (u, m, f), a in sorted(cells.items())])


@transaction.atomic
def payment_tally_rebuild() -> int:
    """Recount ``PaymentTally`` from the approved splits (after bulk loads; the services keep it otherwise).

    A derived table, so no audit event. Returns the number of cells.
    """
    PaymentTally.objects.all().delete()
    rows = (
        PaymentSplit.objects.filter(payment__status=PaymentStatus.APPROVED)
        .annotate(month=TruncMonth("payment__paid_on"))
        .values("payment__unit_id", "month", "fund_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    cells = [
        PaymentTally(unit_id=r["payment__unit_id"], month=r["month"], fund_id=r["fund_id"], amount=r["total"])
        for r in rows.iterator(chunk_size=5000)
    ]
    PaymentTally.objects.bulk_create(cells, batch_size=2000)
    return len(cells)


# -- union houses -------------------------------------------------------------------------------------------
@transaction.atomic
def house_create(
    *,
    scope: Scope,
    programme: Programme,
    unit,
    household_name: str,
    situation: str,
    work: str,
    approved_amount: int,
    approved_on: dt.date,
    member: Member | None = None,
) -> HouseCase:
    scope.require_can(programme.owner)
    if not _unit_takes_part(programme, unit):
        raise ValidationError({"unit": _("Đơn vị %(u)s không tham gia chương trình.") % {"u": unit.name}})
    if approved_amount <= 0:
        raise ValidationError({"approved_amount": _("Số tiền hỗ trợ phải lớn hơn 0.")})
    case = HouseCase(
        programme=programme,
        unit=unit,
        member=member,
        household_name=" ".join(household_name.split()),
        situation=situation,
        work=work,
        approved_amount=approved_amount,
        approved_on=approved_on,
    )
    case.full_clean()
    case.save()
    event_record(
        actor=scope.actor,
        action="welfare.house_create",
        summary=_("Duyệt hỗ trợ Mái ấm Công đoàn cho hộ %(n)s: %(a)s")
        % {"n": case.household_name, "a": format_vnd(approved_amount)},
        unit=unit,
        obj=case,
    )
    return case


STAGE_ORDER = [HouseStage.APPROVED, HouseStage.BUILDING, HouseStage.HANDED_OVER]


@transaction.atomic
def house_advance(
    *,
    scope: Scope,
    case: HouseCase,
    stage: str,
    on: dt.date,
) -> HouseCase:
    """Move a house to the next stage (building from a date, handed over on a date)."""
    scope.require_can(case.unit)
    if stage not in STAGE_ORDER or STAGE_ORDER.index(stage) != STAGE_ORDER.index(case.stage) + 1:
        raise ValidationError({"stage": _("Tiến độ phải đi lần lượt: đã duyệt → đang xây → đã bàn giao.")})
    previous = case.building_from if stage == HouseStage.HANDED_OVER else case.approved_on
    if previous and on < previous:
        raise ValidationError({"on": _("Ngày không được trước ngày của bước trước.")})
    before = case.stage
    case.stage = stage
    if stage == HouseStage.BUILDING:
        case.building_from = on
    else:
        case.handed_over_on = on
    case.full_clean()
    case.save()
    event_record(
        actor=scope.actor,
        action="welfare.house_advance",
        summary=_("Nhà của hộ %(n)s: %(s)s") % {"n": case.household_name, "s": case.get_stage_display()},
        unit=case.unit,
        obj=case,
        before={"stage": before},
        after={"stage": stage, "on": on.isoformat()},
    )
    return case


# -- online registration ------------------------------------------------------------------------------------
def _throttle(ip: str) -> None:
    key = f"welfare:registration:{ip or 'unknown'}"
    cache.add(key, 0, REGISTRATION_WINDOW)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, REGISTRATION_WINDOW)
        attempts = 1
    if attempts > REGISTRATION_LIMIT:
        raise ValidationError(
            _("Bạn đã gửi quá nhiều lần. Vui lòng thử lại sau %(m)s phút.")
            % {"m": REGISTRATION_WINDOW // 60},
            code="throttled",
        )


@transaction.atomic
def registration_create(*, programme: Programme, member_code: str, cccd: str, ip: str) -> Registration:
    """A member applies online: the member code and CCCD must match one active member. Throttled per IP."""
    _throttle(ip)
    member_code, cccd = (member_code or "").strip().upper(), (cccd or "").strip()
    if not programme.online_registration or programme.status != ProgrammeStatus.OPEN:
        raise ValidationError(_("Chương trình này không nhận đăng ký trực tuyến."))
    day = today()
    if not programme.start <= day <= programme.end:
        raise ValidationError(
            _("Chương trình chỉ nhận đăng ký từ %(s)s đến %(e)s.")
            % {
                "s": format_date(programme.start),
                "e": format_date(programme.end),
            }
        )
    member = active_member_by_code_and_cccd(code=member_code, cccd=cccd)
    if member is None:
        raise ValidationError(_("Mã đoàn viên và số CCCD không khớp với đoàn viên đang sinh hoạt nào."))
    if not _unit_takes_part(programme, member.unit):
        raise ValidationError(_("Đơn vị của bạn không tham gia chương trình này."))
    if Registration.objects.filter(programme=programme, member=member).exists():
        raise ValidationError(_("Bạn đã đăng ký chương trình này rồi."))
    registration = Registration.objects.create(programme=programme, member=member, unit=member.unit)
    event_record(
        actor=None,
        action="welfare.registration_create",
        summary=_("%(n)s đăng ký trực tuyến “%(p)s”") % {"n": member.full_name, "p": programme.name},
        unit=member.unit,
        obj=registration,
    )
    return registration


@transaction.atomic
def registration_decide(
    *,
    scope: Scope,
    registration: Registration,
    approve: bool,
    note: str = "",
) -> Registration:
    scope.require_can(registration.unit)
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(_("Đăng ký này đã được xét."))
    if not approve and not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do không duyệt.")})
    registration.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.REJECTED
    registration.note = note.strip()[:255]
    registration.decided_by = user_or_none(scope.actor)
    registration.decided_at = timezone.now()
    registration.save()
    event_record(
        actor=scope.actor,
        action="welfare.registration_decide",
        summary=_("%(s)s đăng ký của %(n)s")
        % {"s": registration.get_status_display(), "n": registration.member},
        unit=registration.unit,
        obj=registration,
    )
    return registration
