"""(a) as hand-written SQL: the baseline the API is measured against."""

import datetime
import json
import random
import uuid
from decimal import Decimal

from apibench.settings import DB_URL


class RawCredit:
    """(a) as hand-written SQL through psycopg: every row the service writes, with the same
    checks and locks (credits/services/memos.py credit_memo_create_from_invoice, which issues
    with credits/services/issuing.py issue_new): the memo (in its final state, number
    included), its line, the
    `credit_memo_issued` and `credit_applied` journal entries and lines, the application, the
    invoice's amounts, the PDF job (credits.tasks.pdf_schedule), and the two events with
    the memo's full payload (credits.serializers.memo_data), with a webhook delivery and its
    job per endpoint that wants them and an e-mail row and job when the `credit_applied`
    notification is on (notifications.services.events_record; the bench marketplace has none,
    so these are looked up, as the service does, and find nothing). Round trips are as few as
    hand-written SQL needs: foreign keys are deferred, so the memo is inserted once, last,
    with the number taken just before it (as the service does)."""

    def __init__(self, marketplace, invoices, actor):
        self.marketplace_id = marketplace.id
        self.prefix = marketplace.credit_memo_number_prefix
        self.padding = marketplace.number_padding
        self.invoices = invoices
        self.actor = actor
        self.rng = random.Random()

    def setup(self):
        import psycopg

        return psycopg.connect(DB_URL)

    def teardown(self, conn):
        conn.close()

    def __call__(self, conn, invoice=None):
        from psycopg.types.json import Jsonb

        from common.money import allocate_cumulative, format_amount, format_decimal

        invoice_id, line_id = invoice or self.rng.choice(self.invoices)
        now = datetime.datetime.now(datetime.UTC)
        amount = Decimal("1.00")
        mp = self.marketplace_id
        with conn.transaction():
            row = conn.execute(
                "SELECT i.company_id, i.billed_company_id, i.user_id, i.currency, i.status, "
                "i.amount_due, i.number, p.is_own OR b.is_own FROM invoicing_invoice i "
                "JOIN customers_company p ON p.id = i.company_id "
                "JOIN customers_company b ON b.id = i.billed_company_id "
                "WHERE i.id = %s AND i.marketplace_id = %s FOR NO KEY UPDATE OF i",
                [invoice_id, mp]).fetchone()
            company_id, billed_id, user_id, currency, status, due, inv_number, own = row
            if own or status not in ("open", "paid"):
                return False
            (net, tax, rate, name, description, action, product_id, subscription_id,
             period_start, period_end, before, before_tax) = conn.execute(
                "SELECT l.amount, l.tax_amount, l.tax_rate, l.name, l.description, "
                "l.billing_action, l.product_id, l.subscription_id, l.period_start, "
                "l.period_end, coalesce(sum(c.amount), 0), coalesce(sum(c.tax_amount), 0) "
                "FROM invoicing_invoiceline l LEFT JOIN (credits_creditmemoline c JOIN "
                "credits_creditmemo m ON m.id = c.memo_id AND m.issued_at IS NOT NULL AND "
                "m.voided_at IS NULL) ON c.source_invoice_line_id = l.id "
                "WHERE l.id = %s AND l.invoice_id = %s GROUP BY l.id",
                [line_id, invoice_id]).fetchone()
            if before + amount > net:
                return False
            line_tax = allocate_cumulative(total=tax, base=net, before=before, now=amount,
                                           allocated_before=before_tax, currency=currency)
            total = amount + line_tax
            applied = min(total, due) if status == "open" else Decimal(0)
            if applied == due:
                return False  # would pay the invoice (an invoice.paid event): never here
            memo_id, memo_line_id, application_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            remaining = total - applied
            memo_status = "fully_applied" if remaining == 0 else "partially_applied"
            conn.execute(
                "INSERT INTO credits_creditmemoline (id, memo_id, position, product_id, name, "
                "description, quantity, unit_price, amount, tax_rate, tax_amount, total, "
                "billing_action, period_start, period_end, subscription_id, "
                "source_invoice_line_id, custom_charge) VALUES (%s, %s, 0, %s, %s, %s, 1, %s, "
                "%s, %s, %s, %s, %s, %s, %s, %s, %s, false)",
                [memo_line_id, memo_id, product_id, name, description, amount, amount, rate,
                 line_tax, total, action, period_start, period_end, subscription_id, line_id])
            self._entry(conn, "credit_memo_issued", "credit_memo", memo_id, currency, now, [
                ("sales_allowances", company_id, amount, 0),
                ("tax_payable", company_id, line_tax, 0),
                ("customer_credit", company_id, 0, total)])
            self._job(conn, "credits.tasks.generate_pdf", now, {
                "marketplace_id": str(mp), "memo_id": str(memo_id)})
            conn.execute(
                "INSERT INTO credits_application (id, marketplace_id, memo_id, invoice_id, "
                "amount, original_amount, invoice_amount_due_before, applied_at, position, "
                "applied_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 0, %s)",
                [application_id, mp, memo_id, invoice_id, applied, applied, due, now,
                 self.actor])
            conn.execute(
                "UPDATE invoicing_invoice SET amount_credited = amount_credited + %s, "
                "amount_due = amount_due - %s WHERE id = %s", [applied, applied, invoice_id])
            self._entry(conn, "credit_applied", "application", application_id, currency, now, [
                ("customer_credit", company_id, applied, 0),
                ("receivables", company_id, 0, applied)])
            value = conn.execute(
                "INSERT INTO sequences_sequence (name, last) VALUES (%s, 1) ON CONFLICT (name) "
                "DO UPDATE SET last = sequences_sequence.last + 1 RETURNING last",
                [f"credit_memo:{mp}"]).fetchone()[0]
            number = f"{self.prefix}{value:0{self.padding}d}"
            conn.execute(
                "INSERT INTO credits_creditmemo (id, marketplace_id, number, status, currency, "
                "company_id, billed_company_id, user_id, origin, source_invoice_id, "
                "reason_code, reason, note, issued_at, close_reason, subtotal, tax_total, "
                "total, applied_amount, paid_out_amount, closed_amount, remaining_amount, "
                "auto_apply, apply_mode, apply_to, created_at) VALUES (%s, %s, %s, %s, %s, %s,"
                " %s, %s, 'invoice', %s, 'overcharge', '', '', %s, '', %s, %s, %s, %s, 0, 0, "
                "%s, false, 'source', '[]', %s)",
                [memo_id, mp, number, memo_status, currency, company_id, billed_id, user_id,
                 invoice_id, now, amount, line_tax, total, applied, remaining, now])
            ts = now.isoformat().replace("+00:00", "Z")
            c = currency
            data = {
                "id": str(memo_id), "object": "credit_memo", "number": number,
                "status": memo_status, "currency": c, "company_id": str(company_id),
                "billed_company_id": str(billed_id),
                "user_id": str(user_id) if user_id else None, "origin": "invoice",
                "source_invoice_id": str(invoice_id), "reason_code": "overcharge", "memo": "",
                "issued_at": ts, "created_at": ts,
                "lines": [{
                    "id": str(memo_line_id),
                    "product_id": str(product_id) if product_id else None,
                    "name": name, "description": description, "quantity": "1",
                    "unit_price": format_amount(amount, c), "amount": format_amount(amount, c),
                    "tax_rate": format_decimal(rate), "tax_amount": format_amount(line_tax, c),
                    "total": format_amount(total, c), "billing_action": action,
                    "period_start": period_start.isoformat() if period_start else None,
                    "period_end": period_end.isoformat() if period_end else None,
                    "subscription_id": str(subscription_id) if subscription_id else None,
                    "source_invoice_line_id": str(line_id), "custom_charge": False}],
                "subtotal": format_amount(amount, c), "tax_total": format_amount(line_tax, c),
                "total": format_amount(total, c), "applied_amount": format_amount(applied, c),
                "paid_out_amount": format_amount(0, c), "closed_amount": format_amount(0, c),
                "remaining_amount": format_amount(remaining, c),
                "applications": [{
                    "id": str(application_id), "invoice_id": str(invoice_id),
                    "invoice_number": inv_number, "amount": format_amount(applied, c),
                    "applied_at": ts, "applied_by": self.actor, "reversed_at": None}],
                "payouts": [], "auto_apply": False,
            }
            types = ["credit_memo.issued", "credit_memo.applied"]
            events = conn.execute(
                "INSERT INTO notifications_event (marketplace_id, type, at, actor, "
                "subject_type, subject_id, data) SELECT %s, t, %s, %s, 'credit_memo', %s, %s "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n "
                "RETURNING id, type", [mp, now, self.actor, memo_id, Jsonb(data), types]
            ).fetchall()
            self._fan_out(conn, events, now)
        return True

    def _entry(self, conn, kind, source_type, source_id, currency, at, lines):
        """One journal entry and its nonzero lines, in one statement."""
        kept = [(a, c, Decimal(d), Decimal(k)) for a, c, d, k in lines if d or k]
        conn.execute(
            "WITH e AS (INSERT INTO ledger_journalentry (marketplace_id, kind, source_type, "
            "source_id, currency, posted_at) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id) "
            "INSERT INTO ledger_journalline (entry_id, marketplace_id, account, company_id, "
            "currency, debit, credit) SELECT e.id, %s, a, c, %s, d, k FROM e, "
            "unnest(%s::text[], %s::uuid[], %s::numeric[], %s::numeric[]) WITH ORDINALITY "
            "AS u(a, c, d, k, n) ORDER BY n",
            [self.marketplace_id, kind, source_type, source_id, currency, at,
             self.marketplace_id, currency, [x[0] for x in kept], [x[1] for x in kept],
             [x[2] for x in kept], [x[3] for x in kept]])

    def _job(self, conn, task_path, at, kwargs) -> uuid.UUID:
        """A django-tasks-db job row as `task.enqueue(**kwargs)` writes it."""
        from psycopg.types.json import Jsonb

        job_id = uuid.uuid4()
        conn.execute(
            "INSERT INTO django_tasks_database_dbtaskresult (id, status, args_kwargs, priority,"
            " task_path, queue_name, backend_name, run_after, enqueued_at, "
            "exception_class_path, traceback, worker_ids) VALUES (%s, 'READY', %s, 0, %s, "
            "'default', 'default', '9999-01-01 00:00:00+00', %s, '', '', '[]')",
            [job_id, Jsonb({"args": [], "kwargs": kwargs}), task_path, at])
        return job_id

    def _fan_out(self, conn, events, at):
        """What event_record adds per event: a delivery (and its job) per enabled endpoint
        that wants the type, an e-mail (and its job) when the type's notification is on."""
        endpoints, email_on = conn.execute(
            "SELECT (SELECT coalesce(array_agg(id::text || ' ' || event_types::text), '{}') "
            "FROM notifications_webhookendpoint WHERE marketplace_id = %s AND enabled), "
            "EXISTS (SELECT 1 FROM notifications_emailnotificationsetting WHERE "
            "marketplace_id = %s AND kind = 'credit_applied' AND enabled)",
            [self.marketplace_id, self.marketplace_id]).fetchone()
        for event_id, event_type in events:
            for endpoint in endpoints:
                endpoint_id, types = endpoint.split(" ", 1)
                types = json.loads(types)
                if "*" in types or event_type in types:
                    delivery_id = uuid.uuid4()
                    job_id = self._job(conn, "notifications.tasks.deliver_webhook", at,
                                       {"item_id": str(delivery_id)})
                    conn.execute(
                        "INSERT INTO notifications_webhookdelivery (id, status, attempts, "
                        "attempt_limit, wakeup_job_id, last_error, created_at, event_id, "
                        "marketplace_id, endpoint_id) VALUES (%s, 'pending', 0, 9, %s, '', "
                        "%s, %s, %s, %s)",
                        [delivery_id, job_id, at, event_id, self.marketplace_id, endpoint_id])
            if email_on and event_type == "credit_memo.applied":
                notification_id = uuid.uuid4()
                job_id = self._job(conn, "notifications.tasks.send_email", at,
                                   {"item_id": str(notification_id)})
                conn.execute(
                    "INSERT INTO notifications_emailnotification (id, status, attempts, "
                    "attempt_limit, wakeup_job_id, last_error, created_at, kind, recipient, "
                    "subject, attachment_name, event_id, marketplace_id) VALUES (%s, "
                    "'pending', 0, 8, %s, '', %s, 'credit_applied', '', '', '', %s, %s)",
                    [notification_id, job_id, at, event_id, self.marketplace_id])
