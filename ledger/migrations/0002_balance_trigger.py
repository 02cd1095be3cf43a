"""On PostgreSQL the database keeps the ledger's two rules itself, whatever writes to it:

- every journal entry balances (debits = credits, per currency) when its transaction commits:
  a deferred constraint trigger, so that an entry's lines may be written one by one;
- posted entries and lines never change: UPDATE and DELETE are refused (corrections are
  reversing entries).

TRUNCATE fires no row trigger, so flushing a database (the test runner's teardown,
`abate flush`) still works. On SQLite this migration does nothing: the Python check in
ledger.services.entry_post and `abate ledger-check` cover it there."""

from django.db import migrations

CREATE = """
CREATE FUNCTION ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry_ids bigint[];
    bad record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        entry_ids := ARRAY[NEW.entry_id];
    ELSIF TG_OP = 'DELETE' THEN
        entry_ids := ARRAY[OLD.entry_id];
    ELSE
        entry_ids := ARRAY[OLD.entry_id, NEW.entry_id];
    END IF;
    SELECT entry_id, currency, sum(debit) - sum(credit) AS off INTO bad
      FROM ledger_journalline
     WHERE entry_id = ANY (entry_ids)
     GROUP BY entry_id, currency
    HAVING sum(debit) <> sum(credit)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal entry % does not balance: debits - credits = % %',
            bad.entry_id, bad.off, bad.currency
            USING ERRCODE = 'check_violation', TABLE = 'ledger_journalline',
                  CONSTRAINT = 'ledger_entry_balances';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER ledger_entry_balances
    AFTER INSERT OR UPDATE OR DELETE ON ledger_journalline
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_balances();

CREATE FUNCTION ledger_posted_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: posted journal entries never change; post a reversal instead',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME;
END
$$;

CREATE TRIGGER ledger_entry_immutable
    BEFORE UPDATE OR DELETE ON ledger_journalentry
    FOR EACH ROW EXECUTE FUNCTION ledger_posted_immutable();

CREATE TRIGGER ledger_line_immutable
    BEFORE UPDATE OR DELETE ON ledger_journalline
    FOR EACH ROW EXECUTE FUNCTION ledger_posted_immutable();
"""

DROP = """
DROP TRIGGER IF EXISTS ledger_line_immutable ON ledger_journalline;
DROP TRIGGER IF EXISTS ledger_entry_immutable ON ledger_journalentry;
DROP FUNCTION IF EXISTS ledger_posted_immutable();
DROP TRIGGER IF EXISTS ledger_entry_balances ON ledger_journalline;
DROP FUNCTION IF EXISTS ledger_entry_balances();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
