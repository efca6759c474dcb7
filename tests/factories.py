"""Test data built through the real services, so tests see what officers would have made."""

import datetime as dt
from types import SimpleNamespace

import factory

from congdoan.accounts.models import Assignment, User
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.org.constants import Sector
from congdoan.org.models import Unit, UnitKind
from congdoan.restructure import operations

SYSTEM = Scope.unrestricted()
PASSWORD = "mat-khau-thu-nghiem-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    full_name = factory.Sequence(lambda n: f"Cán bộ số {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def officer(unit: Unit, role: str = Role.OFFICER, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Assignment.objects.create(user=user, unit=unit, role=role)
    return user


def make_root(name: str = "Tổng Liên đoàn Lao động Việt Nam") -> Unit:
    root = Unit.objects.create(
        code="TLD",
        name=name,
        name_folded=fold(name),
        kind=UnitKind.objects.get(code="national"),
        founded_on=dt.date(1929, 7, 28),
        path="/",
        depth=0,
    )
    root.path = f"/{root.pk}/"
    root.save(update_fields=["path"])
    return root


def found(
    parent: Unit, name: str, kind: str, founded_on=dt.date(2000, 1, 1), code: str = "", **kwargs
) -> Unit:
    return operations.unit_found(
        scope=SYSTEM,
        parent=parent,
        name=name,
        kind=UnitKind.objects.get(code=kind),
        founded_on=founded_on,
        decision_no=kwargs.pop("decision_no", "01/QĐ-TEST"),
        code=code,
        allow_historic=True,
        **kwargs,
    )


def build_tree() -> SimpleNamespace:
    """national → provinces Lào Cai (communes Bảo Thắng, Cam Đường) and Đà Nẵng, grassroots under them."""
    t = SimpleNamespace()
    t.root = make_root()
    t.lc = found(t.root, "Liên đoàn Lao động tỉnh Lào Cai", "province", code="LCI")
    t.dn = found(t.root, "Liên đoàn Lao động thành phố Đà Nẵng", "province", code="DNG")
    t.bt = found(t.lc, "Công đoàn xã Bảo Thắng", "commune", code="LCI.BT")
    t.cd = found(t.lc, "Công đoàn phường Cam Đường", "commune", code="LCI.CD")
    t.hc = found(t.dn, "Công đoàn phường Hải Châu", "commune", code="DNG.HC")
    t.g1 = found(t.bt, "CĐCS Công ty Apatit Việt Nam", "grassroots", code="LCI.BT.001", sector=Sector.STATE)
    t.g2 = found(
        t.bt, "CĐCS Công ty Hóa chất Đức Giang", "grassroots", code="LCI.BT.002", sector=Sector.NON_STATE
    )
    t.g3 = found(t.cd, "CĐCS Siêu thị Go! Lào Cai", "grassroots", code="LCI.CD.001", sector=Sector.FDI)
    t.g4 = found(
        t.hc, "CĐCS Công ty Dệt may Hòa Thọ", "grassroots", code="DNG.HC.001", sector=Sector.NON_STATE
    )
    t.national_admin = officer(t.root, Role.ADMIN, username="trunguong")
    t.province_officer = officer(t.lc, username="tinh")
    t.commune_officer = officer(t.bt, username="xa")
    t.grassroots_officer = officer(t.g1, username="coso")
    t.other_province_officer = officer(t.dn, username="danang")
    t.viewer = officer(t.lc, Role.VIEWER, username="xem")
    return t
