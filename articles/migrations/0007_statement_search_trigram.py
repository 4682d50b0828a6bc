"""Trigram indexes for the admin's statement search on PostgreSQL.

Django's icontains is UPPER(column) LIKE UPPER('%term%'), which no B-tree can answer; a trigram
GIN index on the same expression can, so searching a million statements does not read them
all. SQLite has no such index and scans, which is fine at its sizes.
"""
from django.db import migrations

INDEXES = {"statement_text_trgm_idx": "text", "statement_label_trgm_idx": "speaker_label"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON articles_statement USING gin (UPPER("{column}") gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_editors_group")]

    operations = [migrations.RunPython(create, drop)]
