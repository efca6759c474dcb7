"""Widgets other apps' forms use to choose members."""

from urllib.parse import urlencode

from django import forms
from django.urls import reverse


class MemberCodeInput(forms.TextInput):
    """A member typed by code, with suggestions as the officer types a name without diacritics: HTMX asks
    ``members:member_pick`` for ``<option>``s of a ``<datalist>`` (as org.forms.UnitCodeInput does for units),
    so a province's hundreds of thousands of members are never rendered into a select."""

    template_name = "members/widgets/member_code_input.html"

    def __init__(self, attrs=None, *, unit_id: int | None = None, active: bool = True):
        self.unit_id, self.active = unit_id, active
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        params = {"field": name, "active": int(self.active)}
        if self.unit_id:
            params["unit"] = self.unit_id
        context["widget"]["pick_url"] = f"{reverse('members:member_pick')}?{urlencode(params)}"
        return context
