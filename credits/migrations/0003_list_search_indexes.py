"""Indexes behind the credit memo list's filters and its `q` search (the API's lists).

Created with raw SQL so the models' state is untouched; built CONCURRENTLY on PostgreSQL
(not to block writes on a large table), with trigram GIN indexes for the case-insensitive
substring search, whose expressions match Django's `icontains` (UPPER(col::text) LIKE ...)."""

from django.db import migrations

BTREE = [
    ("memo_billed_list", "credits_creditmemo",
     "(marketplace_id, billed_company_id, created_at DESC, id DESC)"),
    ("memo_user_list", "credits_creditmemo", "(marketplace_id, user_id, created_at DESC, id DESC)"),
    ("memo_origin_list", "credits_creditmemo",
     "(marketplace_id, origin, created_at DESC, id DESC)"),
    ("memo_currency_list", "credits_creditmemo",
     "(marketplace_id, currency, created_at DESC, id DESC)"),
]
TRIGRAM = [
    ("memo_number_trgm", "credits_creditmemo", "(UPPER(number::text) gin_trgm_ops)"),
    ("memo_line_description_trgm", "credits_creditmemoline",
     "(UPPER(description::text) gin_trgm_ops)"),
]


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    concurrently = "CONCURRENTLY " if postgres else ""
    if postgres:
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, columns in BTREE:
        schema_editor.execute(
            f"CREATE INDEX {concurrently}IF NOT EXISTS {name} ON {table} {columns}")
    if postgres:
        for name, table, expression in TRIGRAM:
            schema_editor.execute(
                f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} USING gin "
                f"{expression}")


def drop(apps, schema_editor):
    for name, _, _ in BTREE + TRIGRAM:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("credits", "0002_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
