from django.db import migrations

REASONS = [
    ("retired", "Nghỉ hưu", False),
    ("changed_job", "Chuyển việc, nghỉ việc", False),
    ("by_request", "Tự nguyện xin ra", False),
    ("unit_dissolved", "Đơn vị giải thể", True),
    ("disciplined", "Bị khai trừ, kỷ luật", False),
    ("deceased", "Từ trần", False),
    ("transfer", "Chuyển sinh hoạt", True),
    ("restructure", "Sắp xếp tổ chức", True),
]


def forwards(apps, schema_editor):
    LeaveReason = apps.get_model("members", "LeaveReason")
    for order, (code, name, is_system) in enumerate(REASONS, start=1):
        LeaveReason.objects.update_or_create(
            code=code, defaults={"name": name, "is_system": is_system, "sort_order": order * 10}
        )


def backwards(apps, schema_editor):
    LeaveReason = apps.get_model("members", "LeaveReason")
    LeaveReason.objects.filter(code__in=[code for code, _, _ in REASONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0002_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
