"""Billing one customer (payer) of a run, in one durable transaction (see
billing.services.runs for the run around it):

1. lock the payer company (so two runs never bill one customer at once) and return at once
   if an entry for (marketplace, company, as_of) exists: that customer is done;
2. bring its due subscriptions up to `as_of` (renewals charged in advance, usage rated at the
   period's end, cancellations and scheduled changes taking effect);
3. take its pending charges billable by `as_of`, one document per (billed company, user,
   currency): customer discounts first, then an invoice if the net is a charge (it takes the
   customer's available credit as any issued invoice does) or a credit memo if it is a credit;
4. mark the charges billed (the renewals it made are inserted billed) and write the entry
   naming the documents.

All of it commits together or not at all. Lock order: payer company, its subscriptions (by
id), then what issuing locks (credit memos, invoices, the number counter)."""

import itertools
from collections import defaultdict

from billing import locks
from billing.compute import Document, DocumentDiscount, Line, document
from billing.models import BillingRunEntry, Charge, CustomerDiscount
from billing.services.charges import ROLL_FIELDS, roll_forward
from catalog.models import Product, Subscription
from common.money import format_amount
from common.tax import document_taxes, line_tax
from common.transactions import service
from credits.compute import MemoPlan
from credits.services.billing import billing_invoice_issue, billing_memo_issue, memo_line
from customers.models import Company
from invoicing.services import seller_vat_id


def _line(charge: Charge, tax) -> Line:
    return Line(
        name=charge.name, billing_action=charge.billing_action, quantity=charge.quantity,
        unit_price=charge.unit_price, discount_amount=charge.discount_amount,
        tax_rate=tax.rate, tax_category=tax.category,
        tax_exemption_reason_code=tax.reason_code, tax_exemption_reason=tax.reason,
        description=charge.description,
        product_id=charge.product_id, subscription_id=charge.subscription_id,
        period_start=charge.period_start, period_end=charge.period_end,
        charge_ids=[charge.id],
    )


def _taxes(*, marketplace, payer, charges) -> list:
    """Each charge's tax (common.tax): its product's category (a product not taxed at the
    standard rate takes its charges' rate to 0), else S at its rate, reverse charge (AE) for
    a payer marked so, or Z/O at 0; checked across the document."""
    products = (Product.objects.exclude(tax_category="S")
                .in_bulk({c.product_id for c in charges} - {None}))
    taxes = [line_tax(raw={}, rate=c.tax_rate, product=products.get(c.product_id),
                      reverse_charge=payer.reverse_charge, param=f"charges[{i}]", strict=False)
             for i, c in enumerate(charges)]
    return document_taxes(taxes, seller_vat_id=lambda: seller_vat_id(marketplace),
                          customer_vat_id=payer.vat_id, param="charges")


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
        "tax_rate": line.tax_rate, "tax_category": line.tax_category,
        "tax_exemption_reason_code": line.tax_exemption_reason_code,
        "tax_exemption_reason": line.tax_exemption_reason, "billing_action": line.billing_action,
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
            period_end=line.period_end, tax_category=line.tax_category,
            tax_exemption_reason_code=line.tax_exemption_reason_code,
            tax_exemption_reason=line.tax_exemption_reason,
        ))
    return lines


