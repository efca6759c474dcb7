from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.dates import today
from congdoan.core.fields import DateField
from congdoan.core.forms import StyledForm
from congdoan.members.widgets import MemberCodeInput
from congdoan.org.forms import ScopedUnitChoiceField
from congdoan.org.models import Unit

from .constants import TRANSITIONS, IntroStatus


class MemberCodeField(forms.CharField):
    """A member typed by code (suggested by name through MemberCodeInput), found among ``queryset``."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        kwargs.setdefault("max_length", 32)
        super().__init__(widget=MemberCodeInput(), **kwargs)

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "").strip().upper()

    def clean(self, value):
        code = super().clean(value)
        if not code:
            return None
        member = self.queryset.filter(code=code).first() if self.queryset is not None else None
        if member is None:
            raise forms.ValidationError(
                _("Không tìm thấy đoàn viên có mã “%(c)s” đang sinh hoạt trong đơn vị bạn quản lý.")
                % {"c": code}
            )
        return member

    def prepare_value(self, value):
        return getattr(value, "code", value)


class IntroduceForm(SubmitOnceFormMixin, StyledForm):
    member = MemberCodeField(
        label=_("Đoàn viên được giới thiệu"), help_text=_("Gõ tên (không cần dấu) hoặc mã đoàn viên để tìm.")
    )
    resolution_no = forms.CharField(
        label=_("Số nghị quyết giới thiệu của BCH công đoàn cơ sở"), max_length=64
    )
    introduced_on = DateField(label=_("Ngày giới thiệu"), initial=today)
    party_cell = forms.CharField(label=_("Chi bộ"), max_length=255)
    mentors = forms.CharField(
        label=_("Đảng viên giúp đỡ"), max_length=255, help_text=_("Họ tên, cách nhau bằng dấu phẩy.")
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class EditForm(VersionedFormMixin, StyledForm):
    resolution_no = forms.CharField(label=_("Số nghị quyết giới thiệu"), max_length=64)
    party_cell = forms.CharField(label=_("Chi bộ"), max_length=255)
    mentors = forms.CharField(label=_("Đảng viên giúp đỡ"), max_length=255)


class MoveForm(VersionedFormMixin, StyledForm):
    to = forms.ChoiceField(label=_("Bước tiếp theo"), choices=IntroStatus.choices)
    on = DateField(label=_("Ngày"), initial=today)
    decision_no = forms.CharField(
        label=_("Số quyết định kết nạp"),
        max_length=64,
        required=False,
        help_text=_("Bắt buộc khi ghi nhận được kết nạp vào Đảng."),
    )
    reason = forms.CharField(
        label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def __init__(self, *args, status, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS[IntroStatus(status)]
        self.fields["to"].choices = [(s.value, s.label) for s in allowed]


STATUS_FILTERS = [("", _("Mọi trạng thái")), ("open", _("Đang trong quá trình")), *IntroStatus.choices]


class FilterForm(StyledForm):
    unit = ScopedUnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)
    status = forms.ChoiceField(label=_("Trạng thái"), choices=STATUS_FILTERS, required=False)
    start = DateField(label=_("Từ ngày"), required=False)
    end = DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
