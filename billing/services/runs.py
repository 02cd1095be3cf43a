"""Billing runs. `billing_run` bills every customer with something due as of a date, one
customer (payer) at a time, each in its own durable transaction (`billing_run_customer`):

1. lock the payer company (so two runs never bill one customer at once) and return at once
   if an entry for (marketplace, company, as_of) exists: that customer is done;
2. bring its due subscriptions up to `as_of` (renewals charged in advance, usage rated at the
   period's end, cancellations and scheduled changes taking effect);
3. take its pending charges billable by `as_of`, one document per (billed company, user,
   currency): customer discounts first, then an invoice if the net is a charge (it takes the
   customer's available credit as any issued invoice does) or a credit memo if it is a credit;
4. mark the charges billed and write the entry naming the documents.

All of it commits together or not at all, so a run may be repeated, or restarted after a
crash at any point, and it issues nothing twice and finishes what was left. Customers are
billed in the order they were created, so a restarted run numbers its documents as a clean
run would have. Lock order: payer company, its subscriptions (by id), then what issuing locks
(credit memos, invoices, the number counter)."""

import contextlib
import datetime
import itertools
from collections import defaultdict

from billing import locks
from billing.compute import Document, DocumentDiscount, Line, add_months, document
from billing.models import BillingRun, BillingRunEntry, Charge, CustomerDiscount
from billing.services.charges import ROLL_FIELDS, roll_forward
from catalog.models import Subscription
from common.clock import now
from common.errors import BusinessRule, DomainError, InvalidInput
from common.money import format_amount
from common.parsing import parse_bool, parse_date
from common.transactions import service
from credits.compute import MemoPlan
from credits.services.billing import billing_invoice_issue, billing_memo_issue, memo_line
from customers.models import Company
from notifications.outbox import fail_lost_job

# A running run writes a heartbeat at least this often while it makes progress (between
# customers); one without a heartbeat for the lease has died.
HEARTBEAT_EVERY = datetime.timedelta(seconds=30)
RUN_LEASE = datetime.timedelta(minutes=10)
UNFINISHED = ("queued", "running")


class FutureAsOf(BusinessRule):
    code = "future_as_of"


class NotATestMarketplace(BusinessRule):
    code = "not_a_test_marketplace"


class RunDied(Exception):
    """Marks the job of a billing run that died (see `_death`)."""


def customers_due(*, marketplace, as_of: datetime.date) -> list:
    """Ids of the payers with something to bill as of `as_of` and no entry for it yet, oldest
    customer first."""
    payers = set(
        Charge.objects.filter(marketplace=marketplace, status="pending", bill_on__lte=as_of)
        .values_list("company_id", flat=True).distinct()
    )
    for company_id, reseller_id in (
        Subscription.objects.filter(marketplace=marketplace, status="active",
                                    period_end__lte=as_of)
        .values_list("company_id", "company__reseller_id").distinct()
    ):
        payers.add(reseller_id or company_id)
    payers -= set(BillingRunEntry.objects.filter(marketplace=marketplace, as_of=as_of)
                  .values_list("company_id", flat=True))
    # In the order the customers were created: a re-run numbers documents as a clean run.
    created = dict(Company.objects.filter(marketplace=marketplace, pk__in=payers)
                   .values_list("id", "created_at"))
    return sorted(payers, key=lambda pk: (created[pk], pk))


def _line(charge: Charge) -> Line:
    return Line(
        name=charge.name, billing_action=charge.billing_action, quantity=charge.quantity,
        unit_price=charge.unit_price, discount_amount=charge.discount_amount,
        tax_rate=charge.tax_rate, description=charge.description,
        product_id=charge.product_id, subscription_id=charge.subscription_id,
        period_start=charge.period_start, period_end=charge.period_end,
        charge_ids=[charge.id],
    )


def _discounts(*, marketplace, company, as_of) -> list[CustomerDiscount]:
    rows = CustomerDiscount.objects.filter(marketplace=marketplace, company=company,
                                           valid_from__lte=as_of).order_by("created_at", "id")
    return [d for d in rows if d.valid_until is None or as_of < d.valid_until]


def _document_discounts(discounts, currency) -> list[DocumentDiscount]:
    return [DocumentDiscount(kind=d.kind, percent=d.percent, amount=d.amount,
                             description=d.description)
            for d in discounts if d.kind == "percent" or d.currency == currency]


