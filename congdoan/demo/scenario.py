"""The demo's story: Lào Cai province before and after the 2025 restructure.

Built through the real services (so the audit log and links are what an officer would have made):
- before 2025: districts (Bảo Thắng, TP Lào Cai) with grassroots unions; Yên Bái province beside it;
- 15/06/2025: the grassroots union of a 100%-state-budget office is dissolved;
- 01/07/2025: commune/ward unions are founded, grassroots unions move to them, the district
  federations end on 30/06/2025, and Yên Bái's federation is merged into Lào Cai's.
"""

import datetime as dt

from congdoan.accounts.models import Assignment, User
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.demo.bulk import clear
from congdoan.org import services
from congdoan.org.constants import ClusterKind, Sector
from congdoan.org.models import Unit, UnitKind
from congdoan.restructure import operations

DEMO_PASSWORD = "congdoan2026"  # noqa: S105 - documented demo password
D = dt.date
RESTRUCTURE = D(2025, 7, 1)
SYSTEM = Scope.unrestricted()


def kind(code: str) -> UnitKind:
    return UnitKind.objects.get(code=code)


def found(parent, name, kind_code, founded_on, decision, code="", sector="", employer=""):
    return operations.unit_found(
        scope=SYSTEM,
        parent=parent,
        name=name,
        kind=kind(kind_code),
        founded_on=founded_on,
        decision_no=decision,
        decision_date=founded_on,
        code=code,
        sector=sector,
        employer=employer,
        allow_historic=True,
    )


def make_root() -> Unit:
    root = Unit.objects.create(
        code="TLD",
        name="Tổng Liên đoàn Lao động Việt Nam",
        name_folded=fold("Tổng Liên đoàn Lao động Việt Nam"),
        kind=kind("national"),
        founded_on=D(1929, 7, 28),
        founding_decision_no="Đại hội I",
        path="/",
        depth=0,
    )
    root.path = f"/{root.pk}/"
    root.save(update_fields=["path"])
    return root


# (name, employer, sector) of grassroots unions, realistic for Lào Cai and Yên Bái.
BAO_THANG = [
    (
        "CĐCS Công ty TNHH MTV Apatit Việt Nam - Xưởng Tuyển Bắc Nhạc Sơn",
        "Công ty TNHH MTV Apatit Việt Nam",
        Sector.STATE,
    ),
    (
        "CĐCS Công ty Cổ phần Hóa chất Đức Giang Lào Cai",
        "Công ty CP Hóa chất Đức Giang Lào Cai",
        Sector.NON_STATE,
    ),
    ("CĐCS Công ty TNHH Vàng Phước Lộc", "Công ty TNHH Vàng Phước Lộc", Sector.NON_STATE),
    (
        "CĐCS Công ty Cổ phần Phân lân nung chảy Lào Cai",
        "Công ty CP Phân lân nung chảy Lào Cai",
        Sector.NON_STATE,
    ),
    ("CĐCS Trường THPT số 1 Bảo Thắng", "Trường THPT số 1 Bảo Thắng", Sector.STATE),
    ("CĐCS Bệnh viện Đa khoa huyện Bảo Thắng", "Bệnh viện Đa khoa huyện Bảo Thắng", Sector.STATE),
]
TP_LAO_CAI = [
    ("CĐCS Công ty Cổ phần Cấp nước Lào Cai", "Công ty CP Cấp nước Lào Cai", Sector.STATE),
    ("CĐCS Công ty TNHH Hải Hà Lào Cai", "Công ty TNHH Hải Hà", Sector.NON_STATE),
    ("CĐCS Khách sạn Sài Gòn - Lào Cai", "Công ty CP Du lịch Sài Gòn - Lào Cai", Sector.NON_STATE),
    ("CĐCS Siêu thị Go! Lào Cai", "Công ty TNHH Central Retail Việt Nam", Sector.FDI),
    ("CĐCS Công ty TNHH Điện tử Vina Lào Cai", "Công ty TNHH Điện tử Vina Lào Cai", Sector.FDI),
]
YEN_BAI_CITY = [
    ("CĐCS Công ty Cổ phần Xi măng Yên Bái", "Công ty CP Xi măng Yên Bái", Sector.NON_STATE),
    ("CĐCS Công ty TNHH Yuan Yuan Yên Bái", "Công ty TNHH Yuan Yuan", Sector.FDI),
    (
        "CĐCS Công ty Cổ phần Môi trường và Dịch vụ đô thị Yên Bái",
        "Công ty CP Môi trường đô thị Yên Bái",
        Sector.STATE,
    ),
]


