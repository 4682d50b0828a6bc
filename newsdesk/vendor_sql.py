"""Migrations' SQL that differs by database: triggers, search tables, indexes Django cannot express."""
from django.db import migrations


def vendor_sql(forward, backward):
    """A migration operation running, on each database, the statements listed for its vendor
    ({"sqlite": [...], "postgresql": [...]}); a vendor not listed gets none."""

    def run(statements_by_vendor):
        def apply(apps, schema_editor):
            for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
                schema_editor.execute(sql)

        return apply

    return migrations.RunPython(run(forward), run(backward))
