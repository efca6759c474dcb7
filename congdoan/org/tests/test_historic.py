"""Entering a pre-2025 structure: national and provincial administrators record a district federation with
past dates; everybody else, and ordinary founding, are refused."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.org.constants import UnitStatus
from congdoan.org.historic import historic_unit_record
from congdoan.org.models import Unit, UnitKind, UnitLink
from congdoan.restructure import operations
from tests.factories import officer

D = dt.date


def district():
    return UnitKind.objects.get(code="district")


def _record(tree, user, **kwargs):
    values = {
        "parent": tree.lc,
        "name": "Liên đoàn Lao động huyện Bảo Thắng",
        "kind": district(),
        "founded_on": D(2005, 3, 1),
        "ended_on": D(2025, 6, 30),
        "decision_no": "45/QĐ-LĐLĐ",
    }
    values.update(kwargs)
    scope = Scope.unrestricted() if user is None else Scope.for_user(user)
    return historic_unit_record(scope=scope, **values)


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("national admin", True),
        ("provincial admin", True),
        ("provincial officer", False),
        ("commune admin", False),
        ("other province admin", False),
    ],
)
def test_who_may_enter_a_district_federation(tree, who, allowed):
    users = {
        "national admin": tree.national_admin,
        "provincial admin": officer(tree.lc, Role.ADMIN, username="tinh_qt"),
        "provincial officer": tree.province_officer,
        "commune admin": officer(tree.bt, Role.ADMIN, username="xa_qt"),
        "other province admin": officer(tree.dn, Role.ADMIN, username="dn_qt"),
    }
    if not allowed:
        with pytest.raises(PermissionDenied, match="quản trị viên cấp Trung ương hoặc cấp tỉnh"):
            _record(tree, users[who])
        assert not Unit.objects.filter(kind__code="district").exists()
        return
    unit = _record(tree, users[who])
    assert unit.kind.code == "district" and unit.founded_on == D(2005, 3, 1)
    assert unit.status == UnitStatus.DISSOLVED and unit.dissolved_on == D(2025, 6, 30)
    link = UnitLink.objects.get(child=unit)
    assert (link.parent_id, link.valid_from, link.valid_to) == (tree.lc.pk, D(2005, 3, 1), D(2025, 6, 30))
    assert unit.path == f"{tree.lc.path}{unit.pk}/"
    assert Event.objects.filter(action="unit.record_historic", unit=unit).exists()


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"kind": "commune"}, "kind", "vẫn được thành lập mới"),
        ({"kind": "district", "parent": "bt"}, "kind", "Không thể lập"),
        ({"founded_on": D(2999, 1, 1), "ended_on": None}, "founded_on", "phải trước hôm nay"),
        ({"ended_on": D(2004, 1, 1)}, "ended_on", "phải từ ngày thành lập (01/03/2005)"),
        ({"founded_on": D(1990, 1, 1)}, "founded_on", "chưa hoặc không còn hoạt động vào ngày 01/01/1990"),
        ({"name": "  "}, "name", "Cần nhập tên đơn vị"),
        ({"code": "LCI"}, "code", "đã được dùng"),
    ],
)
def test_refusals_name_the_field(tree, change, field, words):
    change = dict(change)
    if "kind" in change:
        change["kind"] = UnitKind.objects.get(code=change["kind"])
    if "parent" in change:
        change["parent"] = getattr(tree, change["parent"])
    with pytest.raises(ValidationError) as info:
        _record(tree, tree.national_admin, **change)
    assert words in " ".join(info.value.message_dict[field])
    assert not Unit.objects.filter(name__contains="huyện Bảo Thắng").exists()


@pytest.mark.parametrize("user", ["national_admin", "province_officer"])
def test_ordinary_founding_still_refuses_a_district_federation(tree, user):
    with pytest.raises(ValidationError, match="không còn được thành lập mới"):
        operations.unit_found(
            scope=Scope.for_user(getattr(tree, user)),
            parent=tree.lc,
            name="Liên đoàn Lao động huyện Bát Xát",
            kind=district(),
            founded_on=D(2026, 1, 5),
            decision_no="3/QĐ-LĐLĐ",
        )


def test_the_page_records_one_and_shows_the_button_only_to_those_who_may(tree, login):
    client = login(tree.national_admin)
    assert "Nhập đơn vị thuộc cơ cấu trước đây" in client.get(f"/units/{tree.lc.pk}/").content.decode()
    response = client.post(
        f"/units/{tree.lc.pk}/historic/new/",
        {
            "name": "LĐLĐ huyện Bảo Yên",
            "kind": district().pk,
            "founded_on": "01/03/2005",
            "ended_on": "30/06/2025",
            "decision_no": "46/QĐ-LĐLĐ",
        },
    )
    unit = Unit.objects.get(name="LĐLĐ huyện Bảo Yên")
    assert response.status_code == 302 and response.url == f"/units/{unit.pk}/"
    officer_client = login(tree.province_officer)
    assert (
        "Nhập đơn vị thuộc cơ cấu trước đây"
        not in officer_client.get(f"/units/{tree.lc.pk}/").content.decode()
    )
    assert officer_client.get(f"/units/{tree.lc.pk}/historic/new/").status_code == 403
