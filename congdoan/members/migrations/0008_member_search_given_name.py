from django.db import migrations


class Migration(migrations.Migration):
    """Reserved for the name-search work (given-name search); filled in by that change."""

    dependencies = [("members", "0007_unit_member_count")]
    operations = []
