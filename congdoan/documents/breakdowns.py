"""Charts that need more than the fact table: members at the end of each month (or quarter) of the period,
recruitment against the yearly target by child unit, and report completeness by child unit. Read through
the apps' selectors and stats functions, like the facts."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.members import stats
from congdoan.members.derived import tally
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit
from congdoan.targets import selectors as target_selectors
from congdoan.targets.selectors import NOW, THEN

from .charts import Chart, dashboard_charts, line_chart, series_bar_chart
from .facts import Fact

# The computed indicator whose yearly target recruitment is measured against (members.indicators).
RECRUITMENT_INDICATOR = "members_admitted"
# Month ends up to two years; quarter ends beyond.
MONTHLY_UP_TO = 24
# A chart by child unit draws this many units at most (a province has a hundred communes); its table lists all.
MAX_BARS = 20


def _drawn(title: str, rows: list[tuple], key) -> tuple[str, list[tuple]]:
    """The rows a chart by child unit draws: all of them, or the ``MAX_BARS`` first by ``key`` (the title
    says so); the order of the drawn rows stays the table's."""
    if len(rows) <= MAX_BARS:
        return title, rows
    chosen = set(sorted(range(len(rows)), key=lambda i: key(rows[i]))[:MAX_BARS])
    note = _("%(n)s/%(t)s đơn vị") % {"n": MAX_BARS, "t": len(rows)}
    return f"{title} ({note})", [row for i, row in enumerate(rows) if i in chosen]


def _months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def points_in_time(start: dt.date, end: dt.date, as_of: dt.date) -> list[tuple[str, dt.date]]:
    """(label, day): the end of each month of ``start..end`` (of each quarter when longer than two years)
    up to ``as_of``, and ``as_of`` itself when it falls inside the period before a month's end."""
    last = min(end, as_of)
    if last < start:
        return []
    step = 1 if _months(start, end) <= MONTHLY_UP_TO else 3
    points = []
    year, month = start.year, start.month
    while (year, month) <= (last.year, last.month):
        day = dt.date(year, month, calendar.monthrange(year, month)[1])
        if day <= last and (step == 1 or month % 3 == 0):
            points.append((f"{month:02d}/{year}", day))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not points or points[-1][1] < last:
        points.append((format_date(last), last))
    return points


def members_over_time(
    *, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date, known: dict[dt.date, int] | None = None
) -> Chart | None:
    """Members of the subtree at each point in time; ``known`` holds totals already read (the fact table's
    total at the period's end), which are not read again; the others in two reads (``stats.totals_on``)."""
    known = known or {}
    points = points_in_time(start, end, as_of)
    read = stats.totals_on(unit=unit, days=[day for _label, day in points if day not in known])
    rows = [(label, known[day] if day in known else read[day]) for label, day in points]
    if not any(value for _label, value in rows):
        return None
    monthly = _months(start, end) <= MONTHLY_UP_TO
    title = _("Đoàn viên qua các tháng") if monthly else _("Đoàn viên qua các quý")
    return Chart("members-time", title, line_chart(title=title, rows=rows, unit=_("người")), rows, _("người"))


def _admitted_by_todays_child(unit: Unit, start: dt.date, end: dt.date) -> dict[int, int]:
    """Admissions of ``start..end`` re-cut by today's tree: each unit's own admissions of the period go to
    the child of ``unit`` it lies under today (its materialised path), wherever it lay then."""
    below = dict(org_selectors.units_below(unit).exclude(pk=unit.pk).values_list("pk", "path"))
    counts = tally.own_sums(below, upto=end, since=start, columns=("admitted",))
    per_child: dict[int, int] = defaultdict(int)
    for pk, figures in counts.items():
        if figures["admitted"]:
            per_child[int(below[pk].strip("/").split("/")[unit.depth + 1])] += figures["admitted"]
    return per_child


