"""The form for recording a decision signed elsewhere (an outside body's, or a past year's union decision)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin
from congdoan.core.dates import today
from congdoan.core.fields import DateField, YearField
from congdoan.core.forms import StyledForm

from .constants import Issuer, Recipient
from .models import AwardKind

MAX_RECIPIENTS = 500


def _last_year():
    return today().year - 1


class DecisionRecordForm(SubmitOnceFormMixin, StyledForm):
    issuer = forms.ChoiceField(label=_("Cấp ban hành"), choices=Issuer.choices, initial=Issuer.PROVINCE_GOV)
    issuer_name = forms.CharField(
        label=_("Cơ quan ban hành"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Ủy ban nhân dân tỉnh Lào Cai. Để trống nếu là quyết định của công đoàn."),
    )
    number = forms.CharField(label=_("Số quyết định"), max_length=64)
    issued_on = DateField(label=_("Ngày ký"))
    year = YearField(
        label=_("Năm khen thưởng"),
        min_value=1950,
        initial=_last_year,
        help_text=_("Năm của thành tích được khen, ví dụ quyết định ký tháng 01/2024 khen thưởng năm 2023."),
    )
    signer_name = forms.CharField(label=_("Người ký"), max_length=150, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)
    subject = forms.CharField(label=_("Trích yếu"), max_length=255, required=False)
    award_kind = forms.ModelChoiceField(label=_("Hình thức khen thưởng"), queryset=AwardKind.objects.none())
    recipients = forms.CharField(
        label=_("Tập thể, cá nhân được khen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một mã: mã đơn vị (hình thức cho tập thể) hoặc mã đoàn viên (cho cá nhân)."),
    )
    historical = forms.BooleanField(
        label=_("Ghi nhận là mục lịch sử (danh mục năm đó không có hình thức này; chỉ quản trị viên)"),
        required=False,
    )

    def __init__(self, *args, kinds, units, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = kinds
        self.fields["award_kind"].label_from_instance = lambda k: (
            f"{k.name} — {k.get_granting_level_display()}"
        )
        self.units, self.members = units, members

    def clean(self):
        data = super().clean()
        kind, text = data.get("award_kind"), data.get("recipients") or ""
        if kind is None or not text:
            return data
        codes = [c.strip().upper() for c in text.replace("\x00", "").splitlines() if c.strip()]
        if len(codes) > MAX_RECIPIENTS:
            self.add_error("recipients", _("Tối đa %(n)s dòng mỗi lần.") % {"n": MAX_RECIPIENTS})
            return data
        individual = kind.recipient == Recipient.INDIVIDUAL
        source = self.members if individual else self.units
        found = {(r.code or "").upper(): r for r in source.filter(code__in=codes)}
        lines, errors = [], []
        for index, code in enumerate(codes, start=1):
            row = found.get(code) or (None if individual else self.units.filter(code__iexact=code).first())
            if row is None:
                what = _("đoàn viên") if individual else _("đơn vị")
                errors.append(
                    _("Dòng %(i)s: không tìm thấy %(w)s có mã “%(c)s”.") % {"i": index, "w": what, "c": code}
                )
            elif individual:
                lines.append((kind, row.unit, row))
            else:
                lines.append((kind, row, None))
        if errors:
            self.add_error("recipients", errors)
        data["lines"] = lines
        return data