def build() -> dict[str, Unit]:
    """Create the demo tree and accounts; returns the units the accounts are attached to."""
    root = make_root()
    ct = found(root, "Công đoàn Công Thương Việt Nam", "central_industry", D(1957, 9, 1), "12/QĐ-TLĐ", "CTVN")
    found(root, "Công đoàn Giáo dục Việt Nam", "central_industry", D(1951, 10, 10), "45/QĐ-TLĐ", "GDVN")
    found(root, "Công đoàn Tập đoàn Điện lực Việt Nam", "corporation", D(1995, 1, 1), "201/QĐ-TLĐ", "EVN")
    found(
        ct,
        "CĐCS Công ty Cổ phần Dệt may 29/3",
        "grassroots",
        D(1976, 3, 29),
        "77/QĐ-CĐCT",
        "CTVN.001",
        Sector.NON_STATE,
        "Công ty CP Dệt may 29/3",
    )
    hn = found(root, "Liên đoàn Lao động thành phố Hà Nội", "province", D(1946, 1, 1), "01/QĐ-TLĐ", "HNI")
    hn_c = found(hn, "Công đoàn phường Hoàn Kiếm", "commune", RESTRUCTURE, "850/QĐ-LĐLĐ", "HNI.HK")
    found(
        hn_c,
        "CĐCS Tổng Công ty Du lịch Hà Nội",
        "grassroots",
        D(2025, 9, 10),
        "301/QĐ-CĐ",
        "HNI.HK.001",
        Sector.STATE,
        "Tổng Công ty Du lịch Hà Nội",
    )

    lc = found(root, "Liên đoàn Lao động tỉnh Lào Cai", "province", D(1991, 10, 1), "112/QĐ-TLĐ", "LCI")
    yb = found(root, "Liên đoàn Lao động tỉnh Yên Bái", "province", D(1991, 10, 1), "113/QĐ-TLĐ", "YBI")
    bt = found(lc, "Liên đoàn Lao động huyện Bảo Thắng", "district", D(1992, 3, 1), "15/QĐ-LĐLĐ", "LCI.BT")
    tp = found(lc, "Liên đoàn Lao động thành phố Lào Cai", "district", D(1992, 3, 1), "16/QĐ-LĐLĐ", "LCI.TP")
    ybc = found(yb, "Liên đoàn Lao động thành phố Yên Bái", "district", D(1992, 4, 1), "21/QĐ-LĐLĐ", "YBI.TP")

    def grassroots(parent, rows, prefix, year):
        made = []
        for i, (name, employer, sector) in enumerate(rows, start=1):
            made.append(
                found(
                    parent,
                    name,
                    "grassroots",
                    D(year + i, 3, 1 + i),
                    f"{40 + i}/QĐ-LĐLĐ",
                    f"{prefix}.{i:03d}",
                    sector,
                    employer,
                )
            )
        return made

    bt_units = grassroots(bt, BAO_THANG, "LCI.BT", 1998)
    tp_units = grassroots(tp, TP_LAO_CAI, "LCI.TP", 2003)
    yb_units = grassroots(ybc, YEN_BAI_CITY, "YBI.TP", 2001)
    found(
        yb,
        "CĐCS Công ty Thủy điện Thác Bà",
        "grassroots",
        D(2000, 6, 1),
        "88/QĐ-LĐLĐ",
        "YBI.001",
        Sector.STATE,
        "Công ty CP Thủy điện Thác Bà",
    )
    budget = found(
        bt,
        "CĐCS Phòng Giáo dục và Đào tạo huyện Bảo Thắng",
        "grassroots",
        D(1999, 9, 1),
        "51/QĐ-LĐLĐ",
        "LCI.BT.099",
        Sector.STATE,
        "Phòng GD&ĐT huyện Bảo Thắng",
    )

    # 15/06/2025: unions in 100%-state-budget units are dissolved (letter 4133/TLĐ-ToC).
    operations.unit_dissolve(
        scope=SYSTEM,
        unit=budget,
        dissolved_on=D(2025, 6, 15),
        decision_no="95/QĐ-LĐLĐ",
        reason="Đơn vị hưởng 100% lương từ ngân sách nhà nước",
    )

    # 01/07/2025: commune/ward unions take over from the district federations.
    communes = {
        "bt": found(lc, "Công đoàn xã Bảo Thắng", "commune", RESTRUCTURE, "1021/QĐ-LĐLĐ", "LCI.XBT"),
        "ph": found(lc, "Công đoàn xã Phong Hải", "commune", RESTRUCTURE, "1022/QĐ-LĐLĐ", "LCI.XPH"),
        "lc": found(lc, "Công đoàn phường Lào Cai", "commune", RESTRUCTURE, "1023/QĐ-LĐLĐ", "LCI.PLC"),
        "cd": found(lc, "Công đoàn phường Cam Đường", "commune", RESTRUCTURE, "1024/QĐ-LĐLĐ", "LCI.PCD"),
        "kcn": found(
            lc,
            "Công đoàn các Khu công nghiệp tỉnh Lào Cai",
            "industrial_park",
            RESTRUCTURE,
            "1025/QĐ-LĐLĐ",
            "LCI.KCN",
        ),
        "yb": found(lc, "Công đoàn phường Yên Bái", "commune", RESTRUCTURE, "1026/QĐ-LĐLĐ", "LCI.PYB"),
    }
    moves = [
        (bt_units[0], "bt"),
        (bt_units[1], "kcn"),
        (bt_units[2], "ph"),
        (bt_units[3], "kcn"),
        (bt_units[4], "bt"),
        (bt_units[5], "bt"),
        (tp_units[0], "lc"),
        (tp_units[1], "lc"),
        (tp_units[2], "cd"),
        (tp_units[3], "cd"),
        (tp_units[4], "kcn"),
        *[(u, "yb") for u in yb_units],
    ]
    for unit, target in moves:
        operations.unit_reparent(
            scope=SYSTEM,
            unit=unit,
            new_parent=communes[target],
            effective_on=RESTRUCTURE,
            decision_no="1030/QĐ-LĐLĐ",
            decision_date=D(2025, 6, 28),
        )
    for district in (bt, tp, ybc):
        operations.unit_dissolve(
            scope=SYSTEM,
            unit=district,
            dissolved_on=RESTRUCTURE - dt.timedelta(days=1),
            decision_no="1019/QĐ-LĐLĐ",
            reason="Kết thúc hoạt động công đoàn cấp huyện (Kết luận 157-KL/TW)",
        )
    # Yên Bái federation merges into Lào Cai's on 01/07/2025 (its remaining direct units move across).
    operations.unit_merge(
        scope=SYSTEM,
        sources=[yb],
        target=lc,
        effective_on=RESTRUCTURE,
        decision_no="1500/QĐ-TLĐ",
        decision_date=D(2025, 6, 30),
    )
    # Tuyên Quang absorbs Hà Giang the same day (a second, empty-ish merge for the national view).
    tq = found(root, "Liên đoàn Lao động tỉnh Tuyên Quang", "province", D(1991, 10, 1), "114/QĐ-TLĐ", "TQG")
    hg = found(root, "Liên đoàn Lao động tỉnh Hà Giang", "province", D(1991, 10, 1), "115/QĐ-TLĐ", "HGG")
    found(
        hg,
        "CĐCS Công ty Cổ phần Xi măng Hà Giang",
        "grassroots",
        D(2004, 4, 1),
        "61/QĐ-LĐLĐ",
        "HGG.001",
        Sector.NON_STATE,
        "Công ty CP Xi măng Hà Giang",
    )
    operations.unit_merge(
        scope=SYSTEM,
        sources=[hg],
        target=tq,
        effective_on=RESTRUCTURE,
        decision_no="1501/QĐ-TLĐ",
        decision_date=D(2025, 6, 30),
    )

    services.cluster_save(
        scope=SYSTEM,
        owner=root,
        name="Cụm thi đua số 1 - các tỉnh miền núi phía Bắc",
        kind=ClusterKind.CLUSTER,
        year=2026,
        members=[lc, tq, hn],
        head_unit=lc,
        note="Ký kết giao ước thi đua ngày 20/01/2026 tại Lào Cai.",
    )
    services.cluster_save(
        scope=SYSTEM,
        owner=lc,
        name="Khối doanh nghiệp khu công nghiệp",
        kind=ClusterKind.BLOCK,
        year=2026,
        members=[communes["kcn"], communes["cd"], communes["lc"]],
        head_unit=communes["kcn"],
    )
    units = {"national": root, "province": lc, "commune": communes["bt"], "grassroots": bt_units[0]}
    make_accounts(units)
    return units


