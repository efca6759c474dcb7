"""The employers' union fund (KPCĐ 2 %): the employer record, its months and relief decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.concurrency import version_claim
from congdoan.core.money import format_vnd
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit

from ..constants import ReliefKind, SplitKind
from ..models import Employer, EmployerMonth, Relief, UnitDuesProfile
from ..months import add_months, month_end, month_label, month_start
from ..rules import collecting_on, fund_due, percent_of
from ._common import post_collection, require_grassroots

MAX_SUSPENSION_MONTHS = 12


@transaction.atomic
def employer_save(
    *, scope: Scope, unit: Unit, name: str, tax_code: str = "", version: int | None = None
) -> Employer:
    scope.require_can(unit, Action.ACT)
    require_grassroots(unit)
    employer, created = Employer.objects.get_or_create(
        unit=unit, defaults={"name": name, "tax_code": tax_code}
    )
    if not created:
        version_claim(employer, version)
        employer.name, employer.tax_code = name, tax_code
        employer.save(update_fields=["name", "tax_code"])
    event_record(
        actor=scope.actor,
        action="finance.employer_save",
        summary=_("Cập nhật đơn vị sử dụng lao động: %(n)s") % {"n": name},
        unit=unit,
        obj=employer,
    )
    return employer


def relief_on(employer: Employer, month: dt.date) -> Relief | None:
    return employer.reliefs.in_force_during(month, month_end(month)).order_by("-valid_from").first()


def due_after_relief(employer: Employer, month: dt.date, salary_fund: int) -> tuple[int, dt.date | None]:
    """(the fund due for the month after any relief, the back-payment date when suspended)."""
    profile = UnitDuesProfile.objects.filter(unit=employer.unit).first()
    if not collecting_on(profile, month):
        return 0, None
    due = fund_due(salary_fund=salary_fund, day=month)
    relief = relief_on(employer, month)
    if relief is None:
        return due, None
    if relief.kind == ReliefKind.EXEMPTION:
        return 0, None
    if relief.kind == ReliefKind.REDUCTION:
        return due - percent_of(due, relief.reduction_percent or Decimal(0)), None
    return due, relief.back_payment_due


@transaction.atomic
def employer_month_record(
    *, scope: Scope, employer: Employer, month: dt.date, salary_fund: int, paid: int
) -> EmployerMonth:
    """Record a month's insured salary fund and what the employer paid; a change in what was paid is
    booked to the ledger (the grassroots share kept, the rest owed above)."""
    scope.require_can(employer.unit, Action.ACT)
    Employer.objects.select_for_update().get(pk=employer.pk)
    month = month_start(month)
    if salary_fund < 0 or paid < 0:
        raise ValidationError(_("Quỹ lương và số đã đóng không được âm."))
    due, deferred = due_after_relief(employer, month, salary_fund)
    row = EmployerMonth.objects.filter(employer=employer, month=month).first()
    before = row.paid if row else 0
    if row is None:
        row = EmployerMonth(employer=employer, month=month)
    row.salary_fund, row.due, row.paid, row.deferred_to = salary_fund, due, paid, deferred
    row.save()
    delta = paid - before
    if delta:
        post_collection(
            unit=employer.unit,
            kind=SplitKind.FUND,
            month=month,
            collected=abs(delta),
            sign=1 if delta > 0 else -1,
            memo=_("Kinh phí công đoàn tháng %(m)s — %(e)s") % {"m": month_label(month), "e": employer.name},
            source=f"fund:{row.pk}",
            actor=scope.actor,
        )
    event_record(
        actor=scope.actor,
        action="finance.fund_month",
        summary=_("KPCĐ tháng %(m)s của %(e)s: phải đóng %(d)s, đã đóng %(p)s")
        % {"m": month_label(month), "e": employer.name, "d": format_vnd(due), "p": format_vnd(paid)},
        unit=employer.unit,
        obj=employer,
        before={"paid": before},
        after={"paid": paid, "due": due},
    )
    return row


@transaction.atomic
def relief_add(
    *,
    scope: Scope,
    employer: Employer,
    kind: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    decision: str,
    reduction_percent: Decimal | None = None,
) -> Relief:
    """A relief decision (2024 Trade Union Law): exemption (dissolved, bankrupt), a reduction (a percentage),
    or a suspension of at most 12 months, paid back by the end of the month after it ends."""
    scope.require_can(employer.unit, Action.ACT)
    if not (decision or "").strip():
        raise ValidationError({"decision": _("Cần số, ngày quyết định.")})
    if valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    back = None
    if kind == ReliefKind.SUSPENSION:
        if valid_to is None:
            raise ValidationError({"valid_to": _("Tạm dừng đóng phải có ngày kết thúc (tối đa 12 tháng).")})
        if valid_to >= add_months(month_start(valid_from), MAX_SUSPENSION_MONTHS) + (
            valid_from - month_start(valid_from)
        ):
            raise ValidationError({"valid_to": _("Thời gian tạm dừng đóng tối đa 12 tháng.")})
        back = month_end(add_months(month_start(valid_to), 1))
    if kind == ReliefKind.REDUCTION and not (reduction_percent and 0 < reduction_percent < 100):
        raise ValidationError({"reduction_percent": _("Mức giảm phải lớn hơn 0 % và nhỏ hơn 100 %.")})
    relief = Relief.objects.create(
        employer=employer,
        kind=kind,
        valid_from=valid_from,
        valid_to=valid_to,
        decision=decision.strip(),
        reduction_percent=reduction_percent if kind == ReliefKind.REDUCTION else None,
        back_payment_due=back,
    )
    event_record(
        actor=scope.actor,
        action="finance.relief_add",
        summary=_("%(k)s kinh phí công đoàn: %(e)s — %(d)s")
        % {"k": relief.get_kind_display(), "e": employer.name, "d": relief.decision},
        unit=employer.unit,
        obj=relief,
        decision_no=relief.decision[:64],
    )
    return relief
