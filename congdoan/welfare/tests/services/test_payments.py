import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.welfare import selectors, services
from congdoan.welfare.constants import FundKind, PaymentStatus, ProgrammeKind
from congdoan.welfare.models import Payment

from ..conftest import SYSTEM, make_programme

pytestmark = pytest.mark.django_db


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


def test_an_amount_above_the_per_member_limit_is_refused_at_entry(tree, members):
    programme = make_programme(tree.bt, ProgrammeKind.HARDSHIP_AID, per_member_limit=1_000_000)
    with pytest.raises(ValidationError, match="vượt mức tối đa mỗi người 1.000.000 đ"):
        add(programme, members["g1"][0], tree.grassroots_officer, amount=1_500_000)
    assert not Payment.objects.filter(programme=programme).exists()


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
