"""Documents that billing issues: an invoice for a customer document whose net is a charge, a
credit memo for one whose net is a credit (origins `downgrade`, `cancellation`,
`negative_usage`, `order_correction`), its lines keeping their billing action.

`credit_memo_create_for_billing` is the service (one durable transaction). The billing run
issues a customer's documents, marks what they bill and records what it issued in ONE
transaction (that is what makes a run idempotent after a crash), so it calls the two building
blocks below inside its own transaction: `billing_invoice_issue` is what `invoice_create`
does (the same `issue`: auto-apply of available credit, ledger, number, events) for lines
billing has already priced; `billing_memo_issue` saves and issues a memo with `memos._save`
and `memos.issue`."""

from decimal import Decimal

from common.errors import InvalidInput
from common.money import check_currency, parse_amount, parse_quantity, parse_rate, round_amount
from common.parsing import parse_choice, parse_list, parse_object, parse_period, parse_text
from common.transactions import service
from credits.compute import MemoLinePlan, MemoPlan
from credits.services.core import Outbox
from credits.services.invoices import _memos_for
from credits.services.invoices import issue as invoice_issue
from credits.services.memos import _check_not_own, _save, line_item
from credits.services.memos import issue as memo_issue
from invoicing.models import BILLING_ACTIONS, Invoice
from invoicing.services import (
    invoice_draft_save,
    resolve_customer,
)

BILLING_ORIGINS = ("downgrade", "cancellation", "negative_usage", "order_correction")
LINE_FIELDS = {"product_id", "subscription_id", "name", "description", "quantity",
               "unit_price", "tax_rate", "billing_action", "period_start", "period_end"}


def billing_invoice_issue(*, marketplace, payer, billed_id, user_id, currency, due_date,
                          lines: list[dict], actor, at) -> Invoice:
    """Create and issue an invoice in the caller's transaction. `lines` are priced already:
    {product_id, subscription_id, name, description, quantity, unit_price, discount_amount,
    tax_rate, billing_action, period_start, period_end}. The customer's available credit is
    applied as `invoice_create` applies it."""
    invoice = invoice_draft_save(marketplace=marketplace, company_id=payer.id,
                                 billed_company_id=billed_id, user_id=user_id,
                                 currency=currency, due_date=due_date, lines=lines, at=at)
    return invoice_issue(marketplace=marketplace, invoice=invoice,
                         memos=_memos_for(marketplace=marketplace, invoice=invoice),
                         actor=actor, at=at)


def billing_memo_issue(*, marketplace, payer, billed, user_id, origin: str, plan: MemoPlan,
                       memo: str = "", actor, at):
    """Save and issue a billing memo in the caller's transaction. Its credit stays available
    (`auto_apply` false): invoices take it when they are issued."""
    if origin not in BILLING_ORIGINS:
        raise InvalidInput(f"origin is one of {', '.join(BILLING_ORIGINS)}", param="origin")
    _check_not_own(payer=payer, billed=billed)
    plan.check_total()
    credit_memo = _save(
        marketplace=marketplace, plan=plan, at=at, company=payer, billed_company=billed,
        user_id=user_id, origin=origin, reason_code=origin, memo=memo, apply_mode="none",
    )
    outbox = Outbox(marketplace, actor, at)
    memo_issue(marketplace=marketplace, memo=credit_memo, actor=actor, at=at, outbox=outbox)
    outbox.flush()
    return credit_memo


def memo_line(*, name, quantity: Decimal, unit_price: Decimal, tax_rate: Decimal,
              currency: str, amount: Decimal | None = None, **details) -> MemoLinePlan:
    """A billing memo line: `amount` (net credit; a negative amount is a charge netted in the
    memo) defaults to quantity x unit_price; tax at the line's rate."""
    if amount is None:
        amount = round_amount(quantity * unit_price, currency)
    return MemoLinePlan(name=name, quantity=quantity, unit_price=unit_price, amount=amount,
                        tax_rate=tax_rate, tax_amount=round_amount(amount * tax_rate, currency),
                        **details)


def _plan_lines(*, marketplace, payer, billed, currency, lines) -> MemoPlan:
    plan = MemoPlan(currency=currency)
    for i, raw in enumerate(parse_list(lines, param="lines", min_items=1)):
        p = f"lines[{i}]"
        parse_object(raw, param=p, allowed=LINE_FIELDS)
        product, subscription, name = line_item(marketplace=marketplace, payer=payer,
                                                billed=billed, raw=raw, param=p)
        start, end = parse_period(raw, param=p)
        plan.lines.append(memo_line(
            name=name or product.name,
            quantity=parse_quantity(raw.get("quantity"), param=f"{p}.quantity"),
            unit_price=parse_amount(raw.get("unit_price"), currency, param=f"{p}.unit_price",
                                    allow_negative=True),
            tax_rate=parse_rate(raw.get("tax_rate", "0"), param=f"{p}.tax_rate"),
            currency=currency,
            description=parse_text(raw.get("description"), param=f"{p}.description",
                                   max_length=2000),
            product=product, subscription=subscription, period_start=start, period_end=end,
            billing_action=parse_choice(raw.get("billing_action"), BILLING_ACTIONS,
                                        param=f"{p}.billing_action"),
        ))
    return plan


@service
def credit_memo_create_for_billing(*, marketplace, company_id, origin, lines, user_id=None,
                                   currency=None, memo=None, actor, at):
    """Issue a billing memo from lines that keep their billing action (a line's positive
    `unit_price` credits, a negative one is a charge netted in the memo; the total must be a
    credit). The marketplace's own company never receives one (`own_company`)."""
    origin = parse_choice(origin, BILLING_ORIGINS, param="origin")
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    _check_not_own(payer=payer, billed=billed)
    currency = check_currency(currency or payer.currency)
    plan = _plan_lines(marketplace=marketplace, payer=payer, billed=billed, currency=currency,
                       lines=lines)
    return billing_memo_issue(marketplace=marketplace, payer=payer, billed=billed,
                              user_id=user.id if user else None, origin=origin, plan=plan,
                              memo=parse_text(memo, param="memo", max_length=2000),
                              actor=actor, at=at)
