from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.dates import today
from congdoan.core.fields import DateField, IntegerField, YearField
from congdoan.core.forms import StyledForm
from congdoan.members.widgets import MemberCodeInput
from congdoan.org.forms import ScopedUnitChoiceField
from congdoan.org.models import Unit

from .constants import BodyKind, CongressForm, SeatRole


def _this_year():
    return today().year


class _TermYears(StyledForm):
    start_year = YearField(label=_("Nhiệm kỳ từ năm"), min_value=1945)
    end_year = YearField(label=_("Đến năm"), min_value=1945)


class CongressPlanForm(SubmitOnceFormMixin, VersionedFormMixin, _TermYears):
    """Plan (or edit) a unit's congress."""

    ordinal = IntegerField(
        label=_("Đại hội lần thứ"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Để trống: lần tiếp theo của đơn vị."),
    )
    form = forms.ChoiceField(label=_("Hình thức"), choices=CongressForm.choices)
    consent_no = forms.CharField(
        label=_("Văn bản đồng ý của cấp trên (khi tổ chức hội nghị)"), max_length=64, required=False
    )
    planned_on = DateField(label=_("Ngày dự kiến"), required=False)
    delegates = IntegerField(
        label=_("Số đại biểu chính thức (đại hội đại biểu)"), min_value=1, required=False
    )
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CongressRecordForm(VersionedFormMixin, StyledForm):
    held_on = DateField(label=_("Ngày tổ chức đại hội"))
    form = forms.ChoiceField(label=_("Hình thức đã tổ chức"), choices=CongressForm.choices)
    consent_no = forms.CharField(
        label=_("Văn bản đồng ý của cấp trên (khi tổ chức hội nghị)"), max_length=64, required=False
    )
    delegates = IntegerField(
        label=_("Số đại biểu chính thức (đại hội đại biểu)"), min_value=1, required=False
    )
    members_count = IntegerField(
        label=_("Số đoàn viên khi đại hội"),
        min_value=0,
        required=False,
        help_text=_("Để trống: theo sổ đoàn viên ngày đại hội."),
    )


class MemberCodeField(forms.CharField):
    """A member typed by code (suggested by name), found among ``queryset`` (members the user may choose)."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        kwargs.setdefault("max_length", 32)
        super().__init__(widget=MemberCodeInput(active=True), **kwargs)

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "").strip().upper()

    def clean(self, value):
        code = super().clean(value)
        if not code:
            return None
        member = self.queryset.filter(code=code).first() if self.queryset is not None else None
        if member is None:
            raise forms.ValidationError(
                _("Không tìm thấy đoàn viên có mã “%(c)s” trong phạm vi của bạn.") % {"c": code}
            )
        return member


class SeatForm(SubmitOnceFormMixin, StyledForm):
    kind = forms.ChoiceField(label=_("Cơ quan"), choices=BodyKind.choices)
    role = forms.ChoiceField(label=_("Chức danh"), choices=SeatRole.choices, initial=SeatRole.MEMBER)
    member = MemberCodeField(label=_("Mã đoàn viên (gõ tên để tìm)"), required=False)
    full_name = forms.CharField(
        label=_("Hoặc họ tên (người không có trong sổ đoàn viên)"), max_length=150, required=False
    )
    is_full_time = forms.BooleanField(label=_("Cán bộ chuyên trách"), required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("member") and not (data.get("full_name") or "").strip():
            self.add_error("member", _("Hãy chọn đoàn viên theo mã hoặc nhập họ tên."))
        return data


class AppointForm(SubmitOnceFormMixin, _TermYears):
    decision_no = forms.CharField(label=_("Số quyết định chỉ định"), max_length=64)
    decision_date = DateField(label=_("Ngày quyết định"))
    signer_name = forms.CharField(label=_("Người ký"), max_length=150, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)


class RecogniseForm(VersionedFormMixin, StyledForm):
    decision_no = forms.CharField(label=_("Số quyết định công nhận"), max_length=64)
    decision_date = DateField(label=_("Ngày quyết định"))
    signer_name = forms.CharField(label=_("Người ký"), max_length=150)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"), max_length=150, initial=_("TM. Ban Thường vụ — Chủ tịch")
    )


class PlanForm(SubmitOnceFormMixin, VersionedFormMixin, StyledForm):
    """An upper level's round, with one optional deadline field per kind of unit below it."""

    owner = ScopedUnitChoiceField(label=_("Đơn vị chỉ đạo"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên kế hoạch"), max_length=255)
    document_no = forms.CharField(label=_("Số kế hoạch"), max_length=64, required=False)
    term_start = YearField(label=_("Nhiệm kỳ từ năm"), initial=_this_year)
    term_end = YearField(label=_("Đến năm"))
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, owners, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.kinds = list(kinds)
        for kind in self.kinds:
            self.fields[f"deadline_{kind.code}"] = DateField(
                label=_("Hạn tổ chức xong — %(k)s") % {"k": kind.name}, required=False
            )

    def deadlines(self, data) -> dict:
        return {
            kind: data[f"deadline_{kind.code}"] for kind in self.kinds if data.get(f"deadline_{kind.code}")
        }
