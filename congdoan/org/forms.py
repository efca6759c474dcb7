from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.fields import YearField
from congdoan.core.forms import StyledForm

from .constants import ClusterKind
from .models import Unit


class ScopedUnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class ClusterForm(StyledForm):
    name = forms.CharField(label=_("Tên cụm, khối"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=ClusterKind.choices)
    year = YearField(label=_("Năm"))
    owner = ScopedUnitChoiceField(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    members = forms.ModelMultipleChoiceField(
        label=_("Đơn vị thành viên"),
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Giữ phím Ctrl để chọn nhiều đơn vị."),
    )
    head_unit = ScopedUnitChoiceField(
        label=_("Cụm trưởng, khối trưởng"), queryset=Unit.objects.none(), required=False
    )
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, owners, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["members"].queryset = candidates
        self.fields["members"].label_from_instance = lambda u: f"{u.name} ({u.code})"
        self.fields["head_unit"].queryset = candidates


class ClusterRollOverForm(StyledForm):
    year = YearField(label=_("Năm mới"))
    head_unit = ScopedUnitChoiceField(
        label=_("Cụm trưởng, khối trưởng năm mới"), queryset=Unit.objects.none()
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["head_unit"].queryset = members
