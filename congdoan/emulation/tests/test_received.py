"""Decisions received from outside bodies and past years' decisions: recorded into the award history,
counted by level and by award year; refusals table-tested."""

import datetime as dt
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.dates import today
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.emulation import selectors, services
from congdoan.emulation.models import Award, AwardKind, Decision
from tests.factories import officer

from .conftest import SYSTEM
from .helpers import make_member


def current(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code, valid_to__isnull=True)


def record(tree, lines, **kwargs):
    values = {
        "scope": Scope.for_user(tree.province_officer),
        "issuing_unit": tree.lc,
        "issuer": "province_gov",
        "issuer_name": "Ủy ban nhân dân tỉnh Lào Cai",
        "number": "120/QĐ-UBND",
        "issued_on": dt.date(2024, 1, 15),
        "year": 2023,
        "signer_name": "Trịnh Xuân Trường",
        "signer_title": "Chủ tịch",
        "lines": lines,
    }
    values.update(kwargs)
    return services.decision_record(**values)


@pytest.fixture
def hoa(tree):
    return make_member(tree.g1, "Lê Thị Hoa")


def test_a_received_provincial_decision_enters_the_award_history_and_the_figures_by_level(tree, hoa):
    decision = record(
        tree,
        [
            (current("huy_hieu_ubnd"), None, hoa),
            (current("bang_khen_ubnd_tt"), tree.g1, None),
            (current("bang_khen_ubnd"), None, hoa),
        ],
    )
    assert decision.is_received and decision.issuer_label == "Ủy ban nhân dân tỉnh Lào Cai"
    assert decision.year == 2023 and not decision.is_historical
    history = selectors.member_award_history(scope=SYSTEM, member=hoa)
    assert sorted(a.award_kind.code for a in history) == ["bang_khen_ubnd", "huy_hieu_ubnd"]
    # Signed in January 2024 for 2023: it counts in 2023 by award year, in 2024 by signing date.
    by_year = selectors.figures(scope=SYSTEM, unit=tree.lc, year=2023)
    assert (by_year["total"], by_year["collectives"], by_year["individuals"]) == (3, 1, 2)
    assert by_year["by_level"] == [("province_gov", "Ủy ban nhân dân tỉnh, thành phố", 1, 2)]
    assert selectors.figures(scope=SYSTEM, unit=tree.lc, year=2024)["total"] == 0
    assert selectors.figures(scope=SYSTEM, unit=tree.lc, year=2024, by="signed")["total"] == 3
    counts = selectors.award_counts_between(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)
    )
    assert counts["count_by"] == "year" and counts["total"] == 3
    january = selectors.award_counts_between(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31)
    )
    assert january["count_by"] == "signed" and january["total"] == 3
    event = Event.objects.get(action="emulation.decision.record")
    assert "120/QĐ-UBND" in event.summary and "Ủy ban nhân dân tỉnh Lào Cai" in event.summary


def test_the_decision_list_filters_by_award_year_or_signing_date_and_by_issuer(tree, hoa):
    record(tree, [(current("huy_hieu_ubnd"), None, hoa)])
    scope = Scope.for_user(tree.province_officer)
    assert [d.number for d in selectors.decision_list(scope=scope, year=2023)] == ["120/QĐ-UBND"]
    assert list(selectors.decision_list(scope=scope, year=2024)) == []
    assert [d.number for d in selectors.decision_list(scope=scope, year=2024, by="signed")] == ["120/QĐ-UBND"]
    assert list(selectors.decision_list(scope=scope, issuer="union")) == []
    # Another province does not see it; the grassroots union of the recipient does.
    assert list(selectors.decision_list(scope=Scope.for_user(tree.other_province_officer))) == []
    assert len(selectors.decision_list(scope=Scope.for_user(tree.grassroots_officer))) == 1


