"""Excel pages of the member registry: the import template, the upload, and the export of a filtered list
(answered at once when small, else a Job: ``excel.tasks``)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.members.exports import inline_rows
from congdoan.org import selectors as org_selectors

from . import export, forms
from .tasks import member_export_count, member_export_name, member_export_start, member_import_start
from .workbooks import template_workbook


def _import_units(scope: Scope):
    """The units a user may import for: their assigned units where they are at least an officer."""
    roots = org_selectors.unit_roots(scope=scope)
    return roots.filter(pk__in=[u.pk for u in roots if scope.can(u)])


@login_required
@require_GET
def excel_template(request):
    scope = Scope.of(request)
    units = member_selectors.grassroots_in_scope(scope=scope).values_list("code", "name")[:5000]
    data = template_workbook(units=list(units))
    return file_response(data, "mau-nhap-doan-vien.xlsx")


@login_required
def import_upload(request):
    scope = Scope.of(request)
    units = _import_units(scope)
    if not units.exists():
        raise PermissionDenied(_("Bạn chỉ có quyền xem, không nhập được danh sách đoàn viên."))
    form = forms.ImportForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = member_import_start(scope=scope, unit=form.cleaned_data["unit"], upload=upload)
        return redirect(job.get_absolute_url())
    return render(request, "members/excel/import.html", {"form": form, "today": today()})


@login_required
@require_GET
def export_members(request):
    """The member list filtered as on the search page, as an .xlsx (streamed row by row by xlsxwriter)."""
    scope = Scope.of(request)
    filters = export.filters_from_query(request.GET)
    rows = member_export_count(scope=scope, filters=filters)
    if rows > inline_rows():
        query = {key: request.GET.get(key) for key in request.GET}
        job = member_export_start(scope=scope, query=query, rows=rows)
        return redirect(job.get_absolute_url())
    data = export.export_workbook(
        scope=scope, filters=filters, include_party=export.party_asked(request.GET, scope)
    )
    return file_response(data, member_export_name())
