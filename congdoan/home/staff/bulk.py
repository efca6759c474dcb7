"""Accounts for many grassroots unions at once from an Excel file, with the list of initial passwords."""

import base64

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.accounts import excel
from congdoan.accounts import services as account_services
from congdoan.core.files import file_response
from congdoan.core.views import form_add_service_error
from congdoan.org import selectors as org_selectors

from .forms import BulkForm
from .views import administered_units, manager_scope


@login_required
def bulk_template(request):
    manager_scope(request)
    return file_response(excel.template_xlsx(), _("Mẫu tạo tài khoản.xlsx"))


@login_required
def bulk_create(request):
    scope = manager_scope(request)
    form = BulkForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = excel.read_rows(form.cleaned_data["file"])
            codes = {r.values.get("code", "") for r in rows}
            found = org_selectors.units_by_codes(codes, ignore_case=True)
            allowed = set(
                administered_units(scope)
                .filter(pk__in=[u.pk for u in found.values()])
                .values_list("pk", flat=True)
            )
            units_by_code = {code: unit for code, unit in found.items() if unit.pk in allowed}
            created = account_services.accounts_bulk_create(
                scope=scope, rows=rows, units_by_code=units_by_code
            )
        except ValidationError as exc:
            form_add_service_error(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            # The workbook travels inside the page (a data: link): initial passwords are never stored.
            data = base64.b64encode(excel.passwords_xlsx(created)).decode()
            response = render(
                request,
                "accounts/staff/bulk_result.html",
                {"created": created, "xlsx_data": data, "filename": _("Mật khẩu ban đầu.xlsx")},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "accounts/staff/bulk.html", {"form": form})
