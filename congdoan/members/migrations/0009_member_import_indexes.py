"""Drop indexes of members_member that no query needs: each one slows every member insert (the import).

- ``unit_id``: the composite ``member_unit_status (unit_id, status)`` starts with it and serves every lookup
  by unit (and the foreign-key checks); ``db_index=False`` on ``Member.unit``, both engines.
- PostgreSQL only, the ``varchar_pattern_ops`` twins Django adds next to the plain/unique index of a
  varchar column, which serve only ``LIKE 'x%'``: on ``name_folded`` (prefix search is a range
  ``>= x AND < x || U+FFFF`` on the plain b-tree, "contains" uses the trigram index), ``phone``, ``code``
  and ``cccd`` (exact matches; the two ``code LIKE 'CD%'`` lookups that take the highest code are a
  backward scan of the unique index, the pattern index cannot give them the order).
- PostgreSQL only, Django's index on ``admissionbatch_id`` of the admission lists' link table: the
  unique ``(admissionbatch_id, member_id)`` starts with it.

Names are Django's own (``_create_index_name``), so a later ``AlterField`` finds nothing to drop
(``DROP INDEX IF EXISTS``); going backwards rebuilds them as Django creates them.
"""

import django.db.models.deletion
from django.db import migrations, models

LIKE_FIELDS = ("name_folded", "phone", "code", "cccd")


def _like_names(schema_editor, Member):
    table = Member._meta.db_table
    for name in LIKE_FIELDS:
        column = Member._meta.get_field(name).column
        yield name, schema_editor._create_index_name(table, [column], suffix="_like")


def _batch_fk_index(schema_editor, AdmissionBatch):
    through = AdmissionBatch._meta.get_field("members").remote_field.through
    field = through._meta.get_field("admissionbatch")
    return through, field, schema_editor._create_index_name(through._meta.db_table, [field.column])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Member = apps.get_model("members", "Member")
    quote = schema_editor.quote_name
    for _field, index in _like_names(schema_editor, Member):
        schema_editor.execute(f"DROP INDEX IF EXISTS {quote(index)}")
    _through, _field, index = _batch_fk_index(schema_editor, apps.get_model("members", "AdmissionBatch"))
    schema_editor.execute(f"DROP INDEX IF EXISTS {quote(index)}")


def _existing(schema_editor, table: str) -> set[str]:
    with schema_editor.connection.cursor() as cursor:
        return set(schema_editor.connection.introspection.get_constraints(cursor, table))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Member = apps.get_model("members", "Member")
    existing = _existing(schema_editor, Member._meta.db_table)
    for name, index in _like_names(schema_editor, Member):
        statement = schema_editor._create_like_index_sql(Member, Member._meta.get_field(name))
        if statement is not None and index not in existing:
            schema_editor.execute(statement)
    through, field, index = _batch_fk_index(schema_editor, apps.get_model("members", "AdmissionBatch"))
    if index not in _existing(schema_editor, through._meta.db_table):
        schema_editor.execute(schema_editor._create_index_sql(through, fields=[field]))


class Migration(migrations.Migration):
    dependencies = [("members", "0008_member_search_given_name")]
    operations = [
        migrations.AlterField(
            model_name="member",
            name="unit",
            field=models.ForeignKey(
                db_index=False,
                help_text="Đơn vị của lần sinh hoạt gần nhất (suy ra từ lịch sử sinh hoạt).",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="members",
                to="org.unit",
                verbose_name="đơn vị hiện nay",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
