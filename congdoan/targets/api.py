"""API of targets and periodic reports. Thin: every read through a scoped selector, every write a service."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import VersionConflict, responses, update_or_conflict
from congdoan.core.dates import today
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Scope
from congdoan.jobs import selectors as job_selectors
from congdoan.jobs.api import JobOut
from congdoan.org import selectors as org_selectors

from . import selectors, services, tasks
from .models import ReportForm
from .periods import parse_period

router = Router(tags=["Chỉ tiêu và báo cáo"])


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    unit_of_measure: str
    aggregation: str
    direction: str
    source: str
    computed_code: str
    valid_from: dt.date
    valid_to: dt.date | None


class FormItemOut(Schema):
    indicator_id: int
    order: int


class FormOut(Schema):
    id: int
    code: str
    name: str
    period_type: str
    deadline_days: int
    items: list[FormItemOut] = Field(..., alias="items.all")


class ValueOut(Schema):
    indicator_id: int
    code: str = Field(..., alias="indicator.code")
    name: str
    unit_of_measure: str
    value: Decimal | None
    comment: str
    is_computed: bool


class ReportOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    form_id: int
    period_start: dt.date
    period_end: dt.date
    status: str
    version: int
    return_reason: str
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None


class ReportDetailOut(ReportOut):
    values: list[ValueOut] = Field(..., alias="values.all")


class OpenIn(Schema):
    unit_id: int
    form_id: int
    period: str


class EntryIn(Schema):
    version: int
    values: dict[int, str | float | int | None] = {}
    comments: dict[int, str] = {}


class ReportReasonIn(Schema):
    reason: str


class AssignIn(Schema):
    assigned_by_id: int
    year: int
    decision_no: str
    decision_date: dt.date | None = None
    targets: list[dict]  # {"unit_id", "indicator_id", "value"}
    grid_version: str | None = Field(
        None,
        description="grid_version trả về ở lần giao trước: nếu đơn vị khác đã giao lại sau đó, trả 422 kèm "
        "các chỉ tiêu hiện tại (current) và không ghi gì.",
    )


class TargetOut(Schema):
    unit_id: int
    indicator_id: int
    year: int
    value: Decimal
    decision_no: str
    assigned_by_id: int


class EvaluationItemOut(Schema):
    unit_id: int
    indicator_id: int
    code: str
    target: Decimal
    actual: Decimal | None
    percent: Decimal | None
    status: str
    provisional: bool
    last_year: Decimal | None


class FigureOut(Schema):
    value: Decimal | None
    provisional: bool


class ChildFigureOut(FigureOut):
    unit_id: int


class RollupRowOut(Schema):
    indicator_id: int
    code: str
    own: Decimal | None
    children: FigureOut
    per_child: list[ChildFigureOut]


class RollupOut(Schema):
    unit_id: int
    period: str
    structure: str
    approved_units: int
    expected_units: int
    rows: list[RollupRowOut]


class EvaluationOut(Schema):
    unit_id: int
    year: int
    achieved: int
    total: int
    results: list[EvaluationItemOut]


def _period(text: str):
    try:
        return parse_period(text)
    except ValueError as exc:
        raise ValidationError({"period": str(exc)}) from exc


@router.get("/indicators", response=list[IndicatorOut])
@paginate(LimitOffset)
def indicators(request):
    return selectors.indicator_list(scope=Scope.of(request))


@router.get("/forms", response=list[FormOut])
@paginate(LimitOffset)
def forms(request):
    return selectors.form_list(scope=Scope.of(request))


@router.get("/assignments", response=list[TargetOut])
@paginate(LimitOffset)
def assignments(request, unit_id: int, year: ApiYear):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    return selectors.targets_received(scope=scope, unit=unit, year=year)


@router.post("/assignments", response={200: dict, 422: dict})
def assign(request, payload: AssignIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.assigned_by_id)
    values = {(int(t["unit_id"]), int(t["indicator_id"])): t.get("value") for t in payload.targets}
    try:
        n = services.target_assign(
            scope=scope,
            assigned_by=unit,
            year=payload.year,
            decision_no=payload.decision_no,
            decision_date=payload.decision_date,
            values=values,
            grid_version=payload.grid_version,
        )
    except VersionConflict as exc:
        given = unit.targets_given.filter(year=payload.year).order_by("unit_id", "indicator_id")
        current = {
            "grid_version": services.target_grid_version(assigned_by=unit, year=payload.year),
            "targets": [TargetOut.from_orm(t).dict() for t in given],
        }
        return 422, {"detail": {"__all__": exc.messages}, "current": current}
    return 200, {
        "saved": n,
        "grid_version": services.target_grid_version(assigned_by=unit, year=payload.year),
    }


def _require_xlsx(file) -> None:
    if file is None:
        raise ValidationError({"file": _("Hãy chọn tệp Excel.")})
    if not (file.name or "").lower().endswith(".xlsx"):
        raise ValidationError({"file": _("Chỉ nhận tệp Excel .xlsx.")})


@router.post(
    "/assignments/import",
    response={202: JobOut},
    summary="Nhập chỉ tiêu giao từ tệp Excel (chạy nền; theo dõi bằng GET /jobs/{id})",
)
def assign_import(
    request,
    assigned_by_id: Form[int],
    year: Form[ApiYear],
    decision_no: Form[str],
    file: File[UploadedFile],
    decision_date: Form[ApiDate | None] = None,
):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=assigned_by_id)
    _require_xlsx(file)
    params = {
        "year": year,
        "decision_no": decision_no,
        "decision_date": decision_date.isoformat() if decision_date else None,
    }
    job = tasks.job_start(scope=scope, kind=tasks.TARGET_IMPORT, unit=unit, params=params, upload=file)
    return 202, job_selectors.job_get(scope=scope, pk=job.pk)


@router.get("/reports", response=list[ReportOut])
@paginate(LimitOffset)
def reports(request, unit_id: int | None = None, status: str = "", period: str = ""):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    period_value = _period(period) if period else None
    return selectors.report_list(scope=scope, unit=unit, status=status, period=period_value)


@router.post("/reports", response=ReportDetailOut)
def report_open(request, payload: OpenIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    form = get_object_or_404(ReportForm, pk=payload.form_id, is_active=True)
    return services.report_open(scope=scope, unit=unit, form=form, period=_period(payload.period))


@router.get("/reports/{report_id}", response=ReportDetailOut)
def report_detail(request, report_id: int):
    return selectors.report_get(scope=Scope.of(request), pk=report_id)


@router.put("/reports/{report_id}", response=responses(ReportDetailOut))
def report_entry(request, report_id: int, payload: EntryIn):
    """A ``version`` other than the report's current one (somebody saved since): 422 with the current report."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=report_id)
    return update_or_conflict(
        lambda: services.report_save_draft(
            scope=scope,
            report=report,
            version=payload.version,
            values=payload.values,
            comments=payload.comments,
        ),
        lambda: selectors.report_get(scope=scope, pk=report_id),
    )


