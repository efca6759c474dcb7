from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.choices import NaturalOrderIterator
from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.fields import AmountField, DateField, FileField
from congdoan.core.forms import StyledForm
from congdoan.org.models import Unit

from .constants import FundKind, HouseStage, HouseWork, PaymentForm, ProgrammeKind, ProgrammeStatus


class UnitChoiceField(forms.ModelChoiceField):
    iterator = NaturalOrderIterator  # "Tổ 2" before "Tổ 10"

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class ProgrammeForm(SubmitOnceFormMixin, VersionedFormMixin, StyledForm):
    owner = UnitChoiceField(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Loại chương trình"), choices=ProgrammeKind.choices)
    name = forms.CharField(label=_("Tên chương trình"), max_length=255)
    start = DateField(label=_("Từ ngày"))
    end = DateField(label=_("Đến ngày"))
    whole_subtree = forms.BooleanField(
        label=_("Toàn bộ đơn vị trực thuộc tham gia"), required=False, initial=True
    )
    units = UnitMultipleChoiceField(
        label=_("Đơn vị tham gia (khi không phải toàn bộ)"), queryset=Unit.objects.none(), required=False
    )
    eligibility = forms.CharField(
        label=_("Đối tượng, tiêu chí"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    standard_amount = AmountField(label=_("Mức hỗ trợ (đồng)"), initial=0)
    per_member_limit = AmountField(label=_("Mức tối đa mỗi người (đồng)"), min_value=1, required=False)
    allows_non_members = forms.BooleanField(
        label=_("Hỗ trợ cả người lao động chưa là đoàn viên"), required=False
    )
    online_registration = forms.BooleanField(label=_("Nhận đăng ký trực tuyến"), required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=ProgrammeStatus.choices, initial=ProgrammeStatus.OPEN
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["units"].queryset = owners

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class FundForm(SubmitOnceFormMixin, StyledForm):
    kind = forms.ChoiceField(label=_("Nguồn"), choices=FundKind.choices)
    donor_name = forms.CharField(label=_("Nhà tài trợ (nếu là xã hội hoá)"), max_length=255, required=False)
    budget = AmountField(label=_("Dự toán (đồng)"), initial=0)


class _PayMixin(StyledForm):
    amount = AmountField(
        label=_("Số tiền mỗi người (đồng)"),
        min_value=1,
        required=False,
        help_text=_("Để trống: theo mức hỗ trợ."),
    )
    paid_on = DateField(label=_("Ngày chi"))
    form = forms.ChoiceField(label=_("Hình thức"), choices=PaymentForm.choices)
    fund = forms.ModelChoiceField(
        label=_("Chi từ nguồn"), queryset=None, required=False, empty_label=_("Nguồn đầu tiên")
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = programme.funds.all()


class PickMembersForm(SubmitOnceFormMixin, _PayMixin):
    members = forms.ModelMultipleChoiceField(label=_("Đoàn viên"), queryset=None)
    repeat_reason = forms.CharField(
        label=_("Lý do chi thêm"),
        max_length=255,
        required=False,
        help_text=_("Chỉ khi người được chọn đã có trong danh sách của chương trình."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = candidates


class ImportForm(SubmitOnceFormMixin, _PayMixin):
    file = FileField(
        label=_("Tệp Excel"),
        help_text=_(
            "Dòng tiêu đề có cột “Mã đoàn viên” hoặc “CCCD”; có thể thêm “Họ tên”, “Số tiền”, “Ghi chú”."
        ),
    )
    unit = UnitChoiceField(
        label=_("Đơn vị (cho người lao động chưa là đoàn viên)"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReverseForm(StyledForm):
    reason = forms.CharField(label=_("Lý do điều chỉnh"), max_length=255)


class HouseForm(SubmitOnceFormMixin, StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    household_name = forms.CharField(label=_("Chủ hộ"), max_length=150)
    situation = forms.CharField(label=_("Hoàn cảnh gia đình"), widget=forms.Textarea(attrs={"rows": 3}))
    work = forms.ChoiceField(label=_("Hình thức"), choices=HouseWork.choices)
    approved_amount = AmountField(label=_("Số tiền hỗ trợ (đồng)"), min_value=1)
    approved_on = DateField(label=_("Ngày duyệt"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class HouseStageForm(StyledForm):
    stage = forms.ChoiceField(label=_("Tiến độ mới"), choices=HouseStage.choices[1:])
    on = DateField(label=_("Ngày"))


class RegistrationForm(StyledForm):
    programme = forms.ModelChoiceField(label=_("Chương trình"), queryset=None, empty_label=None)
    member_code = forms.CharField(label=_("Mã đoàn viên"), max_length=16)
    cccd = forms.CharField(label=_("Số CCCD"), max_length=12)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


class FiguresForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)
    start = DateField(label=_("Từ ngày"), required=False)
    end = DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RegistrationImportForm(SubmitOnceFormMixin, StyledForm):
    file = FileField(
        label=_("Tệp Excel xuất từ nền tảng số"),
        help_text=_(
            "Các cột: “Mã đoàn viên” hoặc “Số CCCD”, “Họ và tên”, “Số điện thoại”, “Ngày đăng ký” "
            "(dd/mm/yyyy, có thể kèm giờ)."
        ),
    )
