"""Forms of past years' summary figures: one unit's year, an Excel file, the choice of a unit and year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.fields import AmountField, FileField, IntegerField, YearField
from congdoan.core.forms import StyledForm
from congdoan.org.models import Unit

from .constants import MONEY_ITEMS, SummaryItem


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class SummaryForm(VersionedFormMixin, StyledForm):
    """One field per item (money in đồng, the others whole numbers); empty = no figure."""

    note = forms.CharField(label=_("Nguồn số liệu, ghi chú"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item, label in SummaryItem.choices:
            if item in MONEY_ITEMS:
                self.fields[item] = AmountField(label=f"{label} (đồng)", required=False)
            else:
                self.fields[item] = IntegerField(label=label, required=False, min_value=0)


class OpenForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    year = YearField(label=_("Năm"), min_value=1929)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class SummaryImportForm(SubmitOnceFormMixin, StyledForm):
    file = FileField(
        label=_("Tệp Excel"),
        help_text=_(
            "Mỗi dòng một đơn vị một năm: cột “Mã đơn vị”, “Năm”, rồi các chỉ tiêu theo đúng tên trên trang "
            "(ví dụ “Kết nạp đoàn viên mới”, “Chăm lo: Quà Tết, Tết Sum vầy”, “Khen thưởng cấp tỉnh, ngành”). "
            "Ô trống: giữ nguyên."
        ),
    )
