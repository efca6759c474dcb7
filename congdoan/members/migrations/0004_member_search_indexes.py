from django.db import migrations


def forwards(apps, schema_editor):
    # PostgreSQL: a trigram index for "contains" searches on the folded name (prefix searches use
    # the ordinary b-tree on name_folded with a range condition).
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS members_member_name_folded_trgm "
        "ON members_member USING gin (name_folded gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS members_member_name_folded_trgm")
        schema_editor.execute("DROP INDEX IF EXISTS members_member_name_folded_prefix")


class Migration(migrations.Migration):
    dependencies = [("members", "0003_leave_reasons")]
    operations = [migrations.RunPython(forwards, backwards)]
