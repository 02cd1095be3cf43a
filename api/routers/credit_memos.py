"""Credit memos: created from an invoice or ad hoc (and previewed), issued, applied,
reversed, auto-applied, paid out, voided, closed; read one, a list, and the audit trail.

Every action answers the memo as it is afterwards. `reason` is answered to manager keys
only, in every answer (credits/serializers.py drops it otherwise)."""

from typing import Literal

from ninja import Query, Router

from api import scoping
from api.auth import MANAGE, MANAGER, READ, STAFF, VOIDERS, actor, allow, marketplace, shows_reason
from api.pagination import BY_ID_ASCENDING, CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import (
    AdHocIn,
    ApplicationIn,
    CloseIn,
    CreditFromInvoiceIn,
    CreditMemoCreatedOut,
    CreditMemoList,
    CreditMemoOut,
    CreditMemoPreviewOut,
    CurrencyCode,
    DateQuery,
    EventList,
    NoBody,
    PayoutIn,
    ReverseIn,
    TaxClearanceIn,
)
from api.serializers import event_data
from common.clock import now
from credits import services as credits
from credits.models import ORIGINS, STATUSES, CreditMemo
from credits.selectors import auto_apply_result, credit_memo_list
from credits.serializers import memo_data, memos_read_related
from credits.services.clearance import tax_clearance_record
from notifications.models import Event

router = Router(tags=["credit memos"])

MemoStatus = Literal[STATUSES]  # type: ignore[valid-type]
Origin = Literal[ORIGINS]  # type: ignore[valid-type]


def _memo(request, memo) -> dict:
    return memo_data(memo, include_reason=shows_reason(request))


def _write_args(body) -> dict:
    """A create body as the services take it: the API's `memo` is the memo's `note`."""
    data = body.model_dump(exclude_unset=True)
    if "memo" in data:
        data["note"] = data.pop("memo")
    return data


def _shown(request, memo) -> dict:
    """The memo as a write left it: the payload its events carry (built once by the change,
    `event_data`), with `reason` for those who see it; serialised afresh when it has none."""
    data = getattr(memo, "event_data", None)
    if data is None:
        return _memo(request, memo)
    if not shows_reason(request):
        return data
    shown = {}
    for key, value in data.items():
        shown[key] = value
        if key == "reason_code":
            shown["reason"] = memo.reason
    return shown


def _answer(request, memo_id):
    """The memo as an action left it (read afresh: the action may have returned another
    object, an application or a payout)."""
    return ok(_memo(request, CreditMemo.objects.get(pk=memo_id)))


# --- creating -------------------------------------------------------------------------------

@router.post("/invoices/{invoice_id}/credit_memos/preview", auth=allow(MANAGE),
             response=responds(CreditMemoPreviewOut, write=True),
             summary="Preview a credit memo from an invoice")
def credit_memo_preview_from_invoice(request, invoice_id: str, body: CreditFromInvoiceIn):
    """The memo that `POST /invoices/{id}/credit_memos` with this body would issue, with its
    totals; `id`, `number` and `issued_at` null. Stores nothing. `draft` is accepted and has
    no bearing."""
    data = _write_args(body)
    data.pop("draft", None)
    return ok(credits.credit_memo_preview_from_invoice(
        marketplace=marketplace(request), invoice_id=invoice_id,
        include_reason=shows_reason(request), **data))


@router.post("/invoices/{invoice_id}/credit_memos", auth=allow(MANAGE),
             response=responds(CreditMemoOut, write=True),
             summary="Credit an invoice")
def credit_memo_create_from_invoice(request, invoice_id: str, body: CreditFromInvoiceIn):
    """No `lines`: all that is left to credit of every line. A line's `amount` is the net
    to credit, its `quantity` that many units at the line's net unit price; both is a 400.
    By default the credit is applied at once to the source invoice if it is open; `apply_to`
    names open invoices of the same customer instead, in order; `[]` applies nothing. The
    source invoice may be open or paid (else `409`). With `draft: true` the memo is a draft,
    checked again and applied when issued."""
    memo = credits.credit_memo_create_from_invoice(
        marketplace=marketplace(request), invoice_id=invoice_id, actor=actor(request),
        at=now(), **_write_args(body))
    return ok(_shown(request, memo))


@router.post("/credit_memos/preview", auth=allow(MANAGER),
             response=responds(CreditMemoPreviewOut, write=True),
             summary="Preview an ad hoc credit memo")
def credit_memo_preview_ad_hoc(request, body: AdHocIn):
    """The memo that `POST /credit_memos` with this body would issue; stores nothing.
    `draft` is accepted and has no bearing."""
    data = _write_args(body)
    data.pop("draft", None)
    return ok(credits.credit_memo_preview_ad_hoc(
        marketplace=marketplace(request), include_reason=shows_reason(request), **data))


