"""Documents that billing issues: an invoice for a customer document whose net is a charge, a
credit memo for one whose net is a credit (origins `downgrade`, `cancellation`,
`negative_usage`, `order_correction`), its lines keeping their billing action.

`credit_memo_create_for_billing` is the service (one durable transaction). The billing run
issues a customer's documents, marks what they bill and records what it issued in ONE
transaction (that is what makes a run idempotent after a crash), so it calls the two building
blocks below inside its own transaction: `billing_invoice_issue` is what `invoice_create`
does (the same `issue_new`: auto-apply of available credit, ledger, number, events) for lines
billing has already priced; `billing_memo_issue` issues a memo as every new memo is issued
(`issuing.issue_new`)."""

from common.errors import InvalidInput
from common.money import check_currency
from common.parsing import parse_choice
from common.transactions import service
from credits.compute import MemoPlan
from credits.compute import memo_line as memo_line
from credits.services.invoices import issue_new as invoice_issue_new
from credits.services.issuing import issue_new, memo_of_plan
from credits.services.planning import check_not_own, parse_note, plan_billing
from invoicing.models import Invoice
from invoicing.services import invoice_priced, resolve_customer

BILLING_ORIGINS = ("downgrade", "cancellation", "negative_usage", "order_correction")


def billing_invoice_issue(*, marketplace, payer, billed_id, user_id, currency, due_date,
                          lines: list[dict], actor, at) -> Invoice:
    """Create and issue an invoice in the caller's transaction. `lines` are priced already:
    {product_id, subscription_id, name, description, quantity, unit_price, discount_amount,
    tax_rate, billing_action, period_start, period_end}. The customer's available credit is
    applied as `invoice_create` applies it."""
    new = invoice_priced(marketplace=marketplace, company_id=payer.id,
                         billed_company_id=billed_id, user_id=user_id, currency=currency,
                         due_date=due_date, lines=lines, at=at)
    return invoice_issue_new(marketplace=marketplace, new=new, actor=actor, at=at)


def billing_memo_issue(*, marketplace, payer, billed, user_id, origin: str, plan: MemoPlan,
                       note: str = "", actor, at):
    """Issue a billing memo in the caller's transaction. Its credit stays available
    (`auto_apply` false): invoices take it when they are issued."""
    if origin not in BILLING_ORIGINS:
        raise InvalidInput(f"origin is one of {', '.join(BILLING_ORIGINS)}", param="origin")
    check_not_own(payer=payer, billed=billed)
    plan.check_total()
    memo = memo_of_plan(marketplace=marketplace, plan=plan, at=at, company=payer,
                        billed_company=billed, user_id=user_id, origin=origin,
                        reason_code=origin, note=note, apply_mode="none")
    return issue_new(marketplace=marketplace, memo=memo, invoices={}, actor=actor, at=at)


@service
def credit_memo_create_for_billing(*, marketplace, company_id, origin, lines, user_id=None,
                                   currency=None, note=None, actor, at):
    """Issue a billing memo from lines that keep their billing action (a line's positive
    `unit_price` credits, a negative one is a charge netted in the memo; the total must be a
    credit). The marketplace's own company never receives one (`own_company`)."""
    origin = parse_choice(origin, BILLING_ORIGINS, param="origin")
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    check_not_own(payer=payer, billed=billed)
    currency = check_currency(currency or payer.currency)
    plan = plan_billing(marketplace=marketplace, payer=payer, billed=billed, currency=currency,
                        lines=lines)
    return billing_memo_issue(marketplace=marketplace, payer=payer, billed=billed,
                              user_id=user.id if user else None, origin=origin, plan=plan,
                              note=parse_note(note), actor=actor, at=at)
