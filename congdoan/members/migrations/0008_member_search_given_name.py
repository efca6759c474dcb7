from django.db import migrations

# Expression indexes for the name search (congdoan.members.selectors._name_tiers): each keeps one part
# of the folded name in order, so that "the text starts the given name / the second word / the third
# word" is a range that an index walk answers page by page, stopping after the page. Expressions, so
# no writer has to fill a column. Each must stay exactly the SQL of selectors.NamePart. Without ``id``
# the b-trees deduplicate equal keys (a few hundred thousand distinct names among millions of
# members), which keeps them small and cheap to maintain during imports; ties are sorted by id after
# the walk.
INDEXES = {
    "members_member_given_name": "split_part(name_folded, ' ', -1)",
    "members_member_name_word2": "substr(name_folded, strpos(name_folded, ' ') + 1)",
    "members_member_name_word3": (
        "substr(substr(name_folded, strpos(name_folded, ' ') + 1), "
        "strpos(substr(name_folded, strpos(name_folded, ' ') + 1), ' ') + 1)"
    ),
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON members_member (({expression}), name_folded)"
        )
        # A finer histogram of the expression (ANALYZE then samples 300 000 rows instead of 30 000):
        # with the default the planner guessed 1 row for "van an" (11 520 in the national data) and
        # sorted them all instead of walking the index.
        schema_editor.execute(f"ALTER INDEX {name} ALTER COLUMN 1 SET STATISTICS 1000")
    # The same for the name itself (tier 1, the plain name_folded b-tree): "trinh" was guessed at 1 row
    # (59 225), sorted whole, 0.9 s.
    schema_editor.execute("ALTER TABLE members_member ALTER COLUMN name_folded SET STATISTICS 1000")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute("ALTER TABLE members_member ALTER COLUMN name_folded SET STATISTICS -1")


class Migration(migrations.Migration):
    """Name search by given name and by later words: expression indexes (PostgreSQL only)."""

    dependencies = [("members", "0007_unit_member_count")]
    operations = [migrations.RunPython(forwards, backwards)]
