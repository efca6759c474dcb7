"""An administrator's pages for the accounts of their subtree: list, create, edit, roles, passwords."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.accounts import selectors as account_selectors
from congdoan.accounts import services as account_services
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import fold
from congdoan.core.views import form_add_service_error, run_form
from congdoan.org import selectors as org_selectors

from .forms import AccountCreateForm, AccountFilterForm, IdentityForm, RoleGrantForm

PAGE_SIZE = 50


def manager_scope(request) -> Scope:
    scope = Scope.of(request)
    if not account_services.can_manage_accounts(scope):
        raise PermissionDenied(_("Chỉ quản trị của một đơn vị mới quản lý được tài khoản."))
    return scope


def administered_units(scope: Scope):
    """Units on which the user may give roles (their administered subtrees), shallowest first."""
    return scope.filter(org_selectors.all_units(), action=Action.ADMINISTER).order_by("depth", "name")


def _user_or_404(scope: Scope, pk: int):
    """An account in the administered subtrees; any other does not exist for this user (404 first, then 403)."""
    user = account_services.managed_users(scope).filter(pk=pk).first()
    if user is None:
        raise Http404
    return user


def _with_visible_roles(users, scope: Scope):
    return users.prefetch_related(
        Prefetch(
            "assignments",
            queryset=account_services.managed_assignments(scope).order_by("unit__depth", "unit__name"),
            to_attr="visible_roles",
        )
    )


@login_required
def account_list(request):
    scope = manager_scope(request)
    units = administered_units(scope)
    form = AccountFilterForm(request.GET or None, units=units)
    users = account_services.managed_users(scope)
    unit = None
    holders = []
    if form.is_valid():
        if text := fold(form.cleaned_data["q"]):
            users = users.filter(Q(search_text__contains=text) | Q(phone__contains=text))
        if not form.cleaned_data["inactive"]:
            users = users.filter(is_active=True)
        if unit := form.cleaned_data["unit"]:
            users = users.filter(assignments__unit__path__startswith=unit.path).distinct()
            # Who has access to this unit: roles on it and on the units above it (within one's own scope).
            holders = [
                a
                for a in account_services.managed_assignments(scope).filter(
                    unit__path__in=[unit.path[:i] for i in range(1, len(unit.path) + 1)]
                )
                if unit.path.startswith(a.unit.path)
            ]
    else:
        users = users.filter(is_active=True)
    page = Paginator(_with_visible_roles(users.order_by("full_name", "username"), scope), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "unit": unit, "holders": holders, "query": query.urlencode()}
    return render(request, "accounts/staff/list.html", context)


@login_required
def account_create(request):
    scope = manager_scope(request)
    form = AccountCreateForm(request.POST or None, units=administered_units(scope))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, password = account_services.user_create(scope=scope, **data)
        except ValidationError as exc:
            form_add_service_error(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return _password_page(request, user, password, created=True)
    return render(request, "accounts/staff/form.html", {"form": form, "title": _("Tạo tài khoản")})


def _password_page(request, user, password: str, *, created: bool):
    """The temporary password, shown once (never stored in clear, never in a redirect)."""
    response = render(
        request, "accounts/staff/password.html", {"account": user, "password": password, "created": created}
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_detail(request, pk: int):
    scope = Scope.of(request)
    account = _user_or_404(scope, pk)
    return _detail(request, scope, account, RoleGrantForm(units=administered_units(scope)))


def _detail(request, scope, account, role_form):
    roles = (
        account_services.managed_assignments(scope).filter(user=account).order_by("unit__depth", "unit__name")
    )
    other_roles = account.assignments.count() - roles.count()
    try:
        account_services.check_manage(scope, account)
        refusal = ""
    except PermissionDenied as exc:
        refusal = str(exc)
    context = {
        "account": account,
        "roles": roles,
        "other_roles": other_roles,
        "role_form": role_form,
        "refusal": refusal,
        "locked_out": account_selectors.is_locked_out(account.username),
        "has_otp": account_services.otp_device(account) is not None,
    }
    return render(request, "accounts/staff/detail.html", context)


@login_required
def account_edit(request, pk: int):
    scope = Scope.of(request)
    account = _user_or_404(scope, pk)
    initial = {f: getattr(account, f) for f in ("full_name", "position", "email", "phone")}
    form = IdentityForm(request.POST or None, initial=initial)
    return run_form(
        request,
        lambda data: (
            account_services.user_update(scope=scope, user=account, **data)
            and reverse("staff:detail", args=[account.pk])
        ),
        form=form,
        template="accounts/staff/form.html",
        context={"title": _("Sửa tài khoản %(u)s") % {"u": account.username}, "account": account},
        success=_("Đã lưu thông tin tài khoản."),
    )


def _button(request, pk: int, action, success: str):
    scope = Scope.of(request)
    account = _user_or_404(scope, pk)
    return run_form(
        request,
        lambda: action(scope, account),
        success=success,
        back=reverse("staff:detail", args=[account.pk]),
    )


@login_required
@require_POST
def account_deactivate(request, pk: int):
    return _button(
        request,
        pk,
        lambda scope, u: account_services.user_set_active(scope=scope, user=u, active=False),
        _("Đã khoá tài khoản: người dùng bị đăng xuất và khoá API của họ ngừng hoạt động ngay."),
    )


@login_required
@require_POST
def account_reactivate(request, pk: int):
    return _button(
        request,
        pk,
        lambda scope, u: account_services.user_set_active(scope=scope, user=u, active=True),
        _("Đã mở lại tài khoản: người dùng đăng nhập lại được bằng mật khẩu hiện có."),
    )


@login_required
@require_POST
def account_unlock(request, pk: int):
    return _button(
        request,
        pk,
        lambda scope, u: account_services.user_unlock(scope=scope, user=u),
        _("Đã mở khoá đăng nhập: người dùng đăng nhập lại được ngay."),
    )


@login_required
@require_POST
def account_otp_reset(request, pk: int):
    return _button(
        request,
        pk,
        lambda scope, u: account_services.otp_reset_by_admin(scope=scope, user=u),
        _("Đã tắt xác thực hai bước: người dùng đăng nhập bằng mật khẩu rồi bật lại với thiết bị mới."),
    )


@login_required
@require_POST
def account_reset_password(request, pk: int):
    scope = Scope.of(request)
    account = _user_or_404(scope, pk)
    try:
        password = account_services.password_reset_by_admin(scope=scope, user=account)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect("staff:detail", pk=pk)
    return _password_page(request, account, password, created=False)


@login_required
@require_POST
def role_add(request, pk: int):
    scope = Scope.of(request)
    account = _user_or_404(scope, pk)
    form = RoleGrantForm(request.POST, units=administered_units(scope))
    if form.is_valid():
        try:
            account_services.role_grant(scope=scope, user=account, **form.cleaned_data)
        except ValidationError as exc:
            form_add_service_error(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã phân quyền; người dùng thấy đơn vị này từ lần tải trang tới."))
            return redirect("staff:detail", pk=pk)
    return _detail(request, scope, account, form)


@login_required
@require_POST
def role_remove(request, pk: int):
    scope = Scope.of(request)
    assignment = account_services.managed_assignments(scope).filter(pk=pk).first()
    if assignment is None:
        raise Http404
    return run_form(
        request,
        lambda: account_services.role_revoke(scope=scope, assignment=assignment),
        success=_("Đã bỏ vai trò."),
        back=reverse("staff:detail", args=[assignment.user_id]),
    )
