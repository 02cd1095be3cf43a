"""A run's customers in batches, for the workers that take part in the run.

Planning (at a run's start) streams the ids of the customers due, oldest customer first, into
batch rows of `batch_size` ids: nothing holds every customer in memory. A worker claims the
next ready batch (`FOR UPDATE SKIP LOCKED`: two workers never take the same one), bills its
customers one transaction each, then records the batch done; the run's progress (customers
done, documents issued, failures) grows by the batch in that same short transaction, under
the run's row lock. The one that records the last batch done completes the run: the lock
orders them, so a run is completed exactly once even when two batches end at the same
moment."""

import datetime
from collections import Counter

from django.db.models import Q

from billing.models import BillingRun, BillingRunBatch, BillingRunEntry, Charge
from catalog.models import Subscription
from common.transactions import service
from customers.models import Company

BATCH_SIZE = 100
# Batch rows written per INSERT while planning.
PLAN_CHUNK = 50


def customers_due(*, marketplace, as_of: datetime.date):
    """Ids of the payers with something to bill as of `as_of` and no entry for it yet,
    oldest customer first, streamed from the database (an iterator)."""
    charges = Charge.objects.filter(marketplace=marketplace, status="pending",
                                    bill_on__lte=as_of)
    subs = Subscription.objects.filter(marketplace=marketplace, status="active",
                                       period_end__lte=as_of)
    billed = BillingRunEntry.objects.filter(marketplace=marketplace, as_of=as_of)
    return (
        Company.objects.filter(marketplace=marketplace)
        .filter(Q(pk__in=charges.values("company_id"))
                | Q(pk__in=subs.filter(company__reseller__isnull=True).values("company_id"))
                | Q(pk__in=subs.values("company__reseller_id")))
        .exclude(pk__in=billed.values("company_id"))
        .order_by("created_at", "id").values_list("id", flat=True)
        .iterator(chunk_size=2000)
    )


def tally(run: BillingRun) -> dict:
    """What the run has issued so far, from its entries (streamed)."""
    counts, customers = Counter(), 0
    for documents in (BillingRunEntry.objects.filter(run=run).values_list("documents", flat=True)
                      .iterator(chunk_size=2000)):
        customers += 1
        counts.update(doc["type"] for doc in documents)
    return {"customers_billed": customers, "invoices_issued": counts["invoice"],
            "credit_memos_issued": counts["credit_memo"]}


def plan(run: BillingRun, *, batch_size: int) -> int:
    """(In the caller's transaction, the run locked.) Replace the run's batches by the
    customers due now; how many batches."""
    BillingRunBatch.objects.filter(run=run).delete()
    rows, ids, due, position = [], [], 0, 0
    for company_id in customers_due(marketplace=run.marketplace, as_of=run.as_of):
        ids.append(str(company_id))
        due += 1
        if len(ids) == batch_size:
            rows.append(BillingRunBatch(run=run, position=position, company_ids=ids))
            ids, position = [], position + 1
            if len(rows) == PLAN_CHUNK:
                BillingRunBatch.objects.bulk_create(rows)
                rows = []
    if ids:
        rows.append(BillingRunBatch(run=run, position=position, company_ids=ids))
        position += 1
    BillingRunBatch.objects.bulk_create(rows)
    for field, value in tally(run).items():
        setattr(run, field, value)
    run.customers_due, run.customers_done, run.failures = due, 0, []
    return position


@service
def batch_claim(*, run_id, job_id=None, at) -> BillingRunBatch | None:
    """The run's next ready batch, now `working` for this worker; None when none is left or
    the run is no longer running (it failed: the others stop after their batch)."""
    batch = (BillingRunBatch.objects.select_for_update(skip_locked=True, of=("self",))
             .filter(run_id=run_id, run__status="running", status="ready")
             .order_by("position").first())
    if batch is None:
        return None
    batch.status, batch.claimed_at, batch.job_id = "working", at, job_id
    batch.save(update_fields=["status", "claimed_at", "job_id"])
    return batch


@service
def batch_done(*, batch, entries: list, failures: list, at) -> BillingRun:
    """Record a batch billed: the run's progress grows by it; the last batch completes the
    run (also one taken for dead meanwhile: it did finish). A batch that is no longer the
    run's (a re-run planned anew) changes nothing."""
    run = BillingRun.objects.select_for_update(no_key=True).get(pk=batch.run_id)
    if not BillingRunBatch.objects.filter(pk=batch.pk, status="working").update(status="done"):
        return run
    counts = Counter(doc["type"] for entry in entries for doc in entry.documents)
    run.customers_done += len(batch.company_ids)
    run.customers_billed += len(entries)
    run.invoices_issued += counts["invoice"]
    run.credit_memos_issued += counts["credit_memo"]
    run.failures = [*run.failures, *failures]
    fields = ["customers_done", "customers_billed", "invoices_issued", "credit_memos_issued",
              "failures"]
    if run.status in ("running", "failed") and not BillingRunBatch.objects.filter(
            run=run).exclude(status="done").exists():
        for field, value in tally(run).items():
            setattr(run, field, value)
        run.status, run.failure_reason, run.finished_at = "completed", "", at
        fields += ["status", "failure_reason", "finished_at"]
    run.save(update_fields=fields)
    return run
