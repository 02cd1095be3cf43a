"""Indexes behind the invoice list's `company_id` filter (payer or billed company), newest
first. Raw SQL so the models' state is untouched; CONCURRENTLY on PostgreSQL."""

from django.db import migrations

BTREE = [
    ("invoice_payer_list", "invoicing_invoice",
     "(marketplace_id, company_id, created_at DESC, id DESC)"),
    ("invoice_billed_list", "invoicing_invoice",
     "(marketplace_id, billed_company_id, created_at DESC, id DESC)"),
]


def create(apps, schema_editor):
    concurrently = "CONCURRENTLY " if schema_editor.connection.vendor == "postgresql" else ""
    for name, table, columns in BTREE:
        schema_editor.execute(
            f"CREATE INDEX {concurrently}IF NOT EXISTS {name} ON {table} {columns}")


def drop(apps, schema_editor):
    for name, _, _ in BTREE:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("invoicing", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
