"""Proof that the raw-SQL baseline writes, row for row, what the API writes."""

import http.client
import json
import sys
import uuid

from apibench.settings import DB_URL


def _memo_rows(cursor, memo_id) -> dict:
    """Every row (a) wrote for one memo, without what differs by nature (ids, times, the
    number, the invoice's amount due before)."""
    def rows(sql, params, drop=()):
        cursor.execute(sql, params)
        names = [d.name for d in cursor.description]
        return sorted((tuple((n, v) for n, v in zip(names, r, strict=True) if n not in drop)
                       for r in cursor.fetchall()), key=repr)

    memo = rows("SELECT * FROM credits_creditmemo WHERE id = %s", [memo_id],
                ("id", "number", "issued_at", "created_at"))
    cursor.execute("SELECT id FROM credits_application WHERE memo_id = %s", [memo_id])
    sources = [memo_id] + [r[0] for r in cursor.fetchall()]
    ids = {str(memo_id)}
    cursor.execute("SELECT id FROM credits_creditmemoline WHERE memo_id = %s", [memo_id])
    ids |= {str(r[0]) for r in cursor.fetchall()}
    ids |= {str(s) for s in sources}
    events = rows("SELECT type, actor, subject_type, data FROM notifications_event "
                  "WHERE subject_id = %s", [memo_id])

    def scrub(value):
        if isinstance(value, dict):
            return {k: ("<number>" if k == "number" else "<time>" if k.endswith("_at")
                        and v else scrub(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return "<id>" if isinstance(value, str) and value in ids else value

    return {
        "memo": memo,
        "lines": rows("SELECT * FROM credits_creditmemoline WHERE memo_id = %s", [memo_id],
                      ("id", "memo_id")),
        "applications": rows("SELECT * FROM credits_application WHERE memo_id = %s",
                             [memo_id], ("id", "memo_id", "applied_at",
                                         "invoice_amount_due_before")),
        "journal": rows("SELECT e.kind, e.source_type, e.currency, e.reverses_id, l.account, "
                        "l.company_id, l.currency, l.debit, l.credit, l.marketplace_id "
                        "FROM ledger_journalentry e JOIN ledger_journalline l ON "
                        "l.entry_id = e.id WHERE e.source_id = ANY(%s)", [sources]),
        "events": [tuple((n, scrub(v)) for n, v in e) for e in events],
        "jobs": rows("SELECT status, task_path, queue_name, backend_name, priority, run_after,"
                     " args_kwargs->'kwargs'->>'kind' FROM django_tasks_database_dbtaskresult "
                     "WHERE args_kwargs->'kwargs'->>'document_id' = %s", [str(memo_id)]),
        "webhook deliveries": rows(
            "SELECT d.status, d.attempt_limit, d.endpoint_id FROM notifications_webhookdelivery"
            " d JOIN notifications_event e ON e.id = d.event_id WHERE e.subject_id = %s",
            [memo_id]),
        "e-mails": rows(
            "SELECT n.status, n.kind FROM notifications_emailnotification n JOIN "
            "notifications_event e ON e.id = n.event_id WHERE e.subject_id = %s", [memo_id]),
    }


def compare_rows(api, raw, port) -> None:
    """(a) once through the API and once as raw SQL on the same invoice line; the rows each
    wrote must be the same but for ids, times and the number."""
    import psycopg

    invoice = api.invoices[0]
    with psycopg.connect(DB_URL, autocommit=True) as conn, conn.cursor() as cursor:
        due = "SELECT amount_due FROM invoicing_invoice WHERE id = %s"
        before = cursor.execute(due, [invoice[0]]).fetchone()[0]
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        client.request("POST", f"/api/v1/invoices/{invoice[0]}/credit_memos", body=json.dumps({
            "reason_code": "overcharge",
            "lines": [{"invoice_line_id": invoice[1], "amount": "1.00"}]}),
            headers=api.headers)
        response = client.getresponse()
        api_memo = json.loads(response.read())["id"]
        middle = cursor.execute(due, [invoice[0]]).fetchone()[0]
        with psycopg.connect(DB_URL) as raw_conn:
            assert raw(raw_conn, invoice=invoice), "raw SQL (a) refused"
        after = cursor.execute(due, [invoice[0]]).fetchone()[0]
        raw_memo = cursor.execute(
            "SELECT id FROM credits_creditmemo WHERE source_invoice_id = %s "
            "ORDER BY created_at DESC LIMIT 1", [invoice[0]]).fetchone()[0]
        got_api = _memo_rows(cursor, uuid.UUID(api_memo))
        got_raw = _memo_rows(cursor, raw_memo)
    problems = [f"  {table}: API {got_api[table]}\n  {' ' * len(table)}  raw {got_raw[table]}"
                for table in got_api if got_api[table] != got_raw[table]]
    if before - middle != middle - after:
        problems.append(f"  invoice amount_due: API -{before - middle}, raw -{middle - after}")
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in got_api.items())
    if problems:
        print("raw SQL (a) does NOT write what the API writes:\n" + "\n".join(problems))
        sys.exit(1)
    print(f"raw SQL (a) writes the same rows as the API ({counts}; invoice amount_due "
          f"-{before - middle})", flush=True)
