"""The award catalogue as of the union reward regulation in force (editable afterwards by administrators)."""

import datetime as dt

from django.db import migrations

FROM = dt.date(2024, 5, 29)  # Regulation 999/QĐ-TLĐ
# code, name, is_title, level, recipient, requires_registration, rule, once, medal
KINDS = [
    ("co_thi_dua_tld", "Cờ thi đua của Tổng Liên đoàn", True, "national", "collective", True, "none", False, False),
    ("bang_khen_tld_tt", "Bằng khen của Ban Chấp hành Tổng Liên đoàn (tập thể)", False, "national", "collective", False, "none", False, False),
    ("bang_khen_tld", "Bằng khen của Ban Chấp hành Tổng Liên đoàn (cá nhân)", False, "national", "individual", False, "general", False, False),
    ("bang_lao_dong_sang_tao", "Bằng Lao động sáng tạo", False, "national", "individual", False, "general", False, False),
    ("ky_niem_chuong", "Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”", False, "national", "individual", False, "medal", True, True),
    ("huy_hieu_cong_doan", "Huy hiệu Công đoàn Việt Nam", False, "national", "individual", False, "general", True, False),
    ("co_thi_dua_ldld", "Cờ thi đua của Liên đoàn Lao động tỉnh", True, "provincial", "collective", True, "none", False, False),
    ("bang_khen_ldld_tt", "Bằng khen của Liên đoàn Lao động tỉnh (tập thể)", False, "provincial", "collective", False, "none", False, False),
    ("bang_khen_ldld", "Bằng khen của Liên đoàn Lao động tỉnh (cá nhân)", False, "provincial", "individual", False, "general", False, False),
    ("cdcs_vung_manh", "Công đoàn cơ sở vững mạnh", True, "upper_grassroots", "collective", True, "none", False, False),
    ("giay_khen_tren_tt", "Giấy khen của công đoàn cấp trên trực tiếp cơ sở (tập thể)", False, "upper_grassroots", "collective", False, "none", False, False),
    ("giay_khen_tren", "Giấy khen của công đoàn cấp trên trực tiếp cơ sở (cá nhân)", False, "upper_grassroots", "individual", False, "general", False, False),
    ("doan_vien_xuat_sac", "Đoàn viên công đoàn xuất sắc", True, "upper_grassroots", "individual", True, "general", False, False),
    ("lao_dong_gioi", "Lao động giỏi", True, "grassroots", "individual", True, "general", False, False),
    ("to_cong_doan_vung_manh", "Tổ công đoàn vững mạnh", True, "grassroots", "collective", True, "none", False, False),
    ("giay_khen_cs", "Giấy khen của Ban Chấp hành công đoàn cơ sở", False, "grassroots", "individual", False, "general", False, False),
]


def forwards(apps, schema_editor):
    AwardKind = apps.get_model("emulation", "AwardKind")
    for order, (code, name, title, level, recipient, reg, rule, once, medal) in enumerate(KINDS, start=1):
        AwardKind.objects.update_or_create(
            code=code,
            valid_from=FROM,
            defaults={
                "name": name,
                "is_title": title,
                "granting_level": level,
                "recipient": recipient,
                "requires_registration": reg,
                "rule": rule,
                "once_per_person": once,
                "is_medal": medal,
                "sort_order": order,
            },
        )


def backwards(apps, schema_editor):
    apps.get_model("emulation", "AwardKind").objects.filter(code__in=[k[0] for k in KINDS], valid_from=FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("emulation", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
