import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.welfare import selectors, services
from congdoan.welfare.constants import FundKind, PaymentStatus, ProgrammeKind
from congdoan.welfare.excel.services import recipients_import
from congdoan.welfare.models import Payment, Registration
from congdoan.welfare.views import throttle

from .conftest import SYSTEM, make_programme

pytestmark = pytest.mark.django_db


def register(*, ip: str, **fields):
    """An online registration as the public page makes it: throttled per IP, then the service."""
    throttle(ip)
    return services.registration_create(**fields)


def xlsx(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def add(tet, member, user, amount=500_000, **kw):
    kw.setdefault("paid_on", dt.date(2026, 1, 20))
    return services.payment_add(scope=Scope.for_user(user), programme=tet, member=member, amount=amount, **kw)


def funds(programme):
    return programme.funds.get(kind=FundKind.GRASSROOTS), programme.funds.get(kind=FundKind.DONATION)


def test_a_payment_split_must_add_up_to_the_amount(tree, members, tet):
    union, donor = funds(tet)
    with pytest.raises(ValidationError) as exc:
        add(tet, members["g1"][0], tree.grassroots_officer, splits=[(union, 300_000), (donor, 100_000)])
    assert "phải bằng đúng số tiền chi" in str(exc.value)
    payment = add(tet, members["g1"][0], tree.grassroots_officer, splits=[(union, 300_000), (donor, 200_000)])
    assert sorted(payment.splits.values_list("amount", flat=True)) == [200_000, 300_000]


def test_an_officer_cannot_add_a_member_outside_their_unit(tree, members, tet):
    with pytest.raises(PermissionDenied):
        add(tet, members["g3"][0], tree.grassroots_officer)


def test_a_unit_outside_the_programme_cannot_be_paid(tree, members):
    programme = make_programme(tree.cd)
    with pytest.raises(ValidationError, match="không tham gia"):
        add(programme, members["g1"][0], tree.province_officer)


def test_non_members_need_a_programme_that_allows_them(tree, tet):
    with pytest.raises(ValidationError, match="chỉ hỗ trợ đoàn viên"):
        services.payment_add(
            scope=Scope.for_user(tree.grassroots_officer),
            programme=tet,
            worker_name="Vàng A Sử",
            worker_cccd="010203040506",
            unit=tree.g1,
        )
    tet.allows_non_members = True
    tet.save()
    payment = services.payment_add(
        scope=Scope.for_user(tree.grassroots_officer),
        programme=tet,
        worker_name="Vàng A Sử",
        worker_cccd="010203040506",
        unit=tree.g1,
    )
    assert payment.beneficiary_name == "Vàng A Sử"


def test_only_the_owner_unit_approves_and_approved_payments_are_then_reversed_not_edited(tree, members, tet):
    payment = add(tet, members["g1"][0], tree.grassroots_officer)
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    with pytest.raises(PermissionDenied):
        services.payments_approve(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    assert services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet) == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.APPROVED
    with pytest.raises(ValidationError):
        services.payment_delete(scope=Scope.for_user(tree.commune_officer), payment=payment)
    with pytest.raises(PermissionDenied):
        services.payment_reverse(
            scope=Scope.for_user(tree.grassroots_officer), payment=payment, reason="Ghi nhầm"
        )
    reversal = services.payment_reverse(
        scope=Scope.for_user(tree.commune_officer), payment=payment, reason="Ghi nhầm người"
    )
    assert reversal.amount == -500_000
    assert sum(reversal.splits.values_list("amount", flat=True)) == -500_000
    with pytest.raises(ValidationError, match="đã được điều chỉnh"):
        services.payment_reverse(
            scope=Scope.for_user(tree.commune_officer), payment=payment, reason="Lần nữa"
        )
    assert Event.objects.filter(action="welfare.payment_reverse", object_id=str(payment.pk)).exists()
    figures = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    assert figures["amount_total"] == 0 and figures["members_supported"] == 0


def test_approval_warns_about_the_same_support_twice_in_the_period(tree, members, tet):
    member = members["g1"][0]
    other = make_programme(tree.lc, name="Quà Tết của LĐLĐ tỉnh")
    add(other, member, tree.province_officer)
    services.payments_submit(scope=Scope.for_user(tree.province_officer), programme=other)
    services.payments_approve(scope=Scope.for_user(tree.province_officer), programme=other)
    add(tet, member, tree.grassroots_officer)
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    with pytest.raises(ValidationError) as exc:
        services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    assert any("Quà Tết của LĐLĐ tỉnh" in m for m in exc.value.messages)
    assert (
        services.payments_approve(
            scope=Scope.for_user(tree.commune_officer), programme=tet, confirm_warnings=True
        )
        == 1
    )


def test_approval_warns_when_the_per_member_limit_is_exceeded(tree, members):
    programme = make_programme(tree.bt, ProgrammeKind.HARDSHIP_AID, per_member_limit=1_000_000)
    payment = add(programme, members["g1"][0], tree.grassroots_officer, amount=1_500_000)
    warnings = selectors.duplicate_warnings(scope=SYSTEM, programme=programme, payments=[payment])
    assert any("vượt mức tối đa 1.000.000 đ" in w for w in warnings)


def test_an_excel_list_with_an_unknown_code_saves_nothing_and_names_the_row(tree, members, tet):
    known = members["g1"][0]
    data = xlsx(
        [
            ["STT", "Mã đoàn viên", "Họ và tên", "Số tiền"],
            [1, known.code, known.full_name, 500000],
            [2, "KHONGCO", "Ai đó", 500000],
        ]
    )
    with pytest.raises(ValidationError) as exc:
        recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=data)
    assert exc.value.messages == ["Dòng 3: không tìm thấy đoàn viên có mã “KHONGCO”."]
    assert not Payment.objects.exists()
    fixed = xlsx([["Mã đoàn viên", "Số tiền"], [known.code, 500000], [members["g1"][1].code, None]])
    made = recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=fixed)
    assert [p.amount for p in made] == [500_000, 500_000]