def _invoice_lines(doc: Document) -> list[dict]:
    return [{
        "product_id": line.product_id, "subscription_id": line.subscription_id,
        "name": line.name, "description": line.description, "quantity": line.quantity,
        "unit_price": line.unit_price, "discount_amount": line.discount_amount,
        "tax_rate": line.tax_rate, "billing_action": line.billing_action,
        "period_start": line.period_start, "period_end": line.period_end,
    } for line in doc.lines]


def _memo_plan_lines(doc: Document, charges_by_id) -> list:
    """The document's lines as credit memo lines: the same lines with their signs turned
    (a credit line credits its net; a charge line nets against the credit)."""
    c = doc.currency
    lines = []
    for line in doc.lines:
        charge = charges_by_id[line.charge_ids[0]]
        net = line.net(c)
        description = line.description
        if line.discount_amount:
            description = (f"{description}; discount {format_amount(line.discount_amount, c)}"
                           .lstrip("; "))
        lines.append(memo_line(
            name=line.name, quantity=line.quantity, unit_price=-line.unit_price,
            amount=-net, tax_rate=line.tax_rate, currency=c, description=description,
            product=charge.product, subscription=charge.subscription,
            billing_action=line.billing_action, period_start=line.period_start,
            period_end=line.period_end,
        ))
    return lines


def _issue(*, marketplace, payer, billed_id, user_id, currency, charges, discounts, as_of,
           actor, at) -> dict:
    doc = document(lines=[_line(c) for c in charges],
                   discounts=_document_discounts(discounts, currency), currency=currency)
    ids = [c.id for c in charges]
    if doc.kind == "invoice":
        invoice = billing_invoice_issue(
            marketplace=marketplace, payer=payer, billed_id=billed_id, user_id=user_id,
            currency=currency, due_date=as_of, lines=_invoice_lines(doc), actor=actor, at=at)
        Charge.objects.filter(pk__in=ids).update(status="billed", invoice=invoice,
                                                 billed_as_of=as_of)
        return {"type": "invoice", "id": str(invoice.id), "number": invoice.number,
                "total": format_amount(invoice.total, currency)}
    # A memo's lines name their product and subscription: load them (memos are the rarer
    # document, so invoices do without the joins).
    loaded = Charge.objects.select_related("product", "subscription").in_bulk(ids)
    plan = MemoPlan(currency=currency, lines=_memo_plan_lines(doc, loaded))
    billed = payer if billed_id == payer.pk else Company.objects.get(pk=billed_id)
    memo = billing_memo_issue(marketplace=marketplace, payer=payer, billed=billed,
                              user_id=user_id, origin=doc.origin, plan=plan, actor=actor, at=at)
    Charge.objects.filter(pk__in=ids).update(status="billed", credit_memo=memo,
                                             billed_as_of=as_of)
    return {"type": "credit_memo", "id": str(memo.id), "number": memo.number,
            "total": format_amount(memo.total, currency)}


def _save_rolled(subs) -> None:
    """One UPDATE per set of equal new values (a customer's subscriptions mostly renew
    alike), rather than one per subscription."""
    groups = defaultdict(list)
    for sub in subs:
        values = tuple((f, getattr(sub, Subscription._meta.get_field(f).attname))
                       for f in ROLL_FIELDS)
        groups[values].append(sub.pk)
    for values, ids in groups.items():
        Subscription.objects.filter(pk__in=ids).update(
            **{Subscription._meta.get_field(f).attname: v for f, v in values})


