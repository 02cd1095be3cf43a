"""Creating, previewing, issuing, voiding and closing credit memos."""

from django.db.models import Sum

from common.errors import InvalidInput, InvalidState, NotFound
from common.ids import find, parse_id
from common.money import (
    allocate_cumulative,
    check_currency,
    format_amount,
    parse_amount,
    parse_quantity,
    parse_rate,
)
from common.parsing import (
    parse_bool,
    parse_choice,
    parse_list,
    parse_object,
    parse_period,
    parse_text,
)
from common.transactions import service
from credits import locks
from credits.compute import (
    Credited,
    ExceedsCreditableAmount,
    MemoPlan,
    credit_ad_hoc_line,
    credit_invoice_line,
)
from credits.models import REASON_CODES, CreditMemo, CreditMemoLine
from credits.serializers import memo_preview_data
from credits.services.core import (
    Outbox,
    apply_credit,
    auto_apply_memo,
    memo_open,
    open_invoices_for,
    save_amounts,
)
from credits.services.errors import MemoNotVoidable, OwnCompany, SubscriptionNotForCompany
from credits.services.rules import eligibility_error
from customers.models import Company
from invoicing import locks as invoice_locks
from invoicing.services import invoice_get, lookup_product, lookup_subscription, resolve_customer
from ledger.services import entry_post, entry_reverse

INVOICE_LINE_FIELDS = {"invoice_line_id", "amount", "quantity"}
AD_HOC_LINE_FIELDS = {"product_id", "subscription_id", "name", "description", "quantity",
                      "unit_price", "tax_rate", "period_start", "period_end"}


def memo_get(*, marketplace, memo_id, param="id") -> CreditMemo:
    return find(CreditMemo.objects.filter(marketplace=marketplace), memo_id,
                what="credit memo", param=param)


def _header(*, reason_code, reason, memo) -> dict:
    return {
        "reason_code": parse_choice(reason_code, REASON_CODES, param="reason_code"),
        "reason": parse_text(reason, param="reason", max_length=2000),
        "memo": parse_text(memo, param="memo", max_length=2000),
    }


def _check_not_own(*, payer, billed) -> None:
    if payer.is_own or billed.is_own:
        raise OwnCompany("the marketplace's own company cannot receive a credit memo",
                         param="company_id")


def _check_invoice_not_own(invoice) -> None:
    """_check_not_own for an invoice's parties, in one query rather than two."""
    if Company.objects.filter(pk__in={invoice.company_id, invoice.billed_company_id},
                              is_own=True).exists():
        raise OwnCompany("the marketplace's own company cannot receive a credit memo",
                         param="company_id")


def credited_by_line(*, invoice, exclude_memo_id=None) -> dict:
    """{invoice line id: Credited} over issued, non-void memos."""
    rows = CreditMemoLine.objects.filter(
        source_invoice_line__invoice=invoice, memo__issued_at__isnull=False,
        memo__voided_at__isnull=True,
    )
    if exclude_memo_id:
        rows = rows.exclude(memo_id=exclude_memo_id)
    return {
        r["source_invoice_line_id"]: Credited(r["a"], r["t"])
        for r in rows.values("source_invoice_line_id").annotate(a=Sum("amount"),
                                                               t=Sum("tax_amount"))
    }


