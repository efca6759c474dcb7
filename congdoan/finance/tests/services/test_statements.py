"""Budgets and settlements: generated from the ledger; submit → approve (above) → lock → audited reopen."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.finance import services

from ..conftest import SYSTEM

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def settlement(tree):
    services.entry_add(
        scope=SYSTEM, unit=tree.g1, on=D(2024, 5, 1), line="II.4", amount=700_000, memo="Tết 2024"
    )
    services.entry_add(
        scope=SYSTEM, unit=tree.g1, on=D(2025, 5, 1), line="II.4", amount=900_000, memo="Thăm ốm"
    )
    return services.statement_open(scope=SYSTEM, unit=tree.g1, kind="settlement", year=2025)


def _line(statement, code):
    return statement.lines.get(line=code)


def test_a_settlement_is_generated_from_the_ledger_with_last_year(settlement):
    line = _line(settlement, "II.4")
    assert (line.last_year, line.amount, line.approved) == (700_000, 900_000, None)


def test_the_workflow_runs_submit_approve_lock_and_an_audited_reopen(tree, settlement):
    coso, xa = Scope.for_user(tree.grassroots_officer), Scope.for_user(tree.commune_officer)
    services.statement_submit(scope=coso, statement=settlement)
    with pytest.raises(PermissionDenied):
        services.statement_approve(scope=coso, statement=settlement)
    settlement = services.statement_approve(scope=xa, statement=settlement)
    assert _line(settlement, "II.4").approved == 900_000
    settlement = services.statement_lock(scope=xa, statement=settlement)
    assert settlement.status == "locked"
    with pytest.raises(ValidationError):
        services.statement_save(scope=coso, statement=settlement, version=None, amounts={})
    with pytest.raises(ValidationError):
        services.statement_reopen(scope=xa, statement=settlement, reason="")
    settlement = services.statement_reopen(scope=xa, statement=settlement, reason="Sai số chi Tết")
    assert settlement.status == "draft" and _line(settlement, "II.4").approved is None
    assert "Sai số chi Tết" in Event.objects.get(action="finance.statement_reopen").summary


@pytest.mark.parametrize(
    ("status_steps", "service"),
    [
        ((), "statement_approve"),
        ((), "statement_lock"),
        (("submit",), "statement_lock"),
        ((), "statement_reopen"),
    ],
)
def test_transitions_out_of_order_are_refused(tree, settlement, status_steps, service):
    for step in status_steps:
        getattr(services, f"statement_{step}")(scope=SYSTEM, statement=settlement)
    kwargs = {"reason": "x"} if service == "statement_reopen" else {}
    with pytest.raises(ValidationError):
        getattr(services, service)(scope=SYSTEM, statement=settlement, **kwargs)


def test_a_budget_keeps_the_proposed_lines(tree):
    budget = services.statement_open(scope=SYSTEM, unit=tree.g1, kind="budget", year=2026)
    services.statement_save(
        scope=SYSTEM, statement=budget, version=budget.version, amounts={"II.4": 2_000_000}
    )
    assert _line(budget, "II.4").amount == 2_000_000
    with pytest.raises(ValidationError):
        services.statement_save(scope=SYSTEM, statement=budget, version=None, amounts={"II.4": -1})
