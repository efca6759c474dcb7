"""The catalogue gains the forms of bodies outside the union and the earlier versions of every entry, and
each award's year is set from its decision's award year.

- Outside bodies (decisions the union receives): the provincial People's Committee's Bằng khen and Huy hiệu,
  a ministry's Bằng khen, the Prime Minister's Bằng khen and the Huân chương Lao động (three classes), for
  collectives and individuals. The State's forms have two versions: under the Law on Emulation and
  Commendation of 2003 (from 01/04/2004 to 31/12/2023) and under the Law of 2022 (from 01/01/2024).
- The union's own forms get a version valid before the regulation of 29/05/2024 (from 01/04/2004 to
  28/05/2024), with the same forms and rules, so that past years can be recorded under the rules then in
  force; administrators correct an earlier version's details on the catalogue pages.
- Award.year ("năm khen thưởng") is backfilled from the decision's year where they differ.
"""

import datetime as dt

from django.db import migrations

LAW_2003 = dt.date(2004, 4, 1)
LAW_2022 = dt.date(2024, 1, 1)
UNION_2024 = dt.date(2024, 5, 29)
ONE_DAY = dt.timedelta(days=1)

# code, name, level, recipient, versions (valid_from, valid_to)
STATE_VERSIONS = ((LAW_2003, LAW_2022 - ONE_DAY), (LAW_2022, None))
OUTSIDE = [
    ("huan_chuong_ld_1", "Huân chương Lao động hạng Nhất (cá nhân)", "state", "individual", STATE_VERSIONS),
    ("huan_chuong_ld_1_tt", "Huân chương Lao động hạng Nhất (tập thể)", "state", "collective", STATE_VERSIONS),
    ("huan_chuong_ld_2", "Huân chương Lao động hạng Nhì (cá nhân)", "state", "individual", STATE_VERSIONS),
    ("huan_chuong_ld_2_tt", "Huân chương Lao động hạng Nhì (tập thể)", "state", "collective", STATE_VERSIONS),
    ("huan_chuong_ld_3", "Huân chương Lao động hạng Ba (cá nhân)", "state", "individual", STATE_VERSIONS),
    ("huan_chuong_ld_3_tt", "Huân chương Lao động hạng Ba (tập thể)", "state", "collective", STATE_VERSIONS),
    ("bang_khen_ttg", "Bằng khen của Thủ tướng Chính phủ (cá nhân)", "state", "individual", STATE_VERSIONS),
    ("bang_khen_ttg_tt", "Bằng khen của Thủ tướng Chính phủ (tập thể)", "state", "collective", STATE_VERSIONS),
    ("bang_khen_bo", "Bằng khen của Bộ, ban, ngành Trung ương (cá nhân)", "ministry", "individual", STATE_VERSIONS),
    ("bang_khen_bo_tt", "Bằng khen của Bộ, ban, ngành Trung ương (tập thể)", "ministry", "collective", STATE_VERSIONS),
    ("bang_khen_ubnd", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cá nhân)", "province_gov", "individual", STATE_VERSIONS),
    ("bang_khen_ubnd_tt", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (tập thể)", "province_gov", "collective", STATE_VERSIONS),
    ("huy_hieu_ubnd", "Huy hiệu của Ủy ban nhân dân tỉnh", "province_gov", "individual", ((LAW_2003, None),)),
]
FIRST_OUTSIDE_ORDER = 101


def forwards(apps, schema_editor):
    AwardKind = apps.get_model("emulation", "AwardKind")
    Award = apps.get_model("emulation", "Award")
    for order, (code, name, level, recipient, versions) in enumerate(OUTSIDE, start=FIRST_OUTSIDE_ORDER):
        for valid_from, valid_to in versions:
            AwardKind.objects.update_or_create(
                code=code,
                valid_from=valid_from,
                defaults={
                    "name": name,
                    "granting_level": level,
                    "recipient": recipient,
                    "rule": "none",
                    "valid_to": valid_to,
                    "sort_order": order,
                },
            )
    outside = {row[0] for row in OUTSIDE}
    for current in AwardKind.objects.filter(valid_from=UNION_2024).exclude(code__in=outside):
        if AwardKind.objects.filter(code=current.code, valid_from__lt=UNION_2024).exists():
            continue  # an administrator already entered an earlier version
        earlier = AwardKind.objects.get(pk=current.pk)
        earlier.pk = None
        earlier.valid_from, earlier.valid_to = LAW_2003, UNION_2024 - ONE_DAY
        earlier.save()
    for award in Award.objects.select_related("decision").exclude(year=None):
        if award.year != award.decision.year:
            award.year = award.decision.year
            award.save(update_fields=["year"])


def backwards(apps, schema_editor):
    AwardKind = apps.get_model("emulation", "AwardKind")
    AwardKind.objects.filter(code__in=[row[0] for row in OUTSIDE], quotas__isnull=True).filter(
        award__isnull=True, registrationentry__isnull=True, nomination__isnull=True
    ).delete()
    AwardKind.objects.filter(valid_from=LAW_2003, valid_to=UNION_2024 - ONE_DAY).filter(
        award__isnull=True, registrationentry__isnull=True, nomination__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("emulation", "0003_received_decisions")]
    operations = [migrations.RunPython(forwards, backwards)]
