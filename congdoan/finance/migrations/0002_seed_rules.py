"""The rule tables as in force (sources in docs/decisions.md, "Finance"); officers amend them as rows."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

D = dt.date
QD1908 = "QĐ 1908/QĐ-TLĐ (19/12/2016)"
QD61 = "QĐ 61/QĐ-TLĐ (29/07/2025)"

BASE = [
    (D(2023, 7, 1), D(2024, 6, 30), 1_800_000, "NĐ 24/2023/NĐ-CP"),
    (D(2024, 7, 1), D(2026, 6, 30), 2_340_000, "NĐ 73/2024/NĐ-CP"),
    (D(2026, 7, 1), None, 2_530_000, "NĐ 161/2026/NĐ-CP"),
]
# (group, from, to, rate %, pay base, cap % of base salary)
DUES = [
    ("1", D(2017, 1, 1), D(2025, 6, 30), "1", "insurance", None, QD1908),
    ("2", D(2017, 1, 1), D(2025, 6, 30), "1", "insurance", "10", QD1908),
    ("3", D(2017, 1, 1), D(2025, 6, 30), "1", "insurance", "10", QD1908),
    ("1", D(2025, 7, 1), None, "0.5", "insurance", None, QD61),
    ("2", D(2025, 7, 1), None, "0.5", "take_home", "10", QD61),
    ("3", D(2025, 7, 1), None, "0.5", "insurance", "10", QD61),
]
SPLITS = [
    ("dues", D(2022, 3, 1), D(2022, 12, 31), "60", "QĐ 4290/QĐ-TLĐ (01/03/2022)"),
    ("dues", D(2023, 1, 1), None, "70", "QĐ 8108/QĐ-TLĐ (từ năm tài chính 2023)"),
    ("fund", D(2022, 3, 1), None, "75", "QĐ 4290/QĐ-TLĐ (01/03/2022)"),
]
NORMS = [
    ("Chi chăm lo, bảo vệ đoàn viên", "II.4", "min", "40"),
    ("Lương, phụ cấp cán bộ công đoàn", "II.1", "max", "45"),
    ("Chi khác (hành chính, phong trào)", "II.2,II.3", "max", "15"),
]


def seed(apps, schema_editor):
    BaseSalary = apps.get_model("finance", "BaseSalary")
    DuesRate = apps.get_model("finance", "DuesRate")
    FundRate = apps.get_model("finance", "FundRate")
    Split = apps.get_model("finance", "Split")
    SpendingNorm = apps.get_model("finance", "SpendingNorm")
    for start, end, amount, basis in BASE:
        BaseSalary.objects.create(valid_from=start, valid_to=end, amount=amount, basis=basis)
    for group, start, end, rate, base, cap, basis in DUES:
        DuesRate.objects.create(
            group=group,
            valid_from=start,
            valid_to=end,
            rate=Decimal(rate),
            pay_base=base,
            cap_percent_of_base=Decimal(cap) if cap else None,
            basis=basis,
        )
    FundRate.objects.create(valid_from=D(2013, 1, 1), rate=Decimal(2), basis="Luật Công đoàn; NĐ 191/2013/NĐ-CP")
    for kind, start, end, pct, basis in SPLITS:
        Split.objects.create(kind=kind, valid_from=start, valid_to=end, grassroots_percent=Decimal(pct), basis=basis)
    for name, lines, bound, pct in NORMS:
        SpendingNorm.objects.create(
            name=name,
            lines=lines,
            bound=bound,
            percent=Decimal(pct),
            valid_from=D(2022, 3, 1),
            basis="QĐ 4290/QĐ-TLĐ (01/03/2022)",
        )


def unseed(apps, schema_editor):
    for name in ("BaseSalary", "DuesRate", "FundRate", "Split", "SpendingNorm"):
        apps.get_model("finance", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("finance", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