@router.post("/reports/{report_id}/submit", response=ReportOut)
def report_submit(request, report_id: int):
    scope = Scope.of(request)
    return services.report_submit(scope=scope, report=selectors.report_get(scope=scope, pk=report_id))


@router.post("/reports/{report_id}/approve", response=ReportOut)
def report_approve(request, report_id: int):
    scope = Scope.of(request)
    return services.report_approve(scope=scope, report=selectors.report_get(scope=scope, pk=report_id))


@router.post("/reports/{report_id}/return", response=ReportOut)
def report_return(request, report_id: int, payload: ReportReasonIn):
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=report_id)
    return services.report_return(scope=scope, report=report, reason=payload.reason)


@router.post("/reports/{report_id}/reopen", response=ReportOut)
def report_reopen(request, report_id: int, payload: ReportReasonIn):
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=report_id)
    return services.report_reopen(scope=scope, report=report, reason=payload.reason)


@router.post(
    "/reports/{report_id}/import",
    response={202: JobOut},
    summary="Nhập số liệu báo cáo từ tệp Excel (chạy nền; theo dõi bằng GET /jobs/{id})",
)
def report_import(request, report_id: int, file: File[UploadedFile] = None, version: Form[int | None] = None):
    # The file is optional in the signature so that a report out of scope answers 404, not 422.
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=report_id)
    _require_xlsx(file)
    params = {"report_id": report.pk, "version": version}
    job = tasks.job_start(scope=scope, kind=tasks.REPORT_IMPORT, unit=report.unit, params=params, upload=file)
    return 202, job_selectors.job_get(scope=scope, pk=job.pk)


@router.get("/rollups/{unit_id}", response=RollupOut)
def rollup(request, unit_id: int, form_id: int | None = None, period: str = "", structure: str = "now"):
    """Own entries, the children's approved aggregate and each child's figure, marked provisional if incomplete.

    Without ``form_id``/``period``: the first active form and its last finished period.
    """
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    form = (
        selectors.form_get(scope=scope, pk=form_id) if form_id else selectors.form_list(scope=scope).first()
    )
    if form is None:
        raise Http404
    p = _period(period) if period else selectors.current_period(form.period_type)
    view = selectors.rollup_view(scope=scope, unit=unit, form=form, period=p, structure=structure)
    rows = [
        {
            "indicator_id": r["indicator"].pk,
            "code": r["indicator"].code,
            "own": r["own"],
            "children": {"value": r["children"].value, "provisional": r["children"].provisional},
            "per_child": [
                {"unit_id": k.pk, "value": f.value, "provisional": f.provisional} for k, f in r["per_child"]
            ],
        }
        for r in view["rows"]
    ]
    return {
        "unit_id": unit.pk,
        "period": p.key,
        "structure": view["structure"],
        "approved_units": view["approved_units"],
        "expected_units": view["expected_units"],
        "rows": rows,
    }


@router.get("/evaluations/{unit_id}", response=EvaluationOut)
def evaluation(request, unit_id: int, year: ApiYear | None = None):
    scope = Scope.of(request)
    year = year or today().year
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.evaluation(scope=scope, unit=unit, year=year)
    return {
        "unit_id": unit.pk,
        "year": year,
        "achieved": data["headline"][0],
        "total": data["headline"][1],
        "results": [
            {
                "unit_id": unit.pk,
                "indicator_id": r.indicator.pk,
                "code": r.indicator.code,
                **{
                    k: getattr(r, k)
                    for k in ("target", "actual", "percent", "status", "provisional", "last_year")
                },
            }
            for r in data["results"]
        ],
    }
