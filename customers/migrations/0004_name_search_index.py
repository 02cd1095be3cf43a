"""A trigram index for the credit memo list's `q` search over company names (PostgreSQL;
matches Django's `icontains`, UPPER(name::text) LIKE ...). Raw SQL so the models' state is
untouched; CONCURRENTLY, not to block writes."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS company_name_trgm ON customers_company "
        "USING gin (UPPER(name::text) gin_trgm_ops)")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS company_name_trgm")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("customers", "0003_company_billing_email"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
