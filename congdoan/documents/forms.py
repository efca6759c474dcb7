"""Forms of the review pages: the text of a draft, issuing it, reopening it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _l

from congdoan.core.fields import DateField
from congdoan.core.forms import StyledForm

from .models import Review

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
    recipients = forms.CharField(
        label=_l("Nơi nhận"),
        required=False,
        help_text=_l("Mỗi dòng một nơi nhận. Để trống: cấp trên, Ban Chấp hành, lưu văn thư."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    signer_role = forms.ChoiceField(
        label=_l("Người ký: chức vụ"),
        required=False,
        choices=[("", _l("Theo hồ sơ Ban Chấp hành (Chủ tịch)")), *Review.SignerRole.choices],
        help_text=_l("In dưới dòng “TM. BAN CHẤP HÀNH”."),
    )
    signer_name = forms.CharField(
        label=_l("Người ký: họ và tên"),
        required=False,
        max_length=150,
        help_text=_l("Để trống: lấy Chủ tịch (hoặc Phó Chủ tịch) đương nhiệm đã ghi tại trang Đại hội."),
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
