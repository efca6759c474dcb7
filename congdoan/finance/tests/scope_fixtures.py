"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""

import datetime as dt


def outside_objects(tree) -> dict:
    from congdoan.finance import services
    from congdoan.finance.models import LedgerEntry, Transfer
    from congdoan.finance.tests.conftest import SYSTEM, make_member

    make_member(tree.g4, "Trần Thị Đà")
    roll = services.dues_month_open(scope=SYSTEM, unit=tree.g4, month=dt.date(2025, 7, 1))
    employer = services.employer_save(scope=SYSTEM, unit=tree.g4, name="Dệt may Hòa Thọ")
    services.employer_month_record(
        scope=SYSTEM, employer=employer, month=dt.date(2025, 7, 1), salary_fund=100_000_000, paid=2_000_000
    )
    entry = services.entry_add(
        scope=SYSTEM, unit=tree.g4, on=dt.date(2025, 7, 2), line="II.4", amount=1, memo="x"
    )
    statement = services.statement_open(scope=SYSTEM, unit=tree.g4, kind="settlement", year=2025)
    transfer = Transfer.objects.filter(from_unit=tree.g4).first()
    assert LedgerEntry.objects.filter(pk=entry.pk).exists()
    unit, r, s = {"pk": tree.g4.pk}, {"pk": roll.pk}, {"pk": statement.pk}
    api = "/api/v1/finance"
    return {
        "finance:roll_open": unit,
        "finance:profile": unit,
        "finance:employer_edit": unit,
        "finance:ledger": unit,
        "finance:statement_open": unit,
        "finance:roll": r,
        "finance:roll_import": r,
        "finance:roll_post": r,
        "finance:roll_reverse": r,
        "finance:employer": {"pk": employer.pk},
        "finance:relief_new": {"pk": employer.pk},
        "finance:entry_reverse": {"pk": entry.pk},
        "finance:transfer_receive": {"pk": transfer.pk},
        "finance:statement": s,
        "finance:statement_submit": s,
        "finance:statement_approve": s,
        "finance:statement_lock": s,
        "finance:statement_reopen": s,
        f"GET {api}/rolls/{{roll_id}}": {"path": {"roll_id": roll.pk}, "body": None},
        f"POST {api}/rolls/{{roll_id}}/post": {
            "path": {"roll_id": roll.pk},
            "body": {"version": roll.version},
        },
        f"POST {api}/rolls/{{roll_id}}/import": {"path": {"roll_id": roll.pk}, "body": None},
        f"PUT {api}/rolls/{{roll_id}}/lines": {
            "path": {"roll_id": roll.pk},
            "body": {"version": roll.version, "lines": []},
        },
        f"POST {api}/units/{{unit_id}}/rolls": {
            "path": {"unit_id": tree.g4.pk},
            "body": {"month": "2025-08-01"},
        },
        f"GET {api}/units/{{unit_id}}/collection": {"path": {"unit_id": tree.g4.pk}, "body": None},
        f"GET {api}/units/{{unit_id}}/rolls": {"path": {"unit_id": tree.g4.pk}, "body": None},
    }


def document_objects(tree) -> dict:
    """The finance documents (routes of the documents app), for its scope_fixtures."""
    from congdoan.finance import services
    from congdoan.finance.tests.conftest import SYSTEM

    roll = services.dues_month_open(scope=SYSTEM, unit=tree.g4, month=dt.date(2025, 7, 1))
    statement = services.statement_open(scope=SYSTEM, unit=tree.g4, kind="settlement", year=2025)
    return {
        "documents:finance_receipts": {"pk": roll.pk, "fmt": "pdf"},
        "documents:finance_statement": {"pk": statement.pk, "fmt": "xlsx"},
    }
