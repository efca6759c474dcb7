import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.culture import selectors, services
from congdoan.culture.models import Authority

SYSTEM = Scope.unrestricted()


def register(unit, year, culture_type="enterprise", *, met=True, scope=SYSTEM):
    """A registration of ``unit`` for ``year`` whose self-assessment meets every criterion (or none)."""
    registration = services.registration_create(
        scope=scope, unit=unit, year=year, culture_type=culture_type, registered_on=dt.date(year, 3, 1)
    )
    criteria = selectors.criteria_for(culture_type=culture_type, year=year)
    met_items = {c.pk: (met if isinstance(met, bool) else c.number <= met, "") for c in criteria}
    services.registration_assess(scope=scope, registration=registration, items=met_items)
    registration.refresh_from_db()
    return registration


def authority(name="Chủ tịch Ủy ban nhân dân cấp xã") -> Authority:
    return Authority.objects.get(name=name)


def recognise(registration, issued_on=None, number="15/QĐ-UBND", scope=SYSTEM, name=None):
    issued_on = issued_on or dt.date(registration.year, 12, 20)
    if name is None:
        name = (
            "Chủ tịch Ủy ban nhân dân cấp xã"
            if issued_on >= dt.date(2025, 7, 1)
            else ("Chủ tịch Ủy ban nhân dân cấp huyện")
        )
    return services.recognition_record(
        scope=scope, registration=registration, authority=authority(name), number=number, issued_on=issued_on
    )


@pytest.fixture
def history(tree):
    """g1 met every criterion in 2023–2025 as an enterprise; g2 registered 2025 only, meeting 3 of 4."""
    regs = [register(tree.g1, year) for year in (2023, 2024, 2025)]
    regs.append(register(tree.g2, 2025, met=3))
    return regs