def test_an_excel_list_finds_members_by_cccd_and_refuses_other_units(tree, members, tet):
    data = xlsx([["CCCD"], [members["g1"][0].cccd], [members["g4"][0].cccd]])
    with pytest.raises(ValidationError) as exc:
        recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=data)
    assert exc.value.messages == [f"Dòng 3: không tìm thấy đoàn viên có số CCCD “{members['g4'][0].cccd}”."]


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


def test_the_programme_is_visible_to_participating_units_but_not_to_other_provinces(tree, tet):
    from congdoan.core.scoping import Scope

    assert selectors.programme_list(scope=Scope.for_user(tree.grassroots_officer)).filter(pk=tet.pk).exists()
    assert (
        not selectors.programme_list(scope=Scope.for_user(tree.other_province_officer))
        .filter(pk=tet.pk)
        .exists()
    )
    assert (
        not selectors.programme_list(scope=Scope.for_user(tree.grassroots_officer))
        .filter(pk=make_programme(tree.cd).pk)
        .exists()
    )


def test_figures_split_union_money_by_level_and_donors(tree, members, tet):
    union, donor = funds(tet)
    for member in members["g1"]:
        add(tet, member, tree.grassroots_officer, splits=[(union, 400_000), (donor, 100_000)])
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    figures = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31)
    )
    assert figures["amount_total"] == 1_500_000
    assert figures["members_supported"] == 3
    assert dict((k, v) for k, _label, v in figures["by_fund"]) == {
        FundKind.GRASSROOTS: 1_200_000,
        FundKind.DONATION: 300_000,
    }
    assert figures["donation_share"] == 20.0
    assert figures["donors"] == [{"donor": "Công ty CP Apatit Việt Nam", "amount": 300_000}]
    rows = selectors.welfare_figures_children(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31)
    )
    assert {r["unit"].code: r["amount"] for r in rows} == {"LCI.BT": 1_500_000, "LCI.CD": 0}


def test_houses_move_through_their_stages_in_order(tree, members):
    programme = make_programme(tree.lc, ProgrammeKind.UNION_HOUSE, standard_amount=50_000_000)
    case = services.house_create(
        scope=Scope.for_user(tree.province_officer),
        programme=programme,
        unit=tree.g1,
        household_name="Hộ ông Lý Văn Páo",
        situation="Nhà tạm, dột nát",
        work="new",
        approved_amount=50_000_000,
        approved_on=dt.date(2026, 3, 1),
    )
    with pytest.raises(ValidationError):
        services.house_advance(
            scope=Scope.for_user(tree.grassroots_officer),
            case=case,
            stage="handed_over",
            on=dt.date(2026, 5, 1),
        )
    services.house_advance(
        scope=Scope.for_user(tree.grassroots_officer), case=case, stage="building", on=dt.date(2026, 3, 10)
    )
    services.house_advance(
        scope=Scope.for_user(tree.grassroots_officer), case=case, stage="handed_over", on=dt.date(2026, 6, 1)
    )
    figures = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    assert (figures["houses"], figures["houses_handed_over"], figures["house_amount"]) == (1, 1, 50_000_000)


def test_computed_indicators_are_registered_and_read_the_figures(tree, members, tet):
    from congdoan.core.indicators import compute, registry

    codes = {
        "welfare_members_supported",
        "welfare_amount_total",
        "welfare_amount_donations",
        "welfare_houses",
        "welfare_visits",
        "welfare_registrations",
    }
    assert codes <= set(registry())
    add(tet, members["g1"][0], tree.grassroots_officer)
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    assert (
        compute("welfare_amount_total", unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
        == 500_000
    )
    assert (
        compute("welfare_amount_total", unit=tree.dn, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
        == 0
    )


def test_an_excel_list_may_split_each_row_across_fund_sources_by_column(tree, members, tet):
    a, b = members["g1"][:2]
    data = xlsx(
        [
            ["Mã đoàn viên", "Kinh phí công đoàn cơ sở", "Công ty CP Apatit Việt Nam"],
            [a.code, 300000, 200000],
            [b.code, 500000, None],
        ]
    )
    made = recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=data)
    assert [p.amount for p in made] == [500_000, 500_000]
    donor = tet.funds.get(kind=FundKind.DONATION)
    assert list(made[0].splits.filter(fund=donor).values_list("amount", flat=True)) == [200_000]
    bad = xlsx(
        [["Mã đoàn viên", "Số tiền", "Công ty CP Apatit Việt Nam"], [members["g1"][2].code, 500000, 100000]]
    )
    with pytest.raises(ValidationError, match="Dòng 2: Tổng các nguồn"):
        recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=bad)


def test_a_list_already_approved_by_someone_else_is_not_approved_or_counted_twice(tree, members, tet):
    add(tet, members["g1"][0], tree.grassroots_officer)
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    seen_by_the_second_officer = list(Payment.objects.filter(programme=tet))
    services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    with pytest.raises(ValidationError, match="người khác duyệt"):
        services.payments_approve(
            scope=Scope.for_user(tree.province_officer), programme=tet, payments=seen_by_the_second_officer
        )
    figures = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    assert figures["amount_total"] == 500_000
