"""Demo decisions signed elsewhere: the provincial People's Committee's decision received by the Lào Cai
federation (Bằng khen and Huy hiệu, signed in January 2026 for 2025), and the federation's own 2023 decision
entered afterwards (under the catalogue version then in force). Both reach the grassroots union of the demo's
"coso" account, so every demo account sees them."""

from __future__ import annotations

from congdoan.members.selectors.people import active_members_unscoped
from congdoan.org.models import Unit

from .. import services
from ..constants import Issuer
from ._common import SYSTEM, D, _kind, _unit


def load_received(province: Unit, grassroots: list[Unit]) -> None:
    first = _unit("LCI.BT.001") or grassroots[0]
    units = [first, *[u for u in grassroots if u.pk != first.pk][:2]]
    people = [
        m
        for unit in units
        for m in active_members_unscoped(unit=unit, subtree=False).filter(joined_on__lte=D(2022, 12, 1))[:2]
    ]
    if not people:
        return
    services.decision_record(
        scope=SYSTEM,
        issuing_unit=province,
        issuer=Issuer.PROVINCE_GOV,
        issuer_name="Ủy ban nhân dân tỉnh Lào Cai",
        number="152/QĐ-UBND",
        issued_on=D(2026, 1, 20),
        year=2025,
        signer_name="Hoàng Quốc Bình",
        signer_title="Chủ tịch",
        subject="Về việc tặng Bằng khen và Huy hiệu của Ủy ban nhân dân tỉnh năm 2025",
        lines=[
            *[(_kind("bang_khen_ubnd_tt"), unit, None) for unit in units[:2]],
            *[(_kind("bang_khen_ubnd"), m.unit, m) for m in people[:3]],
            *[(_kind("huy_hieu_ubnd"), m.unit, m) for m in people[3:5] or people[:1]],
        ],
    )
    services.decision_record(
        scope=SYSTEM,
        issuing_unit=province,
        issuer=Issuer.UNION,
        number="1250/QĐ-LĐLĐ",
        issued_on=D(2023, 12, 26),
        year=2023,
        signer_name="Vũ Xuân Hà",
        signer_title="Chủ tịch",
        subject="Về việc khen thưởng thành tích năm 2023 (nhập lại từ hồ sơ lưu trữ)",
        lines=[
            (_kind("bang_khen_ldld_tt"), first, None),
            *[(_kind("bang_khen_ldld"), m.unit, m) for m in people[:2]],
        ],
    )
