from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congdoan.core.fields import YearField
from congdoan.core.forms import StyledForm

from .constants import ClusterKind
from .models import Unit


class UnitCodeInput(forms.TextInput):
    """A unit typed by its code, with suggestions as the officer types a name without diacritics: HTMX asks
    ``org:unit_pick`` for ``<option>``s of a ``<datalist>`` (native, works on phones, no script of ours)."""

    template_name = "org/widgets/unit_code_input.html"

    def __init__(self, attrs=None, *, grassroots: bool = True, anywhere: bool = False):
        self.grassroots, self.anywhere = grassroots, anywhere
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        query = urlencode({"field": name, "grassroots": int(self.grassroots), "anywhere": int(self.anywhere)})
        context["widget"]["pick_url"] = f"{reverse('org:unit_pick')}?{query}"
        return context


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
