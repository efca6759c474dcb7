from django.db import migrations

# The kinds of the 2025 structure (plus the historic district level). Configurable afterwards in the admin.
KINDS = [
    ("national", "Công đoàn Việt Nam (Trung ương)", 0, False, False, 0),
    ("province", "Liên đoàn Lao động tỉnh, thành phố", 1, False, False, 1),
    ("central_industry", "Công đoàn ngành Trung ương", 1, False, False, 2),
    ("corporation", "Công đoàn Tổng công ty trực thuộc Tổng Liên đoàn", 1, False, False, 3),
    ("commune", "Công đoàn xã, phường, đặc khu", 2, False, False, 1),
    ("industrial_park", "Công đoàn các khu công nghiệp", 2, False, False, 2),
    ("sector", "Công đoàn ngành địa phương", 2, False, False, 3),
    ("district", "Liên đoàn Lao động cấp huyện (trước 2025)", 2, False, True, 4),
    ("grassroots", "Công đoàn cơ sở", 3, True, False, 1),
    ("union_guild", "Nghiệp đoàn cơ sở", 3, True, False, 2),
    ("member_grassroots", "Công đoàn cơ sở thành viên", 4, False, False, 1),
    ("sub_unit", "Công đoàn bộ phận", 4, False, False, 2),
    ("group", "Tổ công đoàn", 5, False, False, 1),
]


def add_kinds(apps, schema_editor):
    UnitKind = apps.get_model("org", "UnitKind")
    for code, name, level, grassroots, historic, order in KINDS:
        UnitKind.objects.update_or_create(
            code=code,
            defaults={"name": name, "level": level, "is_grassroots": grassroots, "is_historic": historic,
                      "sort_order": order},
        )


def remove_kinds(apps, schema_editor):
    apps.get_model("org", "UnitKind").objects.filter(code__in=[k[0] for k in KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(add_kinds, remove_kinds)]
