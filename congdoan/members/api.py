"""/api/v1/members/: the registry, its lifecycle actions, admission lists and statistics, all scoped."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from congdoan.core import concurrency
from congdoan.core.api import LimitOffset
from congdoan.core.dates import today
from congdoan.core.fields import ApiDate
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from . import selectors, services, stats
from .api_schemas import (
    AdmitIn,
    BatchDecisionIn,
    BatchOut,
    CardIn,
    LeaveIn,
    MemberDetailOut,
    MemberOut,
    MemberPage,
    MemberQuery,
    MemberReasonIn,
    PersonalUpdateIn,
    ReadmitIn,
    StatsOut,
    TransferIn,
    TransferOut,
)
from .models import LeaveReason

router = Router(tags=["Đoàn viên"])


@router.get("", response=MemberPage, summary="Tìm kiếm đoàn viên")
def list_members(request, query: Query[MemberQuery]):
    data = query.dict()
    offset, limit = data.pop("offset"), data.pop("limit")
    scope, filters = Scope.of(request), selectors.MemberFilter(**data)
    if filters.party_status is not None and not scope.holds(Role.OFFICER):
        raise PermissionDenied(_("Chỉ cán bộ công đoàn được tìm theo thông tin về Đảng."))
    return {
        "items": selectors.member_search_page(scope=scope, filters=filters, offset=offset, limit=limit),
        "count": selectors.member_search_count(scope=scope, filters=filters),
    }


@router.post("", response={201: MemberOut}, summary="Kết nạp (đưa vào danh sách đề nghị)")
def admit_member(request, payload: AdmitIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    return 201, concurrency.idempotent_create(
        request,
        lambda: services.member_admit(scope=scope, unit=unit, **payload.dict(exclude={"unit_id"})),
        lambda pk: selectors.member_get(scope=scope, pk=pk),
    )


@router.get("/leave-reasons", response=list[dict], summary="Danh mục lý do thôi sinh hoạt")
@paginate(LimitOffset)
def list_leave_reasons(request):
    return LeaveReason.objects.values("code", "name", "is_system")


@router.get("/batches", response=list[BatchOut], summary="Danh sách đề nghị kết nạp")
@paginate(LimitOffset)
def list_batches(request, status: str = ""):
    return selectors.batch_list(scope=Scope.of(request), status=status)


@router.get("/batches/{batch_id}", response=BatchOut, summary="Chi tiết danh sách đề nghị kết nạp")
def get_batch(request, batch_id: int):
    return selectors.batch_get(scope=Scope.of(request), pk=batch_id)


@router.post("/batches/{batch_id}/submit", response=BatchOut, summary="Gửi danh sách lên cấp trên")
def submit_batch(request, batch_id: int):
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=batch_id)
    return services.batch_submit(scope=scope, batch=batch)


@router.post("/batches/{batch_id}/approve", response=BatchOut, summary="Duyệt danh sách (cấp trên)")
def approve_batch(request, batch_id: int, payload: BatchDecisionIn):
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=batch_id)
    return services.batch_approve(scope=scope, batch=batch, decision_no=payload.decision_no)


@router.post("/batches/{batch_id}/return", response=BatchOut, summary="Trả lại danh sách (cấp trên)")
def return_batch(request, batch_id: int, payload: MemberReasonIn):
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=batch_id)
    return services.batch_return(scope=scope, batch=batch, reason=payload.reason)


@router.get("/transfers", response=list[TransferOut], summary="Đề nghị chuyển đến, chờ tiếp nhận")
@paginate(LimitOffset)
def list_transfers(request):
    return selectors.transfer_inbox(scope=Scope.of(request))


@router.post("/transfers/{transfer_id}/accept", response=MemberOut, summary="Tiếp nhận đoàn viên chuyển đến")
def accept_transfer(request, transfer_id: int):
    scope = Scope.of(request)
    transfer = selectors.transfer_get(scope=scope, pk=transfer_id)
    member = services.transfer_accept(scope=scope, request=transfer)
    return selectors.member_get(scope=scope, pk=member.pk)


@router.post("/transfers/{transfer_id}/refuse", response=TransferOut, summary="Từ chối tiếp nhận")
def refuse_transfer(request, transfer_id: int, payload: MemberReasonIn):
    scope = Scope.of(request)
    transfer = selectors.transfer_get(scope=scope, pk=transfer_id)
    return services.transfer_refuse(scope=scope, request=transfer, reason=payload.reason)


@router.get("/statistics", response=StatsOut, summary="Thống kê đoàn viên của một đơn vị (toàn bộ cấp dưới)")
def statistics(
    request,
    unit_id: int,
    on: ApiDate | None = None,
    start: ApiDate | None = None,
    end: ApiDate | None = None,
):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    on = on or today()
    end = end or on
    start = start or dt.date(end.year, 1, 1)
    if start > end:
        raise ValidationError({"start": "Ngày đầu kỳ không được sau ngày cuối kỳ."})
    r = stats.report(scope=scope, unit=unit, on=on, start=start, end=end)
    return {
        "unit_id": unit.pk,
        "on": on,
        "start": start,
        "end": end,
        "total": r.snapshot.total,
        "women": r.snapshot.women,
        "informal": r.snapshot.informal,
        "by_ethnicity": dict(r.snapshot.by_ethnicity),
        "by_age_band": dict(r.snapshot.by_age),
        "by_sector": dict(r.snapshot.by_sector),
        "admitted": r.admitted,
        "informal_admitted": r.informal_admitted,
        "left": r.left,
        "net_change": r.net_change,
        "party_introduced": r.party_introduced,
        "party_admitted": r.party_admitted,
        "grassroots_founded": r.founded,
        "small_unions": len(r.small_unions),
        "children": [
            {
                **{k: v for k, v in row.items() if k != "unit"},
                "unit_id": row["unit"].pk,
                "unit_name": row["unit"].name,
            }
            for row in r.rows
        ],
    }


@router.get("/{member_id}", response=MemberDetailOut, summary="Hồ sơ đoàn viên")
def get_member(request, member_id: int):
    return selectors.member_get(scope=Scope.of(request), pk=member_id)


@router.patch("/{member_id}", response=concurrency.responses(MemberOut), summary="Sửa thông tin đoàn viên")
def update_member(request, member_id: int, payload: PersonalUpdateIn):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=member_id)
    return concurrency.update_or_conflict(
        lambda: services.member_update(scope=scope, member=member, **payload.dict(exclude_unset=True)),
        lambda: selectors.member_get(scope=scope, pk=member_id),
    )


@router.post("/{member_id}/transfer", response={200: MemberOut, 202: TransferOut}, summary="Chuyển sinh hoạt")
def transfer_member(request, member_id: int, payload: TransferIn):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=member_id)
    to_unit = selectors.transfer_target_by_code(code=payload.to_unit_code)
    if to_unit is None:
        raise ValidationError({"to_unit_code": f"Không có công đoàn cơ sở mã “{payload.to_unit_code}”."})
    result = services.member_transfer(
        scope=scope,
        member=member,
        to_unit=to_unit,
        effective_on=payload.effective_on,
        decision_no=payload.decision_no,
    )
    if hasattr(result, "code"):
        return 200, selectors.member_get(scope=scope, pk=member_id)
    return 202, result


@router.post("/{member_id}/leave", response=MemberOut, summary="Thôi sinh hoạt")
def leave_member(request, member_id: int, payload: LeaveIn):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=member_id)
    reason = get_object_or_404(selectors.leave_reasons(), code=payload.reason)
    services.member_leave(
        scope=scope,
        member=member,
        left_on=payload.left_on,
        reason=reason,
        decision_no=payload.decision_no,
    )
    return selectors.member_get(scope=scope, pk=member_id)


@router.post("/{member_id}/readmit", response=MemberOut, summary="Kết nạp lại")
def readmit_member(request, member_id: int, payload: ReadmitIn):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=member_id)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    services.member_readmit(
        scope=scope,
        member=member,
        unit=unit,
        readmitted_on=payload.readmitted_on,
        decision_no=payload.decision_no,
    )
    return selectors.member_get(scope=scope, pk=member_id)


CARD_STEPS = {
    "request": services.card_request,
    "print": services.card_print,
    "hand_over": services.card_hand_over,
}


@router.post(
    "/{member_id}/card", response=MemberOut, summary="Cập nhật thẻ đoàn viên (request, print, hand_over)"
)
def card_step(request, member_id: int, payload: CardIn):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=member_id)
    if payload.step not in CARD_STEPS:
        raise ValidationError({"step": "Bước không hợp lệ (request, print, hand_over)."})
    CARD_STEPS[payload.step](scope=scope, member=member, on=payload.on)
    return selectors.member_get(scope=scope, pk=member_id)
