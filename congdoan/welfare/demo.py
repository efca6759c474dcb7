"""Demo data for welfare: Lào Cai's Tết 2026, sick visits, Mái ấm Công đoàn houses, an online Tết market.

Called by the demo loader after units and members exist. Programmes and fund sources go through the
services (so the audit log shows them); the thousands of payments are bulk-inserted, already split
across fund sources so that every split sums to its payment.
"""

from __future__ import annotations

import datetime as dt
import random

from congdoan.audit.services import event_record
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.members.models import Member
from congdoan.members.selectors.people import active_members_unscoped
from congdoan.org.models import Unit

from . import services
from .constants import (
    FundKind,
    HouseStage,
    HouseWork,
    PaymentForm,
    PaymentStatus,
    ProgrammeKind,
    RegistrationSource,
)
from .models import HouseCase, Payment, PaymentSplit, Registration
from .social import demo as social_demo

SYSTEM = Scope.unrestricted()
D = dt.date
MAX_TET_RECIPIENTS = 3000
DONORS = ["Công ty CP Apatit Việt Nam", "Ngân hàng TMCP Công Thương - Chi nhánh Lào Cai"]
HOUSEHOLDS = [
    (
        "Hộ ông Lý Văn Páo",
        "Nhà gỗ tạm bị sạt lở sau bão số 3, vợ ốm dài ngày",
        HouseWork.NEW,
        HouseStage.HANDED_OVER,
    ),
    (
        "Hộ bà Giàng Thị Mỷ",
        "Mẹ đơn thân nuôi hai con nhỏ, nhà dột nát",
        HouseWork.NEW,
        HouseStage.HANDED_OVER,
    ),
    (
        "Hộ ông Hoàng Văn Thắng",
        "Chồng bị tai nạn lao động, nhà xuống cấp",
        HouseWork.REPAIR,
        HouseStage.BUILDING,
    ),
    (
        "Hộ bà Nguyễn Thị Lan",
        "Nhà cấp 4 mái tôn thủng, hai con đi học",
        HouseWork.REPAIR,
        HouseStage.BUILDING,
    ),
    ("Hộ ông Vàng A Sử", "Hộ nghèo, nhà trình tường nứt sau mưa lũ", HouseWork.NEW, HouseStage.APPROVED),
]


def _province() -> Unit | None:
    return Unit.objects.filter(code="LCI").first()


def _members(province: Unit, limit: int, rng: random.Random) -> list[Member]:
    ids = list(active_members_unscoped(unit=province).values_list("id", flat=True))
    if len(ids) > limit:
        ids = sorted(rng.sample(ids, limit))
    return list(
        active_members_unscoped(unit=province)
        .filter(id__in=ids)
        .select_related("unit")
        .order_by("unit__path", "id")
    )


def _bulk_pay(programme, rows: list[tuple[Member, int, dt.date, str, list[tuple[object, int]]]], status: str):
    """Insert payments (member, amount, date, form, splits) and their splits in two bulk statements."""
    payments = Payment.objects.bulk_create(
        [
            Payment(
                programme=programme,
                unit_id=member.unit_id,
                member=member,
                amount=amount,
                paid_on=paid_on,
                form=form,
                status=status,
            )
            for member, amount, paid_on, form, _splits in rows
        ],
        batch_size=1000,
    )
    PaymentSplit.objects.bulk_create(
        [
            PaymentSplit(payment=payment, fund=fund, amount=part)
            for payment, (_m, _a, _d, _f, splits) in zip(payments, rows, strict=True)
            for fund, part in splits
            if part
        ],
        batch_size=2000,
    )
    return payments


def _tet(province: Unit, rng: random.Random) -> None:
    programme = services.programme_create(
        scope=SYSTEM,
        owner=province,
        kind=ProgrammeKind.TET_GIFTS,
        name="Tết Sum vầy - Xuân Bính Ngọ 2026",
        start=D(2026, 1, 5),
        end=D(2026, 2, 15),
        whole_subtree=True,
        eligibility="Đoàn viên, người lao động có hoàn cảnh khó khăn, bị ảnh hưởng bởi thiên tai, "
        "mất việc làm; ưu tiên đoàn viên tại doanh nghiệp khu công nghiệp.",
        standard_amount=1_000_000,
        per_member_limit=2_000_000,
        allows_non_members=True,
    )
    funds = {
        kind: services.fund_add(scope=SYSTEM, programme=programme, kind=kind, budget=budget)
        for kind, budget in (
            (FundKind.PROVINCIAL, 1_200_000_000),
            (FundKind.DIRECTLY_SUPERIOR, 600_000_000),
            (FundKind.GRASSROOTS, 900_000_000),
        )
    }
    donors = [
        services.fund_add(
            scope=SYSTEM,
            programme=programme,
            kind=FundKind.DONATION,
            donor_name=name,
            budget=budget,
        )
        for name, budget in zip(DONORS, (800_000_000, 500_000_000), strict=True)
    ]
    rows = []
    for member in _members(province, MAX_TET_RECIPIENTS, rng):
        amount = rng.choice((500_000, 1_000_000, 1_000_000, 1_500_000))
        donated = (
            rng.choice((0, 300_000, 500_000, 500_000)) if amount >= 1_000_000 else rng.choice((0, 200_000))
        )
        provincial = amount // 2 - donated // 2
        superior = rng.choice((0, 100_000))
        grassroots = amount - donated - provincial - superior
        splits = [
            (funds[FundKind.PROVINCIAL], provincial),
            (funds[FundKind.DIRECTLY_SUPERIOR], superior),
            (funds[FundKind.GRASSROOTS], grassroots),
            (rng.choice(donors), donated),
        ]
        paid_on = D(2026, 1, 20) + dt.timedelta(days=rng.randint(0, 20))
        rows.append((member, amount, paid_on, rng.choice((PaymentForm.CASH, PaymentForm.GOODS)), splits))
    # The `coso` account's union still has its list waiting for the province's approval.
    waiting = [r for r in rows if r[0].unit.code == "LCI.BT.001"]
    done = [r for r in rows if r[0].unit.code != "LCI.BT.001"]
    _bulk_pay(programme, done, PaymentStatus.APPROVED)
    _bulk_pay(programme, waiting, PaymentStatus.SUBMITTED)
    event_record(
        actor=None,
        action="welfare.demo",
        summary=f"Dữ liệu mẫu: {len(rows)} người được hỗ trợ Tết 2026",
        unit=province,
        obj=programme,
    )


