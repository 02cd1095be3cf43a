"""What a credit memo action will do, said before it is done: pay out, reverse an
application, close. The memo page asks for confirmation with these sentences.

Each sentence is a template with the server's figures filled in here; the page also hands the
template and the figures to its script (web/static/web/app.js, `data-confirm` forms), which
fills it in again as the amount is typed. The first press of an action's button only asks
(`step=confirm`: the script opens the question in place; without the script the server
answers the page with the question open); the question's own button sends the form without
`step`, and the action is done."""

from dataclasses import dataclass
from decimal import Decimal

from common.errors import DomainError, InvalidInput, NotFound
from common.ids import parse_id
from common.money import format_amount, minor_digits, parse_amount
from credits.models import Application
from credits.services.errors import ExceedsAppliedAmount, ExceedsRemaining
from credits.services.payouts import payout_method
from invoicing.models import Payment

PAYOUT = "Pay out {amount} to {method}; {left} will remain."
PAYOUT_BUTTON = "Pay out {amount}"
REVERSE = ("Reverse {amount} of the credit applied to {invoice}: {applied_left} stays applied "
           "to it, and {left} will remain on this credit memo.")
REVERSE_BUTTON = "Reverse {amount}"
CLOSE = ("Close credit memo {number} and write off its remaining {amount}; {left} will remain. "
         "Reason: {reason}")
CLOSE_BUTTON = "Close and write off {amount}"
NO_REASON = "Give a reason for closing the credit memo: it is kept with it."

STEP = "step"
ASKING = "confirm"


@dataclass
class Question:
    text: str
    button: str


def asking(request) -> bool:
    """Whether this press of the action's button only asks for confirmation."""
    return request.POST.get(STEP) == ASKING


def _money(amount: Decimal, currency: str) -> str:
    return f"{format_amount(amount, currency)} {currency}"


def _amount(typed: str, *, default: Decimal, currency: str) -> Decimal:
    typed = (typed or "").strip()
    return default if not typed else parse_amount(typed, currency, allow_zero=False)


def fixed_payout_method(memo) -> str:
    """The method a payout will use whatever is typed (that of the source invoice's latest
    payment), or "" when it uses the one typed (default card)."""
    if memo.source_invoice_id and Payment.objects.filter(
            invoice_id=memo.source_invoice_id).exists():
        return payout_method(memo=memo, requested=None)
    return ""


def payout(*, memo, typed_amount: str, typed_method: str) -> Question:
    c = memo.currency
    amount = _amount(typed_amount, default=memo.remaining_amount, currency=c)
    if amount > memo.remaining_amount:
        raise ExceedsRemaining(f"{_money(amount, c)} is more than the credit memo's remaining "
                               f"{_money(memo.remaining_amount, c)}", param="amount")
    method = payout_method(memo=memo, requested=(typed_method or "").strip() or None)
    figures = {"amount": _money(amount, c), "method": method,
               "left": _money(memo.remaining_amount - amount, c)}
    return Question(PAYOUT.format(**figures), PAYOUT_BUTTON.format(**figures))


def reverse(*, memo, application_id, typed_amount: str) -> Question:
    pk = parse_id(application_id)
    application = Application.objects.select_related("invoice").filter(
        memo=memo, pk=pk).first() if pk else None
    if application is None:
        raise NotFound("no such application on this credit memo", param="application_id")
    c = memo.currency
    amount = _amount(typed_amount, default=application.amount, currency=c)
    if amount > application.amount:
        raise ExceedsAppliedAmount(f"{_money(amount, c)} is more than the "
                                   f"{_money(application.amount, c)} applied", param="amount")
    figures = {"amount": _money(amount, c), "invoice": application.invoice.number,
               "applied_left": _money(application.amount - amount, c),
               "left": _money(memo.remaining_amount + amount, c)}
    return Question(REVERSE.format(**figures), REVERSE_BUTTON.format(**figures))


def close(*, memo, typed_reason: str) -> Question:
    check_reason(typed_reason)
    reason = typed_reason.strip()
    c = memo.currency
    figures = {"number": memo.number, "amount": _money(memo.remaining_amount, c),
               "left": _money(Decimal(0), c), "reason": reason}
    return Question(CLOSE.format(**figures), CLOSE_BUTTON.format(**figures))


def check_reason(typed_reason: str) -> None:
    """The page closes a memo only with a reason (the API's `reason` stays optional)."""
    if not (typed_reason or "").strip():
        raise InvalidInput(NO_REASON, param="reason")


def page_figures(*, memo, actions: dict, typed=None) -> dict:
    """What the memo page's script needs to say what an action will do as it is typed: the
    sentence templates and the server's figures, with the payout's sentence as it reads for
    what was typed in it (`typed`, the form sent back) or else for a blank amount (all of
    it); nothing when what was typed is refused."""
    figures = {"digits": minor_digits(memo.currency), "no_reason": NO_REASON}
    if actions["payout"]:
        typed = typed or {}
        try:
            summary = payout(memo=memo, typed_amount=typed.get("amount", ""),
                             typed_method=typed.get("method", "")).text
        except DomainError:
            summary = ""
        figures["payout"] = {"template": PAYOUT, "button": PAYOUT_BUTTON,
                             "method": fixed_payout_method(memo), "summary": summary}
    if actions["close"]:
        figures["close"] = {"template": CLOSE, "button": CLOSE_BUTTON}
    if actions["reverse"]:
        figures["reverse"] = {"template": REVERSE, "button": REVERSE_BUTTON}
    return figures
