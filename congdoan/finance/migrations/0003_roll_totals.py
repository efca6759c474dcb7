"""The totals of each roll's lines on the roll (derived data kept by the services), filled for existing rolls."""

from django.db import migrations, models
from django.db.models import Sum


def fill(apps, schema_editor):
    DuesMonth = apps.get_model("finance", "DuesMonth")
    for roll in DuesMonth.objects.annotate(d=Sum("lines__due"), p=Sum("lines__paid")).iterator():
        DuesMonth.objects.filter(pk=roll.pk).update(due_total=roll.d or 0, paid_total=roll.p or 0)


class Migration(migrations.Migration):
    dependencies = [("finance", "0002_seed_rules")]

    operations = [
        migrations.AddField(
            model_name="duesmonth",
            name="due_total",
            field=models.BigIntegerField(default=0, editable=False, verbose_name="tổng phải thu (đồng)"),
        ),
        migrations.AddField(
            model_name="duesmonth",
            name="paid_total",
            field=models.BigIntegerField(default=0, editable=False, verbose_name="tổng đã thu (đồng)"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
