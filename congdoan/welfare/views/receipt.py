"""The acknowledgement list (danh sách ký nhận) as PDF or XLSX."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404

from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import exports, selectors
from ..constants import PaymentStatus


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
