"""The raw-SQL baseline: hand-written statements (psycopg, prepared on the server) for the same
rows as billing_run_customer, in the same per-customer transactions with the same locks (the
payer, its subscriptions, its credit memos, the invoice number counter, the event log's lock),
and as few round trips as hand-written SQL needs: three reads that decide what to write (the
payer locked with its entry check, its subscriptions, its memos), the number, then every write
in one pipeline (inserts batched by executemany), and the commit. It may run in several
processes, each its own connection, over the customers in batches, as the workers do."""

import datetime
import hashlib
import multiprocessing
import uuid
from decimal import ROUND_HALF_UP, Decimal

from bench.billing.seed import DB_URL, JUN_1, MAY_1

CENT = Decimal("0.01")
PDF_LATER = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)
BATCH = 100


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields
            if not (f.primary_key and f.get_internal_type() == "BigAutoField")]


def _row(model, values: dict) -> tuple:
    """A row in `_columns` order: the given values, the model's defaults for the rest."""
    from psycopg.types.json import Jsonb

    row = []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.get_internal_type() == "BigAutoField":
            continue
        value = values[field.column] if field.column in values else field.get_default()
        row.append(Jsonb(value) if field.get_internal_type() == "JSONField" else value)
    return tuple(row)


class Raw:
    """Bills one customer per transaction on its own connection."""

    def __init__(self, conn, marketplace_id, run_id, at):
        from django_tasks_db.models import DBTaskResult

        from billing.models import BillingRunEntry, Charge
        from credits.models import Application
        from invoicing.models import Invoice, InvoiceLine
        from notifications.locks import EVENT_LOG
        from notifications.models import Event

        self.conn, self.mp, self.run_id, self.at = conn, marketplace_id, run_id, at
        # notifications.locks.event_log's keys for the marketplace.
        key = int.from_bytes(hashlib.sha256(str(marketplace_id).encode()).digest()[:4], "big",
                             signed=True)
        self.lock_keys = (EVENT_LOG, key)
        self.models = {"charge": Charge, "invoice": Invoice, "line": InvoiceLine,
                       "application": Application, "event": Event, "task": DBTaskResult,
                       "run_entry": BillingRunEntry}
        self.sql = {}
        for name, model in self.models.items():
            cols = _columns(model)
            self.sql[name] = (f"INSERT INTO {model._meta.db_table} ({', '.join(cols)}) "
                              f"VALUES ({', '.join(['%s'] * len(cols))})")

    def _insert(self, cur, name, rows: list[dict]) -> None:
        cur.executemany(self.sql[name], [_row(self.models[name], v) for v in rows])

    def _post(self, cur, kind, source_type, source_id, company_id, lines) -> None:
        """A journal entry and its lines in one statement."""
        zero = Decimal(0)
        lines = [(account, max(amount, zero), max(-amount, zero)) for account, amount in lines
                 if amount]
        cur.execute(
            "WITH e AS (INSERT INTO ledger_journalentry (marketplace_id, kind, source_type, "
            "source_id, currency, posted_at, reverses_id) VALUES (%s, %s, %s, %s, 'USD', %s, "
            "NULL) RETURNING id) INSERT INTO ledger_journalline (entry_id, marketplace_id, "
            "account, company_id, currency, debit, credit) SELECT e.id, %s, v.account, %s, "
            "'USD', v.debit, v.credit FROM e, unnest(%s::varchar[], %s::numeric[], "
            "%s::numeric[]) AS v(account, debit, credit)",
            [self.mp, kind, source_type, source_id, self.at, self.mp, company_id,
             [x[0] for x in lines], [x[1] for x in lines], [x[2] for x in lines]])

    def bill(self, company_id) -> int:
        mp = self.mp
        with self.conn.transaction(), self.conn.cursor() as cur:
            billed = cur.execute(
                "SELECT EXISTS (SELECT 1 FROM billing_billingrunentry WHERE marketplace_id = "
                "%s AND company_id = c.id AND as_of = %s) FROM customers_company c WHERE "
                "c.id = %s AND c.marketplace_id = %s FOR NO KEY UPDATE OF c",
                [mp, MAY_1, company_id, mp]).fetchone()
            if billed is None or billed[0]:
                return 0
            subs = cur.execute(
                "SELECT s.id, s.quantity, s.unit_price, s.tax_rate, s.product_id, p.name "
                "FROM catalog_subscription s JOIN catalog_plan p ON p.id = s.plan_id "
                "WHERE s.company_id = %s AND s.status = 'active' AND s.period_end <= %s "
                "ORDER BY s.id FOR NO KEY UPDATE OF s", [company_id, MAY_1]).fetchall()
            memos = cur.execute(
                "SELECT id, remaining_amount, total FROM credits_creditmemo WHERE "
                "marketplace_id = %s AND company_id = %s AND currency = 'USD' AND status IN "
                "('unapplied', 'partially_applied') AND remaining_amount > 0 AND user_id IS "
                "NULL ORDER BY id FOR NO KEY UPDATE", [mp, company_id]).fetchall()
            last = cur.execute(
                "INSERT INTO sequences_sequence (name, last) VALUES (%s, 1) ON CONFLICT (name) "
                "DO UPDATE SET last = sequences_sequence.last + 1 RETURNING last",
                [f"invoice:{mp}"]).fetchone()[0]
            with self.conn.pipeline():
                self._writes(cur, company_id, subs, memos, f"INV-{last:06d}")
        return 1

    def _writes(self, cur, company_id, subs, memos, number) -> None:
        mp, at = self.mp, self.at
        invoice_id = uuid.uuid4()
        charges, lines = [], []
        subtotal = tax_total = Decimal(0)
        for position, (sub_id, quantity, unit_price, rate, product_id, name) in enumerate(subs):
            gross = _money(quantity * unit_price)
            tax = _money(gross * rate)
            subtotal, tax_total = subtotal + gross, tax_total + tax
            common = {"product_id": product_id, "name": name, "description": "",
                      "billing_action": "renewal", "quantity": quantity,
                      "unit_price": unit_price, "discount_amount": 0, "tax_rate": rate,
                      "period_start": MAY_1, "period_end": JUN_1, "subscription_id": sub_id}
            charges.append({**common, "id": uuid.uuid4(), "marketplace_id": mp,
                            "company_id": company_id, "billed_company_id": company_id,
                            "user_id": None, "currency": "USD", "order_line_id": None,
                            "bill_on": MAY_1, "status": "billed", "invoice_id": invoice_id,
                            "credit_memo_id": None, "billed_as_of": MAY_1, "created_at": at,
                            "position": position})
            lines.append({**common, "id": uuid.uuid4(), "invoice_id": invoice_id,
                          "position": position, "amount": gross, "tax_amount": tax,
                          "total": gross + tax})
        total = subtotal + tax_total
        cur.execute("UPDATE catalog_subscription SET period_start = %s, period_end = %s "
                    "WHERE id = ANY(%s)", [MAY_1, JUN_1, [s[0] for s in subs]])
        due, applications, applied = total, [], []
        for memo_id, remaining, memo_total in memos:
            amount = min(remaining, due)
            applications.append({
                "id": uuid.uuid4(), "marketplace_id": mp, "memo_id": memo_id,
                "invoice_id": invoice_id, "amount": amount, "original_amount": amount,
                "invoice_amount_due_before": due, "applied_at": at,
                "applied_by": "billing_run", "reversed_at": None})
            applied.append((memo_id, amount, remaining - amount, memo_total))
            due -= amount
        self._insert(cur, "invoice", [{
            "id": invoice_id, "marketplace_id": mp, "number": number,
            "status": "open" if due else "paid", "company_id": company_id,
            "billed_company_id": company_id, "user_id": None, "currency": "USD",
            "issued_at": at, "due_date": MAY_1, "voided_at": None, "subtotal": subtotal,
            "discount_total": 0, "tax_total": tax_total, "total": total,
            "amount_credited": total - due, "amount_paid": 0, "amount_due": due,
            "created_at": at}])
        self._insert(cur, "line", lines)
        self._insert(cur, "charge", charges)
        self._post(cur, "invoice_issued", "invoice", invoice_id, company_id,
                   [("receivables", total), ("revenue", -subtotal), ("tax_payable", -tax_total)])
        self._insert(cur, "task", [{
            "id": uuid.uuid4(), "status": "READY", "enqueued_at": at,
            "args_kwargs": {"args": [], "kwargs": {"marketplace_id": str(mp),
                                                   "invoice_id": str(invoice_id)}},
            "priority": 0, "task_path": "invoicing.tasks.generate_pdf", "worker_ids": [],
            "queue_name": "default", "backend_name": "default", "run_after": PDF_LATER,
            "exception_class_path": "", "traceback": ""}])
        if applications:
            self._insert(cur, "application", applications)
            cur.executemany(
                "UPDATE credits_creditmemo SET applied_amount = applied_amount + %s, "
                "remaining_amount = %s, status = %s WHERE id = %s",
                [[amount, left, "partially_applied" if left else "fully_applied", memo_id]
                 for memo_id, amount, left, _ in applied])
            for application, (_, amount, _, _) in zip(applications, applied, strict=True):
                self._post(cur, "credit_applied", "application", application["id"],
                           company_id, [("customer_credit", amount), ("receivables", -amount)])
        data = {"id": str(invoice_id), "object": "invoice", "number": number,
                "status": "open" if due else "paid", "company_id": str(company_id),
                "total": str(total), "amount_due": str(due),
                "lines": [{k: str(v) for k, v in line.items()} for line in lines]}
        self._insert(cur, "run_entry", [{
            "id": uuid.uuid4(), "marketplace_id": mp, "run_id": self.run_id,
            "company_id": company_id, "as_of": MAY_1, "created_at": at,
            "documents": [{"type": "invoice", "id": str(invoice_id), "number": number,
                           "total": str(total)}]}])
        events = [("invoice.issued", "invoice", invoice_id, data)]
        if not due:
            events.append(("invoice.paid", "invoice", invoice_id, data))
        events += [("credit_memo.applied", "credit_memo", memo_id,
                    {"id": str(memo_id), "object": "credit_memo", "total": str(memo_total),
                     "remaining_amount": str(left)}) for memo_id, _, left, memo_total in applied]
        cur.execute("SELECT pg_advisory_xact_lock(%s::int4, %s::int4)", self.lock_keys)
        self._insert(cur, "event", [
            {"marketplace_id": mp, "type": type_, "at": at, "actor": "billing_run",
             "subject_type": subject_type, "subject_id": subject_id, "data": payload}
            for type_, subject_type, subject_id, payload in events])


