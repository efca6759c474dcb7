"""Forms of the in-app catalogue of report forms and their validation rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.fields import IntegerField
from congdoan.core.forms import StyledModelForm

from .models import FormIndicator, Indicator, ReportForm, ValidationRule


class ReportFormForm(StyledModelForm):
    """The form's own fields, then one "order" box per indicator of the catalogue (empty: not on the form)."""

    class Meta:
        model = ReportForm
        fields = ["code", "name", "period_type", "deadline_days", "is_active"]

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        current = {}
        if self.instance.pk:
            current = dict(
                FormIndicator.objects.filter(form=self.instance).values_list("indicator_id", "order")
            )
        self.indicator_fields = []
        for ind in indicators:
            name = f"ind_{ind.pk}"
            self.fields[name] = IntegerField(
                label=ind.name,
                required=False,
                min_value=1,
                max_value=999,
                grouped=False,
                initial=current.get(ind.pk),
            )
            self.fields[name].widget.attrs["class"] = "form-control form-control-sm"
            self.indicator_fields.append((ind, name))
        self._style(mark_errors=False)

    def indicator_rows(self):
        """(indicator, bound field) in catalogue order, for the template's table."""
        return [(ind, self[name]) for ind, name in self.indicator_fields]

    def clean(self):
        data = super().clean()
        chosen = [
            (data[name], i, ind) for i, (ind, name) in enumerate(self.indicator_fields) if data.get(name)
        ]
        data["indicators"] = [ind for _order, _i, ind in sorted(chosen, key=lambda t: (t[0], t[1]))]
        if not data["indicators"]:
            self.add_error(
                None, _("Mẫu báo cáo cần ít nhất một chỉ tiêu: ghi số thứ tự cho các chỉ tiêu dùng.")
            )
        return data


class RuleForm(StyledModelForm):
    class Meta:
        model = ValidationRule
        fields = ["left", "operator", "right", "message"]

    def __init__(self, *args, report_form: ReportForm, **kwargs):
        super().__init__(*args, **kwargs)
        on_form = Indicator.objects.filter(form_items__form=report_form).order_by("form_items__order")
        self.fields["left"].queryset = on_form
        self.fields["right"].queryset = on_form
        self.fields["message"].widget = forms.TextInput()
        self._style(mark_errors=False)
