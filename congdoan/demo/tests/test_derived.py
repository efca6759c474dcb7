"""The bulk demo load leaves the member registry's derived data exactly as a rebuild from scratch makes it,
and its load mode gives back every constraint it dropped (a duplicate CCCD is still refused)."""

import pytest
from django.db import IntegrityError, transaction

from congdoan.demo import loader
from congdoan.members.derived import smallspans
from congdoan.members.derived.columns import COLUMNS
from congdoan.members.derived.counts import recount_units
from congdoan.members.models import (
    Member,
    MemberCodeCounter,
    MemberTally,
    MemberTallyEthnicity,
    SmallUnionSpan,
    UnitMemberCount,
)
from congdoan.members.services import registry_rebuild_derived
from congdoan.org.models import Unit

pytestmark = pytest.mark.django_db


def quiet(_line: str) -> None:
    pass


@pytest.fixture(autouse=True)
def no_other_apps(monkeypatch):
    monkeypatch.setattr(loader, "HOOK_APPS", [])


def derived() -> dict[str, list[tuple]]:
    return {
        "tally": list(MemberTally.objects.order_by("unit_id", "day").values_list("unit_id", "day", *COLUMNS)),
        "ethnicity": list(
            MemberTallyEthnicity.objects.order_by("unit_id", "day", "ethnicity").values_list(
                "unit_id", "day", "ethnicity", "n"
            )
        ),
        "small spans": list(
            SmallUnionSpan.objects.order_by("unit_id", "valid_from").values_list(
                "unit_id", "valid_from", "valid_to", "members"
            )
        ),
        "counts": list(
            UnitMemberCount.objects.order_by("unit_id").values_list("unit_id", "total", "women", "informal")
        ),
        "code counter": list(MemberCodeCounter.objects.values_list("name", "last_value")),
    }


def test_the_national_loads_derived_data_equals_a_rebuild_from_scratch():
    stats = loader.load("national", factor=0.002, out=quiet)
    loaded = derived()
    assert stats["members"] > 10_000
    assert len(loaded["tally"]) > 1_000 and loaded["small spans"] and loaded["counts"]
    # From scratch: every derived row gone, the counter back to zero, then the registry's own rebuild.
    for model in (MemberTally, MemberTallyEthnicity, SmallUnionSpan, UnitMemberCount):
        model.objects.all().delete()
    MemberCodeCounter.objects.update(last_value=0)
    registry_rebuild_derived()
    rebuilt = derived()
    for name, rows in rebuilt.items():
        assert loaded[name] == rows, name
    # Both took the spans and today's counts from the tally's own events: the same from the stints.
    smallspans.rebuild()
    recount_units(Unit.objects.values_list("pk", flat=True))
    from_stints = derived()
    for name in ("small spans", "counts"):
        assert loaded[name] == from_stints[name], name


def test_the_load_mode_gives_back_the_unique_keys_it_dropped():
    loader.load("national", factor=0.002, out=quiet)
    taken = Member.objects.exclude(cccd=None).exclude(code=None).first()
    copy = Member.objects.get(pk=taken.pk)
    copy.pk, copy.code, copy.cccd = None, None, taken.cccd
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    copy.cccd, copy.code = None, taken.code
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
