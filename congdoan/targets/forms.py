from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import StyledForm, StyledModelForm

from .models import Indicator


class IndicatorForm(StyledModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "unit_of_measure",
            "aggregation",
            "direction",
            "source",
            "computed_code",
            "decimal_places",
            "min_value",
            "max_value",
            "required",
            "valid_from",
            "valid_to",
            "sort_order",
        ]


class ReasonForm(StyledForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