@service
def billing_run_customer(*, marketplace, run, company_id, as_of, actor, at,
                         any_discounts=True) -> BillingRunEntry | None:
    """Bill one payer as of `as_of` (see the module's docstring). None when there was
    nothing to bill or it had been billed already. `any_discounts=False` (the run found no
    customer discount in the marketplace) spares the look-up."""
    payer = locks.company(marketplace=marketplace, id=company_id)
    if payer is None or BillingRunEntry.objects.filter(
            marketplace=marketplace, company=payer, as_of=as_of).exists():
        return None
    billed_ids = [payer.pk]
    if payer.is_reseller:
        billed_ids += list(Company.objects.filter(reseller=payer).values_list("id", flat=True))
    subs = locks.subscriptions(
        marketplace=marketplace,
        queryset=Subscription.objects.filter(company_id__in=billed_ids, status="active",
                                             period_end__lte=as_of),
    )
    renewals, positions = [], itertools.count()
    for sub in sorted(subs, key=lambda s: (s.created_at, s.id)):
        renewals.extend(roll_forward(sub=sub, to=as_of, at=at, positions=positions))
    _save_rolled(subs)
    Charge.objects.bulk_create(renewals)
    charges = list(
        Charge.objects.filter(marketplace=marketplace, company=payer, status="pending",
                              bill_on__lte=as_of)
        .order_by("bill_on", "created_at", "position", "id")
    )
    if not charges:
        return None
    groups = defaultdict(list)
    for charge in charges:
        groups[(str(charge.billed_company_id), str(charge.user_id or ""), charge.currency)].append(
            charge)
    discounts = (_discounts(marketplace=marketplace, company=payer, as_of=as_of)
                 if any_discounts else [])
    documents = []
    for key in sorted(groups):
        group = groups[key]
        documents.append(_issue(
            marketplace=marketplace, payer=payer, billed_id=group[0].billed_company_id,
            user_id=group[0].user_id, currency=group[0].currency, charges=group,
            discounts=discounts, as_of=as_of, actor=actor, at=at))
    return BillingRunEntry.objects.create(marketplace=marketplace, run=run, company=payer,
                                          as_of=as_of, documents=documents, created_at=at)


