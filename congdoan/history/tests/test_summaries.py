"""Past years' summary figures: refusals table-tested, the Excel import all or nothing and scope-checked,
totals that never add a unit's summary to its parent's (recount on random data), facts flagged."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from congdoan.history import selectors, services
from congdoan.history.excel import summary_rows
from congdoan.history.models import SummaryFigure, YearSummary
from congdoan.org.selectors import units_by_codes

pytestmark = pytest.mark.django_db
SYSTEM = Scope.unrestricted()


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("case", "year", "values", "error"),
    [
        ("this year", "now", {"members_admitted": 1}, "chỉ dành cho các năm đã qua"),
        ("before founding", 1990, {"members_admitted": 1}, "không hoạt động trong năm 1990"),
        ("negative", 2023, {"members_admitted": -5}, "giá trị phải từ 0"),
        ("unknown item", 2023, {"bogus": 1}, "không có"),
    ],
)
def test_summary_refusals(tree, case, year, values, error):
    year = today().year if year == "now" else year
    with pytest.raises(ValidationError, match=error):
        services.summary_save(
            scope=Scope.for_user(tree.commune_officer), unit=tree.g1, year=year, values=values
        )
    assert not YearSummary.objects.exists()


def test_outside_the_scope_is_refused_and_a_stale_edit_conflicts(tree):
    with pytest.raises(PermissionDenied):
        services.summary_save(
            scope=Scope.for_user(tree.grassroots_officer), unit=tree.g2, year=2023, values={}
        )
    summary = services.summary_save(scope=SYSTEM, unit=tree.g1, year=2023, values={"members_admitted": 10})
    seen = summary.version
    services.summary_save(
        scope=SYSTEM, unit=tree.g1, year=2023, values={"members_admitted": 12}, version=seen
    )
    with pytest.raises(ValidationError, match="người khác sửa"):
        services.summary_save(
            scope=SYSTEM, unit=tree.g1, year=2023, values={"members_admitted": 99}, version=seen
        )
    assert SummaryFigure.objects.get().value == 12


HEADER = [
    "Mã đơn vị",
    "Năm",
    "Kết nạp đoàn viên mới",
    "Chăm lo: Quà Tết, Tết Sum vầy",
    "Khen thưởng cấp tỉnh, ngành",
]


def run_import(tree, rows, user):
    parsed = summary_rows(workbook([HEADER, *rows]))
    units = units_by_codes({r["unit_code"] for r in parsed if r["unit_code"]}, ignore_case=True)
    return services.summaries_import(scope=Scope.for_user(user), rows=parsed, units=units)


def test_the_import_is_all_or_nothing_and_a_unit_outside_the_scope_is_a_row_error(tree):
    rows = [
        ["LCI.BT.001", 2023, 35, "120.000.000", 2],
        ["DNG.HC.001", 2023, 50, None, None],
        ["LCI.BT.002", "năm ngoái", 10, None, None],
        ["LCI.BT.002", 2023, "1,5", None, None],
    ]
    with pytest.raises(ValidationError) as caught:
        run_import(tree, rows, tree.commune_officer)
    messages = caught.value.messages
    assert "Dòng 3: đơn vị “DNG.HC.001” không có hoặc ngoài phạm vi của bạn." in messages
    assert any(m.startswith("Dòng 4: Năm:") for m in messages)
    assert any(m.startswith("Dòng 5: Kết nạp đoàn viên mới:") for m in messages)
    assert not YearSummary.objects.exists()
    made = run_import(tree, [rows[0], ["lci.bt.002", 2023, 12, "30.000.000", None]], tree.commune_officer)
    assert len(made) == 2
    totals = selectors.summary_totals(scope=SYSTEM, unit=tree.bt, year=2023)
    assert totals == {"members_admitted": 47, "welfare_tet": 150_000_000, "awards_provincial": 2}


def test_a_year_becomes_facts_flagged_as_summary_figures(tree):
    services.summary_save(
        scope=SYSTEM, unit=tree.bt, year=2023, values={"members_admitted": 80, "welfare_tet": 5_000_000}
    )
    facts = facts_for(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.lc,
        start=dt.date(2023, 1, 1),
        end=dt.date(2023, 12, 31),
        previous=False,
    )
    flagged = {f.key: f for f in facts if f.summary}
    assert flagged["history.members_admitted"].value == 80
    assert flagged["history.members_admitted"].label == "Kết nạp đoàn viên mới (số liệu tổng hợp)"
    assert flagged["history.welfare_tet"].unit == "đồng" and flagged["history.welfare_tet"].area == "welfare"
    assert all(not f.summary for f in facts if not f.key.startswith("history."))
    half = facts_for(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2023, 1, 1), end=dt.date(2023, 6, 30), previous=False
    )
    assert not [f for f in half if f.summary]  # a summary is a whole year's


def test_pages_show_edit_and_import(tree, login):
    client = login(tree.commune_officer)
    response = client.post(
        reverse("history:edit", args=[tree.g1.pk, 2023]),
        {"members_admitted": "35", "welfare_tet": "120.000.000", "note": "Báo cáo tổng kết 2023"},
    )
    assert response.status_code == 302, response.content.decode()
    page = client.get(reverse("history:index"), {"year": 2023}).content.decode()
    assert "Số liệu tổng hợp" in page and "120.000.000" in page
    bad = io.BytesIO(workbook([HEADER, ["DNG.HC.001", 2023, 5, None, None]]))
    response = client.post(reverse("history:import"), {"file": bad})
    assert "ngoài phạm vi của bạn" in response.content.decode()
    xlsx = client.get(reverse("history:index"), {"year": 2023, "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert "Số liệu tổng hợp" in sheet["A1"].value
    api = client.get("/api/v1/history/summaries", {"year": 2023}).json()
    assert api["count"] == 1 and api["items"][0]["summary"] is True


entries = st.lists(
    st.tuples(st.sampled_from(["lc", "bt", "cd", "g1", "g2", "g3"]), st.integers(0, 10_000)),
    min_size=1,
    max_size=6,
    unique_by=lambda e: e[0],
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=entries)
def test_a_total_takes_the_highest_summaries_and_never_adds_twice(tree, entries):
    YearSummary.objects.all().delete()
    for name, value in entries:
        services.summary_save(
            scope=SYSTEM, unit=getattr(tree, name), year=2023, values={"members_admitted": value}
        )
    given_ = {getattr(tree, name).path: value for name, value in entries}
    for root in (tree.root, tree.lc, tree.bt, tree.cd, tree.g1):
        # Recount: a summary counts when no unit above it (within root's subtree) has one.
        expected = sum(
            value
            for path, value in given_.items()
            if path.startswith(root.path)
            and not any(
                other != path and path.startswith(other) and other.startswith(root.path) for other in given_
            )
        )
        totals = selectors.summary_totals(scope=SYSTEM, unit=root, year=2023)
        assert totals.get("members_admitted", 0) == expected
