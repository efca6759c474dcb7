"""Regression (both engines): a unit dissolved after the rows were checked is not written to.

The import's row check refuses new members for a unit no longer active; a dissolution coming after that check
used to pass the import's lock (which only asked whether the unit still existed). Here the dissolution runs
inside the import's transaction just before the lock, as the only way to reach that moment on SQLite;
``test_import_concurrency`` does it from another connection on PostgreSQL.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members.excel import references, services
from congdoan.members.excel.services import member_import
from congdoan.members.models import AdmissionBatch, Member
from congdoan.org.constants import UnitStatus
from congdoan.restructure import operations

from .conftest import person

pytestmark = pytest.mark.django_db


def test_a_unit_dissolved_after_the_check_stops_the_import_naming_it(tree, xlsx, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    monkeypatch.setattr(services, "QUEUED_CHUNKS", 1)
    lock = references.lock_units

    def dissolved_first(units):
        units = list(units)
        if any(unit.code == "LCI.BT.002" for unit in units):
            operations.unit_dissolve(
                scope=Scope.for_user(tree.national_admin),
                unit=tree.g2,
                dissolved_on=dt.date(2025, 1, 1),
                decision_no="99/QĐ-LĐLĐ",
            )
        lock(units)

    monkeypatch.setattr(references, "lock_units", dissolved_first)
    rows = [
        person(code, **{"Họ và tên": f"Người Số {n}"})
        for n, code in enumerate(["LCI.BT.001"] * 4 + ["LCI.BT.002"])
    ]

    with pytest.raises(ValidationError) as refused:
        member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert refused.value.messages[0].startswith(
        "Đơn vị LCI.BT.002 vừa bị xoá hoặc thay đổi trong lúc nhập nên chưa lưu dòng nào."
    )
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()
    assert not Event.objects.filter(action__in=["member.admit", "member.import"]).exists()
    tree.g2.refresh_from_db()
    assert tree.g2.status == UnitStatus.ACTIVE  # the dissolution went with the import's transaction
