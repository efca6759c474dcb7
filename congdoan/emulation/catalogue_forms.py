"""Forms of the in-app award catalogue and quotas."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from congdoan.core.fields import DateField, IntegerField, YearField
from congdoan.core.forms import StyledModelForm

from .models import AwardKind, AwardQuota


class AwardKindForm(StyledModelForm):
    new_version_from = DateField(
        label=_("Áp dụng thay đổi từ ngày"),
        required=False,
        help_text=_(
            "Để trống: sửa ngay mục này. Nhập ngày: mục hiện tại hết hiệu lực hôm trước, "
            "thay đổi áp dụng từ ngày này (hồ sơ đã xét giữ nguyên)."
        ),
    )

    class Meta:
        model = AwardKind
        fields = [
            "code",
            "name",
            "is_title",
            "granting_level",
            "recipient",
            "requires_registration",
            "rule",
            "once_per_person",
            "is_medal",
            "valid_from",
            "valid_to",
            "sort_order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["new_version_from"]
        self.fields["sort_order"].label = _("Thứ tự")

    def validate_unique(self):
        """(code, valid_from) is checked by the service, with overlapping periods and a clearer message."""


class QuotaForm(StyledModelForm):
    year = YearField(label=_("Năm"))
    max_count = IntegerField(label=_("Số lượng tối đa"), required=False, min_value=0)
    max_percent_of_registered = IntegerField(
        label=_("Tỷ lệ tối đa trên số tập thể đăng ký (%)"), required=False, min_value=0, max_value=100
    )

    class Meta:
        model = AwardQuota
        fields = ["award_kind", "granting_unit", "year", "max_count", "max_percent_of_registered"]

    def __init__(self, *args, units, national: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = AwardKind.objects.order_by("sort_order", "name", "-valid_from")
        self.fields["granting_unit"].queryset = units
        self.fields["granting_unit"].required = not national
        if national:
            self.fields["granting_unit"].empty_label = _("Mọi đơn vị cùng cấp")
        self._style(mark_errors=False)
