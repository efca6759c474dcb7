from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import StyledForm


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Tên gợi nhớ"), max_length=100)


class OtpTokenForm(StyledForm):
    token = forms.CharField(
        label=_("Mã xác thực (6 chữ số)"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )
