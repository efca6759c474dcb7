"""Formatting filters only: dd/mm/yyyy, 1.234.567 and VND. No logic lives here."""

from django import template

from congdoan.core.dates import format_date
from congdoan.core.money import format_number, format_vnd

register = template.Library()


@register.filter
def vndate(value):
    return format_date(value)


@register.filter
def vnnumber(value):
    return format_number(value)


@register.filter
def vnd(value):
    return format_vnd(value)
