"""Charts built from the fact table: what they draw, in what order, with the Vietnamese number format."""

from decimal import Decimal

from congdoan.core.money import format_number
from congdoan.documents.charts import VI_NUMBER_LOCALE, Chart, dashboard_charts, series_bar_chart
from congdoan.documents.facts import Fact


def facts(**values) -> list[Fact]:
    return [Fact(key, key, value, "") for key, value in values.items()]


def test_members_by_gender_from_the_totals():
    (chart,) = dashboard_charts(facts(**{"members.total": 1_234_567, "members.women": 600_000}))
    assert chart.key == "members-gender" and chart.dom_id == "chart-members-gender"
    assert chart.rows == [("Nữ", 600_000), ("Nam", 634_567)]
    assert chart.spec["data"]["values"] == [
        {"label": "Nữ", "value": 600_000},
        {"label": "Nam", "value": 634_567},
    ]
    assert (
        chart.spec["config"]["locale"]["number"]
        == VI_NUMBER_LOCALE
        == {
            "decimal": ",",
            "thousands": ".",
            "grouping": [3],
            "currency": ["", " đ"],
        }
    )
    assert chart.spec["encoding"]["x"]["axis"]["format"] == ",d"


def test_welfare_funds_and_awards_by_level_leave_out_zeros_and_totals():
    charts = dashboard_charts(
        facts(
            **{
                "members.total": 0,
                "welfare.spent": 5_000_000,
                "welfare.fund.union": 3_000_000,
                "welfare.fund.sponsor": 2_000_000,
                "welfare.fund.state": 0,
                "awards.total": 3,
                "awards.province.collectives": 1,
                "awards.province.individuals": Decimal(2),
            }
        )
    )
    assert [c.key for c in charts] == ["welfare-funds", "awards-levels"]
    assert charts[0].rows == [("welfare.fund.union", 3_000_000), ("welfare.fund.sponsor", 2_000_000)]
    assert charts[1].rows == [("awards.province.collectives", 1), ("awards.province.individuals", 2)]


def test_no_figures_no_charts():
    assert dashboard_charts([]) == []


def test_members_by_sector_largest_first_and_by_age_in_band_order():
    charts = dashboard_charts(
        facts(
            **{
                "members.sector.state": 10,
                "members.sector.fdi": 40,
                "members.age.u30": 5,
                "members.age.30_39": 25,
                "members.age.60p": 0,
            }
        )
    )
    sector, age = charts
    assert sector.key == "members-sector" and sector.spec["encoding"]["y"]["sort"] == "-x"
    assert age.key == "members-age" and age.spec["encoding"]["y"]["sort"] is None
    assert age.rows == [("members.age.u30", 5), ("members.age.30_39", 25)]


def test_a_chart_of_many_units_prints_the_drawn_ones_and_one_row_for_the_others():
    # A province's hundred communes: the chart draws 20, the paper table lists those 20 and adds up the rest.
    rows = [(f"Xã {i:03d}", i, None if i % 2 else 10) for i in range(1, 104)]
    drawn = rows[-20:]
    spec = series_bar_chart(title="t", rows=drawn, series=("Kết nạp", "Chỉ tiêu"), unit="người")
    chart = Chart("recruitment-children", "t", spec, rows, "người", ("Kết nạp", "Chỉ tiêu"))
    paper = chart.paper_table
    assert [label for label, _values in paper[:20]] == [label for label, *_ in drawn]
    others = rows[:-20]
    label, values = paper[20]
    assert len(paper) == 21
    assert label.startswith("Các đơn vị khác (83 đơn vị")
    assert values == [
        f"{format_number(sum(r[1] for r in others))} người",
        f"{format_number(sum(r[2] or 0 for r in others))} người",
    ]
    assert len(chart.table) == 103  # the screen keeps every row


def test_a_chart_of_few_units_prints_every_row():
    rows = [("Xã A", 3, None), ("Xã B", 0, 5)]
    spec = series_bar_chart(title="t", rows=rows, series=("Kết nạp", "Chỉ tiêu"), unit="người")
    chart = Chart("recruitment-children", "t", spec, rows, "người", ("Kết nạp", "Chỉ tiêu"))
    assert chart.paper_table == chart.table
