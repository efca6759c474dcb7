import datetime as dt

from congdoan.emulation import demo
from congdoan.emulation.constants import NominationStatus, PledgeStatus
from congdoan.emulation.models import Award, Decision, Nomination, Pledge, Registration
from congdoan.org.models import Unit

from .helpers import make_member


def test_the_demo_builds_a_decided_round_on_the_scenario(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import scenario

    scenario.build()
    units = Unit.objects.filter(code__startswith="LCI.", kind__is_grassroots=True, status="active").order_by(
        "code"
    )
    for u_index, unit in enumerate(units):
        for i in range(10):
            born = dt.date(1965, 1, 1) if u_index == 0 and i < 4 else dt.date(1988, 1, 1)
            make_member(
                unit, f"Đoàn viên {unit.code} số {i}", "F" if i % 2 else "M", dt.date(2012, 1, 1), born
            )
    demo.load(scale="small")
    awards_2025 = Award.objects.filter(year=2025)
    assert awards_2025.filter(member__isnull=True).count() >= 20
    assert awards_2025.filter(member__isnull=False).count() >= 50
    assert Award.objects.filter(award_kind__is_medal=True).count() == 3
    assert Registration.objects.filter(year=2025, is_late=True).exists()
    assert Pledge.objects.get(cluster__year=2025).status == PledgeStatus.RANKED
    assert Pledge.objects.filter(cluster__year=2026, status=PledgeStatus.SIGNED).count() == 2
    assert Nomination.objects.filter(status=NominationStatus.REJECTED).exclude(council_reason="").exists()
    assert Nomination.objects.filter(year=2026, status=NominationStatus.SUBMITTED).exists()
    received = Decision.objects.get(number="152/QĐ-UBND")
    assert received.issuer == "province_gov" and received.year == 2025 and received.issued_on.year == 2026
    kinds = set(received.awards.values_list("award_kind__code", flat=True))
    assert {"bang_khen_ubnd", "bang_khen_ubnd_tt", "huy_hieu_ubnd"} <= kinds
    assert received.awards.filter(unit__code="LCI.BT.001").exists()  # the "coso" account's union
    past = Award.objects.filter(year=2023, decision__number="1250/QĐ-LĐLĐ")
    assert past.exists() and all(a.award_kind.valid_to == dt.date(2024, 5, 28) for a in past)
