"""Trigram indexes for the invoice list's search (a case-insensitive substring of invoice
numbers and line descriptions), on PostgreSQL only; credit memos and company names have
theirs from their own apps. Without them each search scans every invoice and every line. The
indexes match the SQL Django writes for `icontains`, UPPER(column::text) LIKE UPPER(pattern).
Raw SQL, so the models' state is untouched; CONCURRENTLY, not to block writes."""

from django.db import migrations

INDEXES = [
    ("web_invoice_number_trgm", "invoicing_invoice", "number"),
    ("web_invoice_line_description_trgm", "invoicing_invoiceline", "description"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(f'CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} '
                              f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("web", "0001_initial"),
        ("invoicing", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