def _refusal(tree, hoa, case):
    far = make_member(tree.g4, "Người Đà Nẵng")
    cases = {
        "kind of another issuer": {"lines": [(current("bang_khen_ttg"), None, hoa)]},
        "union form from the People's Committee": {"lines": [(current("bang_khen_ldld"), None, hoa)]},
        "no issuer name": {"issuer_name": "  "},
        "member outside the unit": {"lines": [(current("huy_hieu_ubnd"), None, far)]},
        "individual form without a member": {"lines": [(current("bang_khen_ubnd"), tree.g1, None)]},
        "collective form for a member": {"lines": [(current("bang_khen_ubnd_tt"), None, hoa)]},
        "not signed yet": {"issued_on": dt.date(2099, 1, 1), "year": 2098},
        "award year after the signing": {"year": 2025},
        "no lines": {"lines": []},
        "twice the same line": {"lines": [(current("huy_hieu_ubnd"), None, hoa)] * 2},
        "this year's union decision": {
            "issuer": "union",
            "issuer_name": "",
            "issued_on": today(),
            "year": today().year,
        },
        "bad issuer": {"issuer": "king"},
        "before the catalogue": {"issued_on": dt.date(1990, 5, 2), "year": 1990},
    }
    values = {"lines": [(current("huy_hieu_ubnd"), None, hoa)], **cases[case]}
    return record(tree, **values)


@pytest.mark.parametrize(
    "case, field, words",
    [
        ("kind of another issuer", "lines", "không phải hình thức khen thưởng của Ủy ban nhân dân tỉnh"),
        ("union form from the People's Committee", "lines", "không phải hình thức khen thưởng của"),
        ("no issuer name", "issuer_name", "Cần nhập tên cơ quan ban hành"),
        ("member outside the unit", "lines", "Dòng 1: “Người Đà Nẵng” không thuộc"),
        ("individual form without a member", "lines", "hình thức cho cá nhân, cần chọn đoàn viên"),
        ("collective form for a member", "lines", "hình thức cho tập thể, cần chọn đơn vị"),
        ("not signed yet", "issued_on", "chưa đến"),
        ("award year after the signing", "year", "Năm khen thưởng phải từ 1950 đến năm ký quyết định (2024)"),
        ("no lines", "lines", "Cần nhập ít nhất một"),
        ("twice the same line", "lines", "Dòng 2: trùng với một dòng trước"),
        ("this year's union decision", "year", "chỉ ghi nhận trực tiếp quyết định của các năm trước"),
        ("bad issuer", "issuer", "Cấp ban hành không hợp lệ"),
        ("before the catalogue", "lines", "chưa áp dụng vào ngày 02/05/1990 (áp dụng từ ngày 01/04/2004)"),
    ],
)
def test_refusals_name_the_field_and_save_nothing(tree, hoa, case, field, words):
    with pytest.raises(ValidationError) as info:
        _refusal(tree, hoa, case)
    assert words in " ".join(info.value.message_dict[field])
    assert not Decision.objects.exists() and not Award.objects.exists()


def test_a_number_already_recorded_and_a_second_once_only_award_are_refused(tree, hoa):
    medal = current("huy_hieu_cong_doan")
    services.decision_record(
        scope=SYSTEM,
        issuing_unit=tree.root,
        issuer="union",
        number="88/QĐ-LĐLĐ",
        issued_on=dt.date(2023, 12, 20),
        year=2023,
        lines=[(medal, None, hoa)],
    )
    with pytest.raises(ValidationError, match="đã được ghi nhận tại"):
        services.decision_record(
            scope=SYSTEM,
            issuing_unit=tree.root,
            issuer="union",
            number="88/QĐ-LĐLĐ",
            issued_on=dt.date(2023, 12, 21),
            year=2023,
            lines=[(current("bang_khen_ldld"), None, hoa)],
        )
    with pytest.raises(ValidationError, match="chỉ tặng một lần"):
        services.decision_record(
            scope=SYSTEM,
            issuing_unit=tree.root,
            issuer="union",
            number="89/QĐ-LĐLĐ",
            issued_on=dt.date(2024, 12, 20),
            year=2024,
            lines=[(medal, None, hoa)],
        )


