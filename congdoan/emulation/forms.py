from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin
from congdoan.core.dates import today
from congdoan.core.fields import DateField, IntegerField, YearField
from congdoan.core.forms import StyledForm, StyledModelForm
from congdoan.members.widgets import MemberCodeInput
from congdoan.org.forms import ScopedUnitChoiceField
from congdoan.org.models import Unit

from .constants import Recipient
from .models import AwardKind, Discipline, WorkAbsence


def _year_initial():
    return today().year


class MemberCodeField(forms.CharField):
    """A member typed by code (suggested by name through MemberCodeInput), found among ``queryset``:
    the members the user may choose (in scope, within the proposing unit, active)."""

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
                _("Không tìm thấy đoàn viên có mã “%(c)s” đang sinh hoạt trong đơn vị này.") % {"c": code}
            )
        return member

    def prepare_value(self, value):
        return getattr(value, "code", value)


class MovementForm(StyledForm):
    owner = ScopedUnitChoiceField(label=_("Đơn vị phát động"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên phong trào"), max_length=255)
    year = YearField(label=_("Năm"), initial=_year_initial)
    starts_on = DateField(label=_("Từ ngày"))
    ends_on = DateField(label=_("Đến ngày"))
    criteria = forms.CharField(
        label=_("Mục tiêu, tiêu chí"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class DeadlineForm(StyledForm):
    owner = ScopedUnitChoiceField(label=_("Công đoàn cấp trên"), queryset=Unit.objects.none())
    year = YearField(label=_("Năm"), initial=_year_initial)
    deadline = DateField(label=_("Hạn đăng ký"))

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class RegistrationForm(StyledForm):
    year = YearField(label=_("Năm"), initial=_year_initial)
    registered_on = DateField(
        label=_("Ngày đăng ký"),
        required=False,
        help_text=_(
            "Để trống: hôm nay. Khi nhập lại năm trước, ghi ngày đã đăng ký (danh mục áp dụng ngày đó)."
        ),
    )
    collective_kinds = forms.ModelMultipleChoiceField(
        label=_("Danh hiệu tập thể đăng ký"),
        queryset=AwardKind.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    individual_kind = forms.ModelChoiceField(
        label=_("Danh hiệu cá nhân đăng ký"), queryset=AwardKind.objects.none(), required=False
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Cá nhân đăng ký"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, kinds, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collective_kinds"].queryset = kinds.filter(
            recipient=Recipient.COLLECTIVE, requires_registration=True
        )
        self.fields["individual_kind"].queryset = kinds.filter(
            recipient=Recipient.INDIVIDUAL, requires_registration=True
        )
        self.fields["members"].queryset = members


class PledgeForm(StyledForm):
    content = forms.CharField(label=_("Nội dung giao ước"), widget=forms.Textarea(attrs={"rows": 5}))
    head_unit = ScopedUnitChoiceField(label=_("Cụm trưởng, khối trưởng"), queryset=Unit.objects.none())
    criteria = forms.CharField(
        label=_("Bảng điểm"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi dòng một tiêu chí: “tên tiêu chí | điểm tối đa”."),
    )
    signatories = forms.CharField(
        label=_("Người ký của các đơn vị"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mỗi dòng: “mã đơn vị | họ tên người ký | chức vụ”."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["head_unit"].queryset = members
        self.members = {u.code: u for u in members}

    def clean_criteria(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            if not line.strip():
                continue
            name, _sep, points = line.rpartition("|")
            try:
                value = int(points.strip())
            except ValueError:
                raise forms.ValidationError(
                    _("Dòng %(n)s: điểm tối đa “%(p)s” không phải số nguyên.")
                    % {"n": number, "p": points.strip()}
                ) from None
            rows.append((name.strip(), value))
        return rows

    def clean_signatories(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["signatories"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")] + ["", ""]
            unit = self.members.get(parts[0])
            if unit is None:
                raise forms.ValidationError(
                    _("Dòng %(n)s: mã đơn vị “%(c)s” không phải thành viên của cụm.")
                    % {"n": number, "c": parts[0]}
                )
            rows.append((unit, parts[1], parts[2]))
        return rows


class SignForm(StyledForm):
    signed_on = DateField(label=_("Ngày ký"), initial=today)
    place = forms.CharField(label=_("Địa điểm"), max_length=150, required=False)


class ScoreForm(StyledForm):
    """One decimal field per criterion of the sheet (criterion_<id>)."""

    note = forms.CharField(label=_("Ghi chú thẩm định"), max_length=255, required=False)

    def __init__(self, *args, criteria, initial_points=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_points = initial_points or {}
        for c in criteria:
            self.fields[f"criterion_{c.pk}"] = forms.CharField(
                label=f"{c.order}. {c.name} (≤ {c.max_points})",
                required=False,
                initial=initial_points.get(c.pk, ""),
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
        self.order_fields([f"criterion_{c.pk}" for c in criteria] + ["note"])

    def points(self) -> dict:
        return {
            int(name.split("_", 1)[1]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("criterion_") and value not in (None, "")
        }


class NominationForm(SubmitOnceFormMixin, StyledForm):
    award_kind = forms.ModelChoiceField(label=_("Hình thức khen thưởng"), queryset=AwardKind.objects.none())
    year = YearField(label=_("Năm"), initial=_year_initial)
    member = MemberCodeField(
        label=_("Cá nhân (nếu khen cá nhân)"),
        required=False,
        help_text=_("Gõ tên (có dấu hoặc không) hoặc mã đoàn viên, rồi chọn trong danh sách gợi ý."),
    )
    nominee_unit = ScopedUnitChoiceField(
        label=_("Tập thể (nếu khen tập thể)"), queryset=Unit.objects.none(), required=False
    )
    achievements = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, kinds, members, units, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = kinds
        self.fields["member"].queryset = members
        self.fields["member"].widget.unit_id = unit.pk if unit else None
        self.fields["nominee_unit"].queryset = units


class DocumentForm(StyledForm):
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255, required=False)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 10 MB)"))


class CouncilVoteForm(StyledForm):
    council = forms.ModelChoiceField(label=_("Phiên họp Hội đồng"), queryset=None)
    votes_for = IntegerField(label=_("Tán thành"), min_value=0)
    votes_against = IntegerField(label=_("Không tán thành"), min_value=0, initial=0)
    votes_abstain = IntegerField(label=_("Không biểu quyết"), min_value=0, initial=0)
    reason = forms.CharField(
        label=_("Ý kiến, lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = sessions


class CouncilForm(StyledForm):
    granting_unit = ScopedUnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    year = YearField(label=_("Năm xét"), initial=_year_initial)
    held_on = DateField(label=_("Ngày họp"), initial=today)
    members_total = IntegerField(label=_("Số thành viên Hội đồng"), min_value=1)
    members_present = IntegerField(label=_("Số thành viên có mặt"), min_value=0)
    chair = forms.CharField(label=_("Chủ tịch Hội đồng"), max_length=150, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granting_unit"].queryset = units


class DecisionForm(StyledForm):
    number = forms.CharField(label=_("Số quyết định"), max_length=64)
    issued_on = DateField(label=_("Ngày ký"), initial=today)
    signer_name = forms.CharField(label=_("Người ký"), max_length=150)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, initial=_("CHỦ TỊCH"))
    subject = forms.CharField(label=_("Trích yếu"), max_length=255, required=False)
    nominations = forms.ModelMultipleChoiceField(
        label=_("Hồ sơ được khen thưởng"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations
        self.fields["nominations"].label_from_instance = lambda n: (
            f"{n.award_kind.name} — {n.nominee_name} ({n.proposing_unit.name})"
        )


class DisciplineForm(StyledModelForm):
    class Meta:
        model = Discipline
        fields = ["form", "starts_on", "ends_on", "decision_no"]


class AbsenceForm(StyledModelForm):
    year = YearField(label=_("Năm"), min_value=1950, initial=_year_initial)

    class Meta:
        model = WorkAbsence
        fields = ["year", "days", "is_maternity"]
