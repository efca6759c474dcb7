"""Đạt chuẩn văn hoá: API routes, scoped as the pages."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import api_version_field, idempotent_create, responses, update_or_conflict
from congdoan.core.dates import today
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from . import selectors, services

router = Router(tags=["Đạt chuẩn văn hoá"])


class CultureCriterionOut(Schema):
    id: int
    culture_type: str
    number: int
    title: str
    description: str
    valid_from: dt.date
    valid_to: dt.date | None


class CultureAuthorityOut(Schema):
    id: int
    name: str
    valid_from: dt.date
    valid_to: dt.date | None


class CultureAssessmentOut(Schema):
    criterion_id: int
    number: int
    title: str
    met: bool
    note: str


class CultureRecognitionOut(Schema):
    id: int
    registration_id: int
    unit_id: int
    year: int
    culture_type: str
    authority_id: int
    authority: str
    number: str
    issued_on: dt.date
    kind: str
    valid_until: dt.date
    revoked_on: dt.date | None
    revoke_number: str
    revoke_reason: str

    @staticmethod
    def resolve_authority(obj):
        return obj.authority.name


class CultureRegistrationOut(Schema):
    id: int
    unit_id: int
    unit_code: str
    unit_name: str
    year: int
    culture_type: str
    registered_on: dt.date
    note: str
    version: int = Field(..., description="Gửi lại khi ghi tự đánh giá (PUT) để không ghi đè người khác.")

    @staticmethod
    def resolve_unit_code(obj):
        return obj.unit.code

    @staticmethod
    def resolve_unit_name(obj):
        return obj.unit.name


class CultureRegistrationDetailOut(CultureRegistrationOut):
    assessments: list[CultureAssessmentOut]
    eligible: bool
    eligibility_kind: str | None
    eligibility_reasons: list[str]
    recognition: CultureRecognitionOut | None

    @staticmethod
    def resolve_assessments(obj):
        return [
            {
                "criterion_id": row["criterion"].pk,
                "number": row["criterion"].number,
                "title": row["criterion"].title,
                "met": row["met"],
                "note": row["note"],
            }
            for row in selectors.assessment_grid(obj)
        ]

    @staticmethod
    def resolve_eligible(obj):
        return selectors.eligibility_of(obj).eligible

    @staticmethod
    def resolve_eligibility_kind(obj):
        return selectors.eligibility_of(obj).kind

    @staticmethod
    def resolve_eligibility_reasons(obj):
        return selectors.eligibility_of(obj).reasons

    @staticmethod
    def resolve_recognition(obj):
        return selectors.recognition_list(scope=Scope.unrestricted()).filter(registration=obj).first()


class CultureRegistrationIn(Schema):
    unit_id: int
    year: ApiYear
    culture_type: str
    registered_on: ApiDate | None = None
    note: str = Field("", max_length=255)


class CultureAssessmentItemIn(Schema):
    criterion_id: int
    met: bool
    note: str = Field("", max_length=500)


class CultureAssessmentIn(Schema):
    items: list[CultureAssessmentItemIn] = Field(..., max_length=50)
    version: int | None = api_version_field()


class CultureRecognitionIn(Schema):
    authority_id: int
    number: str = Field(..., max_length=64)
    issued_on: ApiDate


class CultureRevocationIn(Schema):
    revoked_on: ApiDate
    reason: str = Field(..., max_length=500)
    number: str = Field("", max_length=64)


class CultureChildOut(Schema):
    unit_id: int
    unit_name: str
    is_self: bool
    grassroots: int
    registered: int
    recognised: int


class CultureTypeCountOut(Schema):
    culture_type: str
    label: str
    registered: int


class CultureFiguresOut(Schema):
    unit_id: int
    year: int
    day: dt.date
    grassroots: int
    registered: int
    recognised: int
    decided: int
    registered_share: float | None
    recognised_share: float | None
    by_type: list[CultureTypeCountOut]
    children: list[CultureChildOut]


@router.get("/criteria", response=list[CultureCriterionOut], summary="Bộ tiêu chí (theo năm áp dụng)")
@paginate(LimitOffset)
def list_criteria(request, culture_type: str = "", year: ApiYear | None = None):
    if year and culture_type:
        return selectors.criteria_for(culture_type=culture_type, year=year)
    qs = selectors.criterion_list()
    return qs.filter(culture_type=culture_type) if culture_type else qs


@router.get("/authorities", response=list[CultureAuthorityOut], summary="Thẩm quyền công nhận")
@paginate(LimitOffset)
def list_authorities(request, on: ApiDate | None = None):
    return selectors.authorities_on(on) if on else selectors.authority_list()


@router.get("/registrations", response=list[CultureRegistrationOut], summary="Đăng ký đạt chuẩn văn hoá")
@paginate(LimitOffset)
def list_registrations(
    request, year: ApiYear | None = None, unit_id: int | None = None, culture_type: str = ""
):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    return selectors.registration_list(scope=scope, year=year, unit=unit, culture_type=culture_type)


@router.get(
    "/registrations/{registration_id}",
    response=CultureRegistrationDetailOut,
    summary="Chi tiết đăng ký, tự đánh giá và điều kiện công nhận",
)
def get_registration(request, registration_id: int):
    return selectors.registration_get(scope=Scope.of(request), pk=registration_id)


@router.post("/registrations", response={201: CultureRegistrationOut}, summary="Đăng ký")
def create_registration(request, payload: CultureRegistrationIn):
    """Một đơn vị một lần mỗi năm. Header ``Idempotency-Key``: gửi lại cùng khoá trả về đăng ký đã có."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    registration = idempotent_create(
        request,
        lambda: services.registration_create(
            scope=scope,
            unit=unit,
            year=payload.year,
            culture_type=payload.culture_type,
            registered_on=payload.registered_on or today(),
            note=payload.note,
        ),
        lambda pk: selectors.registration_get(scope=scope, pk=pk),
    )
    return 201, registration


