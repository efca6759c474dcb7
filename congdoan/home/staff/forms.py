from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import StyledForm
from congdoan.core.roles import Role
from congdoan.org.forms import ScopedUnitChoiceField, UnitCodeInput
from congdoan.org.selectors import all_units

# Above this many units a <select> is too heavy for a page (a national administrator sees 100 000 unions):
# the unit is then typed by its name or code, with suggestions (org.forms.UnitCodeInput).
UNIT_SELECT_LIMIT = 300


def set_units(field, units) -> None:
    """Give a unit field its queryset; a large scope gets a code box instead of a list."""
    field.queryset = units
    if units.count() > UNIT_SELECT_LIMIT:
        field.to_field_name = "code"
        field.widget = UnitCodeInput(
            grassroots=False,
            attrs={"class": "form-control", "placeholder": _("Gõ tên đơn vị (không cần dấu) hoặc mã để tìm")},
        )
        field.help_text = _("Chọn trong danh sách gợi ý hoặc nhập mã đơn vị.")
        field.error_messages["invalid_choice"] = _(
            "Đơn vị: không có đơn vị mã này trong phạm vi bạn quản trị."
        )


class IdentityForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    email = forms.CharField(
        label=_("Thư điện tử"),
        max_length=254,
        required=False,
        help_text=_("Để người dùng tự đặt lại mật khẩu khi quên."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Điện thoại"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )


class AccountCreateForm(IdentityForm):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ không dấu, chữ số và . @ + - _ ; ví dụ: cs-baothang-01."),
    )
    unit = ScopedUnitChoiceField(label=_("Đơn vị"), queryset=all_units().none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices, initial=Role.OFFICER)
    field_order = ["username", "full_name", "position", "email", "phone", "unit", "role"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        set_units(self.fields["unit"], units)


class RoleGrantForm(StyledForm):
    unit = ScopedUnitChoiceField(label=_("Đơn vị"), queryset=all_units().none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices, initial=Role.OFFICER)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        set_units(self.fields["unit"], units)


class AccountFilterForm(StyledForm):
    q = forms.CharField(label=_("Tìm theo tên, tên đăng nhập, thư điện tử"), required=False)
    unit = ScopedUnitChoiceField(label=_("Đơn vị"), queryset=all_units().none(), required=False)
    inactive = forms.BooleanField(label=_("Cả tài khoản đã khoá"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        set_units(self.fields["unit"], units)


class BulkForm(StyledForm):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        help_text=_("Mỗi dòng một tài khoản: Mã đơn vị, Họ và tên, Điện thoại, Thư điện tử, Vai trò."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
