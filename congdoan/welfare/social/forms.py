"""Forms of social work: a donor, a gift, a gift list from Excel, the gift list's filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin
from congdoan.core.fields import AmountField, DateField, FileField
from congdoan.core.forms import StyledForm
from congdoan.org.models import Unit

from ..constants import DonorKind, GiftForm, GiftRecipient
from ..forms import UnitChoiceField
from ..models import Donor, Programme


class DonorEntryForm(SubmitOnceFormMixin, StyledForm):
    owner = UnitChoiceField(label=_("Đơn vị vận động"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên nhà tài trợ"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại nhà tài trợ"), choices=DonorKind.choices)
    contact = forms.CharField(label=_("Địa chỉ, liên hệ"), max_length=255, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = units


class DonorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_kind_display()})"


class GiftEntryForm(SubmitOnceFormMixin, StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị trao tặng"), queryset=Unit.objects.none())
    donor = DonorChoiceField(
        label=_("Nhà tài trợ"),
        queryset=Donor.objects.none(),
        required=False,
        empty_label=_("Công đoàn tự chi (không có nhà tài trợ)"),
    )
    programme = forms.ModelChoiceField(
        label=_("Chương trình"), queryset=Programme.objects.none(), required=False, empty_label=_("Không")
    )
    recipient_kind = forms.ChoiceField(label=_("Đối tượng nhận"), choices=GiftRecipient.choices)
    recipient_name = forms.CharField(label=_("Người, nơi nhận"), max_length=255)
    form = forms.ChoiceField(label=_("Hình thức"), choices=GiftForm.choices)
    value = AmountField(label=_("Giá trị (đồng)"), min_value=1, help_text=_("Hiện vật: giá trị ước tính."))
    given_on = DateField(label=_("Ngày trao"))
    description = forms.CharField(label=_("Nội dung"), max_length=255, required=False)

    def __init__(self, *args, units, donors, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["donor"].queryset = donors
        self.fields["programme"].queryset = programmes


class GiftImportForm(SubmitOnceFormMixin, StyledForm):
    file = FileField(
        label=_("Tệp Excel"),
        help_text=_(
            "Các cột: “Mã đơn vị” (nếu khác đơn vị chọn dưới đây), “Nhà tài trợ”, “Loại nhà tài trợ”, "
            "“Người, nơi nhận”, “Đối tượng”, “Hình thức”, “Giá trị”, “Ngày trao”, “Nội dung”."
        ),
    )
    unit = UnitChoiceField(
        label=_("Đơn vị trao tặng (cho các dòng không ghi mã đơn vị)"),
        queryset=Unit.objects.none(),
        required=False,
    )
    programme = forms.ModelChoiceField(
        label=_("Chương trình"), queryset=Programme.objects.none(), required=False, empty_label=_("Không")
    )

    def __init__(self, *args, units, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["programme"].queryset = programmes


class GiftFilterForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)
    start = DateField(label=_("Từ ngày"), required=False)
    end = DateField(label=_("Đến ngày"), required=False)
    recipient_kind = forms.ChoiceField(
        label=_("Đối tượng"), choices=[("", _("Mọi đối tượng")), *GiftRecipient.choices], required=False
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
