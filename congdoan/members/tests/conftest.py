import datetime as dt
import itertools

import pytest

from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.models import AdmissionBatch, UnionPost

SYSTEM = Scope.unrestricted()
_cccd = itertools.count(100000000001)


def person(**overrides) -> dict:
    data = {
        "full_name": "Nguyễn Văn An",
        "gender": "M",
        "date_of_birth": dt.date(1990, 5, 17),
        "ethnicity": "01",
        "cccd": str(next(_cccd)),
    }
    data.update(overrides)
    return data


def admit_active(unit, on=dt.date(2020, 1, 1), decision_no="05/QĐ-CĐCS", **overrides):
    """A member admitted into ``unit`` and approved by the level above (through the real services)."""
    member = services.member_admit(
        scope=SYSTEM, unit=unit, admitted_on=on, decision_no=decision_no, **person(**overrides)
    )
    batch = AdmissionBatch.objects.get(members=member)
    if batch.status != AdmissionBatch.Status.SUBMITTED:
        services.batch_submit(scope=SYSTEM, batch=batch)
    services.batch_approve(scope=SYSTEM, batch=batch, decision_no="10/QĐ-LĐLĐ")
    member.refresh_from_db()
    return member


@pytest.fixture
def admit():
    return admit_active


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The shared tree fixture creates six users; argon2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def chair(tree):
    """Nguyễn Văn An (born 17/05/1990), CĐCS chair at Apatit since 2020."""
    member = admit_active(tree.g1)
    post = services.post_add(
        scope=SYSTEM, member=member, title="Chủ tịch CĐCS", valid_from=dt.date(2020, 3, 1)
    )
    return member, post


def post_state():
    """Every union post as (pk, title, valid_from, valid_to, is_full_time), to show nothing changed."""
    return list(
        UnionPost.objects.order_by("pk").values_list("pk", "title", "valid_from", "valid_to", "is_full_time")
    )