def test_a_past_union_decision_uses_the_catalogue_version_then_in_force(tree, hoa):
    decision = services.decision_record(
        scope=Scope.for_user(tree.province_officer),
        issuing_unit=tree.lc,
        issuer="union",
        number="15/QĐ-LĐLĐ",
        issued_on=dt.date(2023, 1, 20),
        year=2022,
        lines=[(current("bang_khen_ldld"), None, hoa)],
    )
    award = decision.awards.get()
    assert award.award_kind.valid_to == dt.date(2024, 5, 28) and not decision.is_historical
    with pytest.raises(ValidationError, match="do cấp “Công đoàn cấp trên trực tiếp cơ sở” khen thưởng"):
        services.decision_record(
            scope=SYSTEM,
            issuing_unit=tree.lc,
            issuer="union",
            number="16/QĐ-LĐLĐ",
            issued_on=dt.date(2023, 1, 20),
            year=2022,
            lines=[(current("giay_khen_tren"), None, hoa)],
        )


def test_only_an_administrator_records_a_flagged_historical_entry(tree, hoa):
    values = {
        "issuing_unit": tree.lc,
        "issuer": "union",
        "number": "7/QĐ-LĐLĐ",
        "issued_on": dt.date(1999, 12, 28),
        "year": 1999,
        "lines": [(current("bang_khen_ldld"), None, hoa)],
    }
    with pytest.raises(ValidationError) as info:
        services.decision_record(scope=Scope.for_user(tree.province_officer), **values)
    assert "chưa áp dụng vào ngày 28/12/1999" in str(info.value)
    assert "Quản trị viên có thể ghi nhận là mục lịch sử" in str(info.value)
    with pytest.raises(ValidationError, match="Chỉ quản trị viên"):
        services.decision_record(scope=Scope.for_user(tree.province_officer), historical=True, **values)
    admin = officer(tree.lc, Role.ADMIN, username="tinh_qt")
    decision = services.decision_record(scope=Scope.for_user(admin), historical=True, **values)
    assert decision.is_historical
    figures = selectors.figures(scope=SYSTEM, unit=tree.lc, year=1999)
    assert (figures["total"], figures["historical"]) == (1, 1)


def test_a_unit_outside_the_scope_cannot_record(tree, hoa):
    with pytest.raises(PermissionDenied):
        record(
            tree, [(current("huy_hieu_ubnd"), None, hoa)], scope=Scope.for_user(tree.other_province_officer)
        )


def test_outside_forms_cannot_be_nominated_inside_the_union(tree, hoa):
    with pytest.raises(ValidationError, match="ghi nhận quyết định đó"):
        services.nomination_create(
            scope=SYSTEM,
            proposing_unit=tree.g1,
            award_kind=current("bang_khen_ubnd"),
            year=2026,
            member=hoa,
            achievements="Thành tích",
            on=dt.date(2026, 11, 20),
        )
    assert not selectors.union_award_kinds().filter(code="bang_khen_ubnd").exists()