@router.put(
    "/registrations/{registration_id}/assessment",
    response=responses(CultureRegistrationDetailOut),
    summary="Ghi tự đánh giá từng tiêu chí",
)
def put_assessment(request, registration_id: int, payload: CultureAssessmentIn):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=registration_id)
    items = {item.criterion_id: (item.met, item.note) for item in payload.items}
    return update_or_conflict(
        lambda: services.registration_assess(
            scope=scope, registration=registration, items=items, version=payload.version
        ),
        lambda: selectors.registration_get(scope=scope, pk=registration_id),
    )


@router.post(
    "/registrations/{registration_id}/recognition",
    response={201: CultureRecognitionOut},
    summary="Ghi quyết định công nhận",
)
def create_recognition(request, registration_id: int, payload: CultureRecognitionIn):
    """Cấp trên ghi quyết định của cơ quan có thẩm quyền; đơn vị phải đủ điều kiện (xem ``eligible``)."""
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=registration_id)
    authority = get_object_or_404(selectors.authority_list(), pk=payload.authority_id)
    recognition = idempotent_create(
        request,
        lambda: services.recognition_record(
            scope=scope,
            registration=registration,
            authority=authority,
            number=payload.number,
            issued_on=payload.issued_on,
        ),
        lambda pk: selectors.recognition_get(scope=scope, pk=pk),
    )
    return 201, recognition


@router.post(
    "/recognitions/{recognition_id}/revoke", response=CultureRecognitionOut, summary="Thu hồi công nhận"
)
def revoke_recognition(request, recognition_id: int, payload: CultureRevocationIn):
    scope = Scope.of(request)
    recognition = selectors.recognition_get(scope=scope, pk=recognition_id)
    services.recognition_revoke(
        scope=scope,
        recognition=recognition,
        revoked_on=payload.revoked_on,
        reason=payload.reason,
        number=payload.number,
    )
    return selectors.recognition_get(scope=scope, pk=recognition_id)


@router.get("/figures", response=CultureFiguresOut, summary="Số liệu: đăng ký, được công nhận, tỷ lệ")
def figures(request, unit_id: int, year: ApiYear | None = None):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.culture_figures(scope=scope, unit=unit, year=year or today().year)
    return {
        **{k: data[k] for k in ("year", "day", "grassroots", "registered", "recognised", "decided")},
        "unit_id": unit.pk,
        "registered_share": data["registered_share"],
        "recognised_share": data["recognised_share"],
        "by_type": [
            {"culture_type": c, "label": str(label), "registered": n} for c, label, n in data["by_type"]
        ],
        "children": [
            {
                "unit_id": r["unit"].pk,
                "unit_name": r["unit"].name,
                "is_self": r["is_self"],
                "grassroots": r["grassroots"],
                "registered": r["registered"],
                "recognised": r["recognised"],
            }
            for r in data["children"]
        ],
    }
