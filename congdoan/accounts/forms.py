from django import forms
from django.utils.translation import gettext_lazy as _


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Tên gợi nhớ"), max_length=100)
