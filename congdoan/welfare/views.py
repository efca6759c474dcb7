"""Welfare pages. Thin: parse, call a selector or service, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.core.views import form_add_service_error
from congdoan.members.selectors import members_in_scope
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus

from . import exports, forms, selectors, services
from .constants import PaymentStatus, ProgrammeKind, RegistrationStatus
from .excel.tasks import recipient_import_start


def _service(request, form, action):
    """Run ``action(cleaned_data)`` if the form is valid; service errors land on the form. True on success."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        form_add_service_error(form, exc)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or _("Bạn không có quyền thực hiện thao tác này."))
        return False
    return True


def _units(scope):
    return org_selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE).order_by("path")


@login_required
def index(request):
    scope = Scope.of(request)
    kind = request.GET.get("kind", "")
    programmes = selectors.programme_list(scope=scope, kind=kind, q=request.GET.get("q", ""))
    page = Paginator(programmes, 30).get_page(request.GET.get("page"))
    return render(request, "welfare/index.html", {"page": page, "kinds": ProgrammeKind.choices, "kind": kind})


def _programme_form_page(request, programme=None):
    scope = Scope.of(request)
    owners = _units(scope)
    initial = {"start": today(), "end": today() + dt.timedelta(days=60)}
    if programme is not None:
        if not scope.can(programme.owner):
            raise PermissionDenied
        initial = {f: getattr(programme, f) for f in services.PROGRAMME_FIELDS}
        initial.update(owner=programme.owner_id, units=list(programme.units.values_list("pk", flat=True)))
    form = forms.ProgrammeForm(request.POST or None, owners=owners, initial=initial)
    if programme is not None:
        form.fields["owner"].disabled = True
    result = {}

    def action(data):
        fields = {f: data[f] for f in services.PROGRAMME_FIELDS}
        units = list(data["units"])
        if programme is None:
            result["p"] = services.programme_create(scope=scope, owner=data["owner"], units=units, **fields)
        else:
            result["p"] = services.programme_update(scope=scope, programme=programme, units=units, **fields)

    if _service(request, form, action):
        messages.success(request, _("Đã lưu chương trình."))
        return redirect(result["p"].get_absolute_url())
    title = _("Sửa chương trình") if programme else _("Lập chương trình chăm lo")
    return render(request, "welfare/form.html", {"form": form, "title": title, "programme": programme})


@login_required
def programme_new(request):
    return _programme_form_page(request)


@login_required
def programme_edit(request, pk: int):
    return _programme_form_page(request, selectors.programme_get(scope=Scope.of(request), pk=pk))


