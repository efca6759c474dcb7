"""The caps of Kế hoạch 22/KH-TLĐ (2025) for the 2025–2030 congresses; configurable afterwards (admin), dated.

The 2023–2028 round (congresses held 2022–2024) gets an earlier period with the same figures, so past congresses
can be entered; an administrator corrects that period's rows where its guidance differed."""

import datetime as dt

from django.db import migrations

PERIODS = [
    ("Hướng dẫn đại hội công đoàn các cấp nhiệm kỳ 2023–2028 của Tổng Liên đoàn", dt.date(2018, 1, 1),
     dt.date(2024, 12, 31)),
    ("Kế hoạch 22/KH-TLĐ năm 2025 của Tổng Liên đoàn", dt.date(2025, 1, 1), None),
]
GRASSROOTS_KINDS = ("grassroots", "union_guild", "member_grassroots", "sub_unit")
MIDDLE_KINDS = ("commune", "industrial_park", "sector", "district")
TOP_KINDS = ("province", "central_industry", "corporation")
# (min members, max members (exclusive), cap)
EXECUTIVE = {
    GRASSROOTS_KINDS: [
        (0, 50, 3), (50, 150, 5), (150, 500, 9), (500, 1000, 11), (1000, 3000, 13), (3000, 5000, 15),
        (5000, 10000, 19), (10000, 25000, 21), (25000, None, 25),
    ],
    MIDDLE_KINDS: [(0, 3000, 15), (3000, 10000, 21), (10000, 25000, 25), (25000, None, 27)],
    TOP_KINDS: [(0, 100000, 35), (100000, 200000, 41), (200000, None, 45)],
}
DELEGATES = {
    GRASSROOTS_KINDS: [(200, 500, 100), (500, 1000, 150), (1000, 5000, 200), (5000, None, 250)],
    MIDDLE_KINDS: [(0, 10000, 150), (10000, 30000, 200), (30000, None, 250)],
    TOP_KINDS: [(0, 100000, 300), (100000, 300000, 350), (300000, None, 400)],
}
BY_UNIT = [("executive", "HNI", 55), ("executive", "HCM", 65), ("delegates", "HNI", 500), ("delegates", "HCM", 500)]


def seed(apps, schema_editor):
    Rule = apps.get_model("congress", "CongressRule")
    Cap = apps.get_model("congress", "SizeCap")
    UnitKind = apps.get_model("org", "UnitKind")
    kinds = {k.code: k for k in UnitKind.objects.all()}
    for source, start, end in PERIODS:
        _seed_period(Rule, Cap, kinds, source, start, end)


def _seed_period(Rule, Cap, kinds, source, start, end):
    dated = {"source": source, "valid_from": start, "valid_to": end}
    Rule.objects.create(delegate_threshold=200, standing_min_executive=9, standing_max_divisor=3, **dated)
    for what, table in (("executive", EXECUTIVE), ("delegates", DELEGATES)):
        for codes, rows in table.items():
            for code in codes:
                if code not in kinds:
                    continue
                for low, high, cap in rows:
                    Cap.objects.create(
                        what=what, unit_kind=kinds[code], min_members=low, max_members=high, cap=cap, **dated
                    )
    for what, code, cap in BY_UNIT:
        Cap.objects.create(what=what, unit_code=code, cap=cap, **dated)


def unseed(apps, schema_editor):
    apps.get_model("congress", "SizeCap").objects.all().delete()
    apps.get_model("congress", "CongressRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("congress", "0001_initial"), ("org", "0002_unit_kinds")]
    operations = [migrations.RunPython(seed, unseed)]