def recruitment_by_child(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, structure: str = THEN
) -> Chart | None:
    """Members admitted in the period by each child unit against the year's recruitment target it was
    given (None where no target was given). The children of the period's end, each counting what it
    admitted while below ``unit`` (``structure`` "then"), or today's children, each counting what its
    today's subtree admitted (``"now"``)."""
    if structure == NOW:
        children = list(org_selectors.unit_children(scope=scope, unit=unit))
        admitted = _admitted_by_todays_child(unit, start, end) if children else {}
    else:
        children = list(org_selectors.unit_children(scope=scope, unit=unit, on=end))
        admitted = stats.admitted_between(unit=unit, start=start, end=end)[1] if children else {}
    if not children:
        return None
    indicators = [
        i
        for i in target_selectors.indicator_list(scope=scope, on=end)
        if i.computed_code == RECRUITMENT_INDICATOR
    ]
    given = {}
    if indicators:
        grid = target_selectors.target_grid(scope=scope, unit=unit, year=end.year, indicators=indicators[:1])
        given = {child_id: int(t.value) for (child_id, _ind), t in grid["given"].items()}
    rows = [
        (child.name, admitted.get(child.pk, 0), given.get(child.pk))
        for child in children
        if admitted.get(child.pk) or given.get(child.pk)
    ]
    if not rows:
        return None
    title = _("Kết nạp đoàn viên so với chỉ tiêu năm %(y)s") % {"y": end.year}
    series = (_("Kết nạp"), _("Chỉ tiêu"))
    # Drawn: the units with the largest targets (then the most admissions).
    drawn_title, drawn = _drawn(title, rows, lambda row: (-(row[2] or 0), -row[1]))
    spec = series_bar_chart(title=drawn_title, rows=drawn, series=series, unit=_("người"))
    return Chart("recruitment-children", title, spec, rows, _("người"), series)


def completeness_by_child(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date, structure: str = THEN
) -> Chart | None:
    """The children's reports due in the period (every active form, every period of its type inside it):
    submitted on time, late, not submitted; children of each period's end, or today's (``structure``)."""
    due = target_selectors.reports_due_by_child(
        scope=scope, unit=unit, start=start, end=end, day=as_of, structure=structure
    )
    if not due:
        return None
    rows = [(child.name, on_time, late, missing) for child, on_time, late, missing in due]
    title = _("Tình hình nộp báo cáo của đơn vị trực thuộc")
    series = (_("Đúng hạn"), _("Chậm hạn"), _("Chưa nộp"))
    # Drawn: the units with the most reports missing or late.
    drawn_title, drawn = _drawn(title, rows, lambda row: (-(row[3] + row[2]), -row[3]))
    spec = series_bar_chart(
        title=drawn_title,
        rows=drawn,
        series=series,
        unit=_("báo cáo"),
        stacked=True,
        colors=["#198754", "#fd7e14", "#adb5bd"],
    )
    return Chart("reports-children", title, spec, rows, _("báo cáo"), series)


def unit_charts(
    *,
    scope: Scope,
    unit: Unit,
    start: dt.date,
    end: dt.date,
    as_of: dt.date,
    facts: list[Fact],
    structure: str = THEN,
) -> list[Chart]:
    """Every chart of a unit over a period: over time first, then composition (from the facts), then the
    children's recruitment and reporting (by child unit as the tree stood at the period's end, or as it
    is today: ``structure`` "then" or "now")."""
    # The fact table's total at the period's end is the timeline's last point: not read twice.
    total = next((f.value for f in facts if f.key == "members.total" and not f.summary), None)
    known = {end: total} if total is not None else {}
    timeline = members_over_time(unit=unit, start=start, end=end, as_of=as_of, known=known)
    recruitment = recruitment_by_child(scope=scope, unit=unit, start=start, end=end, structure=structure)
    reporting = completeness_by_child(
        scope=scope, unit=unit, start=start, end=end, as_of=as_of, structure=structure
    )
    return [c for c in (timeline, *dashboard_charts(facts), recruitment, reporting) if c is not None]
