"""The credit memo's verbs: create from an invoice or ad hoc (or preview either), issue a
draft, void, close. Planning is in `planning`, issuing in `issuing`; each verb is one
transaction."""

from common.errors import InvalidState
from common.money import check_currency
from common.parsing import parse_bool, parse_text
from common.transactions import service
from credits import locks, postings
from credits.models import CreditMemo
from credits.serializers import memo_preview_data
from credits.services.core import ChangeEvents, save_amounts
from credits.services.errors import MemoNotVoidable
from credits.services.issuing import draft_save, issue_draft, issue_new, memo_of_plan
from credits.services.planning import (
    check_invoice_not_own,
    check_not_own,
    check_source_invoice,
    parse_apply_to,
    parse_header,
    plan_ad_hoc,
    plan_from_invoice,
)
from invoicing.services import invoice_get, resolve_customer
from ledger.services import entries_post, entry_reverse


def credit_memo_preview_from_invoice(*, marketplace, invoice_id, reason_code, reason=None,
                                     note=None, lines=None, apply_to=None,
                                     include_reason=False) -> dict:
    invoice = invoice_get(marketplace=marketplace, invoice_id=invoice_id)
    header = parse_header(reason_code=reason_code, reason=reason, note=note)
    parse_apply_to(apply_to)
    check_invoice_not_own(invoice)
    check_source_invoice(invoice)
    plan = plan_from_invoice(invoice=invoice, lines=lines)
    return memo_preview_data(plan=plan, include_reason=include_reason, header={
        "company_id": str(invoice.company_id), "billed_company_id": str(invoice.billed_company_id),
        "user_id": str(invoice.user_id) if invoice.user_id else None, "origin": "invoice",
        "source_invoice_id": str(invoice.id), **_shown(header), "auto_apply": False,
    })


def _shown(header: dict) -> dict:
    """A parsed header as the memo's payload shows it (the note is its `memo`)."""
    return {"reason_code": header["reason_code"], "reason": header["reason"],
            "memo": header["note"]}


@service
def credit_memo_create_from_invoice(*, marketplace, invoice_id, reason_code, reason=None,
                                    note=None, lines=None, apply_to=None, draft=False, actor,
                                    at) -> CreditMemo:
    # The source invoice's lock serialises every credit of its lines.
    invoice, invoices = locks.invoices_to_credit(marketplace=marketplace, source_id=invoice_id,
                                                 apply_to=apply_to)
    header = parse_header(reason_code=reason_code, reason=reason, note=note)
    mode, targets = parse_apply_to(apply_to)
    draft = parse_bool(draft, param="draft", default=False)
    check_invoice_not_own(invoice)
    locks.check_targets(locked=invoices, targets=targets)
    check_source_invoice(invoice)
    plan = plan_from_invoice(invoice=invoice, lines=lines)
    fields = dict(company_id=invoice.company_id, billed_company_id=invoice.billed_company_id,
                  user_id=invoice.user_id, origin="invoice", source_invoice=invoice,
                  apply_mode=mode, apply_to=targets, **header)
    if draft:
        return _draft_created(marketplace=marketplace, plan=plan, actor=actor, at=at, **fields)
    memo = memo_of_plan(marketplace=marketplace, plan=plan, at=at, **fields)
    return issue_new(marketplace=marketplace, memo=memo, invoices=invoices, actor=actor, at=at)


def _draft_created(*, marketplace, plan, actor, at, **fields) -> CreditMemo:
    memo = draft_save(marketplace=marketplace, plan=plan, at=at, **fields)
    events = ChangeEvents(marketplace, actor, at)
    events.memo("credit_memo.created", memo)
    events.record()
    return memo


def _ad_hoc(*, marketplace, company_id, user_id, currency, reason_code, reason, note, lines):
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    check_not_own(payer=payer, billed=billed)
    header = parse_header(reason_code=reason_code, reason=reason, note=note)
    currency = check_currency(billed.currency if currency is None else currency)
    plan = plan_ad_hoc(marketplace=marketplace, payer=payer, billed=billed, currency=currency,
                       lines=lines)
    return payer, billed, user, header, plan


