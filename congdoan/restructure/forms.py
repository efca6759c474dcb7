"""Forms of the restructuring pages: found, re-parent, dissolve, merge, split."""

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.dates import today
from congdoan.core.fields import DateField, IntegerField
from congdoan.core.forms import StyledForm
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import Sector
from congdoan.org.forms import ScopedUnitChoiceField
from congdoan.org.models import Unit


class _DecisionMixin(StyledForm):
    decision_no = forms.CharField(label=_("Số quyết định"), max_length=64)
    decision_date = DateField(label=_("Ngày quyết định"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision_last()

    def decision_last(self):
        """The decision's number and date close every operation form, as on the paper decision."""
        decision = ["decision_no", "decision_date"]
        self.order_fields([n for n in self.fields if n not in decision] + decision)


class UnitFoundForm(_DecisionMixin):
    name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    code = forms.CharField(
        label=_("Mã đơn vị"), max_length=64, required=False, help_text=_("Để trống để tự sinh mã.")
    )
    kind = forms.ModelChoiceField(label=_("Loại đơn vị"), queryset=org_selectors.founding_kinds())
    sector = forms.ChoiceField(label=_("Khu vực"), choices=[("", "—"), *Sector.choices], required=False)
    employer = forms.CharField(label=_("Cơ quan, doanh nghiệp"), max_length=255, required=False)
    founded_on = DateField(label=_("Ngày thành lập"), initial=today)

    field_order = ["name", "code", "kind", "sector", "employer", "founded_on", "decision_no", "decision_date"]

    def __init__(self, *args, parent: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = org_selectors.founding_kinds(below=parent)


class UnitReparentForm(_DecisionMixin):
    new_parent = ScopedUnitChoiceField(label=_("Đơn vị cấp trên mới"), queryset=Unit.objects.none())
    effective_on = DateField(label=_("Ngày hiệu lực"))

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = candidates


class UnitDissolveForm(_DecisionMixin):
    dissolved_on = DateField(
        label=_("Ngày chấm dứt hoạt động"),
        help_text=_("Ngày cuối cùng đơn vị còn hoạt động."),
    )
    reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)


class UnitMergeForm(_DecisionMixin):
    sources = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị được hợp nhất"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Các đơn vị này chấm dứt hoạt động hết ngày trước ngày hiệu lực."),
    )
    target = ScopedUnitChoiceField(label=_("Đơn vị tiếp nhận"), queryset=Unit.objects.none())
    effective_on = DateField(label=_("Ngày hiệu lực"))

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = candidates
        self.fields["sources"].label_from_instance = lambda u: f"{u.name} ({u.code})"
        self.fields["target"].queryset = candidates


class UnitSplitForm(_DecisionMixin):
    effective_on = DateField(label=_("Ngày hiệu lực"))
    part_names = forms.CharField(
        label=_("Tên các đơn vị mới"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một tên đơn vị mới (ít nhất hai)."),
    )

    def __init__(self, *args, children, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.children = list(children)
        for child in self.children:
            self.fields[f"child_{child.pk}"] = IntegerField(
                label=_("“%(c)s” chuyển về đơn vị mới số") % {"c": child.name}, min_value=1, initial=1
            )
        # A grassroots union's members: one number for everyone, then the exceptions by member code.
        self.member_ids = {m.code.upper(): m.pk for m in members if m.code}
        if members:
            self.fields["members_to"] = IntegerField(
                label=_("Đoàn viên chuyển về đơn vị mới số"),
                min_value=1,
                initial=1,
                help_text=_("Mọi đoàn viên không có tên trong ô dưới đây chuyển về đơn vị mới này."),
            )
            self.fields["member_targets"] = forms.CharField(
                label=_("Đoàn viên chuyển về đơn vị mới khác"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "placeholder": "CD0000000123  2"}),
                help_text=_(
                    "Mỗi dòng một đoàn viên: mã đoàn viên rồi số thứ tự đơn vị mới. "
                    "Có thể dán hai cột này từ Excel."
                ),
            )
        children_fields = [f"child_{c.pk}" for c in self.children]
        self.order_fields(["part_names", *children_fields, "members_to", "member_targets", "effective_on"])
        self.decision_last()

    def parts(self) -> list[dict]:
        return [
            {"name": line.strip()} for line in self.cleaned_data["part_names"].splitlines() if line.strip()
        ]

    def child_targets(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"child_{c.pk}"] - 1 for c in self.children}

    def clean_member_targets(self) -> dict[int, int]:
        """Lines “member code, part number” (spaces, tabs, commas or semicolons between) → {member ID: index}."""
        targets: dict[int, int] = {}
        seen: dict[str, int] = {}
        errors = []
        lines = self.cleaned_data.get("member_targets", "").splitlines()
        for n, line in enumerate(lines, start=1):
            cells = line.replace(",", " ").replace(";", " ").split()
            if not cells:
                continue
            code = cells[0].upper()
            if len(cells) != 2 or not cells[1].isdigit() or int(cells[1]) < 1:
                errors.append(
                    _("Dòng %(n)s: cần mã đoàn viên và số thứ tự đơn vị mới (ví dụ “CD0000000123 2”).")
                    % {"n": n}
                )
            elif code not in self.member_ids:
                errors.append(
                    _("Dòng %(n)s: công đoàn này không có đoàn viên mã “%(c)s”.") % {"n": n, "c": code}
                )
            elif code in seen:
                errors.append(
                    _("Dòng %(n)s: mã “%(c)s” đã có ở dòng %(m)s.") % {"n": n, "c": code, "m": seen[code]}
                )
            else:
                seen[code] = n
                targets[self.member_ids[code]] = int(cells[1]) - 1
        if errors:
            raise forms.ValidationError(errors)
        return targets

    def member_args(self) -> dict:
        """The service's ``member_targets`` and ``members_to`` (empty when the unit has no members)."""
        if "members_to" not in self.fields:
            return {}
        return {
            "member_targets": self.cleaned_data["member_targets"],
            "members_to": self.cleaned_data["members_to"] - 1,
        }