def plan_from_invoice(*, invoice, lines) -> MemoPlan:
    """What crediting `lines` of the invoice would give (all it has left, with no lines)."""
    c = invoice.currency
    invoice_lines = list(invoice.lines.select_related("product", "subscription"))
    credited = credited_by_line(invoice=invoice)
    plan = MemoPlan(currency=c)
    if lines is None:
        for line in invoice_lines:
            got = credited.get(line.id, Credited())
            if line.amount != 0 and got.amount != line.amount:
                plan.lines.append(credit_invoice_line(
                    line=line, currency=c, credited=got, amount=None, quantity=None,
                    param="lines"))
        if not plan.lines:
            raise ExceedsCreditableAmount("nothing is left to credit on this invoice",
                                          param="lines")
    else:
        by_id = {str(line.id): line for line in invoice_lines}
        seen = set()
        for i, raw in enumerate(parse_list(lines, param="lines", min_items=1)):
            p = f"lines[{i}]"
            parse_object(raw, param=p, allowed=INVOICE_LINE_FIELDS)
            pk = parse_id(raw.get("invoice_line_id"))
            line = by_id.get(str(pk)) if pk else None
            if line is None:
                raise NotFound("no such line on this invoice", param=f"{p}.invoice_line_id")
            if line.id in seen:
                raise InvalidInput("a line is credited once per memo",
                                   param=f"{p}.invoice_line_id")
            seen.add(line.id)
            amount = raw.get("amount")
            quantity = raw.get("quantity")
            if amount is not None and quantity is not None:
                raise InvalidInput("give amount or quantity, not both", param=p)
            amount = None if amount is None else parse_amount(
                amount, c, param=f"{p}.amount", allow_zero=False)
            quantity = None if quantity is None else parse_quantity(
                quantity, param=f"{p}.quantity")
            plan.lines.append(credit_invoice_line(
                line=line, currency=c, credited=credited.get(line.id, Credited()),
                amount=amount, quantity=quantity, param=p))
    plan.check_total()
    return plan


def line_item(*, marketplace, payer, billed, raw: dict, param: str):
    """What a credit line names: (product, subscription, name). A subscription must be the
    customer's and brings its product; a line with neither names itself (a custom charge)."""
    product = subscription = None
    if raw.get("product_id") is not None and raw.get("subscription_id") is not None:
        raise InvalidInput("give product_id or subscription_id, not both", param=param)
    if raw.get("subscription_id") is not None:
        subscription = lookup_subscription(
            marketplace=marketplace, subscription_id=raw["subscription_id"],
            param=f"{param}.subscription_id")
        if subscription.company_id not in (payer.id, billed.id):
            raise SubscriptionNotForCompany("the subscription is another company's",
                                            param=f"{param}.subscription_id")
        product = subscription.product
    elif raw.get("product_id") is not None:
        product = lookup_product(marketplace=marketplace, product_id=raw["product_id"],
                                 param=f"{param}.product_id")
    name = parse_text(raw.get("name"), param=f"{param}.name").strip()
    if not name and product is None:
        raise InvalidInput("a line needs a product_id, a subscription_id or a name",
                           param=f"{param}.name")
    return product, subscription, name


def plan_ad_hoc(*, marketplace, payer, billed, currency, lines) -> MemoPlan:
    plan = MemoPlan(currency=currency)
    for i, raw in enumerate(parse_list(lines, param="lines", min_items=1)):
        p = f"lines[{i}]"
        parse_object(raw, param=p, allowed=AD_HOC_LINE_FIELDS)
        product, subscription, name = line_item(marketplace=marketplace, payer=payer,
                                                billed=billed, raw=raw, param=p)
        start, end = parse_period(raw, param=p)
        plan.lines.append(credit_ad_hoc_line(
            name=name or product.name,
            quantity=parse_quantity(raw.get("quantity"), param=f"{p}.quantity"),
            unit_price=parse_amount(raw.get("unit_price"), currency, param=f"{p}.unit_price",
                                    allow_negative=True),
            tax_rate=parse_rate(raw.get("tax_rate", "0"), param=f"{p}.tax_rate"),
            currency=currency, param=p,
            description=parse_text(raw.get("description"), param=f"{p}.description",
                                   max_length=2000),
            product=product, subscription=subscription, period_start=start, period_end=end,
            custom_charge=product is None,
        ))
    plan.check_total()
    return plan


def _apply_to(value) -> tuple[str, list]:
    if value is None:
        return "source", []
    ids = []
    for i, raw in enumerate(parse_list(value, param="apply_to", max_items=100)):
        pk = parse_id(raw)
        if pk is None:
            raise NotFound("no such invoice", param=f"apply_to[{i}]")
        ids.append(str(pk))
    return ("list", ids) if ids else ("none", [])


def _check_source_invoice(invoice) -> None:
    if invoice.status not in ("open", "paid"):
        raise InvalidState(f"the invoice is {invoice.status}; only open or paid invoices "
                           "can be credited")


