"""Applying credit to invoices, reversing applications, and a memo's auto-apply."""


from common.errors import InvalidState, NotFound
from common.ids import parse_id
from common.money import format_amount, parse_amount
from common.transactions import service
from credits import locks, postings
from credits.models import Application, ApplicationReversal
from credits.selectors import memo_get
from credits.services.core import ChangeEvents, apply_credit, auto_apply, save_amounts
from credits.services.errors import ExceedsAppliedAmount, ExceedsRemaining
from credits.services.rules import check_memo_usable, eligibility_error
from invoicing import locks as invoice_locks
from invoicing.services import invoice_get, invoice_remove_credit
from ledger.services import entries_post


@service
def application_create(*, marketplace, memo_id, invoice_id, amount=None, actor,
                       at) -> Application:
    found = memo_get(marketplace=marketplace, memo_id=memo_id)
    target = invoice_get(marketplace=marketplace, invoice_id=invoice_id, param="invoice_id")
    if amount is not None:
        # A malformed amount is a 400 whatever the rules (422 means well-formed).
        amount = parse_amount(amount, found.currency, allow_zero=False)
    memo = locks.memo(marketplace=marketplace, id=found.pk)
    check_memo_usable(memo)
    invoice = invoice_locks.invoice(marketplace=marketplace, id=target.pk)
    error = eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace)
    if error:
        raise error
    if amount is None:
        amount = min(memo.remaining_amount, invoice.amount_due)
        if amount == 0:
            raise ExceedsRemaining("nothing remains on this credit memo", param="amount")
    events = ChangeEvents(marketplace, actor, at)
    application = apply_credit(marketplace=marketplace, memo=memo, invoice=invoice,
                               amount=amount, actor=actor, at=at, events=events)
    events.record()
    return application


@service
def application_reverse(*, marketplace, memo_id, application_id, amount=None, actor,
                        at) -> Application:
    found = memo_get(marketplace=marketplace, memo_id=memo_id)
    pk = parse_id(application_id)
    exists = pk and Application.objects.filter(pk=pk, memo=found).exists()
    if not exists:
        raise NotFound("no such application on this credit memo", param="application_id")
    memo = locks.memo(marketplace=marketplace, id=found.pk)
    application = Application.objects.select_for_update(no_key=True).get(pk=pk)
    invoice = invoice_locks.invoice(marketplace=marketplace, id=application.invoice_id)
    if memo.status == "closed":
        raise InvalidState("the credit memo is closed")
    if application.amount == 0:
        raise InvalidState("the application is already fully reversed")
    if amount is None:
        amount = application.amount
    else:
        amount = parse_amount(amount, memo.currency, allow_zero=False)
        if amount > application.amount:
            raise ExceedsAppliedAmount(
                f"{format_amount(amount, memo.currency)} is more than the "
                f"{format_amount(application.amount, memo.currency)} applied", param="amount")
    application.amount -= amount
    if application.amount == 0:
        application.reversed_at = at
    application.save(update_fields=["amount", "reversed_at"])
    ApplicationReversal.objects.create(application=application, amount=amount, reversed_at=at,
                                       reversed_by=actor)
    memo.applied_amount -= amount
    memo.remaining_amount += amount
    save_amounts(memo)
    invoice_remove_credit(invoice=invoice, amount=amount)
    entries_post(marketplace=marketplace, at=at, postings=[postings.application_reversed(
        application, memo=memo, invoice=invoice, amount=amount)])
    events = ChangeEvents(marketplace, actor, at)
    events.memo("credit_memo.application_reversed", memo)
    events.record()
    return application


@service
def credit_memo_auto_apply(*, marketplace, memo_id, actor, at):
    memo = locks.memo_found(marketplace=marketplace, memo_id=memo_id)
    check_memo_usable(memo)
    events = ChangeEvents(marketplace, actor, at)
    made = auto_apply(marketplace=marketplace, memo=memo,
                      invoices=locks.open_invoices_for(marketplace=marketplace, memo=memo),
                      actor=actor, at=at, events=events)
    if made:
        save_amounts(memo)
        entries_post(marketplace=marketplace, at=at, postings=[p for _, p in made])
    events.record()
    return memo
