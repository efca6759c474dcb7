import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.core.indicators import compute, registry
from congdoan.core.scoping import Scope
from congdoan.emulation import selectors, services
from congdoan.emulation.constants import NominationStatus

from .conftest import SYSTEM, kind


def test_issuing_a_decision_writes_the_award_history(tree, lan, decided):
    awards = list(selectors.member_award_history(scope=Scope.for_user(tree.grassroots_officer), member=lan))
    assert [(a.award_kind.code, a.decision.number) for a in awards] == [("bang_khen_ldld", "215/QĐ-LĐLĐ")]
    history = selectors.unit_award_history(scope=Scope.for_user(tree.commune_officer), unit=tree.g1)
    assert [a.award_kind.code for a in history["collective"]] == ["co_thi_dua_ldld"]
    assert decided.nominations.filter(status=NominationStatus.AWARDED).count() == 2


def test_a_decision_number_is_used_once_per_issuing_unit(tree, decided):
    with pytest.raises(ValidationError, match="đã được dùng"):
        services.decision_issue(
            scope=SYSTEM,
            issuing_unit=tree.lc,
            number="215/QĐ-LĐLĐ",
            issued_on=dt.date(2026, 12, 6),
            signer_name="A",
            signer_title="B",
            year=2026,
            nominations=list(decided.nominations.all()),
        )


def test_only_accepted_nominations_enter_a_decision(tree, lan):
    nomination = services.nomination_create(
        scope=SYSTEM,
        proposing_unit=tree.g1,
        award_kind=kind("bang_khen_ldld"),
        year=2026,
        member=lan,
        achievements="x",
        on=dt.date(2026, 11, 20),
    )
    with pytest.raises(ValidationError, match="chưa được Hội đồng đề nghị"):
        services.decision_issue(
            scope=SYSTEM,
            issuing_unit=tree.lc,
            number="1/QĐ",
            issued_on=dt.date(2026, 12, 6),
            signer_name="A",
            signer_title="B",
            year=2026,
            nominations=[nomination],
        )


def test_the_figures_count_kinds_collectives_women_and_medals(tree, decided):
    data = selectors.figures(scope=Scope.for_user(tree.province_officer), unit=tree.lc, year=2026)
    assert (data["total"], data["collectives"], data["individuals"], data["women"], data["medals"]) == (
        2,
        1,
        1,
        1,
        0,
    )
    assert (
        selectors.figures(scope=Scope.for_user(tree.province_officer), unit=tree.cd, year=2026)["total"] == 0
    )


def test_the_figures_are_computed_indicators(tree, decided):
    assert {"emulation_awards", "emulation_awards_women", "emulation_medals"} <= set(registry())
    year = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 12, 31)}
    assert compute("emulation_awards", unit=tree.lc, **year) == 2
    assert compute("emulation_awards_individual", unit=tree.bt, **year) == 1
    assert compute("emulation_awards_collective", unit=tree.root, **year) == 1
    assert compute("emulation_awards_women", unit=tree.g1, **year) == 1
    assert compute("emulation_awards", unit=tree.dn, **year) == 0
    assert (
        compute("emulation_awards", unit=tree.lc, start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31)) == 0
    )


def test_pages_render_for_the_province_officer(tree, decided, client):
    client.force_login(tree.province_officer)
    award = decided.awards.filter(member__isnull=False).get()
    for url in [
        "/emulation/",
        "/emulation/movements/",
        "/emulation/movements/new/",
        "/emulation/registrations/?year=2026",
        "/emulation/registrations/new/",
        f"/emulation/registrations/new/?unit={tree.g1.pk}",
        "/emulation/registrations/deadline/",
        "/emulation/pledges/",
        "/emulation/catalogue/?year=2026",
        "/emulation/nominations/?year=2026",
        f"/emulation/nominations/new/?unit={tree.g1.pk}",
        f"/emulation/nominations/{award.nomination_id}/",
        "/emulation/councils/?year=2026",
        "/emulation/councils/new/",
        "/emulation/decisions/?year=2026",
        f"/emulation/decisions/new/?unit={tree.lc.pk}&year=2026",
        f"/emulation/decisions/{decided.pk}/",
        f"/emulation/figures/?unit={tree.lc.pk}&year=2026",
        f"/emulation/history/member/{award.member_id}/",
        f"/emulation/history/unit/{tree.g1.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    rows = client.get(
        "/emulation/nominations/?year=2026&status=awarded",
        headers={"HX-Request": "true", "HX-Target": "nomination-rows"},
    ).content.decode()
    assert "<html" not in rows and rows.count("<tr>") == 2
    page = client.get(f"/emulation/history/member/{award.member_id}/").content.decode()
    assert "Bằng khen của Liên đoàn Lao động tỉnh (cá nhân)" in page and "215/QĐ-LĐLĐ" in page
    xlsx = client.get(f"/emulation/figures/xlsx/?unit={tree.lc.pk}&year=2026")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_the_grassroots_officer_sees_the_award_of_its_member_but_not_the_other_unit(tree, decided, client):
    client.force_login(tree.grassroots_officer)
    assert client.get(f"/emulation/decisions/{decided.pk}/").status_code == 200
    client.force_login(tree.other_province_officer)
    assert client.get(f"/emulation/decisions/{decided.pk}/").status_code == 404