def _visits(province: Unit, rng: random.Random) -> None:
    programme = services.programme_create(
        scope=SYSTEM,
        owner=province,
        kind=ProgrammeKind.SICK_VISIT,
        name="Thăm hỏi đoàn viên ốm đau năm 2026",
        start=D(2026, 1, 1),
        end=D(2026, 12, 31),
        eligibility="Đoàn viên ốm đau, tai nạn phải điều trị dài ngày (Quyết định 4291/QĐ-TLĐ).",
        standard_amount=1_000_000,
        per_member_limit=3_000_000,
    )
    fund = services.fund_add(scope=SYSTEM, programme=programme, kind=FundKind.GRASSROOTS, budget=100_000_000)
    end = min(today(), D(2026, 12, 31))
    rows = []
    for member in _members(province, 40, rng):
        amount = rng.choice((500_000, 1_000_000, 1_000_000, 3_000_000))
        paid_on = D(2026, 1, 1) + dt.timedelta(days=rng.randint(0, max(0, (end - D(2026, 1, 1)).days)))
        rows.append((member, amount, paid_on, PaymentForm.CASH, [(fund, amount)]))
    _bulk_pay(programme, rows, PaymentStatus.APPROVED)


def _houses(province: Unit, rng: random.Random) -> None:
    programme = services.programme_create(
        scope=SYSTEM,
        owner=province,
        kind=ProgrammeKind.UNION_HOUSE,
        name="Mái ấm Công đoàn năm 2026",
        start=D(2026, 1, 1),
        end=D(2026, 12, 31),
        eligibility="Đoàn viên có hoàn cảnh khó khăn về nhà ở; hồ sơ gửi trước 30/6, hoàn thành trước 31/12.",
        standard_amount=50_000_000,
    )
    social_fund = services.fund_add(
        scope=SYSTEM, programme=programme, kind=FundKind.PROVINCIAL, budget=250_000_000
    )
    members = _members(province, len(HOUSEHOLDS), rng)
    rows = []
    for i, (household, situation, work, stage) in enumerate(HOUSEHOLDS):
        member = members[i] if i < len(members) else None
        unit = member.unit if member else province
        approved_on = D(2026, 3, 1) + dt.timedelta(days=7 * i)
        HouseCase.objects.create(
            programme=programme,
            unit=unit,
            member=member,
            household_name=household,
            situation=situation,
            work=work,
            approved_amount=50_000_000,
            stage=stage,
            approved_on=approved_on,
            building_from=approved_on + dt.timedelta(days=20) if stage != HouseStage.APPROVED else None,
            handed_over_on=approved_on + dt.timedelta(days=110) if stage == HouseStage.HANDED_OVER else None,
        )
        if member is not None and stage != HouseStage.APPROVED:
            rows.append((member, 50_000_000, approved_on, PaymentForm.TRANSFER, [(social_fund, 50_000_000)]))
    _bulk_pay(programme, rows, PaymentStatus.APPROVED)


def _market(province: Unit, rng: random.Random) -> None:
    day = today()
    programme = services.programme_create(
        scope=SYSTEM,
        owner=province,
        kind=ProgrammeKind.TET_MARKET_VOUCHER,
        name="Chợ Tết Công đoàn trực tuyến - phiếu mua hàng 500.000 đồng",
        start=day - dt.timedelta(days=7),
        end=day + dt.timedelta(days=60),
        eligibility="Đoàn viên tiêu biểu, đoàn viên có thu nhập thấp, hoàn cảnh khó khăn.",
        standard_amount=500_000,
        per_member_limit=500_000,
        online_registration=True,
    )
    services.fund_add(scope=SYSTEM, programme=programme, kind=FundKind.NATIONAL, budget=300_000_000)
    # Made over the week the market has been open; some came through the national platform's export.
    Registration.objects.bulk_create(
        [
            Registration(
                programme=programme,
                member=m,
                unit_id=m.unit_id,
                registered_on=day - dt.timedelta(days=i % 7),
                source=RegistrationSource.PLATFORM if i % 3 == 0 else RegistrationSource.WEB,
            )
            for i, m in enumerate(_members(province, 25, rng))
        ]
    )


def load(*, scale: str) -> None:
    """Welfare demo for Lào Cai (unit code LCI); does nothing if the province is not there."""
    province = _province()
    if province is None:
        return
    rng = random.Random(f"welfare-{scale}")
    _tet(province, rng)
    _visits(province, rng)
    _houses(province, rng)
    _market(province, rng)
    social_demo.load(rng=rng)
    # The payments above were bulk-inserted, bypassing the approval service that keeps the tally.
    services.payment_tally_rebuild()
