from django.db import migrations

# The given name ("tên", the last word of the folded name) then the folded name: serves "tuan" and
# "anh tuan" searches (members_member_page tier 2) as an ordered walk that stops after a page. An
# expression index, so no writer has to fill a column. The expression must stay exactly the one
# congdoan.members.selectors.GivenName writes. Without ``id`` the b-tree deduplicates equal keys
# (a few hundred thousand distinct names among millions of members), which keeps it small and cheap
# to maintain during imports; ties are sorted by id after the index walk.
INDEX = "members_member_given_name"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON members_member (split_part(name_folded, ' ', -1), name_folded)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """Given-name search: an expression index on the last word of the folded name (PostgreSQL only)."""

    dependencies = [("members", "0007_unit_member_count")]
    operations = [migrations.RunPython(forwards, backwards)]
