"""Forms of the review pages: the text of a draft, issuing it, reopening it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _l

from congdoan.core.fields import DateField
from congdoan.core.forms import StyledForm

HELP_PARAGRAPHS = _l("Mỗi dòng là một đoạn văn.")


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
    issued_on = DateField(label=_l("Ngày ban hành"))


class ReviewReopenForm(StyledForm):
    reason = forms.CharField(
        label=_l("Lý do mở lại"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
