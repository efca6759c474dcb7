from django.db import migrations


def forwards(apps, schema_editor):
    # PostgreSQL: a trigram index makes "contains" searches on the folded name use an index.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS org_unit_name_folded_trgm ON org_unit USING gin (name_folded gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS org_unit_name_folded_trgm")


class Migration(migrations.Migration):
    dependencies = [("org", "0002_unit_kinds")]
    operations = [migrations.RunPython(forwards, backwards)]
