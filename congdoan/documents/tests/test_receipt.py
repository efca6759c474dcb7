import datetime as dt
import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from congdoan.core.scoping import Scope
from congdoan.documents import receipts
from congdoan.welfare import services
from congdoan.welfare.models import Payment

pytestmark = pytest.mark.django_db


def approved(tet, members, tree, approver=None):
    for member in members:
        services.payment_add(
            scope=Scope.for_user(tree.grassroots_officer),
            programme=tet,
            member=member,
            paid_on=dt.date(2026, 1, 20),
        )
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(approver or tree.commune_officer), programme=tet)


def test_receipt_list_prints_total_in_figures_and_words(tree, members, tet, login):
    approved(tet, members["g1"], tree)
    context = receipts.receipt_context(tet, Payment.objects.filter(programme=tet))
    assert context["total_text"] == "1.500.000 đ"
    assert context["total_words"] == "Một triệu năm trăm nghìn đồng"
    client = login(tree.commune_officer)
    xlsx = client.get(reverse("documents:welfare_receipt", args=[tet.pk, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = (
        CalamineWorkbook.from_filelike(
            io.BytesIO(b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content)
        )
        .get_sheet_by_index(0)
        .to_python()
    )
    text = " ".join(str(c) for row in rows for c in row)
    assert "Một triệu năm trăm nghìn đồng" in text and "Đoàn viên G1 số 0" in text


def test_receipt_pdf_renders(tree, members, tet, login):
    approved(tet, members["g1"][:1], tree)
    response = login(tree.commune_officer).get(reverse("documents:welfare_receipt", args=[tet.pk, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_receipt_keeps_its_path_and_refuses_other_formats(tree, members, tet, login):
    assert (
        reverse("documents:welfare_receipt", args=[tet.pk, "pdf"])
        == f"/welfare/programmes/{tet.pk}/receipt.pdf"
    )
    client = login(tree.commune_officer)
    assert client.get(f"/welfare/programmes/{tet.pk}/receipt.csv").status_code == 404