def test_the_page_records_a_received_decision_and_names_a_bad_code_by_row(tree, hoa, login):
    client = login(tree.province_officer)
    url = f"/emulation/decisions/record/?unit={tree.lc.pk}"
    assert "Cơ quan ban hành" in client.get(url).content.decode()
    data = {
        "issuer": "province_gov",
        "issuer_name": "Ủy ban nhân dân tỉnh Lào Cai",
        "number": "35/QĐ-UBND",
        "issued_on": "10/01/2024",
        "year": "2023",
        "award_kind": current("bang_khen_ubnd").pk,
        "recipients": f"{hoa.code}\nKHONGCO",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Dòng 2: không tìm thấy đoàn viên có mã “KHONGCO”" in response.content.decode()
    response = client.post(url, {**data, "recipients": hoa.code})
    decision = Decision.objects.get(number="35/QĐ-UBND")
    assert response.status_code == 302 and response.url == f"/emulation/decisions/{decision.pk}/"
    page = client.get(response.url).content.decode()
    assert "Ủy ban nhân dân tỉnh Lào Cai" in page and "Lê Thị Hoa" in page
    listing = client.get("/emulation/decisions/?year=2023").content.decode()
    assert "35/QĐ-UBND" in listing
    assert "35/QĐ-UBND" not in client.get("/emulation/decisions/?year=2024").content.decode()
    assert "35/QĐ-UBND" in client.get("/emulation/decisions/?year=2024&by=signed").content.decode()
    figures = client.get(f"/emulation/figures/?unit={tree.lc.pk}&year=2023").content.decode()
    assert 'data-level="province_gov"' in figures
    history = client.get(f"/emulation/history/member/{hoa.pk}/").content.decode()
    assert "Ủy ban nhân dân tỉnh Lào Cai" in history and "35/QĐ-UBND" in history
    assert "Giấy chứng nhận" not in history  # the union prints no certificate for another body's award


def test_the_api_records_a_received_decision_once_per_key_and_filters_by_year(tree, hoa, client):
    client.force_login(tree.province_officer)
    body = {
        "issuing_unit_id": tree.lc.pk,
        "issuer": "province_gov",
        "issuer_name": "Ủy ban nhân dân tỉnh Lào Cai",
        "number": "77/QĐ-UBND",
        "issued_on": "2024-01-12",
        "year": 2023,
        "lines": [
            {"award_kind": "huy_hieu_ubnd", "member_id": hoa.pk},
            {"award_kind": "bang_khen_ubnd_tt", "unit_id": tree.g1.pk},
        ],
    }
    url = "/api/v1/emulation/decisions/recorded"
    headers = {"HTTP_IDEMPOTENCY_KEY": "k-77"}
    first = client.post(url, body, content_type="application/json", **headers)
    again = client.post(url, body, content_type="application/json", **headers)
    assert first.status_code == 201 and again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and Decision.objects.count() == 1
    assert first.json()["issuer"] == "province_gov" and first.json()["year"] == 2023
    listed = client.get("/api/v1/emulation/decisions", {"year": 2023}).json()
    assert listed["count"] == 1
    assert client.get("/api/v1/emulation/decisions", {"year": 2024}).json()["count"] == 0
    assert client.get("/api/v1/emulation/decisions", {"year": 2024, "by": "signed"}).json()["count"] == 1
    figures = client.get("/api/v1/emulation/figures", {"unit_id": tree.lc.pk, "year": 2023}).json()
    assert figures["total"] == 2 and figures["by_level"][0]["level"] == "province_gov"
    wrong = client.post(
        url,
        {**body, "number": "78/QĐ-UBND", "lines": [{"award_kind": "bang_khen_ttg", "member_id": hoa.pk}]},
        content_type="application/json",
    )
    assert wrong.status_code == 422 and "không phải hình thức khen thưởng" in str(wrong.json()["detail"])
    client.force_login(tree.other_province_officer)
    assert (
        client.post(url, {**body, "number": "79/QĐ-UBND"}, content_type="application/json").status_code == 404
    )


def test_figures_by_award_year_and_by_signing_date_match_a_recount_on_random_decisions(tree):
    rng = random.Random(16)
    members = [make_member(unit, f"Đoàn viên {i}") for i, unit in enumerate([tree.g1, tree.g2, tree.g3] * 2)]
    individual = [current("bang_khen_ubnd"), current("huy_hieu_ubnd")]
    for n in range(12):
        issued_on = dt.date(rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28))
        year = issued_on.year - rng.choice([0, 0, 1])
        chosen = rng.sample(members, rng.randint(1, 3))
        lines = [(rng.choice(individual), None, m) for m in chosen]
        if rng.random() < 0.5:
            lines.append((current("bang_khen_ubnd_tt"), rng.choice([tree.g1, tree.g2, tree.g3]), None))
        record(tree, lines, number=f"{n}/QĐ-UBND", issued_on=issued_on, year=year)
    awards = list(Award.objects.select_related("decision"))
    for year in (2022, 2023, 2024, 2025):
        by_year = selectors.figures(scope=SYSTEM, unit=tree.lc, year=year)
        signed = selectors.figures(scope=SYSTEM, unit=tree.lc, year=year, by="signed")
        assert by_year["total"] == sum(a.year == year for a in awards)
        assert signed["total"] == sum(a.decision.issued_on.year == year for a in awards)
        assert by_year["individuals"] == sum(a.year == year and a.member_id is not None for a in awards)
        assert sum(c + i for _l, _n, c, i in by_year["by_level"]) == by_year["total"]
        counts = selectors.award_counts_between(
            scope=SYSTEM, unit=tree.lc, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
        )
        assert counts["total"] == by_year["total"]
