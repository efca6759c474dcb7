from django.db import migrations


def forwards(apps, schema_editor):
    # An earlier 0004 also built a pattern-ops index; prefix searches now use the plain b-tree.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS members_member_name_folded_prefix")


class Migration(migrations.Migration):
    dependencies = [("members", "0004_member_search_indexes")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
