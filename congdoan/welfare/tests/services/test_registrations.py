import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.welfare import services
from congdoan.welfare.models import Registration
from congdoan.welfare.views import throttle

pytestmark = pytest.mark.django_db


def register(*, ip: str, **fields):
    """An online registration as the public page makes it: throttled per IP, then the service."""
    throttle(ip)
    return services.registration_create(**fields)


def test_registration_needs_a_matching_code_and_cccd_and_is_throttled(tree, members, tet):
    cache.clear()
    tet.online_registration = True
    tet.start, tet.end = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
    tet.save()
    member = members["g1"][0]
    with pytest.raises(ValidationError, match="không khớp"):
        register(programme=tet, member_code=member.code, cccd="999999999999", ip="10.0.0.1")
    registration = register(programme=tet, member_code=member.code, cccd=member.cccd, ip="10.0.0.1")
    assert registration.unit == tree.g1
    for _ in range(3):
        with pytest.raises(ValidationError):
            register(programme=tet, member_code=member.code, cccd=member.cccd, ip="10.0.0.1")
    with pytest.raises(ValidationError, match="quá nhiều lần"):
        register(programme=tet, member_code=member.code, cccd=member.cccd, ip="10.0.0.1")
    # Another address is not held back by the first one.
    with pytest.raises(ValidationError, match="đã đăng ký"):
        register(programme=tet, member_code=member.code, cccd=member.cccd, ip="10.0.0.2")
    services.registration_decide(
        scope=Scope.for_user(tree.commune_officer), registration=registration, approve=True
    )
    assert Registration.objects.get().status == "approved"
    with pytest.raises(ValidationError):
        services.registration_decide(
            scope=Scope.for_user(tree.commune_officer), registration=registration, approve=False, note="x"
        )
