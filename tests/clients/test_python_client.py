"""The generated Python client (clients/python): the checked-in tree is what `make client`
makes from the API's schema now, and it drives a served Abate through the README's example
(clients/python-templates/readme_example.py) and nothing else: no raw HTTP, no dicts where
the client has a model.

The live test works on the demo marketplace's "Support hours" invoice of Globex:
one line of 20 x 80.00 at 19 % tax (1,904.00), of which an ad hoc memo already pays 1,000.00,
so 904.00 is due."""

import importlib.util
import subprocess
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from abate_client.api.credit_memos import (
    application_create,
    credit_memo_get,
    credit_memos_list,
)
from abate_client.api.invoices import invoice_get, invoices_list
from abate_client.models import (
    ApplicationIn,
    CreditMemoList,
    CreditMemoOut,
    ErrorOut,
    InvoiceList,
    InvoiceOut,
)

from tests.live import ROOT, live_abate

CLIENT = ROOT / "clients" / "python"
NOT_GENERATED = {"__pycache__", ".pdm-build", "build", "dist", ".ruff_cache"}


def _example():
    path = ROOT / "clients" / "python-templates" / "readme_example.py"
    spec = importlib.util.spec_from_file_location("readme_example", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = _example()


def _tree(root: Path) -> dict[str, bytes]:
    """Every generated file under root by its relative path, with its bytes."""
    files = {}
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if any(p in NOT_GENERATED or p.endswith(".egg-info") for p in parts):
            continue
        if path.is_file():
            files["/".join(parts)] = path.read_bytes()
    return files


def test_checked_in_client_is_what_the_schema_generates(tmp_path):
    fresh = tmp_path / "python"
    run = subprocess.run(["bash", str(ROOT / "scripts" / "client.sh"), str(fresh)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr

    generated, checked_in = _tree(fresh), _tree(CLIENT)
    differing = sorted(path for path in generated.keys() | checked_in.keys()
                       if generated.get(path) != checked_in.get(path))

    assert not differing, (
        f"clients/python is not what the API's schema generates now; run `make client` and "
        f"commit clients/python. Files that differ: {', '.join(differing[:20])}")
    assert "abate_client/api/credit_memos/credit_memo_create_from_invoice.py" in generated


def _support_hours_invoice(client) -> InvoiceOut:
    page = invoices_list.sync(client=client, status="open", limit=100)
    assert isinstance(page, InvoiceList)
    assert page.data and {invoice.status for invoice in page.data} == {"open"}
    return next(i for i in page.data if [line.name for line in i.lines] == ["Support hours"])


def _invoice(client, invoice_id) -> InvoiceOut:
    invoice = invoice_get.sync(invoice_id, client=client)
    assert isinstance(invoice, InvoiceOut)
    return invoice


def test_credit_memo_flow_through_the_client(tmp_path):
    with live_abate(tmp_path) as live:
        client = example.connect(live.url, live.keys["billing"])

        invoice = _support_hours_invoice(client)
        line = invoice.lines[0]
        assert (line.quantity, line.unit_price, line.tax_rate) == ("20", "80.00", "0.19")
        assert (invoice.total, invoice.amount_credited, invoice.amount_due) == (
            "1904.00", "1000.00", "904.00")

        # 100.00 net of the line, at its 19 % tax: 119.00, kept available (apply_to=[]).
        key = str(uuid.uuid4())
        memo = example.credit_invoice_line(client, invoice_id=invoice.id,
                                           invoice_line_id=line.id, amount=Decimal("100.00"),
                                           idempotency_key=key)
        assert isinstance(memo, CreditMemoOut)
        assert (memo.status, memo.origin, memo.source_invoice_id) == (
            "unapplied", "invoice", invoice.id)
        assert (memo.subtotal, memo.tax_total, memo.total) == ("100.00", "19.00", "119.00")
        assert (memo.applied_amount, memo.remaining_amount) == ("0.00", "119.00")
        assert [(m.source_invoice_line_id, m.amount, m.tax_amount) for m in memo.lines] == [
            (line.id, "100.00", "19.00")]

        # The same key again: the first answer, replayed; with another body: a 409.
        again = example.credit_invoice_line(client, invoice_id=invoice.id,
                                            invoice_line_id=line.id, amount=Decimal("100.00"),
                                            idempotency_key=key)
        assert again.to_dict() == memo.to_dict()
        with pytest.raises(example.AbateError) as reused:
            example.credit_invoice_line(client, invoice_id=invoice.id, invoice_line_id=line.id,
                                        amount=Decimal("10.00"), idempotency_key=key)
        assert (reused.value.type, reused.value.code) == ("conflict", "idempotency_key_reused")
        from_this_invoice = [m.id for m in example.all_credit_memos(client, page_size=100)
                             if m.source_invoice_id == invoice.id]
        assert from_this_invoice == [memo.id]
        credited = _invoice(client, invoice.id)
        assert (credited.lines[0].credited_amount, credited.amount_due) == ("100.00", "904.00")

        # 50.00 of the 119.00 to the invoice: 69.00 left on the memo, 854.00 due.
        memo = example.apply_credit(client, memo_id=memo.id, invoice_id=invoice.id,
                                    amount=Decimal("50.00"))
        assert (memo.status, memo.applied_amount, memo.remaining_amount) == (
            "partially_applied", "50.00", "69.00")
        assert [(a.invoice_id, a.amount) for a in memo.applications] == [(invoice.id, "50.00")]
        applied = _invoice(client, invoice.id)
        assert (applied.amount_credited, applied.amount_due) == ("1050.00", "854.00")
        assert Decimal(applied.amount_due) == (Decimal(applied.total)
                                               - Decimal(applied.amount_credited)
                                               - Decimal(applied.amount_paid))

        # 70.00 is more than the 69.00 left: a 422 the client parses into ErrorOut.
        refused = application_create.sync_detailed(
            memo.id, client=client, idempotency_key=str(uuid.uuid4()),
            body=ApplicationIn(invoice_id=invoice.id, amount="70.00"))
        assert refused.status_code == 422
        assert isinstance(refused.parsed, ErrorOut)
        assert (refused.parsed.error.type_, refused.parsed.error.code,
                refused.parsed.error.param) == (
            "business_rule", "exceeds_remaining", "amount")
        with pytest.raises(example.AbateError) as short:
            example.apply_credit(client, memo_id=memo.id, invoice_id=invoice.id,
                                 amount=Decimal("70.00"))
        assert (short.value.code, short.value.param) == ("exceeds_remaining", "amount")

        # The README's handling of that 422: apply what is left, 69.00; 785.00 stays due.
        memo = example.apply_at_most(client, memo_id=memo.id, invoice_id=invoice.id,
                                     amount=Decimal("70.00"))
        assert (memo.status, memo.applied_amount, memo.remaining_amount) == (
            "fully_applied", "119.00", "0.00")
        assert Decimal(memo.total) == (Decimal(memo.applied_amount)
                                       + Decimal(memo.paid_out_amount)
                                       + Decimal(memo.closed_amount)
                                       + Decimal(memo.remaining_amount))
        applied = _invoice(client, invoice.id)
        assert (applied.amount_credited, applied.amount_due) == ("1119.00", "785.00")

        # Page by page, two at a time: the same memos, in the same order, as one page of 100.
        whole = credit_memos_list.sync(client=client, limit=100)
        assert isinstance(whole, CreditMemoList) and whole.has_more is False
        first = credit_memos_list.sync(client=client, limit=2)
        assert (len(first.data), first.has_more) == (2, True) and first.next_cursor
        paged = list(example.all_credit_memos(client, page_size=2))
        assert [m.id for m in paged] == [m.id for m in whole.data]
        assert len(paged) == 12  # the demo's eleven (its refund made one) and this one
        assert paged[0].id == memo.id

        # An id that names nothing: a 404 in the envelope, parsed.
        missing = credit_memo_get.sync_detailed("cm_does_not_exist", client=client)
        assert missing.status_code == 404
        assert isinstance(missing.parsed, ErrorOut)
        assert (missing.parsed.error.type_, missing.parsed.error.code) == (
            "not_found", "not_found")