def _issued(request, memo):
    """The memo with what auto-apply did as it was issued (`auto_apply_result`)."""
    return ok({**_shown(request, memo), "auto_apply_result": auto_apply_result(memo=memo)})


@router.post("/credit_memos", auth=allow(MANAGER),
             response=responds(CreditMemoCreatedOut, write=True),
             summary="Create an ad hoc credit memo")
def credit_memo_create_ad_hoc(request, body: AdHocIn):
    """`currency` defaults to the company's. A line with a `name` and neither product nor
    subscription is a custom charge. `auto_apply: true` applies the memo as it is issued,
    as `POST /credit_memos/{id}/auto_apply` does, and `auto_apply_result` says what that
    did: an added field of this answer (and of `…/issue`), the contract's memo object
    otherwise; null when auto-apply was not asked or the memo is a draft."""
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=marketplace(request), actor=actor(request), at=now(), **_write_args(body))
    return _issued(request, memo)


# --- reading --------------------------------------------------------------------------------

@router.get("/credit_memos", auth=allow(READ), response=responds(CreditMemoList),
            summary="List credit memos")
def credit_memos_list(
        request,
        status: MemoStatus | None = Query(None),
        company_id: str | None = Query(
            None, description="matches `company_id` or `billed_company_id`"),
        user_id: str | None = Query(None),
        origin: Origin | None = Query(None),
        currency: CurrencyCode | None = Query(None, description="ISO 4217 code"),
        issued_from: DateQuery | None = Query(None, description="inclusive, UTC"),
        issued_to: DateQuery | None = Query(None, description="inclusive, UTC"),
        q: str | None = Query(None, max_length=200, description=(
            "case-insensitive substring of the number, the company's or billed company's "
            "name, or a line's description")),
        limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first by creation, drafts included (a date filter leaves drafts out: they have
    no `issued_at`). A customer key lists only the memos whose `company_id` or
    `billed_company_id` is its company. An id filter of any form that names nothing simply
    matches nothing."""
    memos = credit_memo_list(
        marketplace=marketplace(request), status=status, company_id=company_id,
        user_id=user_id, origin=origin, currency=currency, issued_from=issued_from,
        issued_to=issued_to, q=q,
        visible_to_company_id=scoping.customer_company_id(request.auth))
    return ok(paginate(memos, limit=limit, cursor=cursor, read_related=memos_read_related,
                       serialize=lambda memo: _memo(request, memo)))


@router.get("/credit_memos/{memo_id}", auth=allow(READ), response=responds(CreditMemoOut),
            summary="Retrieve a credit memo")
def credit_memo_get(request, memo_id: str):
    return ok(_memo(request, scoping.credit_memo_get(request.auth, memo_id)))


@router.get("/credit_memos/{memo_id}/events", auth=allow(STAFF), response=responds(EventList),
            summary="A credit memo's audit trail")
def credit_memo_events(request, memo_id: str, limit: int = LIMIT,
                       cursor: str | None = CURSOR):
    """The memo's events, oldest first. The contract writes the trail as a list; it is
    answered as every collection is, a list object (`data` holds the events), paginated
    with `limit` and `cursor` in the same order. `data` of an event never holds `reason`."""
    memo = scoping.credit_memo_get(request.auth, memo_id)
    events = Event.objects.filter(marketplace_id=memo.marketplace_id,
                                  subject_type="credit_memo", subject_id=memo.id)
    return ok(paginate(events, limit=limit, cursor=cursor, serialize=event_data,
                       keyset=BY_ID_ASCENDING))


# --- using ----------------------------------------------------------------------------------

@router.post("/credit_memos/{memo_id}/issue", auth=allow(MANAGE),
             response=responds(CreditMemoCreatedOut, write=True), summary="Issue a draft")
def credit_memo_issue(request, memo_id: str, body: NoBody = None):
    """Issues a draft (else `409 invalid_state`) and applies it as its creation asked (the
    source invoice, `apply_to` or `auto_apply`); for `auto_apply`, `auto_apply_result` says
    what it did (null otherwise)."""
    memo = credits.credit_memo_issue(marketplace=marketplace(request), memo_id=memo_id,
                                     actor=actor(request), at=now())
    return _issued(request, memo)


@router.post("/credit_memos/{memo_id}/applications", auth=allow(MANAGE),
             response=responds(CreditMemoOut, write=True), summary="Apply credit to an invoice")
def application_create(request, memo_id: str, body: ApplicationIn):
    """`amount` defaults to min(remaining_amount, the invoice's amount_due). A draft, void or
    closed memo is a `409`; then, in order, `422 currency_mismatch`, `not_same_customer`,
    `invoice_not_open`, `exceeds_remaining`, `exceeds_amount_due`. Answers the memo."""
    application = credits.application_create(
        marketplace=marketplace(request), memo_id=memo_id, invoice_id=body.invoice_id,
        amount=body.amount, actor=actor(request), at=now())
    return _answer(request, application.memo_id)


@router.post("/credit_memos/{memo_id}/applications/{application_id}/reverse",
             auth=allow(MANAGE), response=responds(CreditMemoOut, write=True),
             summary="Reverse an application")
def application_reverse(request, memo_id: str, application_id: str, body: ReverseIn = None):
    """Reduces the application by `amount` (at most what it applies:
    `422 exceeds_applied_amount`) or, without one, removes it: the memo gets it back and the
    invoice owes it again. Not on a closed memo or a fully reversed application (`409`).
    Answers the memo."""
    application = credits.application_reverse(
        marketplace=marketplace(request), memo_id=memo_id, application_id=application_id,
        amount=body.amount if body else None, actor=actor(request), at=now())
    return _answer(request, application.memo_id)


@router.post("/credit_memos/{memo_id}/auto_apply", auth=allow(MANAGE),
             response=responds(CreditMemoOut, write=True),
             summary="Apply the remaining balance automatically")
def credit_memo_auto_apply(request, memo_id: str, body: NoBody = None):
    """Applies the remaining balance to the open invoices it may go to, oldest due date
    first (then oldest issued), each taking up to its amount due."""
    memo = credits.credit_memo_auto_apply(marketplace=marketplace(request), memo_id=memo_id,
                                          actor=actor(request), at=now())
    return ok(_shown(request, memo))


@router.post("/credit_memos/{memo_id}/payouts", auth=allow(MANAGE),
             response=responds(CreditMemoOut, write=True), summary="Pay out the balance")
def payout_create(request, memo_id: str, body: PayoutIn = None):
    """Returns `amount` (default: all that remains) to the original payment method: that of
    the source invoice's latest payment, else `method`, default card. The payout is
    `pending` until the payment method answers. Answers the memo.

    Rules, each a `422` that changes nothing, in this order: more than the memo's remaining
    balance is `exceeds_remaining`; for a memo sourced from an invoice, more than may still
    go back on that invoice is `exceeds_refundable_amount`: refunds of the invoice's
    payments plus payouts (pending or succeeded) of memos sourced from it never exceed what
    was paid on it. So a memo from an invoice that was never paid can be applied but not
    paid out. A failed payout frees its amount again. Memos with no source invoice (ad hoc,
    billing) are bound by their remaining balance only."""
    payout = credits.payout_create(
        marketplace=marketplace(request), memo_id=memo_id,
        amount=body.amount if body else None, method=body.method if body else None,
        actor=actor(request), at=now())
    return _answer(request, payout.memo_id)


@router.post("/credit_memos/{memo_id}/void", auth=allow(VOIDERS),
             response=responds(CreditMemoOut, write=True), summary="Void a credit memo")
def credit_memo_void(request, memo_id: str, body: NoBody = None):
    """Only a draft or an unapplied memo (else `409 not_voidable`)."""
    memo = credits.credit_memo_void(marketplace=marketplace(request), memo_id=memo_id,
                                    actor=actor(request), at=now())
    return ok(_shown(request, memo))


@router.post("/credit_memos/{memo_id}/tax_clearance", auth=allow(MANAGE),
             response=responds(CreditMemoOut, write=True), summary="Record a tax clearance")
def credit_memo_tax_clearance(request, memo_id: str, body: TaxClearanceIn):
    """Records the id (and verification address) a tax authority's clearance system gave
    the issued memo, e.g. Greece's myDATA MARK, which its e-invoice then carries. Once: the
    same clearance again changes nothing; another is `409 already_cleared`; a draft or void
    memo is `409 invalid_state`. Records `credit_memo.tax_clearance_recorded`."""
    memo = tax_clearance_record(
        marketplace=marketplace(request), kind="credit_memo", document_id=memo_id,
        tax_clearance_id=body.tax_clearance_id, tax_clearance_url=body.tax_clearance_url,
        actor=actor(request), at=now())
    return ok(_shown(request, memo))


@router.post("/credit_memos/{memo_id}/close", auth=allow(MANAGE),
             response=responds(CreditMemoOut, write=True), summary="Write off the balance")
def credit_memo_close(request, memo_id: str, body: CloseIn = None):
    """Writes off the remaining balance; only an unapplied or partially applied memo (else
    `409 invalid_state`)."""
    memo = credits.credit_memo_close(marketplace=marketplace(request), memo_id=memo_id,
                                     reason=body.reason if body else None,
                                     actor=actor(request), at=now())
    return ok(_shown(request, memo))