_raw = None


def _start(marketplace_id, run_id, at) -> None:
    import psycopg

    global _raw
    # Autocommit, so that each `conn.transaction()` is a real BEGIN ... COMMIT per customer;
    # every statement prepared on the server from its first use.
    conn = psycopg.connect(DB_URL, autocommit=True, prepare_threshold=0)
    _raw = Raw(conn, marketplace_id, run_id, at)


def _bill_batch(company_ids) -> int:
    return sum(_raw.bill(company_id) for company_id in company_ids)


def raw_baseline(marketplace_id, *, processes: int, at, limit=None) -> int:
    """Bill the marketplace's customers due as of May 1 (the first `limit` of them) with
    `processes` processes; how many documents."""
    import psycopg
    from django.db import connections

    run_id = uuid.uuid4()
    with psycopg.connect(DB_URL, autocommit=True) as conn:
        conn.execute("INSERT INTO billing_billingrun (id, marketplace_id, as_of, status, "
                     "customers_billed, invoices_issued, credit_memos_issued, failures, "
                     "customers_due, customers_done, failure_reason, started_at, created_at) "
                     "VALUES (%s, %s, %s, 'running', 0, 0, 0, '[]', 0, 0, '', %s, %s)",
                     [run_id, marketplace_id, MAY_1, at, at])
        ids = [r[0] for r in conn.execute(
            "SELECT DISTINCT c.id, c.created_at FROM catalog_subscription s JOIN "
            "customers_company c ON c.id = s.company_id WHERE s.marketplace_id = %s AND "
            "s.status = 'active' AND s.period_end <= %s ORDER BY c.created_at, c.id",
            [marketplace_id, MAY_1]).fetchall()][:limit]
    batches = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
    connections.close_all()  # nothing of Django's crosses the fork
    with multiprocessing.get_context("fork").Pool(
            processes, initializer=_start, initargs=(marketplace_id, run_id, at)) as pool:
        documents = sum(pool.imap_unordered(_bill_batch, batches))
    with psycopg.connect(DB_URL, autocommit=True) as conn:
        conn.execute("UPDATE billing_billingrun SET status = 'completed', finished_at = now() "
                     "WHERE id = %s", [run_id])
    return documents