def _death(run: BillingRun, *, at, lease) -> str | None:
    """Why a queued or running run has died, or None while it may still finish. A running
    run writes a heartbeat as it goes: none for `lease` means its process stopped (a
    SIGKILL, a lost machine; an error it hit marks it failed at once). A queued run waits for
    its job: that job failed or is gone, or was taken by a worker that stopped before the run
    began."""
    from django_tasks_db.models import DBTaskResult

    if run.status == "running":
        if (run.heartbeat_at or run.started_at) < at - lease:
            minutes = int(lease.total_seconds() // 60)
            return f"no progress for {minutes} minutes: the process running it stopped"
        return None
    if run.job_id is None:
        return None
    job = DBTaskResult.objects.filter(pk=run.job_id).values_list("status", "started_at").first()
    if job is None:
        return "its job is gone"
    if job[0] == "FAILED":
        return "its job failed before the run began"
    if job[0] == "RUNNING" and job[1] < at - lease:
        return "the worker that took its job stopped before the run began"
    return None


def _mark_failed(run: BillingRun, *, reason: str, at) -> None:
    run.status, run.failure_reason, run.finished_at = "failed", reason[:2000], at
    run.save(update_fields=["status", "failure_reason", "finished_at"])


def _reap(run: BillingRun, *, at, lease) -> bool:
    """Mark a dead run failed, and a job that its stopped worker left running, so that
    operators see it ended."""
    reason = _death(run, at=at, lease=lease)
    if reason is None:
        return False
    _mark_failed(run, reason=reason, at=at)
    if run.job_id:
        fail_lost_job(job_id=run.job_id, at=at, cause="billing.services.runs.RunDied",
                      account=f"The billing run died: {reason}.")
    return True


@service
def billing_run_reap(*, run_id, at, lease=RUN_LEASE) -> BillingRun | None:
    """Mark the run failed if it has died (see `_death`); the run, or None if it lives."""
    run = BillingRun.objects.select_for_update(no_key=True).filter(
        pk=run_id, status__in=UNFINISHED).first()
    return run if run and _reap(run, at=at, lease=lease) else None


def billing_runs_reap(*, at, lease=RUN_LEASE) -> int:
    """Mark every run that died failed (the background sweep); how many were."""
    ids = BillingRun.objects.filter(status__in=UNFINISHED).values_list("id", flat=True)
    return sum(billing_run_reap(run_id=pk, at=at, lease=lease) is not None for pk in ids)


@service
def _run_start(*, marketplace, as_of, at, beat_at) -> BillingRun:
    run, created = BillingRun.objects.get_or_create(
        marketplace=marketplace, as_of=as_of,
        defaults={"status": "running", "started_at": at, "heartbeat_at": beat_at,
                  "created_at": at})
    if not created:
        run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
        run.status, run.heartbeat_at, run.failure_reason = "running", beat_at, ""
        run.save(update_fields=["status", "heartbeat_at", "failure_reason"])
    return run


def _beat(run: BillingRun, *, last, clock):
    """A heartbeat (its own short transaction) when the last one is HEARTBEAT_EVERY old."""
    beat_at = clock()
    if beat_at - last < HEARTBEAT_EVERY:
        return last
    BillingRun.objects.filter(pk=run.pk, status="running").update(heartbeat_at=beat_at)
    return beat_at


@service
def _run_fail(*, run, reason, at) -> None:
    run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
    _mark_failed(run, reason=reason, at=at)


@service
def billing_run_request(*, marketplace, as_of=None, test_mode=False, today, at) -> BillingRun:
    """Ask for a run as of `as_of` (default: today): the run is queued for the background
    worker in this transaction, and its object answered at once (poll it for the outcome).
    Asking again for the same date re-runs it, which bills only what is still due; a run
    that died is marked failed first, then queued again."""
    from billing.tasks import billing_run_task

    as_of = check_as_of(marketplace=marketplace, as_of=as_of, today=today, test_mode=test_mode)
    run, created = BillingRun.objects.get_or_create(
        marketplace=marketplace, as_of=as_of,
        defaults={"status": "queued", "started_at": at, "created_at": at})
    run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
    if not created and run.status in UNFINISHED:
        _reap(run, at=at, lease=RUN_LEASE)
    if run.status in ("completed", "failed"):
        run.status, run.failure_reason = "queued", ""
    job = billing_run_task.enqueue(marketplace_id=str(marketplace.id), as_of=as_of.isoformat())
    run.job_id = job.id
    run.save(update_fields=["status", "failure_reason", "job_id"])
    return run


@service
def _run_finish(*, run, failures, at) -> BillingRun:
    """Also after the run was taken for dead (a customer that took longer than the lease):
    it did finish."""
    run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
    counts = defaultdict(int)
    customers = 0
    for documents in BillingRunEntry.objects.filter(run=run).values_list("documents", flat=True):
        customers += 1
        for doc in documents:
            counts[doc["type"]] += 1
    run.customers_billed = customers
    run.invoices_issued = counts["invoice"]
    run.credit_memos_issued = counts["credit_memo"]
    run.failures = failures
    run.status, run.failure_reason = "completed", ""
    run.finished_at = at
    run.save()
    return run


def check_as_of(*, marketplace, as_of, today: datetime.date, test_mode=False) -> datetime.date:
    """`as_of` (default today) from the day the marketplace was created (a run as of an
    earlier day bills nothing that one as of today does not) to a year after today: `400`
    otherwise. A day after today needs `test_mode` (`422 future_as_of`), which only a test
    marketplace may use (`422 not_a_test_marketplace`)."""
    as_of = parse_date(as_of, param="as_of") or today
    test_mode = parse_bool(test_mode, param="test_mode", default=False)
    earliest, latest = marketplace.created_at.date(), add_months(today, 12)
    if not earliest <= as_of <= latest:
        raise InvalidInput(f"as_of is a day from {earliest} (the marketplace's creation) to "
                           f"{latest} (a year ahead)", code="as_of_out_of_range",
                           param="as_of")
    if test_mode and not marketplace.is_test:
        raise NotATestMarketplace(
            "test_mode is for test marketplaces only (abate create-marketplace --test)",
            param="test_mode")
    if as_of > today and not test_mode:
        raise FutureAsOf(f"as_of {as_of} is in the future; only a test-mode run bills ahead",
                         param="as_of")
    return as_of


def billing_run(*, marketplace, as_of: datetime.date, actor, at, clock=now) -> BillingRun:
    """Bill every customer due as of `as_of`. Each customer is one transaction; a customer
    whose billing fails (a domain error) is listed in the run's `failures` and left for the
    next run, the others go on. Any other error fails the run (`failed`, with the reason) and
    is raised; so does a run that dies without a word, once its heartbeat (read from `clock`
    as it goes) is older than the lease. Either may be run again."""
    last_beat = clock()
    run = _run_start(marketplace=marketplace, as_of=as_of, at=at, beat_at=last_beat)
    failures = []
    try:
        any_discounts = CustomerDiscount.objects.filter(marketplace=marketplace).exists()
        for company_id in customers_due(marketplace=marketplace, as_of=as_of):
            try:
                billing_run_customer(marketplace=marketplace, run=run, company_id=company_id,
                                     as_of=as_of, actor=actor, at=at,
                                     any_discounts=any_discounts)
            except DomainError as error:
                failures.append({"company_id": str(company_id), "code": error.code,
                                 "message": error.message})
            last_beat = _beat(run, last=last_beat, clock=clock)
    except Exception as error:
        # If even this fails (the database is gone), the heartbeat's lease tells it later.
        with contextlib.suppress(Exception):
            _run_fail(run=run, reason=f"{type(error).__name__}: {error}", at=clock())
        raise
    return _run_finish(run=run, failures=failures, at=at)