@login_required
def programme_detail(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    status = request.GET.get("status", "")
    payments = selectors.payment_list(
        scope=scope, programme=programme, status=status, q=request.GET.get("q", "")
    )
    page = Paginator(payments.order_by("status", "unit__path", "id"), 50).get_page(request.GET.get("page"))
    by_status = dict(
        payments.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    counts = [(label, by_status.get(value, 0)) for value, label in PaymentStatus.choices]
    context = {
        "programme": programme,
        "page": page,
        "status": status,
        "statuses": PaymentStatus.choices,
        "counts": counts,
        "funds": selectors.fund_usage(scope=scope, programme=programme),
        "houses": selectors.house_list(scope=scope, programme=programme)[:50],
        "n_registrations": selectors.registration_list(scope=scope, programme=programme).count(),
        "is_owner": scope.can(programme.owner),
        "is_house": programme.kind == ProgrammeKind.UNION_HOUSE,
    }
    return render(request, "welfare/programme_detail.html", context)


@login_required
def fund_new(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.FundForm(request.POST or None)

    def action(data):
        services.fund_add(scope=scope, programme=programme, **data)

    if _service(request, form, action):
        messages.success(request, _("Đã thêm nguồn kinh phí."))
        return redirect(programme.get_absolute_url())
    return render(
        request,
        "welfare/form.html",
        {"form": form, "title": _("Thêm nguồn kinh phí"), "programme": programme},
    )


@login_required
def pick(request, pk: int):
    """Add beneficiaries picked from the member registry (search, then tick)."""
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    q = request.GET.get("q", "")
    candidates = selectors.member_candidates(scope=scope, programme=programme, q=q)
    form = forms.PickMembersForm(
        request.POST or None,
        programme=programme,
        candidates=members_in_scope(scope=scope),
        initial={"paid_on": today()},
    )

    def action(data):
        services.payments_add_many(
            scope=scope,
            programme=programme,
            members=list(data["members"]),
            amount=data["amount"],
            paid_on=data["paid_on"],
            form=data["form"],
            fund=data["fund"],
        )

    if _service(request, form, action):
        messages.success(request, _("Đã thêm người được hỗ trợ vào danh sách."))
        return redirect(programme.get_absolute_url())
    return render(
        request, "welfare/pick.html", {"programme": programme, "form": form, "candidates": candidates, "q": q}
    )


@login_required
def import_list(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.ImportForm(
        request.POST or None,
        request.FILES or None,
        programme=programme,
        units=_units(scope).filter(path__startswith=programme.owner.path),
        initial={"paid_on": today()},
    )
    job = None

    def action(data):
        nonlocal job
        job = recipient_import_start(
            scope=scope,
            programme=programme,
            upload=data["file"],
            unit=data["unit"],
            paid_on=data["paid_on"],
            form=data["form"],
            fund=data["fund"],
        )

    if _service(request, form, action):
        return redirect(job.get_absolute_url())
    return render(request, "welfare/import.html", {"programme": programme, "form": form})


@login_required
@require_POST
def submit(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    try:
        n = services.payments_submit(scope=scope, programme=programme)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Đã gửi duyệt %(n)s khoản chi.") % {"n": n})
    return redirect(programme.get_absolute_url())


@login_required
def approve(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    if not scope.can(programme.owner):
        raise PermissionDenied
    pending = list(selectors.payment_list(scope=scope, programme=programme, status=PaymentStatus.SUBMITTED))
    warnings = selectors.duplicate_warnings(scope=scope, programme=programme, payments=pending)
    errors: list[str] = []
    if request.method == "POST":
        try:
            n = services.payments_approve(
                scope=scope,
                programme=programme,
                payments=pending,
                confirm_warnings=request.POST.get("confirm") == "1",
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Đã duyệt %(n)s khoản chi.") % {"n": n})
            return redirect(programme.get_absolute_url())
    context = {
        "programme": programme,
        "pending": pending,
        "total": sum(p.amount for p in pending),
        "warnings": warnings,
        "errors": errors,
    }
    return render(request, "welfare/approve.html", context)


@login_required
def payment_reverse(request, pk: int):
    scope = Scope.of(request)
    payment = selectors.payment_get(scope=scope, pk=pk)
    form = forms.ReverseForm(request.POST or None)

    def action(data):
        services.payment_reverse(scope=scope, payment=payment, reason=data["reason"])

    if _service(request, form, action):
        messages.success(request, _("Đã ghi bút toán điều chỉnh giảm."))
        return redirect(payment.programme.get_absolute_url())
    title = _("Điều chỉnh khoản chi cho %(n)s") % {"n": payment.beneficiary_name}
    return render(
        request, "welfare/form.html", {"form": form, "title": title, "programme": payment.programme}
    )


@login_required
@require_POST
def payment_delete(request, pk: int):
    scope = Scope.of(request)
    payment = selectors.payment_get(scope=scope, pk=pk)
    try:
        services.payment_delete(scope=scope, payment=payment)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect(payment.programme.get_absolute_url())


@login_required
def receipt(request, pk: int, fmt: str):
    """The acknowledgement list (danh sách ký nhận) of the approved, standing payments the user sees."""
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    status = request.GET.get("status") or PaymentStatus.APPROVED
    payments = (
        selectors.payment_list(scope=scope, programme=programme, status=status)
        .filter(reverses__isnull=True, is_reversed=False)
        .order_by("unit__path", "member__name_folded", "worker_name", "id")
    )
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    # The list is headed by the organising unit, or by the user's own unit when they print only their part.
    own = None if scope.can(programme.owner) else org_selectors.unit_roots(scope=scope).first()
    if fmt == "pdf":
        data = exports.receipt_pdf(programme, payments, unit=own)
    else:
        data = exports.receipt_xlsx(programme, payments, unit=own)
    return file_response(data, f"danh-sach-ky-nhan-{programme.pk}.{fmt}")


@login_required
def house_new(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.HouseForm(
        request.POST or None,
        units=_units(scope).filter(path__startswith=programme.owner.path),
        initial={"approved_on": today(), "approved_amount": programme.standard_amount or None},
    )

    def action(data):
        services.house_create(scope=scope, programme=programme, **data)

    if _service(request, form, action):
        messages.success(request, _("Đã lưu hồ sơ Mái ấm Công đoàn."))
        return redirect(programme.get_absolute_url())
    return render(
        request,
        "welfare/form.html",
        {"form": form, "title": _("Hồ sơ Mái ấm Công đoàn"), "programme": programme},
    )


@login_required
def house_detail(request, pk: int):
    scope = Scope.of(request)
    case = selectors.house_get(scope=scope, pk=pk)
    form = forms.HouseStageForm(request.POST or None, initial={"on": today()})

    def action(data):
        services.house_advance(scope=scope, case=case, stage=data["stage"], on=data["on"])

    if _service(request, form, action):
        messages.success(request, _("Đã cập nhật tiến độ."))
        return redirect(f"/welfare/houses/{case.pk}/")
    return render(request, "welfare/house_detail.html", {"case": case, "form": form})


@login_required
def registrations(request):
    scope = Scope.of(request)
    status = request.GET.get("status", RegistrationStatus.PENDING)
    rows = selectors.registration_list(scope=scope, status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "welfare/registrations.html",
        {"page": page, "status": status, "statuses": RegistrationStatus.choices},
    )


@login_required
@require_POST
def registration_decide(request, pk: int):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=pk)
    try:
        services.registration_decide(
            scope=scope,
            registration=registration,
            approve=request.POST.get("decision") == "approve",
            note=request.POST.get("note", ""),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Đã xét đăng ký."))
    return redirect("welfare:registrations")


REGISTRATION_LIMIT = 5  # attempts per IP address …
REGISTRATION_WINDOW = 15 * 60  # … per 15 minutes


def throttle(ip: str) -> None:
    """Count one registration attempt from ``ip``; past the limit, a Vietnamese error (code "throttled")."""
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


def _client_ip(request) -> str:
    # REMOTE_ADDR only: a forwarded header is set by the client and would let anyone dodge the throttle.
    return request.META.get("REMOTE_ADDR", "")


def register(request):
    """The public page where members apply to a programme with their member code and CCCD."""
    form = forms.RegistrationForm(request.POST or None, programmes=selectors.open_registration_programmes())
    done, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            throttle(_client_ip(request))
            done = services.registration_create(
                programme=form.cleaned_data["programme"],
                member_code=form.cleaned_data["member_code"],
                cccd=form.cleaned_data["cccd"],
            )
        except ValidationError as exc:
            form_add_service_error(form, exc)
            status = 429 if getattr(exc, "code", None) == "throttled" else 200
    return render(request, "welfare/register.html", {"form": form, "done": done}, status=status)


@login_required
def figures(request):
    scope = Scope.of(request)
    units = _units(scope)
    form = forms.FiguresForm(request.GET or None, units=units)
    roots = list(org_selectors.unit_roots(scope=scope))
    unit = roots[0] if roots else None
    year = today().year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if form.is_valid():
        unit = form.cleaned_data["unit"] or unit
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    if unit is None:
        raise PermissionDenied
    data = selectors.welfare_figures(scope=scope, unit=unit, start=start, end=end)
    children = selectors.welfare_figures_children(scope=scope, unit=unit, start=start, end=end)
    if request.GET.get("format") == "xlsx":
        return file_response(exports.figures_xlsx(data, children), f"so-lieu-cham-lo-{unit.code}.xlsx")
    context = {"form": form, "f": data, "children": children, "unit": unit, "start": start, "end": end}
    return render(request, "welfare/figures.html", context)
