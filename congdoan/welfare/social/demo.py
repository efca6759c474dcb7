"""Demo social work in Lào Cai: donors the province and a commune mobilised, and their gifts this year
to poor households, schools, policy families and villages (shown to every demo account in scope)."""

from __future__ import annotations

import datetime as dt
import random

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from ..constants import DonorKind, GiftForm, GiftRecipient
from . import services

SYSTEM = Scope.unrestricted()

DONORS = [
    ("LCI", "Công ty CP Apatit Việt Nam", DonorKind.BUSINESS, "Phường Cam Đường, Lào Cai"),
    ("LCI", "Ngân hàng TMCP Công thương - Chi nhánh Lào Cai", DonorKind.BUSINESS, ""),
    ("LCI", "Hội Doanh nhân trẻ tỉnh Lào Cai", DonorKind.ORGANISATION, ""),
    ("LCI", "Bà Nguyễn Thị Hạnh", DonorKind.INDIVIDUAL, "Tổ 5, phường Lào Cai"),
    ("LCI.XBT", "Công ty TNHH Hóa chất Đức Giang Lào Cai", DonorKind.BUSINESS, "KCN Tằng Loỏng"),
]

# (giving unit, donor or None, recipient kind, recipient, form, value, month, day, what)
GIFTS = [
    (
        "LCI",
        "Công ty CP Apatit Việt Nam",
        GiftRecipient.SCHOOL,
        "Trường PTDTBT TH Bản Phiệt",
        GiftForm.IN_KIND,
        180_000_000,
        1,
        10,
        "Xây 2 phòng học bán trú",
    ),
    (
        "LCI",
        "Ngân hàng TMCP Công thương - Chi nhánh Lào Cai",
        GiftRecipient.HOUSEHOLD,
        "50 hộ nghèo xã Bản Xèo",
        GiftForm.CASH,
        100_000_000,
        1,
        20,
        "Quà Tết 2.000.000 đồng/hộ",
    ),
    (
        "LCI",
        "Hội Doanh nhân trẻ tỉnh Lào Cai",
        GiftRecipient.COMMUNITY,
        "Thôn Cốc Lầy, xã Phong Hải",
        GiftForm.IN_KIND,
        85_000_000,
        3,
        26,
        "Cầu dân sinh",
    ),
    (
        "LCI",
        None,
        GiftRecipient.POLICY_FAMILY,
        "Gia đình liệt sĩ Vàng A Páo",
        GiftForm.CASH,
        5_000_000,
        7,
        25,
        "Nhân ngày Thương binh - Liệt sĩ 27/7",
    ),
    (
        "LCI",
        "Bà Nguyễn Thị Hạnh",
        GiftRecipient.SCHOOL,
        "120 học sinh Trường THCS Gia Phú",
        GiftForm.IN_KIND,
        36_000_000,
        9,
        5,
        "Xe đạp, sách vở năm học mới",
    ),
    (
        "LCI.XBT",
        "Công ty TNHH Hóa chất Đức Giang Lào Cai",
        GiftRecipient.HOUSEHOLD,
        "Hộ ông Lù Văn Sáng, thôn Tằng Loỏng",
        GiftForm.CASH,
        40_000_000,
        6,
        12,
        "Hỗ trợ sửa nhà sau mưa lũ",
    ),
    (
        "LCI.XBT",
        None,
        GiftRecipient.POLICY_FAMILY,
        "Mẹ Việt Nam anh hùng Hoàng Thị Lự",
        GiftForm.IN_KIND,
        3_000_000,
        7,
        24,
        "",
    ),
    (
        "LCI.BT.001",
        "Công ty CP Apatit Việt Nam",
        GiftRecipient.COMMUNITY,
        "Bản Khe Mon, xã Bảo Thắng",
        GiftForm.IN_KIND,
        25_000_000,
        5,
        19,
        "Bể nước sạch",
    ),
]


def load(*, rng: random.Random) -> None:
    units = org_selectors.units_by_codes({code for code, *_ in DONORS} | {g[0] for g in GIFTS})
    if "LCI" not in units:
        return
    donors = {}
    for code, name, kind, contact in DONORS:
        donors[name] = services.donor_create(
            scope=SYSTEM, owner=units[code], name=name, kind=kind, contact=contact
        )
    day = today()
    for code, donor, kind, recipient, form, value, month, dom, what in GIFTS:
        given_on = min(day, dt.date(day.year, month, dom))
        services.gift_create(
            scope=SYSTEM,
            unit=units[code],
            donor=donors.get(donor) if donor else None,
            recipient_kind=kind,
            recipient_name=recipient,
            form=form,
            value=value + rng.randrange(0, 5) * 1_000_000,
            given_on=given_on,
            description=what,
        )
