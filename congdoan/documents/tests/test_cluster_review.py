"""The emulation cluster's year review: its member units' figures for its year, the totals, a summary
written from them; page, PDF and DOCX; a member's officer sees only the units in their scope."""

import datetime as dt
import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from congdoan.core.scoping import Scope
from congdoan.documents.cluster_review import cluster_totals
from congdoan.documents.facts import facts_for
from congdoan.members.tests.conftest import admit_active
from congdoan.org.services import cluster_save

D = dt.date
SUMMARY = (
    "Năm 2025, Cụm thi đua số 1 gồm 2 đơn vị thành viên, với 3 công đoàn cơ sở và 3 đoàn viên, "
    "trong đó nữ 2 người (chiếm 66,67 %)."
)


@pytest.fixture
def cluster(tree):
    for i in range(2):
        admit_active(tree.g1, on=D(2025, 3, 1), full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(tree.g3, on=D(2025, 5, 1), full_name="Vàng A Páo", gender="M")
    return cluster_save(
        scope=Scope.unrestricted(),
        owner=tree.lc,
        name="Cụm thi đua số 1",
        kind="cluster",
        year=2025,
        members=[tree.bt, tree.cd],
        head_unit=tree.bt,
    )


def test_the_totals_add_up_the_member_units_figures(tree, cluster):
    scope = Scope.for_user(tree.province_officer)
    table = cluster_totals(scope=scope, cluster=cluster, as_of=D(2026, 1, 5))
    assert table["headers"][:5] == ["CĐCS", "Đoàn viên", "Nữ", "Tỷ lệ nữ", "Kết nạp"]
    rows = {unit.code: cells for unit, cells in table["rows"]}
    assert rows[tree.bt.code][:5] == ["2", "2", "2", "100,00 %", "2"]
    assert rows[tree.cd.code][:5] == ["1", "1", "0", "0,00 %", "1"]
    assert table["totals"][:5] == ["3", "3", "2", "66,67 %", "3"]
    for unit in (tree.bt, tree.cd):  # each row is the unit's own fact table for the year
        facts = {
            f.key: f for f in facts_for(scope=scope, unit=unit, start=D(2025, 1, 1), end=D(2025, 12, 31))
        }
        assert rows[unit.code][1] == facts["members.total"].display
        assert rows[unit.code][4] == facts["members.admitted"].display
    assert table["hidden"] == 0
    assert table["sentences"] == [SUMMARY, "Trong năm, các đơn vị kết nạp 3 đoàn viên mới."]


def test_a_members_officer_sees_only_the_units_in_scope(tree, cluster):
    table = cluster_totals(scope=Scope.for_user(tree.commune_officer), cluster=cluster, as_of=D(2026, 1, 5))
    assert [unit for unit, _cells in table["rows"]] == [tree.bt] and table["hidden"] == 1
    assert table["totals"][1] == "2"


def test_page_pdf_and_docx_of_the_cluster_review(tree, cluster, client):
    client.force_login(tree.province_officer)
    dashboard = client.get(reverse("home:dashboard", args=[tree.bt.pk]), {"period": "year", "year": "2025"})
    url = reverse("documents:cluster_review", args=[cluster.pk])
    assert url in dashboard.content.decode()
    page = client.get(url).content.decode()
    assert SUMMARY in page and 'id="cluster-table"' in page and "66,67 %" in page
    pdf = client.get(reverse("documents:cluster_review_file", args=[cluster.pk, "pdf"]))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Tổng kết phong trào thi đua Cụm thi đua số 1 năm 2025" in text
    assert tree.bt.name.upper() in text and "TM. CỤM THI ĐUA" in text and "CỤM TRƯỞNG" in text
    assert "Cộng 3 3 2 66,67 % 3" in text
    word = client.get(reverse("documents:cluster_review_file", args=[cluster.pk, "docx"]))
    document = docx.Document(io.BytesIO(word.content))
    assert SUMMARY in [p.text for p in document.paragraphs]
    table = document.tables[1]
    assert [c.text for c in table.rows[-1].cells][:6] == ["Cộng", "3", "3", "2", "66,67 %", "3"]
    assert client.get(reverse("documents:cluster_review_file", args=[cluster.pk, "odt"])).status_code == 404
