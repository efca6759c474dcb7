"""Formatting filters (values of indicators) and the periods offered in a picker; no other logic lives here."""

from django import template

from congdoan.core.dates import today
from congdoan.targets.periods import periods_in_year
from congdoan.targets.values import show_value

register = template.Library()


@register.filter
def showval(value, uom=""):
    return show_value(value, uom or "", 2)


@register.filter
def pct(value):
    return "" if value is None else show_value(round(value, 1), "percent", 1)


@register.simple_tag
def period_choices(form, chosen=None, years_back: int = 5):
    """The periods of a report form's type, newest first, as (key, "Quý I năm 2026") — picked, never typed."""
    if form is None:
        return []
    year = today().year
    periods = [
        p for y in range(year + 1, year - years_back - 1, -1) for p in periods_in_year(form.period_type, y)
    ]
    periods.sort(key=lambda p: (p.year, p.number), reverse=True)
    if chosen is not None and chosen not in periods:
        periods.insert(0, chosen)
    return [(p.key, p.label) for p in periods]