def _from_invoice(*, marketplace, invoice_id, reason_code, reason, memo, lines, apply_to):
    invoice = invoice_get(marketplace=marketplace, invoice_id=invoice_id)
    header = _header(reason_code=reason_code, reason=reason, memo=memo)
    mode, targets = _apply_to(apply_to)
    return invoice, header, mode, targets


def credit_memo_preview_from_invoice(*, marketplace, invoice_id, reason_code, reason=None,
                                     memo=None, lines=None, apply_to=None,
                                     include_reason=False) -> dict:
    invoice, header, _, _ = _from_invoice(
        marketplace=marketplace, invoice_id=invoice_id, reason_code=reason_code, reason=reason,
        memo=memo, lines=lines, apply_to=apply_to)
    _check_invoice_not_own(invoice)
    _check_source_invoice(invoice)
    plan = plan_from_invoice(invoice=invoice, lines=lines)
    return memo_preview_data(plan=plan, include_reason=include_reason, header={
        "company_id": str(invoice.company_id), "billed_company_id": str(invoice.billed_company_id),
        "user_id": str(invoice.user_id) if invoice.user_id else None, "origin": "invoice",
        "source_invoice_id": str(invoice.id), **header, "auto_apply": False,
    })


def _save(*, marketplace, plan, at, **fields) -> CreditMemo:
    memo = CreditMemo.objects.create(
        marketplace=marketplace, status="draft", currency=plan.currency, subtotal=plan.subtotal,
        tax_total=plan.tax_total, total=plan.total, remaining_amount=plan.total, created_at=at,
        **fields,
    )
    CreditMemoLine.objects.bulk_create(
        CreditMemoLine(
            memo=memo, position=i, product=line.product, name=line.name,
            description=line.description, quantity=line.quantity, unit_price=line.unit_price,
            amount=line.amount, tax_rate=line.tax_rate, tax_amount=line.tax_amount,
            total=line.total, billing_action=line.billing_action,
            period_start=line.period_start, period_end=line.period_end,
            subscription=line.subscription, source_invoice_line=line.source_invoice_line,
            custom_charge=line.custom_charge,
        )
        for i, line in enumerate(plan.lines)
    )
    return memo


def _lock_targets(*, marketplace, memo, source_invoice_id, mode, targets) -> dict:
    """Lock the invoices issuing `memo` touches (after the memo, in id order)."""
    ids = set(targets)
    if source_invoice_id:
        ids.add(str(source_invoice_id))
    locked = invoice_locks.invoices(marketplace=marketplace, ids=ids)
    for i, target in enumerate(targets):
        if parse_id(target) not in locked:
            raise NotFound("no such invoice", param=f"apply_to[{i}]")
    return locked


def _recheck_invoice_lines(memo) -> None:
    """A draft reserved nothing: check its lines against what is credited now, and allocate
    their tax afresh, so that all credits of a line never exceed its net or its tax."""
    lines = [line for line in memo.lines.select_related("source_invoice_line")
             if line.source_invoice_line_id]
    if not lines:
        return
    credited = credited_by_line(invoice=memo.source_invoice, exclude_memo_id=memo.id)
    for i, line in enumerate(lines):
        source = line.source_invoice_line
        got = credited.get(source.id, Credited())
        left = source.amount - got.amount
        if abs(line.amount) > abs(left) or (left == 0):
            raise ExceedsCreditableAmount(
                f"the line {source.name} has {format_amount(abs(left), memo.currency)} left "
                "to credit", param=f"lines[{i}]")
        tax = allocate_cumulative(total=source.tax_amount, base=source.amount,
                                  before=got.amount, now=line.amount,
                                  allocated_before=got.tax, currency=memo.currency)
        if tax != line.tax_amount:
            line.tax_amount, line.total = tax, line.amount + tax
            line.save(update_fields=["tax_amount", "total"])
    totals = memo.lines.aggregate(s=Sum("amount"), t=Sum("tax_amount"))
    memo.subtotal, memo.tax_total = totals["s"], totals["t"]
    memo.total = memo.subtotal + memo.tax_total
    memo.remaining_amount = memo.total
    memo.save(update_fields=["subtotal", "tax_total", "total", "remaining_amount"])