def _issue(*, marketplace, payer, billed_id, user_id, currency, charges, discounts, as_of,
           actor, at) -> dict:
    """Issue the document of one group of charges, and mark them billed by it: those in the
    database with one UPDATE, the new ones (unsaved) in memory, to be inserted billed."""
    taxes = _taxes(marketplace=marketplace, payer=payer, charges=charges)
    doc = document(lines=[_line(c, t) for c, t in zip(charges, taxes, strict=True)],
                   discounts=_document_discounts(discounts, currency), currency=currency)
    if doc.kind == "invoice":
        issued = billing_invoice_issue(
            marketplace=marketplace, payer=payer, billed_id=billed_id, user_id=user_id,
            currency=currency, due_date=as_of, lines=_invoice_lines(doc), actor=actor, at=at)
        marks = {"invoice_id": issued.id}
        entry = {"type": "invoice", "id": str(issued.id), "number": issued.number,
                 "total": format_amount(issued.total, currency)}
    else:
        # A memo's lines name their product and subscription: load them (memos are the
        # rarer document, so invoices do without).
        products = Product.objects.in_bulk({c.product_id for c in charges} - {None})
        subs = Subscription.objects.in_bulk({c.subscription_id for c in charges} - {None})
        for charge in charges:
            charge.product = products.get(charge.product_id)
            charge.subscription = subs.get(charge.subscription_id)
        plan = MemoPlan(currency=currency,
                        lines=_memo_plan_lines(doc, {c.id: c for c in charges}))
        billed = payer if billed_id == payer.pk else Company.objects.get(pk=billed_id)
        issued = billing_memo_issue(marketplace=marketplace, payer=payer, billed=billed,
                                    user_id=user_id, origin=doc.origin, plan=plan, actor=actor,
                                    at=at)
        marks = {"credit_memo_id": issued.id}
        entry = {"type": "credit_memo", "id": str(issued.id), "number": issued.number,
                 "total": format_amount(issued.total, currency)}
    saved = [c.id for c in charges if not c._state.adding]
    if saved:
        Charge.objects.filter(pk__in=saved).update(status="billed", billed_as_of=as_of,
                                                   **marks)
    for charge in charges:
        charge.status, charge.billed_as_of = "billed", as_of
        for field, value in marks.items():
            setattr(charge, field, value)
    return entry


ROLL_ATTNAMES = [Subscription._meta.get_field(f).attname for f in ROLL_FIELDS]


def _rolled_values(sub) -> tuple:
    return tuple(getattr(sub, a) for a in ROLL_ATTNAMES)


def _save_rolled(subs, before: dict) -> None:
    """Save what bringing the subscriptions forward changed (`before`: their values by id):
    one UPDATE of the changed fields when they changed alike (the usual case: a customer's
    subscriptions renew to the same period), else one that sets each its own values."""
    changes = set()
    for sub in subs:
        old = before[sub.pk]
        changes.add(tuple((a, v) for a, v, o in zip(ROLL_ATTNAMES, _rolled_values(sub), old,
                                                      strict=True) if v != o))
    changes.discard(())
    if len(changes) == 1:
        Subscription.objects.filter(pk__in=[sub.pk for sub in subs]).update(
            **dict(changes.pop()))
    elif changes:
        Subscription.objects.bulk_update(subs, ROLL_FIELDS)


@service
def billing_run_customer(*, marketplace, run, company_id, as_of, actor, at,
                         any_discounts=True) -> BillingRunEntry | None:
    """Bill one payer as of `as_of` (see the module's docstring). None when there was
    nothing to bill or it had been billed already. `any_discounts=False` (the run found no
    customer discount in the marketplace) spares the look-up."""
    payer = locks.payer(marketplace=marketplace, id=company_id, as_of=as_of)
    if payer is None or payer.billed:
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
    before = {sub.pk: _rolled_values(sub) for sub in subs}
    # Usage is rated (and saved) at a metered period's end: a plan metered before or after.
    metered = any(not sub.plan.in_advance for sub in subs)
    for sub in sorted(subs, key=lambda s: (s.created_at, s.id)):
        renewals.extend(roll_forward(sub=sub, to=as_of, at=at, positions=positions))
    _save_rolled(subs, before)
    # The charges waiting (rated usage among them, saved as it was rated: read them when
    # there were any, or usage was rated), then the renewals not saved yet, in one order: the
    # database's for the ones, the same keys for the rest.
    waiting = []
    if payer.charges_waiting or metered or any(not sub.plan.in_advance for sub in subs):
        waiting = Charge.objects.filter(marketplace=marketplace, company=payer,
                                        status="pending", bill_on__lte=as_of)
    charges = sorted([*waiting, *(c for c in renewals if c.bill_on <= as_of)],
                     key=lambda c: (c.bill_on, c.created_at, c.position, c.id))
    if not charges:
        Charge.objects.bulk_create(renewals)
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
    Charge.objects.bulk_create(renewals)  # billed already, or still pending (billed later)
    return BillingRunEntry.objects.create(marketplace=marketplace, run=run, company=payer,
                                          as_of=as_of, documents=documents, created_at=at)
