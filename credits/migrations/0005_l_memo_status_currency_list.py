"""An index for the credit memo list filtered by status and currency, newest first (the API's
`?status=...&currency=...`): with both in the index, a page is read in order without
skipping the memos of other states. Without it the currency index was used and every newer
memo of another status was read and dropped (7,000 rows for a page after a burst of applied
credit). Raw SQL, built CONCURRENTLY on PostgreSQL, models' state untouched (as 0003)."""

from django.db import migrations

NAME = "memo_status_currency_list"
COLUMNS = "(marketplace_id, status, currency, created_at DESC, id DESC)"


def create(apps, schema_editor):
    concurrently = "CONCURRENTLY " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX {concurrently}IF NOT EXISTS {NAME} ON credits_creditmemo {COLUMNS}")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("credits", "0004_application_position_rounded_check"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
