from django.db import migrations


class Migration(migrations.Migration):
    """Reserved for the import-speed work (redundant indexes on members_member); filled in by that change."""

    dependencies = [("members", "0008_member_search_given_name")]
    operations = []
