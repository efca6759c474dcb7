from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import SubmitOnceFormMixin, VersionedFormMixin
from congdoan.core.fields import AmountField, DateField, DecimalField, FileField, IntegerField, YearField
from congdoan.core.forms import StyledForm

from .constants import MANUAL_LINES, DuesGroup, Line, ReliefKind, StatementKind


class MonthForm(StyledForm):
    month = IntegerField(label=_("Tháng"), min_value=1, max_value=12, grouped=False)
    year = YearField(label=_("Năm"))


class VersionForm(VersionedFormMixin, StyledForm):
    """A button that acts on a versioned record (post a month)."""


class ReasonForm(VersionedFormMixin, StyledForm):
    reason = forms.CharField(label=_("Lý do"), max_length=255)


class PayrollForm(VersionedFormMixin, StyledForm):
    file = FileField(
        label=_("Tệp Excel bảng lương"),
        help_text=_("Dòng tiêu đề có cột “Mã đoàn viên” và “Tiền lương”; có thể thêm cột “Đã đóng”."),
    )


class RollForm(VersionedFormMixin, StyledForm):
    """The grid: a pay and a paid field per line of the roll."""

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for line in lines:
            pay, paid = f"pay_{line.member_id}", f"paid_{line.member_id}"
            self.fields[pay] = AmountField(label=_("Lương của %(m)s") % {"m": line.member}, initial=line.pay)
            self.fields[paid] = AmountField(
                label=_("Đã đóng của %(m)s") % {"m": line.member}, initial=line.paid
            )
            self.rows.append((line, pay, paid))

    def bound_rows(self):
        return [(line, self[pay], self[paid]) for line, pay, paid in self.rows]

    def amounts(self) -> dict[int, tuple[int, int]]:
        data = self.cleaned_data
        return {line.member_id: (data[pay], data[paid]) for line, pay, paid in self.rows}


class ProfileForm(VersionedFormMixin, StyledForm):
    group = forms.ChoiceField(label=_("Nhóm đóng đoàn phí"), choices=DuesGroup.choices)
    state_budget_from = DateField(label=_("Hưởng lương 100 % ngân sách từ ngày"), required=False)
    own_rate = DecimalField(label=_("Mức đoàn phí riêng (%)"), required=False, min_value=0, max_value=10)
    own_rate_uncapped = forms.BooleanField(
        label=_("Thu theo lương thực tế, không áp mức trần"), required=False
    )
    own_rate_from = DateField(label=_("Mức riêng áp dụng từ ngày"), required=False)
    own_rate_decision = forms.CharField(
        label=_("Số, ngày nghị quyết Ban Chấp hành"), max_length=120, required=False
    )


class EmployerForm(VersionedFormMixin, StyledForm):
    name = forms.CharField(label=_("Tên cơ quan, doanh nghiệp"), max_length=255)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=14, required=False)


class EmployerMonthForm(StyledForm):
    month = IntegerField(label=_("Tháng"), min_value=1, max_value=12, grouped=False)
    year = YearField(label=_("Năm"))
    salary_fund = AmountField(label=_("Quỹ tiền lương đóng BHXH (đồng)"))
    paid = AmountField(label=_("Đã đóng (đồng)"), initial=0)


class ReliefForm(SubmitOnceFormMixin, StyledForm):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=ReliefKind.choices)
    valid_from = DateField(label=_("Từ ngày"))
    valid_to = DateField(label=_("Đến hết ngày"), required=False)
    reduction_percent = DecimalField(label=_("Mức giảm (%)"), required=False, min_value=0, max_value=100)
    decision = forms.CharField(label=_("Số, ngày quyết định"), max_length=120)


class EntryForm(SubmitOnceFormMixin, StyledForm):
    on = DateField(label=_("Ngày"))
    line = forms.ChoiceField(label=_("Khoản mục"), choices=[(c, Line(c).label) for c in MANUAL_LINES])
    amount = AmountField(label=_("Số tiền (đồng)"))
    memo = forms.CharField(label=_("Nội dung"), max_length=255)


class ReceiveForm(StyledForm):
    amount = AmountField(label=_("Số nhận (đồng)"))
    on = DateField(label=_("Ngày nhận"))


class StatementOpenForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=StatementKind.choices)
    year = YearField(label=_("Năm"))


class BudgetForm(VersionedFormMixin, StyledForm):
    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        for line in lines:
            self.fields[f"line_{line.line}"] = AmountField(
                label=f"{line.line}. {line.get_line_display()}", initial=line.amount
            )

    def amounts(self) -> dict[str, int]:
        return {name[5:]: value for name, value in self.cleaned_data.items() if name.startswith("line_")}
