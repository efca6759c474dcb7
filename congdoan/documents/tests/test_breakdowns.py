"""The charts beyond the fact table: members at each month's end, recruitment against target by child
unit, report completeness by child unit; on the dashboard and in the review draft, each with its table."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from congdoan.core.scoping import Scope
from congdoan.documents.breakdowns import (
    completeness_by_child,
    members_over_time,
    points_in_time,
    recruitment_by_child,
)
from congdoan.documents.facts import facts_for
from congdoan.documents.narrative import sentences
from congdoan.members import stats
from congdoan.members.tests.conftest import admit_active
from congdoan.targets.constants import Source, UnitOfMeasure
from congdoan.targets.models import Report
from congdoan.targets.services import target_assign
from congdoan.targets.tests.conftest import fill, make_indicator

D = dt.date
SYSTEM = Scope.unrestricted()


@pytest.mark.parametrize(
    ("start", "end", "as_of", "expected"),
    [
        (D(2025, 1, 1), D(2025, 12, 31), D(2026, 1, 5), [f"{m:02d}/2025" for m in range(1, 13)]),
        (D(2025, 1, 1), D(2025, 12, 31), D(2025, 3, 15), ["01/2025", "02/2025", "15/03/2025"]),
        (D(2025, 1, 1), D(2025, 3, 31), D(2025, 3, 31), ["01/2025", "02/2025", "03/2025"]),
        (D(2025, 1, 15), D(2025, 2, 10), D(2026, 1, 1), ["01/2025", "10/02/2025"]),
        (
            D(2023, 1, 1),
            D(2025, 12, 31),
            D(2026, 1, 1),
            [f"{m:02d}/{y}" for y in (2023, 2024, 2025) for m in (3, 6, 9, 12)],
        ),
        (D(2025, 1, 1), D(2025, 12, 31), D(2024, 12, 31), []),
    ],
)
def test_points_in_time_are_month_ends_up_to_today(start, end, as_of, expected):
    assert [label for label, _day in points_in_time(start, end, as_of)] == expected


@pytest.fixture
def records(tree):
    for i in range(2):
        admit_active(tree.g1, on=D(2025, 3, 10), full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(tree.g3, on=D(2025, 7, 20), full_name="Vàng A Páo", gender="M")
    return tree


def test_members_over_time_count_the_members_at_each_months_end(records):
    chart = members_over_time(unit=records.lc, start=D(2025, 1, 1), end=D(2025, 12, 31), as_of=D(2026, 1, 5))
    assert chart.key == "members-time" and chart.title == "Đoàn viên qua các tháng"
    assert [v for _label, v in chart.rows] == [0, 0, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]
    assert chart.rows[6] == ("07/2025", stats.total_on(unit=records.lc, on=D(2025, 7, 31)))
    assert chart.spec["mark"]["type"] == "line" and chart.spec["encoding"]["x"]["sort"] is None
    assert chart.table[2] == ("03/2025", ["2 người"])
    assert (
        members_over_time(unit=records.dn, start=D(2025, 1, 1), end=D(2025, 12, 31), as_of=D(2026, 1, 5))
        is None
    )


@pytest.fixture
def recruitment(records):
    indicator = make_indicator(
        "ket_nap",
        "Kết nạp đoàn viên mới",
        UnitOfMeasure.MEMBERS,
        source=Source.COMPUTED,
        computed_code="members_admitted",
    )
    target_assign(
        scope=SYSTEM,
        assigned_by=records.lc,
        year=2025,
        decision_no="01/QĐ-LĐLĐ",
        values={(records.bt.pk, indicator.pk): 5},
    )
    return records


def test_recruitment_against_target_by_child_unit(recruitment):
    t = recruitment
    chart = recruitment_by_child(scope=SYSTEM, unit=t.lc, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert chart.series == ("Kết nạp", "Chỉ tiêu")
    # Cam Đường admitted one with no target given; Bảo Thắng two against five.
    assert chart.rows == [(t.cd.name, 1, None), (t.bt.name, 2, 5)]
    assert chart.table == [(t.cd.name, ["1 người", "—"]), (t.bt.name, ["2 người", "5 người"])]
    assert chart.spec["data"]["values"] == [
        {"label": t.cd.name, "series": "Kết nạp", "value": 1},
        {"label": t.bt.name, "series": "Kết nạp", "value": 2},
        {"label": t.bt.name, "series": "Chỉ tiêu", "value": 5},
    ]
    assert chart.spec["encoding"]["yOffset"]["field"] == "series"
    # A grassroots union has no children: no such chart.
    assert recruitment_by_child(scope=SYSTEM, unit=t.g1, start=D(2025, 1, 1), end=D(2025, 12, 31)) is None


def test_report_completeness_by_child_unit(tree, cat):
    fill(cat, tree.g1, {cat.members: 10}, submit=True)
    fill(cat, tree.g2, {cat.members: 8}, approve=True)
    end = D(2026, 12, 31)
    chart = completeness_by_child(scope=SYSTEM, unit=tree.bt, start=D(2026, 1, 1), end=end, as_of=end)
    assert chart.series == ("Đúng hạn", "Chậm hạn", "Chưa nộp")
    rows = {label: values for label, *values in chart.rows}
    assert set(rows) == {tree.g1.name, tree.g2.name}
    for unit in (tree.g1, tree.g2):
        on_time, late, missing = rows[unit.name]
        assert on_time + late + missing == 4  # four quarters due
        report = Report.objects.get(unit=unit)
        assert (on_time, late) == ((0, 1) if report.submitted_at.date() > D(2026, 4, 10) else (1, 0))
        assert missing == 3
    assert chart.spec["encoding"]["x"]["stack"] == "zero" and "yOffset" not in chart.spec["encoding"]


def test_the_dashboard_and_the_review_show_the_new_charts_with_their_tables(recruitment, client):
    t = recruitment
    client.force_login(t.province_officer)
    page = client.get(reverse("home:dashboard", args=[t.lc.pk]), {"period": "year", "year": "2025"})
    html = page.content.decode()
    assert 'id="chart-members-time"' in html and 'id="chart-recruitment-children"' in html
    assert (
        "Kết nạp đoàn viên so với chỉ tiêu năm 2025" in html
        and '<th scope="col" class="text-end">Chỉ tiêu</th>' in html
    )
    response = client.get(
        reverse("documents:review", args=[t.lc.pk, "pdf"]), {"start": "2025-01-01", "end": "2025-12-31"}
    )
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Đoàn viên qua các tháng" in text and "Kết nạp đoàn viên so với chỉ tiêu năm 2025" in text
    assert f"{t.bt.name} 2 người 5 người" in text


def test_a_chart_by_child_unit_draws_the_first_units_and_its_table_lists_all(recruitment, monkeypatch):
    """A province has a hundred communes: the chart draws MAX_BARS of them (largest targets first), the
    table under it lists every one."""
    from congdoan.documents import breakdowns

    monkeypatch.setattr(breakdowns, "MAX_BARS", 1)
    t = recruitment
    chart = recruitment_by_child(scope=SYSTEM, unit=t.lc, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert [label for label, *_values in chart.rows] == [t.cd.name, t.bt.name]
    assert {v["label"] for v in chart.spec["data"]["values"]} == {t.bt.name}
    assert chart.spec["title"] == "Kết nạp đoàn viên so với chỉ tiêu năm 2025 (1/2 đơn vị)"
    assert chart.title == "Kết nạp đoàn viên so với chỉ tiêu năm 2025"


def test_admissions_are_measured_against_the_units_recruitment_target(recruitment):
    # Bảo Thắng was given 5 admissions for 2025 and admitted 2: the fact table says 40 % and the draft
    # writes it after the number admitted.
    t = recruitment
    facts = {f.key: f for f in facts_for(scope=SYSTEM, unit=t.bt, start=D(2025, 1, 1), end=D(2025, 12, 31))}
    assert facts["targets.recruitment"].value == 5
    assert facts["members.admitted"].value == 2
    assert facts["members.admitted_of_target"].value == Decimal("40.00")
    text = sentences(unit=t.bt, start=D(2025, 1, 1), end=D(2025, 12, 31), facts=list(facts.values()))
    assert text[0].startswith("Năm 2025, toàn đơn vị kết nạp 2 đoàn viên, đạt 40 % chỉ tiêu")
    # Lào Cai gave the target but received none: no share is made up.
    lc = {f.key for f in facts_for(scope=SYSTEM, unit=t.lc, start=D(2025, 1, 1), end=D(2025, 12, 31))}
    assert "members.admitted_of_target" not in lc
