"""Charts as Vega-Lite specifications built in Python from the fact table.

The same specification is drawn in the browser (vega-embed, vendored, see ``static/js/charts.js``) and can be
drawn on paper; numbers follow the Vietnamese format (1.234.567; 47,99 %). Every chart comes with the rows it
draws, which the page prints as a table beside it (screen readers, printing).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from congdoan.core.money import format_number, plain_number

from .facts import Fact

# d3-format locale for Vietnamese: "." groups thousands, "," marks decimals.
VI_NUMBER_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " đ"]}


# A chart's table on paper lists its rows up to this many (the drawn ones, then one row for the others).
PAPER_ROWS = 20


@dataclass(frozen=True)
class Chart:
    """A chart and the table printed with it: ``rows`` are (label, value) or, with ``series``, (label, one
    value per series; None where there is none)."""

    key: str
    title: str
    spec: dict
    rows: list[tuple]
    unit: str
    series: tuple[str, ...] = ()

    @property
    def dom_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def table(self) -> list[tuple[str, list[str]]]:
        """The rows as printed: the label and each value the Vietnamese way with its unit ("—" for none)."""
        return [
            (str(row[0]), ["—" if v is None else f"{format_number(v)} {self.unit}" for v in row[1:]])
            for row in self.rows
        ]

    @property
    def paper_table(self) -> list[tuple[str, list[str]]]:
        """The table printed under the chart on paper: the rows the chart draws and, when it draws only some
        (a province's hundred communes), one row adding up the others; the full list is on the dashboard
        page. Laying out every row made a province's review PDF take twice as long."""
        drawn = {value["label"] for value in self.spec.get("data", {}).get("values", [])}
        kept = [row for row in self.rows if row[0] in drawn]
        others = [row for row in self.rows if row[0] not in drawn]
        if len(self.rows) <= PAPER_ROWS or not others or not kept:
            return self.table
        sums = [
            None if all(row[i] is None for row in others) else sum(row[i] or 0 for row in others)
            for i in range(1, len(self.rows[0]))
        ]
        label = _("Các đơn vị khác (%(n)s đơn vị, danh sách đầy đủ trên trang tổng quan)") % {
            "n": format_number(len(others))
        }
        rows = [*kept, (label, *sums)]
        return [
            (str(row[0]), ["—" if v is None else f"{format_number(v)} {self.unit}" for v in row[1:]])
            for row in rows
        ]


def bar_chart(*, title: str, rows: list[tuple[str, int | float]], unit: str, ordered: bool = False) -> dict:
    """A horizontal bar chart of labelled values, largest first (in the rows' order when ``ordered``)."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "width": "container",
        "height": {"step": 28},
        "data": {"values": [{"label": label, "value": value} for label, value in rows]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {
                "field": "label",
                "type": "nominal",
                "sort": None if ordered else "-x",
                "title": None,
                "axis": {"labelLimit": 220},
            },
            "x": {
                "field": "value",
                "type": "quantitative",
                "title": unit,
                "axis": {"format": ",d", "tickMinStep": 1},
            },
            "tooltip": [
                {"field": "label", "type": "nominal", "title": _("Nội dung")},
                {"field": "value", "type": "quantitative", "title": unit, "format": ",d"},
            ],
        },
        "config": {"locale": {"number": VI_NUMBER_LOCALE}, "font": "Liberation Sans, Arial, sans-serif"},
    }


def line_chart(*, title: str, rows: list[tuple[str, int]], unit: str) -> dict:
    """A line of values over time, in the rows' order (the labels are the points in time)."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "width": "container",
        "height": 220,
        "data": {"values": [{"label": label, "value": value} for label, value in rows]},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": {
            "x": {"field": "label", "type": "ordinal", "sort": None, "title": None},
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": unit,
                "axis": {"format": ",d", "tickMinStep": 1},
            },
            "tooltip": [
                {"field": "label", "type": "ordinal", "title": _("Thời điểm")},
                {"field": "value", "type": "quantitative", "title": unit, "format": ",d"},
            ],
        },
        "config": {"locale": {"number": VI_NUMBER_LOCALE}, "font": "Liberation Sans, Arial, sans-serif"},
    }


def series_bar_chart(
    *,
    title: str,
    rows: list[tuple],
    series: tuple[str, ...],
    unit: str,
    stacked: bool = False,
    colors: list[str] | None = None,
) -> dict:
    """Horizontal bars per label, one per series side by side (or stacked), in the rows' order."""
    values = [
        {"label": row[0], "series": name, "value": value}
        for row in rows
        for name, value in zip(series, row[1:], strict=True)
        if value is not None
    ]
    color = {"field": "series", "type": "nominal", "title": None, "legend": {"orient": "bottom"}}
    color["scale"] = {"domain": list(series), **({"range": colors} if colors else {})}
    encoding = {
        "y": {"field": "label", "type": "nominal", "sort": None, "title": None, "axis": {"labelLimit": 220}},
        "x": {
            "field": "value",
            "type": "quantitative",
            "title": unit,
            "axis": {"format": ",d", "tickMinStep": 1},
            "stack": "zero" if stacked else None,
        },
        "color": color,
        "tooltip": [
            {"field": "label", "type": "nominal", "title": _("Đơn vị")},
            {"field": "series", "type": "nominal", "title": _("Nội dung")},
            {"field": "value", "type": "quantitative", "title": unit, "format": ",d"},
        ],
    }
    if not stacked:
        encoding["yOffset"] = {"field": "series", "sort": list(series)}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "width": "container",
        "height": {"step": 28 if stacked else 14 * len(series)},
        "data": {"values": values},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": encoding,
        "config": {"locale": {"number": VI_NUMBER_LOCALE}, "font": "Liberation Sans, Arial, sans-serif"},
    }


def _chart(key: str, title: str, facts: list[Fact], unit: str, *, ordered: bool = False) -> Chart | None:
    rows = [(str(f.label), plain_number(f.value)) for f in facts if f.value]
    if not rows:
        return None
    spec = bar_chart(title=title, rows=rows, unit=unit, ordered=ordered)
    return Chart(key=key, title=title, spec=spec, rows=rows, unit=unit)


def dashboard_charts(facts: list[Fact]) -> list[Chart]:
    """The dashboard's charts: members by gender, sector and age band; welfare spending by fund source; awards
    by level."""
    by_key = {f.key: f for f in facts}
    charts = []
    total, women = by_key.get("members.total"), by_key.get("members.women")
    if total and women and total.value:
        rows = [(_("Nữ"), int(women.value)), (_("Nam"), int(total.value) - int(women.value))]
        title = _("Đoàn viên theo giới tính")
        charts.append(
            Chart("members-gender", title, bar_chart(title=title, rows=rows, unit=_("người")), rows, "người")
        )
    sectors = [f for f in facts if f.key.startswith("members.sector.")]
    if chart := _chart("members-sector", _("Đoàn viên theo khu vực"), sectors, _("người")):
        charts.append(chart)
    ages = [f for f in facts if f.key.startswith("members.age.")]
    if chart := _chart("members-age", _("Đoàn viên theo độ tuổi"), ages, _("người"), ordered=True):
        charts.append(chart)
    funds = [f for f in facts if f.key.startswith("welfare.fund.")]
    if chart := _chart("welfare-funds", _("Chi chăm lo theo nguồn kinh phí"), funds, _("đồng")):
        charts.append(chart)
    levels = [f for f in facts if f.key.startswith("awards.") and f.key.count(".") == 2]
    if chart := _chart("awards-levels", _("Khen thưởng theo cấp và hình thức"), levels, _("lượt")):
        charts.append(chart)
    return charts
