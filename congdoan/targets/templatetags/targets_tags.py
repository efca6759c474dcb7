"""Formatting filters only (values of indicators); no logic lives here."""

from django import template

from congdoan.targets.values import show_value

register = template.Library()


@register.filter
def showval(value, uom=""):
    return show_value(value, uom or "", 2)


@register.filter
def pct(value):
    return "" if value is None else show_value(round(value, 1), "percent", 1)
