"""Forms of the review pages: the text of a draft, issuing it, reopening it."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _l

from congdoan.core.dates import format_date, parse_date
from congdoan.core.forms import StyledForm

TEXT_DATE = forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "maxlength": 10})
HELP_PARAGRAPHS = _l("Mỗi dòng là một đoạn văn.")


class TypedDateField(forms.CharField):
    """A date typed as dd/mm/yyyy in a text input (never the browser's date picker)."""

    widget = TEXT_DATE

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_date(text, field=str(self.label))
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def prepare_value(self, value):
        return format_date(value) if isinstance(value, dt.date) else value


class ReviewTextForm(StyledForm):
    results = forms.CharField(
        label=_l("I. Kết quả thực hiện nhiệm vụ"),
        required=False,
        help_text=HELP_PARAGRAPHS,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    assessment = forms.CharField(
        label=_l("Đánh giá chung (ưu điểm, hạn chế, nguyên nhân)"),
        required=False,
        help_text=HELP_PARAGRAPHS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    directions = forms.CharField(
        label=_l("II. Phương hướng, nhiệm vụ kỳ tới"),
        required=False,
        help_text=HELP_PARAGRAPHS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewIssueForm(StyledForm):
    number = forms.CharField(
        label=_l("Số văn bản"), max_length=64, widget=forms.TextInput(attrs={"placeholder": "15/BC-LĐLĐ"})
    )
    issued_on = TypedDateField(label=_l("Ngày ban hành"))


class ReviewReopenForm(StyledForm):
    reason = forms.CharField(
        label=_l("Lý do mở lại"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