def issue(*, marketplace, memo: CreditMemo, actor, at, outbox: Outbox,
          planned_under_lock: bool = False, locked: dict | None = None) -> None:
    """Issue a locked draft and apply it as its creation asked. Number last: the caller's
    `outbox.flush()` takes it. `planned_under_lock`: the memo was computed in this
    transaction under the source invoice's lock, so its lines need no second check.
    `locked`: the invoices it touches, already locked in this transaction (else they are
    locked here)."""
    if memo.status != "draft":
        raise InvalidState(f"credit memo is {memo.status}, not a draft")
    if locked is None:
        locked = _lock_targets(marketplace=marketplace, memo=memo,
                               source_invoice_id=memo.source_invoice_id,
                               mode=memo.apply_mode, targets=memo.apply_to)
    if memo.source_invoice_id and memo.origin == "invoice":
        memo.source_invoice = locked[memo.source_invoice_id]
        _check_source_invoice(memo.source_invoice)
        if not planned_under_lock:
            _recheck_invoice_lines(memo)
    memo_open(memo=memo, at=at)
    outbox.memo("credit_memo.issued", memo)
    if memo.apply_mode == "source":
        source = memo.source_invoice
        if source is not None and source.status == "open":
            apply_credit(marketplace=marketplace, memo=memo, invoice=source,
                         amount=min(memo.remaining_amount, source.amount_due), actor=actor,
                         at=at, outbox=outbox)
    elif memo.apply_mode == "list":
        invoices = [locked[parse_id(t)] for t in memo.apply_to]
        for invoice in invoices:
            error = eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace)
            if error:
                raise error
        auto_apply_memo(marketplace=marketplace, memo=memo, invoices=invoices, actor=actor,
                        at=at, outbox=outbox)
    elif memo.apply_mode == "auto":
        auto_apply_memo(marketplace=marketplace, memo=memo,
                        invoices=open_invoices_for(marketplace=marketplace, memo=memo),
                        actor=actor, at=at, outbox=outbox)
    outbox.number_last(memo)


@service
def credit_memo_create_from_invoice(*, marketplace, invoice_id, reason_code, reason=None,
                                    memo=None, lines=None, apply_to=None, draft=False, actor,
                                    at) -> CreditMemo:
    found, header, mode, targets = _from_invoice(
        marketplace=marketplace, invoice_id=invoice_id, reason_code=reason_code, reason=reason,
        memo=memo, lines=lines, apply_to=apply_to)
    draft = parse_bool(draft, param="draft", default=False)
    _check_invoice_not_own(found)
    # The source invoice's lock serialises every credit of its lines.
    locked = _lock_targets(marketplace=marketplace, memo=None, source_invoice_id=found.id,
                           mode=mode, targets=targets)
    invoice = locked[found.id]
    _check_source_invoice(invoice)
    plan = plan_from_invoice(invoice=invoice, lines=lines)
    credit_memo = _save(
        marketplace=marketplace, plan=plan, at=at, company_id=invoice.company_id,
        billed_company_id=invoice.billed_company_id, user_id=invoice.user_id, origin="invoice",
        source_invoice=invoice, apply_mode=mode, apply_to=targets, **header,
    )
    outbox = Outbox(marketplace, actor, at)
    if draft:
        outbox.memo("credit_memo.created", credit_memo)
    else:
        issue(marketplace=marketplace, memo=credit_memo, actor=actor, at=at, outbox=outbox,
              planned_under_lock=True, locked=locked)
    outbox.flush()
    return credit_memo


def _ad_hoc(*, marketplace, company_id, user_id, currency, reason_code, reason, memo, lines):
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    _check_not_own(payer=payer, billed=billed)
    header = _header(reason_code=reason_code, reason=reason, memo=memo)
    currency = check_currency(billed.currency if currency is None else currency)
    plan = plan_ad_hoc(marketplace=marketplace, payer=payer, billed=billed, currency=currency,
                       lines=lines)
    return payer, billed, user, header, plan


