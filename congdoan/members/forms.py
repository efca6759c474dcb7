from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.choices import NaturalOrderIterator
from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.dates import today
from congdoan.core.fields import DateField
from congdoan.core.forms import StyledForm
from congdoan.org.constants import Sector
from congdoan.org.forms import UnitCodeInput

from .constants import AGE_BANDS, ETHNICITIES, Education, Gender, MemberStatus, PartyStatus
from .models import LeaveReason

YES_NO = [("", "—"), ("1", _("Có")), ("0", _("Không"))]


class UnitChoiceField(forms.ModelChoiceField):
    iterator = NaturalOrderIterator  # "Tổ 2" before "Tổ 10"

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class SearchForm(StyledForm):
    q = forms.CharField(label=_("Tìm kiếm"), required=False)
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", _("Mọi giới tính")), *Gender.choices], required=False
    )
    age_band = forms.ChoiceField(
        label=_("Độ tuổi"),
        choices=[("", _("Mọi độ tuổi"))] + [(c, label) for c, label, _a, _b in AGE_BANDS],
        required=False,
    )
    ethnicity = forms.ChoiceField(
        label=_("Dân tộc"), choices=[("", _("Mọi dân tộc")), *ETHNICITIES], required=False
    )
    sector = forms.ChoiceField(
        label=_("Khu vực"), choices=[("", _("Mọi khu vực")), *Sector.choices], required=False
    )
    party = forms.ChoiceField(
        label=_("Đảng"),
        choices=[("", _("Mọi tình trạng Đảng")), ("none", _("Chưa")), *PartyStatus.choices[1:]],
        required=False,
    )
    informal = forms.ChoiceField(label=_("Phi kết cấu"), choices=YES_NO, required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=[("", _("Mọi trạng thái")), *MemberStatus.choices[:4]], required=False
    )
    joined_from = DateField(label=_("Vào công đoàn từ ngày"), required=False)
    joined_to = DateField(label=_("đến ngày"), required=False)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PersonalForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=Gender.choices)
    date_of_birth = DateField(label=_("Ngày sinh"))
    ethnicity = forms.ChoiceField(label=_("Dân tộc"), choices=ETHNICITIES, initial="01")
    cccd = forms.CharField(label=_("Số CCCD"), max_length=12, required=False, help_text=_("12 chữ số."))
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    job = forms.CharField(label=_("Nghề nghiệp, công việc"), max_length=150, required=False)
    education = forms.ChoiceField(
        label=_("Trình độ học vấn"), choices=[("", "—"), *Education.choices], required=False
    )
    hometown = forms.CharField(label=_("Quê quán"), max_length=255, required=False)
    is_informal = forms.BooleanField(label=_("Lao động khu vực phi kết cấu"), required=False)
    party_status = forms.ChoiceField(label=_("Đảng"), choices=PartyStatus.choices, required=False)
    party_introduced_on = DateField(label=_("Ngày được giới thiệu cho Đảng"), required=False)
    party_admitted_on = DateField(label=_("Ngày vào Đảng"), required=False)
    notes = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class PersonalEditForm(VersionedFormMixin, PersonalForm):
    """The member edit page: personal data and the version shown (a stale save is refused).

    The Party status and dates are not edited here: they follow the Party introductions (/party/)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("party_status", "party_introduced_on", "party_admitted_on"):
            del self.fields[name]


class AdmitForm(SubmitOnceFormMixin, PersonalForm):
    unit = UnitChoiceField(label=_("Công đoàn cơ sở"), queryset=None)
    admitted_on = DateField(label=_("Ngày kết nạp"), initial=today)
    decision_no = forms.CharField(label=_("Số quyết định kết nạp"), max_length=64)

    field_order = ["unit", "admitted_on", "decision_no"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class _Decision(StyledForm):
    decision_no = forms.CharField(
        label=_("Số quyết định"),
        max_length=64,
        help_text=_("Gợi ý số tiếp theo của công đoàn trong năm; sửa nếu khác."),
    )


class TransferForm(_Decision):
    to_unit_code = forms.CharField(
        label=_("Công đoàn cơ sở chuyển đến"),
        max_length=64,
        widget=UnitCodeInput(
            anywhere=True, attrs={"placeholder": _("Gõ tên (không cần dấu) hoặc mã để tìm")}
        ),
        help_text=_(
            "Chọn trong danh sách gợi ý hoặc gõ mã đơn vị. Chuyển ra ngoài phạm vi quản lý sẽ thành đề nghị "
            "chờ nơi nhận tiếp nhận."
        ),
    )
    effective_on = DateField(label=_("Ngày chuyển"), initial=today)


class LeaveForm(_Decision):
    reason = forms.ModelChoiceField(label=_("Lý do"), queryset=LeaveReason.objects.none())
    left_on = DateField(
        label=_("Ngày thôi sinh hoạt"),
        initial=today,
        help_text=_("Ngày cuối cùng sinh hoạt."),
    )

    def __init__(self, *args, reasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].queryset = reasons


class ReadmitForm(_Decision):
    unit = UnitChoiceField(label=_("Công đoàn cơ sở"), queryset=None)
    readmitted_on = DateField(label=_("Ngày kết nạp lại"), initial=today)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PostForm(StyledForm):
    title = forms.CharField(
        label=_("Chức vụ"), max_length=150, help_text=_("Ví dụ: Chủ tịch CĐCS, Ủy viên BCH.")
    )
    valid_from = DateField(label=_("Từ ngày"))
    valid_to = DateField(label=_("Đến ngày"), required=False)
    is_full_time = forms.BooleanField(label=_("Chuyên trách"), required=False)


class PostEditForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_to"].help_text = _("Nhập ngày cuối cùng giữ chức vụ để kết thúc chức vụ.")


class ConfirmForm(StyledForm):
    """No fields: a confirmation page's button."""


class CardForm(StyledForm):
    on = DateField(label=_("Ngày"), initial=today)


class ApproveForm(_Decision):
    pass


class ReasonForm(StyledForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class StatsForm(StyledForm):
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    on = DateField(label=_("Tại ngày"), required=False)
    start = DateField(label=_("Kỳ báo cáo từ ngày"), required=False)
    end = DateField(label=_("đến ngày"), required=False)