def credit_memo_preview_ad_hoc(*, marketplace, company_id, reason_code, lines, user_id=None,
                               reason=None, note=None, currency=None, auto_apply=False,
                               include_reason=False) -> dict:
    payer, billed, user, header, plan = _ad_hoc(
        marketplace=marketplace, company_id=company_id, user_id=user_id, currency=currency,
        reason_code=reason_code, reason=reason, note=note, lines=lines)
    return memo_preview_data(plan=plan, include_reason=include_reason, header={
        "company_id": str(payer.id), "billed_company_id": str(billed.id),
        "user_id": str(user.id) if user else None, "origin": "ad_hoc",
        "source_invoice_id": None, **_shown(header),
        "auto_apply": parse_bool(auto_apply, param="auto_apply", default=False),
    })


@service
def credit_memo_create_ad_hoc(*, marketplace, company_id, reason_code, lines, user_id=None,
                              reason=None, note=None, currency=None, auto_apply=False,
                              draft=False, actor, at) -> CreditMemo:
    payer, billed, user, header, plan = _ad_hoc(
        marketplace=marketplace, company_id=company_id, user_id=user_id, currency=currency,
        reason_code=reason_code, reason=reason, note=note, lines=lines)
    auto_apply = parse_bool(auto_apply, param="auto_apply", default=False)
    draft = parse_bool(draft, param="draft", default=False)
    fields = dict(company=payer, billed_company=billed, user=user, origin="ad_hoc",
                  auto_apply=auto_apply, apply_mode="auto" if auto_apply else "none", **header)
    if draft:
        return _draft_created(marketplace=marketplace, plan=plan, actor=actor, at=at, **fields)
    memo = memo_of_plan(marketplace=marketplace, plan=plan, at=at, **fields)
    # The new memo is seen by no one else: locking invoices before its row is written is safe.
    invoices = locks.open_invoices_for(marketplace=marketplace, memo=memo) if auto_apply else []
    return issue_new(marketplace=marketplace, memo=memo, actor=actor, at=at,
                     invoices={invoice.id: invoice for invoice in invoices})


@service
def credit_memo_issue(*, marketplace, memo_id, actor, at) -> CreditMemo:
    memo = locks.memo_found(marketplace=marketplace, memo_id=memo_id)
    return issue_draft(marketplace=marketplace, memo=memo, actor=actor, at=at)


@service
def credit_memo_void(*, marketplace, memo_id, actor, at) -> CreditMemo:
    memo = locks.memo_found(marketplace=marketplace, memo_id=memo_id)
    if not memo.is_voidable:
        raise MemoNotVoidable(f"credit memo is {memo.status}: only a draft or an unapplied "
                              "memo can be voided")
    was_issued = memo.issued_at is not None
    memo.voided_at = at
    save_amounts(memo, "voided_at")
    if was_issued:
        entry_reverse(marketplace=marketplace, source=("credit_memo", memo.id),
                      kind="credit_memo_issued", reversal_kind="credit_memo_voided", at=at)
    events = ChangeEvents(marketplace, actor, at)
    events.memo("credit_memo.voided", memo)
    events.record()
    return memo


@service
def credit_memo_close(*, marketplace, memo_id, reason=None, actor, at) -> CreditMemo:
    memo = locks.memo_found(marketplace=marketplace, memo_id=memo_id)
    reason = parse_text(reason, param="reason", max_length=2000)
    if not memo.is_closable:
        raise InvalidState(f"credit memo is {memo.status}: only an unapplied or partially "
                           "applied memo can be closed")
    amount = memo.remaining_amount
    memo.closed_amount += amount
    memo.remaining_amount = 0
    memo.closed_at = at
    memo.close_reason = reason
    save_amounts(memo, "closed_at", "close_reason")
    entries_post(marketplace=marketplace, at=at, postings=[postings.credit_written_off(
        memo=memo, source=("credit_memo", memo.id), amount=amount)])
    events = ChangeEvents(marketplace, actor, at)
    events.memo("credit_memo.closed", memo)
    events.record()
    return memo
