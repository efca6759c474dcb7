"""Choices of units (and other named rows) listed in their natural order: "Tổ 2" before "Tổ 10"."""

from __future__ import annotations

from django.forms.models import ModelChoiceIterator

from .text import natural_key


class NaturalOrderIterator(ModelChoiceIterator):
    """A ``ModelChoiceField`` iterator listing the options by their label with numbers compared as numbers.

    Set ``iterator = NaturalOrderIterator`` on a choice field; the queryset's own ordering no longer matters.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        objs = sorted(self.queryset, key=lambda obj: natural_key(self.field.label_from_instance(obj)))
        for obj in objs:
            yield self.choice(obj)
