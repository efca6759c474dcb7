"""Forms of the culture-standard pages (dates dd/mm/yyyy, years as four digits, files through "Chọn tệp")."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.choices import NaturalOrderIterator
from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.dates import format_date, today
from congdoan.core.fields import DateField, FileField, YearField
from congdoan.core.forms import StyledForm

from .constants import CultureType


class UnitChoiceField(forms.ModelChoiceField):
    iterator = NaturalOrderIterator

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class RegistrationForm(SubmitOnceFormMixin, StyledForm):
    unit = UnitChoiceField(label=_("Công đoàn cơ sở"), queryset=None)
    year = YearField(label=_("Năm đăng ký"))
    culture_type = forms.ChoiceField(label=_("Danh hiệu đăng ký"), choices=CultureType.choices)
    registered_on = DateField(label=_("Ngày đăng ký"), initial=today)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AssessmentForm(VersionedFormMixin, StyledForm):
    """One "đạt" box and one note per criterion in force (``met_<id>``, ``note_<id>``)."""

    def __init__(self, *args, grid, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for row in grid:
            pk = row["criterion"].pk
            self.fields[f"met_{pk}"] = forms.BooleanField(label=_("Đạt"), required=False, initial=row["met"])
            self.fields[f"note_{pk}"] = forms.CharField(
                label=_("Ghi chú, minh chứng"), max_length=500, required=False, initial=row["note"]
            )
            self.rows.append((row, f"met_{pk}", f"note_{pk}"))

    def bound_rows(self):
        return [(row, self[met], self[note]) for row, met, note in self.rows]

    def items(self) -> dict[int, tuple[bool, str]]:
        data = self.cleaned_data
        return {
            row["criterion"].pk: (bool(data.get(met)), data.get(note) or "") for row, met, note in self.rows
        }


class EvidenceForm(StyledForm):
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255, required=False)
    criterion = forms.ModelChoiceField(
        label=_("Cho tiêu chí"), queryset=None, required=False, empty_label=_("Chung cho cả năm")
    )
    file = FileField(label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 10 MB)"))

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = criteria


class AuthorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.valid_to:
            return _("%(n)s (%(f)s – %(t)s)") % {
                "n": obj.name,
                "f": format_date(obj.valid_from),
                "t": format_date(obj.valid_to),
            }
        return _("%(n)s (từ %(f)s)") % {"n": obj.name, "f": format_date(obj.valid_from)}


class RecognitionForm(SubmitOnceFormMixin, StyledForm):
    authority = AuthorityChoiceField(label=_("Thẩm quyền công nhận"), queryset=None)
    number = forms.CharField(label=_("Số quyết định"), max_length=64)
    issued_on = DateField(label=_("Ngày quyết định"))

    def __init__(self, *args, authorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities


class RevocationForm(StyledForm):
    revoked_on = DateField(label=_("Ngày thu hồi"), initial=today)
    number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=64, required=False)
    reason = forms.CharField(
        label=_("Lý do thu hồi"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
