"""Budgets and settlements: generated from the ledger, submitted, approved and locked by the level above,
reopened with an audited reason (the shape of the targets reports' workflow)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.money import MAX_AMOUNT
from congdoan.core.scoping import Action, Scope
from congdoan.core.workflow import Step, Workflow
from congdoan.org.models import Unit

from ..constants import Line, StatementKind, StatementStatus
from ..ledger import ledger_sums
from ..models import Statement, StatementLine


def _year_sums(unit: Unit, year: int) -> dict[str, int]:
    return ledger_sums(unit=unit, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))


def _fill(statement: Statement) -> None:
    """(Re)compute the lines: last year's result from the ledger; a settlement's own figures from it too,
    a budget's proposal kept as typed (last year's result when new)."""
    last = _year_sums(statement.unit, statement.year - 1)
    this = _year_sums(statement.unit, statement.year) if statement.kind == StatementKind.SETTLEMENT else {}
    existing = {line.line: line for line in statement.lines.all()}
    for code in Line.values:
        line = existing.get(code) or StatementLine(statement=statement, line=code)
        line.last_year = last.get(code, 0)
        if statement.kind == StatementKind.SETTLEMENT:
            line.amount = this.get(code, 0)
        elif line.pk is None:
            line.amount = line.last_year
        line.save()


_S = StatementStatus
WORKFLOW = Workflow(
    event_prefix="finance.statement",
    refusal=gettext_lazy("Không thể %(a)s khi đang ở trạng thái “%(s)s”."),
    steps=(
        Step("edit", (_S.DRAFT,), None, Action.ACT, gettext_lazy("sửa")),
        Step("submit", (_S.DRAFT,), _S.SUBMITTED, Action.ACT, gettext_lazy("gửi")),
        Step("approve", (_S.SUBMITTED,), _S.APPROVED, Action.APPROVE, gettext_lazy("duyệt")),
        Step("lock", (_S.APPROVED,), _S.LOCKED, Action.APPROVE, gettext_lazy("khoá")),
        Step(
            "reopen",
            (_S.SUBMITTED, _S.APPROVED, _S.LOCKED),
            _S.DRAFT,
            Action.APPROVE,
            gettext_lazy("mở lại"),
            reason_message=gettext_lazy("Cần ghi lý do mở lại."),
        ),
    ),
    recorder=event_record,
)


def _audit(scope, statement, action, summary, **extra):
    WORKFLOW.record(
        scope, statement, action, summary=summary % {"s": statement}, unit=statement.unit, **extra
    )


def _locked(statement: Statement) -> Statement:
    return Statement.objects.select_for_update().select_related("unit", "unit__kind").get(pk=statement.pk)


@transaction.atomic
def statement_open(*, scope: Scope, unit: Unit, kind: str, year: int) -> Statement:
    scope.require_can(unit, Action.ACT)
    statement, created = Statement.objects.get_or_create(unit=unit, kind=kind, year=year)
    if created:
        _fill(statement)
        _audit(scope, statement, "open", _("Lập %(s)s"))
    return statement


@transaction.atomic
def statement_save(
    *, scope: Scope, statement: Statement, version: int | None, amounts: dict[str, int]
) -> Statement:
    """Save a budget's proposed lines (a settlement's come from the ledger: this refreshes them)."""
    scope.require_can(statement.unit, WORKFLOW.step("edit").action)
    version_claim(statement, version)
    WORKFLOW.require_state(statement, "edit")
    if statement.kind == StatementKind.BUDGET:
        for line in statement.lines.all():
            if line.line in amounts:
                value = amounts[line.line]
                if value is None or value < 0 or value > MAX_AMOUNT:
                    raise ValidationError(_("%(l)s: số tiền không hợp lệ.") % {"l": line.get_line_display()})
                line.amount = value
                line.save(update_fields=["amount"])
    _fill(statement)
    _audit(scope, statement, "save", _("Cập nhật %(s)s"))
    return statement


@transaction.atomic
def statement_submit(*, scope: Scope, statement: Statement) -> Statement:
    statement = _locked(statement)
    step = WORKFLOW.check(scope, statement, "submit", unit=statement.unit)
    _fill(statement)
    version_claim(statement, None)
    statement.status = step.target
    statement.save(update_fields=["status"])
    _audit(scope, statement, "submit", _("Gửi cấp trên %(s)s"))
    return statement


@transaction.atomic
def statement_approve(*, scope: Scope, statement: Statement) -> Statement:
    """The level above approves: each line's approved figure is the submitted one."""
    statement = _locked(statement)
    step = WORKFLOW.check(scope, statement, "approve", unit=statement.unit)
    for line in statement.lines.all():
        line.approved = line.amount
        line.save(update_fields=["approved"])
    version_claim(statement, None)
    statement.status = step.target
    statement.approved_by = user_or_none(scope.actor)
    statement.approved_at = timezone.now()
    statement.save(update_fields=["status", "approved_by", "approved_at"])
    _audit(scope, statement, "approve", _("Duyệt %(s)s"))
    return statement


@transaction.atomic
def statement_lock(*, scope: Scope, statement: Statement) -> Statement:
    statement = _locked(statement)
    step = WORKFLOW.check(scope, statement, "lock", unit=statement.unit)
    version_claim(statement, None)
    statement.status = step.target
    statement.save(update_fields=["status"])
    _audit(scope, statement, "lock", _("Khoá %(s)s"))
    return statement


@transaction.atomic
def statement_reopen(*, scope: Scope, statement: Statement, reason: str) -> Statement:
    """The level above sends a submitted, approved or locked statement back to draft, with a reason."""
    statement = _locked(statement)
    step = WORKFLOW.check(scope, statement, "reopen", unit=statement.unit, reason=reason)
    reason = reason.strip()
    before = statement.status
    statement.lines.update(approved=None)
    version_claim(statement, None)
    statement.status = step.target
    statement.note = reason[:255]
    statement.save(update_fields=["status", "note"])
    _audit(scope, statement, "reopen", _("Mở lại %(s)s — ") + reason, before={"status": before})
    return statement