ACCOUNTS = [
    ("trunguong", "Nguyễn Văn Hùng", "Phó Trưởng ban Tổ chức Tổng Liên đoàn", "national", Role.ADMIN),
    ("tinh", "Lê Thị Thu Hà", "Trưởng ban Tổ chức LĐLĐ tỉnh Lào Cai", "province", Role.OFFICER),
    ("xa", "Hoàng Văn Dũng", "Chủ tịch Công đoàn xã Bảo Thắng", "commune", Role.OFFICER),
    ("coso", "Phạm Thị Mai", "Chủ tịch CĐCS Xưởng Tuyển Bắc Nhạc Sơn", "grassroots", Role.OFFICER),
]


def make_accounts(units: dict[str, Unit]) -> None:
    for username, full_name, position, level, role in ACCOUNTS:
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            full_name=full_name,
            position=position,
            is_superuser=username == "trunguong",
            is_staff=username == "trunguong",
        )
        Assignment.objects.create(user=user, unit=units[level], role=role)


def wipe() -> None:
    """Remove all demo-owned rows (units and everything that points at them: links, members, audit,
    other apps' records; then the demo accounts) so the command can be re-run."""
    clear(Unit)
    User.objects.filter(username__in=[a[0] for a in ACCOUNTS]).delete()
