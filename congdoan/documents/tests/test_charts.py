"""Charts built from the fact table: what they draw, in what order, with the Vietnamese number format."""

from decimal import Decimal

from congdoan.documents.charts import VI_NUMBER_LOCALE, dashboard_charts
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