def credit_memo_preview_ad_hoc(*, marketplace, company_id, reason_code, lines, user_id=None,
                               reason=None, memo=None, currency=None, auto_apply=False,
                               include_reason=False) -> dict:
    payer, billed, user, header, plan = _ad_hoc(
        marketplace=marketplace, company_id=company_id, user_id=user_id, currency=currency,
        reason_code=reason_code, reason=reason, memo=memo, lines=lines)
    return memo_preview_data(plan=plan, include_reason=include_reason, header={
        "company_id": str(payer.id), "billed_company_id": str(billed.id),
        "user_id": str(user.id) if user else None, "origin": "ad_hoc",
        "source_invoice_id": None, **header,
        "auto_apply": parse_bool(auto_apply, param="auto_apply", default=False),
    })


@service
def credit_memo_create_ad_hoc(*, marketplace, company_id, reason_code, lines, user_id=None,
                              reason=None, memo=None, currency=None, auto_apply=False,
                              draft=False, actor, at) -> CreditMemo:
    payer, billed, user, header, plan = _ad_hoc(
        marketplace=marketplace, company_id=company_id, user_id=user_id, currency=currency,
        reason_code=reason_code, reason=reason, memo=memo, lines=lines)
    auto_apply = parse_bool(auto_apply, param="auto_apply", default=False)
    draft = parse_bool(draft, param="draft", default=False)
    credit_memo = _save(
        marketplace=marketplace, plan=plan, at=at, company=payer, billed_company=billed,
        user=user, origin="ad_hoc", auto_apply=auto_apply,
        apply_mode="auto" if auto_apply else "none", **header,
    )
    outbox = Outbox(marketplace, actor, at)
    if draft:
        outbox.memo("credit_memo.created", credit_memo)
    else:
        issue(marketplace=marketplace, memo=credit_memo, actor=actor, at=at, outbox=outbox)
    outbox.flush()
    return credit_memo


@service
def credit_memo_issue(*, marketplace, memo_id, actor, at) -> CreditMemo:
    found = memo_get(marketplace=marketplace, memo_id=memo_id)
    memo = locks.memo(marketplace=marketplace, id=found.pk)
    outbox = Outbox(marketplace, actor, at)
    issue(marketplace=marketplace, memo=memo, actor=actor, at=at, outbox=outbox)
    outbox.flush()
    return memo


@service
def credit_memo_void(*, marketplace, memo_id, actor, at) -> CreditMemo:
    found = memo_get(marketplace=marketplace, memo_id=memo_id)
    memo = locks.memo(marketplace=marketplace, id=found.pk)
    if not memo.is_voidable:
        raise MemoNotVoidable(f"credit memo is {memo.status}: only a draft or an unapplied "
                              "memo can be voided")
    was_issued = memo.issued_at is not None
    memo.voided_at = at
    save_amounts(memo, "voided_at")
    if was_issued:
        entry_reverse(marketplace=marketplace, source=("credit_memo", memo.id),
                      kind="credit_memo_issued", reversal_kind="credit_memo_voided", at=at)
    outbox = Outbox(marketplace, actor, at)
    outbox.memo("credit_memo.voided", memo)
    outbox.flush()
    return memo


@service
def credit_memo_close(*, marketplace, memo_id, reason=None, actor, at) -> CreditMemo:
    found = memo_get(marketplace=marketplace, memo_id=memo_id)
    reason = parse_text(reason, param="reason", max_length=2000)
    memo = locks.memo(marketplace=marketplace, id=found.pk)
    if not memo.is_closable:
        raise InvalidState(f"credit memo is {memo.status}: only an unapplied or partially "
                           "applied memo can be closed")
    amount = memo.remaining_amount
    memo.closed_amount += amount
    memo.remaining_amount = 0
    memo.closed_at = at
    memo.close_reason = reason
    save_amounts(memo, "closed_at", "close_reason")
    entry_post(marketplace=marketplace, kind="credit_memo_closed",
               source=("credit_memo", memo.id), currency=memo.currency, at=at,
               lines=[("customer_credit", memo.company_id, amount),
                      ("credit_written_off", memo.company_id, -amount)])
    outbox = Outbox(marketplace, actor, at)
    outbox.memo("credit_memo.closed", memo)
    outbox.flush()
    return memo


