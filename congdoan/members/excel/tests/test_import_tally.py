"""Corrections imported from Excel change the statistics, past dates included, exactly as a rebuild would."""

import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.members import stats
from congdoan.members.derived import tally
from congdoan.members.excel.services import member_import
from congdoan.members.models import MemberTally, MemberTallyEthnicity
from congdoan.members.tests.conftest import admit_active

from .conftest import HEADERS

pytestmark = pytest.mark.django_db
SYSTEM = Scope.unrestricted()


def _ledger():
    return (
        sorted(MemberTally.objects.values_list("unit_id", "day", *tally.COLUMNS)),
        sorted(MemberTallyEthnicity.objects.values_list("unit_id", "day", "ethnicity", "n")),
    )


def test_an_imported_correction_of_gender_and_ethnicity_changes_past_figures(tree, xlsx):
    member = admit_active(
        tree.g1, on=dt.date(2020, 1, 1), full_name="Lò Văn Sử", gender="M", date_of_birth=dt.date(1980, 1, 1)
    )
    past = dt.date(2022, 6, 30)
    assert stats.snapshot_on(unit=tree.lc, on=past).women == 0
    row = {h: "" for h in HEADERS} | {
        "Mã đoàn viên": member.code,
        "Họ và tên": "Lò Thị Sử",
        "Giới tính": "Nữ",
        "Dân tộc": "Thái",
        "Mã đơn vị": "LCI.BT.001",
    }

    outcome = member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx([row]))

    assert outcome.ok and outcome.updated == 1
    snap = stats.snapshot_on(unit=tree.lc, on=past)
    assert (snap.total, snap.women) == (1, 1)
    assert dict(snap.by_ethnicity) == {"03": 1}  # Thái, no longer counted as Kinh
    kept = _ledger()
    tally.rebuild()
    assert _ledger() == kept
