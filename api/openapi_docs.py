"""What the interactive docs (`/api/v1/docs`) show beside the schema: for every operation a
worked example of its request body and of its answer, and the error codes each error status
can answer with, each with its meaning.

`document(schema)` adds them to a finished OpenAPI document:
- `examples` on the request body and the 200 answer, from one worked story in USD: invoice
  INV-000042 of 10 seats at 100.00 with 20 % tax (1,000.00 + 200.00 = 1,200.00), paid
  1,000.00; credit memo CM-000007 credits 200.00 of it (+ 40.00 tax = 240.00), of which the
  200.00 still due is applied at once and 40.00 remains; then that 40.00 applied, reversed,
  paid out or written off.
- on every error response, the codes it can answer: a markdown list in `description`
  (`code` — meaning) and the bare list in `x-error-codes`, which tests hold the API to
  (api/errors.py answers a 500 when an operation answers a code not listed for it, with
  ABATE_CHECK_ERROR_CODES=1).

The codes: ERROR_CODES is the one catalog (code -> status, meaning). An operation answers
the codes its shape implies (`_shape_codes`: every operation 401 `unauthenticated` and 429
`rate_limited`; a path naming an object 404 `not_found`; a body 400 `invalid_json`; a POST
the Idempotency-Key conflicts...) and those of its own rules, OPERATION_ERRORS, where a code
may carry a meaning particular to the operation."""

import copy

from api.errors import TYPE_BY_STATUS

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}

# --- the catalog of error codes -------------------------------------------------------------

ERROR_CODES = {
    # 400 invalid_request
    "invalid": (400, "A value is malformed or breaks its field's rule; `param` names it "
                     "(e.g. `lines[0].amount`): more decimals than the currency has, a "
                     "negative or zero amount where none is allowed, an unknown choice, a "
                     "date that is not YYYY-MM-DD, 10^12 or more, an Idempotency-Key that is "
                     "not 1 to 255 printable ASCII characters."),
    "parameter_missing": (400, "A required field or query parameter is missing, or null; "
                               "`param` names it."),
    "unknown_parameter": (400, "A field or query parameter this operation does not take; "
                               "`param` names it."),
    "invalid_json": (400, "The body is not JSON, or it holds a NUL character."),
    "invalid_request": (400, "The request was refused before it was read: too many query "
                             "parameters, or a body over 2.5 MB."),
    "invalid_cursor": (400, "`cursor` is not a `next_cursor` this API gave."),
    "invalid_currency": (400, "Not an ISO 4217 currency code (`ABC`, `usd`)."),
    "invalid_url": (400, "The webhook URL is not https to a public address."),
    # 413, 414 invalid_request
    "body_too_large": (413, "The body is over 2.5 MB."),
    "uri_too_long": (414, "The request line (path and query) is over 4,094 characters; the "
                          "server answers it before any operation runs."),
    # 401 authentication
    "unauthenticated": (401, "No API key, or one that is unknown or revoked: send "
                             "`Authorization: Bearer <api key>`."),
    # 403 permission
    "forbidden": (403, "The key's role may not do this (see the contract's table of "
                       "permissions)."),
    # 404 not_found
    "not_found": (404, "An id in the path (or, where said, in the body) names nothing this "
                       "key may see: another marketplace's object, or for a customer key "
                       "another company's, answers as if it did not exist."),
    # 409 conflict
    "invalid_state": (409, "The state of the object the path names forbids the action."),
    "not_voidable": (409, "The document has been used (applied, paid, paid out or closed) "
                          "and cannot be voided."),
    "endpoint_disabled": (409, "The webhook endpoint is disabled: enable it first."),
    "concurrent_update": (409, "Another change to the same object won the race; nothing "
                               "was done: retry."),
    "idempotency_key_reused": (409, "This Idempotency-Key was used with another body or "
                                    "path (within 24 h, by this API key)."),
    "idempotency_key_in_use": (409, "A request with this Idempotency-Key is still running: "
                                    "retry when it has answered."),
    # 422 business_rule
    "own_company": (422, "The marketplace's own company (the seller) cannot receive a "
                         "credit memo or be billed."),
    "currency_mismatch": (422, "The two documents (or the plan and the customer) are in "
                               "different currencies."),
    "not_same_customer": (422, "The invoice belongs to another customer than the credit "
                               "memo (another payer, or another user unless "
                               "`company_wide_billing` is on)."),
    "invoice_not_open": (422, "The invoice is not open (draft, paid or void): credit "
                              "applies to open invoices only."),
    "exceeds_remaining": (422, "The amount is more than the credit memo's remaining "
                               "balance (also when nothing remains)."),
    "exceeds_amount_due": (422, "The amount is more than the invoice's amount due."),
    "exceeds_applied_amount": (422, "The amount is more than the application applies "
                                    "now."),
    "exceeds_creditable_amount": (422, "The invoice line (or the invoice) has less left to "
                                       "credit: credit memos and refunds never credit a "
                                       "line beyond its net and tax."),
    "exceeds_refundable_amount": (422, "More would go back than was paid: refunds of the "
                                       "invoice's payments plus payouts of credit memos "
                                       "from it never exceed what was paid on it (and a "
                                       "refund never more than is left of the payment)."),
    "credit_total_not_positive": (422, "The credit memo's total would be zero or "
                                       "negative."),
    "negative_invoice_total": (422, "The invoice's total would be negative: such credit is "
                                    "a credit memo's job."),
    "user_not_in_company": (422, "`user_id` names a user of another company."),
    "subscription_not_for_company": (422, "The line's subscription belongs to another "
                                          "company."),
    "not_a_reseller": (422, "`reseller_id` names a company that is not a reseller."),
    "unsupported_currency": (422, "An ISO 4217 code one cannot bill in (`XXX`, `XAU`, a "
                                  "fund or withdrawn code), or for an e-invoice a currency "
                                  "with three minor digits (EN 16931 allows two)."),
    "incomplete_party_data": (422, "The seller or the buyer lacks what an e-invoice needs "
                                   "(`address.country`, `peppol_id`, the seller's `vat_id` "
                                   "when a line is taxed); `param` names the first "
                                   "missing field."),
    "empty_number_prefix": (422, "A number prefix may not be empty."),
    "number_prefix_collision": (422, "The invoice and credit memo prefixes would make the "
                                     "same numbers."),
    "invalid_template": (422, "The e-mail subject or body is text, but no valid Django "
                              "template; `param` names it."),
    "email_taken": (422, "The company already has a user with this e-mail address."),
    "code_taken": (422, "A plan with this `code` exists in the marketplace."),
    "start_date_out_of_range": (422, "`start_date` is more than a year from today, either "
                                     "way."),
    "as_of_out_of_range": (422, "`as_of` is before the marketplace was created or more than "
                                "a year after today."),
    "invalid_period": (422, "A line's `period_end` is before its `period_start`."),
    "invalid_date_range": (422, "`date_to` is before `date_from`."),
    "discount_exceeds_amount": (422, "A line's `discount_amount` is more than its quantity "
                                     "x unit price."),
    "flat_plan_quantity": (422, "A flat or metered plan has a quantity of 1."),
    "not_metered": (422, "Usage is recorded on metered subscriptions only."),
    "usage_period_closed": (422, "The usage day has already been rated (billed)."),
    "future_as_of": (422, "`as_of` is after today: only a `test_mode` run bills ahead."),
    "not_a_test_marketplace": (422, "`test_mode` is for test marketplaces only."),
    # 429 rate_limited
    "rate_limited": (429, "Too many requests for this API key: retry after `Retry-After` "
                          "seconds."),
}

# --- what each operation answers --------------------------------------------------------------

# Operations every role may call (a customer key on its own company's objects): no 403.
EVERY_ROLE = frozenset({
    "marketplace_get", "company_list", "company_get", "company_credit_balance",
    "company_credit_check", "products_list", "invoices_list", "invoice_get",
    "credit_memos_list", "credit_memo_get", "credit_memo_pdf", "invoice_pdf",
    "credit_memo_ubl", "invoice_ubl", "plans_list", "subscriptions_list", "subscriptions_get",
    "usage_records_list",
})

# POSTs that change nothing, so that they lose no race.
CHANGES_NOTHING = frozenset({
    "company_credit_check", "credit_memo_preview_from_invoice", "credit_memo_preview_ad_hoc",
})

_APPLY_TO_RULES = (
    ("currency_mismatch", "An `apply_to` invoice is in another currency; nothing is "
                          "created."),
    ("not_same_customer", "An `apply_to` invoice belongs to another customer; nothing is "
                          "created."),
    ("invoice_not_open", "An `apply_to` invoice is not open; nothing is created."),
)
_FROM_INVOICE = (
    ("not_found", "The invoice, a `lines[].invoice_line_id` (a line of another invoice "
                  "too) or an `apply_to` invoice names nothing this key may see."),
    ("invalid_state", "The invoice is a draft or void: only open or paid invoices can be "
                      "credited."),
    ("own_company", "The invoice's customer is the marketplace's own company."),
    ("exceeds_creditable_amount", "A line's amount is more than the line has left to "
                                  "credit, or with no `lines` nothing is left on the "
                                  "invoice."),
    "credit_total_not_positive",
)
_AD_HOC = (
    ("not_found", "`company_id`, `user_id`, a line's `product_id` or `subscription_id` "
                  "names nothing this key may see."),
    "user_not_in_company", "own_company", "subscription_not_for_company",
    ("invalid_currency", "`currency` is not an ISO 4217 code."),
    ("unsupported_currency", "`currency` is no currency one can bill in."),
    "invalid_period", "credit_total_not_positive",
)
_UBL = (
    ("invalid_state", "The document is a draft: it has no number, so no e-invoice yet."),
    "incomplete_party_data",
    ("unsupported_currency", "The document's currency has three minor digits (EN 16931 "
                             "allows two)."),
)
_PDF_RACE = ("concurrent_update", "Another request stored the first PDF of the document at "
                                  "the same moment: retry.")
_MEMO_NOT_USABLE = ("invalid_state", "The credit memo is a draft, void or closed.")

OPERATION_ERRORS = {
    "marketplace_settings_patch": ("empty_number_prefix", "number_prefix_collision"),
    "company_create": (
        ("not_found", "`reseller_id` names no company of the marketplace."),
        "not_a_reseller", "invalid_currency", "unsupported_currency",
    ),
    "user_create": ("email_taken",),
    "company_credit_balance": (("invalid_currency", "`currency` is not an ISO 4217 code."),),
    "invoice_create": (
        ("not_found", "`company_id`, `user_id`, a line's `product_id` or `subscription_id` "
                      "names nothing this key may see."),
        "user_not_in_company", "invalid_currency", "unsupported_currency",
        "invalid_period", "discount_exceeds_amount", "negative_invoice_total",
    ),
    "invoice_finalize": (("invalid_state", "The invoice is not a draft."),),
    "invoice_void": (("not_voidable", "Something was paid or credited on the invoice (an "
                                      "issued credit memo from it counts), or it is void "
                                      "already."),),
    "payment_create": (("invalid_state", "The invoice is not open (draft, paid or void)."),
                       "exceeds_amount_due"),
    "refund_create": (
        ("exceeds_refundable_amount", "The amount is more than is left of the payment, or "
                                      "than may still go back on its invoice."),
        ("exceeds_creditable_amount", "The invoice's lines have less left to credit than "
                                      "the amount."),
        ("own_company", "The invoice's customer is the marketplace's own company."),
    ),
    "credit_memo_preview_from_invoice": _FROM_INVOICE,
    "credit_memo_create_from_invoice": _FROM_INVOICE + _APPLY_TO_RULES,
    "credit_memo_preview_ad_hoc": _AD_HOC,
    "credit_memo_create_ad_hoc": _AD_HOC,
    "credit_memos_list": (("invalid_currency", "`currency` is not an ISO 4217 code."),),
    "credit_memo_issue": (
        ("invalid_state", "The memo is not a draft, or its source invoice is no longer open "
                          "or paid."),
        ("exceeds_creditable_amount", "Since the draft was made, other credit has used what "
                                      "its lines would credit."),
    ) + _APPLY_TO_RULES,
    "application_create": (
        ("not_found", "`invoice_id` names nothing this key may see."),
        _MEMO_NOT_USABLE, "currency_mismatch", "not_same_customer", "invoice_not_open",
        "exceeds_remaining", "exceeds_amount_due",
    ),
    "application_reverse": (
        ("invalid_state", "The credit memo is closed, or the application is fully reversed "
                          "already."),
        "exceeds_applied_amount",
    ),
    "credit_memo_auto_apply": (_MEMO_NOT_USABLE,),
    "payout_create": (
        _MEMO_NOT_USABLE, "exceeds_remaining",
        ("exceeds_refundable_amount", "The memo's source invoice has less left to give back "
                                      "than the amount (what was paid on it, less refunds "
                                      "and payouts)."),
    ),
    "credit_memo_void": (("not_voidable", "The memo is neither a draft nor unapplied: "
                                          "something was applied, paid out or closed."),),
    "credit_memo_close": (("invalid_state", "The memo is neither unapplied nor partially "
                                            "applied."),),
    "credit_memo_pdf": (_PDF_RACE,),
    "invoice_pdf": (_PDF_RACE,),
    "credit_memo_ubl": _UBL,
    "invoice_ubl": _UBL,
    "credit_memo_pdf_regenerate": (("invalid_state", "The credit memo is a draft."),),
    "invoice_pdf_regenerate": (("invalid_state", "The invoice is a draft."),),
    "webhook_endpoint_create": ("invalid_url",),
    "webhook_delivery_redeliver": (("invalid_state", "The delivery is still pending."),
                                   "endpoint_disabled"),
    "notification_setting_update": ("invalid_template",),
    "plans_create": (("not_found", "`product_id` names no product of the marketplace."),
                     "code_taken", "invalid_currency", "unsupported_currency"),
    "subscriptions_create": (
        ("not_found", "`company_id`, `plan_id` or `user_id` names nothing this key may "
                      "see."),
        "user_not_in_company",
        ("own_company", "The marketplace's own company is not billed."),
        ("currency_mismatch", "The plan is in another currency than its payer pays in."),
        "start_date_out_of_range", "flat_plan_quantity",
    ),
    "subscriptions_change": (
        ("not_found", "The subscription, or `plan_id`, names nothing this key may see."),
        ("invalid_state", "The subscription is cancelled."),
        ("currency_mismatch", "The new plan is in another currency."),
        "flat_plan_quantity",
    ),
    "subscriptions_cancel": (("invalid_state", "The subscription is cancelled already."),),
    "usage_records_create": (("invalid_state", "The subscription is cancelled."),
                             "not_metered", "usage_period_closed"),
    "billing_runs_create": ("as_of_out_of_range", "future_as_of", "not_a_test_marketplace"),
    "invoice_details_csv": ("invalid_date_range",),
    "credit_memos_csv": ("invalid_date_range",),
    "reseller_reconciliation_csv": (("not_found", "`reseller_id` names no company of the "
                                                  "marketplace."), "not_a_reseller",
                                    "invalid_date_range"),
    "report_create": (("not_found", "`reseller_id` names no company of the marketplace."),
                      "not_a_reseller", "invalid_date_range"),
    "report_file": (("invalid_state", "The report has not succeeded (yet)."),),
}


def _parameters(operation: dict, where: str) -> list[dict]:
    return [p for p in operation.get("parameters", []) if p.get("in") == where]


def _shape_codes(method: str, operation: dict) -> list[str]:
    """The codes an operation answers for being what it is: authenticated and rate limited,
    guarded by roles, naming objects in its path, taking query parameters or a body,
    a POST (Idempotency-Key) or a write (races)."""
    op_id = operation["operationId"]
    body = operation.get("requestBody")
    query = _parameters(operation, "query")
    codes = ["unknown_parameter", "invalid_request", "uri_too_long", "unauthenticated",
             "rate_limited"]
    if query or body or method == "post":
        codes.append("invalid")
    if (body or {}).get("required") or any(p.get("required") for p in query):
        codes.append("parameter_missing")
    if body:
        codes += ["invalid_json", "body_too_large"]
    if any(p["name"] == "cursor" for p in query):
        codes.append("invalid_cursor")
    if op_id not in EVERY_ROLE:
        codes.append("forbidden")
    if _parameters(operation, "path"):
        codes.append("not_found")
    if method == "post":
        codes += ["idempotency_key_reused", "idempotency_key_in_use"]
    if method in ("post", "patch", "put", "delete") and op_id not in CHANGES_NOTHING:
        codes.append("concurrent_update")
    return codes


def operation_errors(method: str, operation: dict) -> dict[str, dict[str, str]]:
    """{status: {code: meaning}} of one operation of the schema."""
    meanings = {code: ERROR_CODES[code][1] for code in _shape_codes(method, operation)}
    for entry in OPERATION_ERRORS.get(operation["operationId"], ()):
        code, meaning = (entry, ERROR_CODES[entry][1]) if isinstance(entry, str) else entry
        meanings[code] = meaning
    by_status: dict[str, dict[str, str]] = {}
    for code, meaning in meanings.items():
        by_status.setdefault(str(ERROR_CODES[code][0]), {})[code] = meaning
    return by_status


def _describe(status: str, response: dict, codes: dict[str, str]) -> None:
    """The codes in the description and in `x-error-codes`, and one example envelope per
    code (the message is the code's meaning here; the API's says what was wrong)."""
    heading = response.get("description", "")
    if codes:
        listed = "\n".join(f"- `{code}` — {meaning}" for code, meaning in sorted(codes.items()))
        response["description"] = f"{heading}\n\n`error.code` is one of:\n\n{listed}"
    else:
        response["description"] = f"{heading}\n\nNot answered by this operation."
    response["x-error-codes"] = sorted(codes)
    error_type = TYPE_BY_STATUS.get(int(status), "api_error")
    for media_type in response.get("content", {}).values() if codes else ():
        media_type["examples"] = {code: {"summary": code, "value": {"error": {
            "type": error_type, "code": code, "message": meaning, "param": None}}}
            for code, meaning in sorted(codes.items())}


def _add_examples(operation: dict) -> None:
    example = EXAMPLES.get(operation["operationId"])
    if example is None:
        return
    summary = example["summary"]
    if "request" in example:
        content = operation["requestBody"]["content"]["application/json"]
        content["examples"] = {"worked": {"summary": summary,
                                          "value": copy.deepcopy(example["request"])}}
    for media_type in operation["responses"]["200"].get("content", {}).values():
        media_type["examples"] = {"worked": {"summary": summary,
                                             "value": copy.deepcopy(example["response"])}}


def document(schema: dict) -> None:
    """Add the worked examples and the error codes to a finished OpenAPI document."""
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            _add_examples(operation)
            if not operation.get("security"):
                continue
            responses = operation["responses"]
            errors = operation_errors(method, operation)
            for status in sorted(set(errors) | {s for s in responses if s >= "400"}):
                response = responses.setdefault(status, {
                    "description": TYPE_BY_STATUS.get(int(status), "api_error"),
                    "content": {"application/json": {"schema": ERROR_REF}}})
                if "x-error-codes" not in response:
                    _describe(status, response, errors.get(status, {}))


# --- the worked story ---------------------------------------------------------------------------
# Acme Cloud (USD, auto-apply to new invoices turned off) bills Globex Corporation 10 seats of
# Cloud Hosting Pro at 100.00 for March 2026 with 20 % tax: INV-000042, 1,000.00 + 200.00 =
# 1,200.00. Globex pays 1,000.00 (200.00 due), and only 8 seats were used: CM-000007 credits
# 200.00 of the line, + 40.00 tax = 240.00; the 200.00 due is applied at once, so the invoice
# is paid and 40.00 remains. That 40.00 then goes to INV-000043 (600.00), is reversed, is paid
# out, or is written off. CM-000008 is a 50.00 goodwill credit; CM-000009 the memo of a
# 120.00 refund of the payment.

MARKETPLACE_ID = "7c6a1a8e-780b-432d-87a9-051fbe817db2"
OWN_COMPANY_ID = "15874088-4f5b-4dab-a9ab-e110666c6abc"
COMPANY_ID = "6ce2e0c2-d483-4634-b0ca-1e6fe83c7e5d"
RESELLER_ID = "2a910221-3aa1-4b39-88fa-1f8238861314"
END_CUSTOMER_ID = "454cc3e3-6a16-4ffb-8df0-d39b31de6834"
USER_ID = "a833e21a-6c1b-4f1a-a56d-9323266c9a28"
PRODUCT_ID = "9a6ab383-8650-4afc-b469-469f8e8c750e"
INVOICE_ID = "99cbbc10-2a98-40c8-8627-ad4aa2aa1c14"
INVOICE_LINE_ID = "79bf3ac1-5b3c-44e2-afe9-f7037be224d1"
NEXT_INVOICE_ID = "2e9e3e40-8367-4711-b01a-afc476f4b5ab"
PAYMENT_ID = "c254032f-8b2e-47d3-a646-e5eaeb3543b0"
MEMO_ID = "ae87e618-5567-45e5-8abf-91d3d48703bb"
MEMO_LINE_ID = "b926e0b5-5908-461c-850d-1d24db198834"
APPLICATION_ID = "298eaa0b-f2dd-4e0e-bbd4-3168b0f47241"
NEXT_APPLICATION_ID = "8ec700cf-fd9e-4eb1-b194-3337ba902311"
PAYOUT_ID = "54a233ad-9efd-4dc3-bcbb-d94059c3564f"
REFUND_ID = "6c44d9dc-449f-4edf-b3fe-1008cbb83f53"
REFUND_MEMO_ID = "2af1b61e-01d6-4aa3-a691-7bc248c2c82d"
AD_HOC_MEMO_ID = "5cfae26d-1ac3-409d-8af4-9d1bc5f260d6"
AD_HOC_LINE_ID = "bd729dcb-ec23-4770-8e85-1d7ea5eb3224"
API_KEY_ID = "6ade1068-f35e-4299-b48f-07251c68542a"
WEBHOOK_ID = "e8cc8617-ed30-4ce4-8341-d120b674b926"
DELIVERY_ID = "626eb988-3464-48cd-bbc3-26d39f8d856b"
PLAN_ID = "726c50cd-a254-4fe8-a324-9ddccaa3d748"
SUBSCRIPTION_ID = "fe9685ae-f8b6-41f3-9724-7428cc7c1c9d"
METERED_SUBSCRIPTION_ID = "45108b37-3867-4a9c-b6bc-5bc281d94534"
USAGE_ID = "26e3a7ae-dee6-4f33-8293-fe3860934eae"
RUN_ID = "3549c146-988c-4b96-9eff-b533e69cf399"
REPORT_ID = "a0a27540-c21d-4309-8edb-ba372cdeb52c"

ACTOR = f"api_key:{API_KEY_ID}"
INVOICED_AT = "2026-03-02T09:00:00Z"
CREDITED_AT = "2026-03-12T10:15:00Z"


def _list(*items) -> dict:
    return {"object": "list", "data": list(items), "has_more": False, "next_cursor": None}


MARKETPLACE = {
    "id": MARKETPLACE_ID, "object": "marketplace", "slug": "acme-cloud", "name": "Acme Cloud",
    "default_currency": "USD", "is_test": False, "own_company_id": OWN_COMPANY_ID,
    "settings": {"invoice_number_prefix": "INV-", "credit_memo_number_prefix": "CM-",
                 "number_padding": 6, "auto_apply_credit_to_new_invoices": False,
                 "company_wide_billing": False},
}
PARTY_IN = {
    "legal_name": "Globex Corporation Ltd", "vat_id": "GB123456789",
    "address": {"line1": "1 Main Street", "city": "London", "postal_code": "EC1A 1BB",
                "country": "GB"},
    "peppol_id": "0088:5790000435975",
}
COMPANY = {
    "id": COMPANY_ID, "object": "company", "name": "Globex Corporation", "currency": "USD",
    "is_reseller": False, "reseller_id": None, "credit_limit": "5000.00",
    **PARTY_IN, "address": {"line1": "1 Main Street", "line2": None, "city": "London",
                            "postal_code": "EC1A 1BB", "state": None, "country": "GB"},
    "billing_email": "billing@globex.example", "created_at": "2026-02-16T10:00:00Z",
}
PRODUCT = {"id": PRODUCT_ID, "object": "product", "name": "Cloud Hosting Pro",
           "sku": "HOST-PRO"}

INVOICE_LINE_IN = {
    "product_id": PRODUCT_ID, "description": "10 seats, March 2026", "quantity": "10",
    "unit_price": "100.00", "tax_rate": "0.20", "billing_action": "renewal",
    "period_start": "2026-03-01", "period_end": "2026-04-01",
}
INVOICE_LINE = {
    "id": INVOICE_LINE_ID, "product_id": PRODUCT_ID, "name": "Cloud Hosting Pro",
    "description": "10 seats, March 2026", "quantity": "10", "unit_price": "100.00",
    "discount_amount": "0.00", "amount": "1000.00", "tax_rate": "0.2", "tax_amount": "200.00",
    "total": "1200.00", "billing_action": "renewal", "period_start": "2026-03-01",
    "period_end": "2026-04-01", "subscription_id": None, "credited_amount": "0.00",
}
INVOICE = {
    "id": INVOICE_ID, "object": "invoice", "number": "INV-000042", "status": "open",
    "company_id": COMPANY_ID, "billed_company_id": COMPANY_ID, "user_id": None,
    "currency": "USD", "issued_at": INVOICED_AT, "due_date": "2026-04-01",
    "created_at": INVOICED_AT, "lines": [INVOICE_LINE], "subtotal": "1000.00",
    "discount_total": "0.00", "tax_total": "200.00", "total": "1200.00",
    "amount_credited": "0.00", "amount_paid": "0.00", "amount_due": "1200.00",
    "credit_applications": [],
}
# INV-000042 once paid 1,000.00 and credited 200.00 by CM-000007.
INVOICE_SETTLED = {
    **INVOICE, "status": "paid", "lines": [{**INVOICE_LINE, "credited_amount": "200.00"}],
    "amount_credited": "200.00", "amount_paid": "1000.00", "amount_due": "0.00",
    "credit_applications": [{
        "id": APPLICATION_ID, "credit_memo_id": MEMO_ID, "credit_memo_number": "CM-000007",
        "amount": "200.00", "applied_at": CREDITED_AT, "reversed_at": None}],
}
PAYMENT = {"id": PAYMENT_ID, "object": "payment", "invoice_id": INVOICE_ID,
           "amount": "1000.00", "refunded_amount": "0.00", "method": "card",
           "status": "succeeded", "created_at": "2026-03-10T14:30:00Z"}

CREDIT_FROM_INVOICE_IN = {
    "reason_code": "overcharge", "reason": "Billed 10 seats, 8 were used",
    "memo": "2 unused seats in March 2026",
    "lines": [{"invoice_line_id": INVOICE_LINE_ID, "amount": "200.00"}],
}
MEMO_LINE = {
    "id": MEMO_LINE_ID, "product_id": PRODUCT_ID, "name": "Cloud Hosting Pro",
    "description": "10 seats, March 2026", "quantity": "1", "unit_price": "200.00",
    "amount": "200.00", "tax_rate": "0.2", "tax_amount": "40.00", "total": "240.00",
    "billing_action": "renewal", "period_start": "2026-03-01", "period_end": "2026-04-01",
    "subscription_id": None, "source_invoice_line_id": INVOICE_LINE_ID,
    "custom_charge": False,
}
APPLICATION = {"id": APPLICATION_ID, "invoice_id": INVOICE_ID, "invoice_number": "INV-000042",
               "amount": "200.00", "applied_at": CREDITED_AT, "applied_by": ACTOR,
               "reversed_at": None}
NEXT_APPLICATION = {"id": NEXT_APPLICATION_ID, "invoice_id": NEXT_INVOICE_ID,
                    "invoice_number": "INV-000043", "amount": "40.00",
                    "applied_at": "2026-04-02T08:00:00Z", "applied_by": ACTOR,
                    "reversed_at": None}
# CM-000007 as issued: 200.00 of its 240.00 applied to INV-000042, 40.00 remaining.
MEMO = {
    "id": MEMO_ID, "object": "credit_memo", "number": "CM-000007",
    "status": "partially_applied", "currency": "USD", "company_id": COMPANY_ID,
    "billed_company_id": COMPANY_ID, "user_id": None, "origin": "invoice",
    "source_invoice_id": INVOICE_ID, "reason_code": "overcharge",
    "reason": CREDIT_FROM_INVOICE_IN["reason"], "memo": CREDIT_FROM_INVOICE_IN["memo"],
    "issued_at": CREDITED_AT, "created_at": CREDITED_AT, "lines": [MEMO_LINE],
    "subtotal": "200.00", "tax_total": "40.00", "total": "240.00",
    "applied_amount": "200.00", "paid_out_amount": "0.00", "closed_amount": "0.00",
    "remaining_amount": "40.00", "applications": [APPLICATION], "payouts": [],
    "auto_apply": False,
}
MEMO_PREVIEW = {
    **MEMO, "id": None, "number": None, "status": "draft", "issued_at": None,
    "created_at": None, "lines": [{**MEMO_LINE, "id": None}], "applied_amount": "0.00",
    "remaining_amount": "240.00", "applications": [],
}
MEMO_FULLY_APPLIED = {**MEMO, "status": "fully_applied", "applied_amount": "240.00",
                      "remaining_amount": "0.00",
                      "applications": [APPLICATION, NEXT_APPLICATION]}
MEMO_EVENT_DATA = {key: value for key, value in MEMO.items() if key != "reason"}

AD_HOC_IN = {
    "company_id": COMPANY_ID, "reason_code": "service_credit",
    "reason": "Outage of 3 March 2026, 4 hours", "memo": "Service credit for the outage",
    "lines": [{"name": "Service credit", "description": "Outage of 3 March 2026",
               "quantity": "1", "unit_price": "50.00"}],
}
AD_HOC_MEMO = {
    "id": AD_HOC_MEMO_ID, "object": "credit_memo", "number": "CM-000008", "status": "unapplied",
    "currency": "USD", "company_id": COMPANY_ID, "billed_company_id": COMPANY_ID,
    "user_id": None, "origin": "ad_hoc", "source_invoice_id": None,
    "reason_code": "service_credit", "reason": AD_HOC_IN["reason"], "memo": AD_HOC_IN["memo"],
    "issued_at": "2026-03-16T16:45:00Z", "created_at": "2026-03-16T16:45:00Z",
    "lines": [{"id": AD_HOC_LINE_ID, "product_id": None, "name": "Service credit",
               "description": "Outage of 3 March 2026", "quantity": "1", "unit_price": "50.00",
               "amount": "50.00", "tax_rate": "0", "tax_amount": "0.00", "total": "50.00",
               "billing_action": None, "period_start": None, "period_end": None,
               "subscription_id": None, "source_invoice_line_id": None,
               "custom_charge": True}],
    "subtotal": "50.00", "tax_total": "0.00", "total": "50.00", "applied_amount": "0.00",
    "paid_out_amount": "0.00", "closed_amount": "0.00", "remaining_amount": "50.00",
    "applications": [], "payouts": [], "auto_apply": False,
}


def _event(event_id: str, type_: str, data: dict) -> dict:
    return {"id": event_id, "object": "event", "type": type_, "at": CREDITED_AT,
            "actor": ACTOR, "data": data}


GENERATED_PDF = {
    "object": "generated_pdf", "kind": "credit_memo", "document_id": MEMO_ID,
    "number": "CM-000007", "version": 2, "size": 11109,
    "sha256": "29f57143d48e998a00804a1f15ee97a885827f2f8deeb5406806ca64e8be5ecc",
    "created_at": "2026-03-14T09:30:00Z",
}
WEBHOOK_ENDPOINT = {
    "id": WEBHOOK_ID, "object": "webhook_endpoint",
    "url": "https://erp.acme-cloud.example/webhooks/abate",
    "event_types": ["credit_memo.issued", "credit_memo.applied"], "status": "enabled",
    "payload_version": 1, "consecutive_failures": 0, "disabled_at": None,
    "disabled_reason": None, "created_at": "2026-02-20T08:00:00Z",
}
WEBHOOK_SECRET = "whsec_De9hSNo7hM1uJTc6O/KCx7dmHAKGx3XJ"
DELIVERY = {
    "id": DELIVERY_ID, "object": "webhook_delivery", "endpoint_id": WEBHOOK_ID,
    "event_id": "1041", "event_type": "credit_memo.issued", "status": "succeeded",
    "attempts": 2, "next_attempt_at": None, "last_error": None, "created_at": CREDITED_AT,
    "finished_at": "2026-03-12T10:15:08Z",
    "attempt_log": [
        {"number": 1, "started_at": "2026-03-12T10:15:01Z",
         "finished_at": "2026-03-12T10:15:02Z", "status_code": 503, "response_ms": 412,
         "error": "HTTP 503"},
        {"number": 2, "started_at": "2026-03-12T10:15:07Z",
         "finished_at": "2026-03-12T10:15:08Z", "status_code": 200, "response_ms": 87,
         "error": None},
    ],
}
NOTIFICATION_SETTING = {
    "object": "notification_setting", "kind": "credit_memo_pdf_created",
    "label": "Credit memo PDF created", "enabled": True,
    "subject": "Credit memo {{ document.number }} from {{ marketplace.name }}",
    "body": "Hello {{ company.name }},\n\nplease find attached credit memo "
            "{{ document.number }} for {{ document.currency }} {{ document.total }}.\n"
            "Remaining balance: {{ document.currency }} {{ document.remaining_amount }}.\n\n"
            "{{ marketplace.name }}\n",
}
PLAN = {
    "id": PLAN_ID, "object": "plan", "product_id": PRODUCT_ID, "code": "hosting-pro-monthly",
    "name": "Cloud Hosting Pro, monthly", "scheme": "per_seat", "interval": "month",
    "currency": "USD", "unit_price": "100.00", "tax_rate": "0.2",
    "created_at": "2026-01-05T09:00:00Z",
}
SUBSCRIPTION = {
    "id": SUBSCRIPTION_ID, "object": "subscription", "company_id": COMPANY_ID, "user_id": None,
    "product_id": PRODUCT_ID, "product_name": "Cloud Hosting Pro", "plan_id": PLAN_ID,
    "plan_code": "hosting-pro-monthly", "scheme": "per_seat", "interval": "month",
    "quantity": "10", "unit_price": "100.00", "currency": "USD", "tax_rate": "0.2",
    "discount_percent": "0", "discount_amount": "0.00", "status": "active",
    "period_start": "2026-03-01", "period_end": "2026-04-01", "cancel_at_period_end": False,
    "cancelled_at": None, "ended_on": None, "scheduled_change": None,
    "created_at": "2026-01-20T11:00:00Z",
}
USAGE_RECORD = {
    "id": USAGE_ID, "object": "usage_record", "subscription_id": METERED_SUBSCRIPTION_ID,
    "quantity": "1200", "usage_date": "2026-03-15", "description": "API calls on 15 March",
    "rated": False, "created_at": "2026-03-16T00:05:00Z",
}
BILLING_RUN = {
    "id": RUN_ID, "object": "billing_run", "as_of": "2026-04-01", "status": "completed",
    "customers_billed": 12, "invoices_issued": 11, "credit_memos_issued": 1, "failures": [],
    "customers_due": 12, "customers_done": 12, "failure_reason": None,
    "started_at": "2026-04-01T06:00:00Z", "finished_at": "2026-04-01T06:00:42Z",
    "created_at": "2026-04-01T06:00:00Z",
}
REPORT = {
    "id": REPORT_ID, "object": "report", "report": "credit_memos",
    "filters": {"date_from": "2026-03-01", "date_to": "2026-03-31", "company_id": None,
                "reseller_id": None},
    "status": "succeeded", "rows_total": 3, "rows_written": 3, "progress": 100, "size": 731,
    "error": None, "created_at": "2026-04-01T07:00:00Z", "started_at": "2026-04-01T07:00:01Z",
    "finished_at": "2026-04-01T07:00:02Z",
}

_GLOBEX = f"{COMPANY_ID},Globex Corporation,{COMPANY_ID},Globex Corporation"
LINES_CSV_HEADER = (
    "document_type,number,issued_date,status,currency,company_id,company_name,"
    "billed_company_id,billed_company_name,line,product_id,name,billing_action,period_start,"
    "period_end,quantity,unit_price,discount_amount,amount,tax_rate,tax_amount,total,"
    "custom_charge\r\n")
INVOICE_DETAILS_CSV = (
    LINES_CSV_HEADER
    + f"invoice,INV-000042,2026-03-02,paid,USD,{_GLOBEX},1,{PRODUCT_ID},Cloud Hosting Pro,"
      "renewal,2026-03-01,2026-04-01,10,100.00,0.00,1000.00,0.2,200.00,1200.00,false\r\n"
    + f"credit_memo,CM-000007,2026-03-12,partially_applied,USD,{_GLOBEX},1,{PRODUCT_ID},"
      "Cloud Hosting Pro,renewal,2026-03-01,2026-04-01,1,-200.00,0.00,-200.00,0.2,-40.00,"
      "-240.00,false\r\n")
RESELLER_CSV = (
    LINES_CSV_HEADER
    + f"invoice,INV-000051,2026-03-03,open,USD,{RESELLER_ID},Initech Resellers,"
      f"{END_CUSTOMER_ID},Hooli,1,{PRODUCT_ID},Cloud Hosting Pro,renewal,2026-03-01,"
      "2026-04-01,3,100.00,0.00,300.00,0.2,60.00,360.00,false\r\n")
CREDIT_MEMOS_CSV = (
    "number,issued_date,status,origin,reason_code,currency,company_id,company_name,"
    "billed_company_id,billed_company_name,source_invoice_number,subtotal,tax_total,total,"
    "applied_amount,paid_out_amount,closed_amount,remaining_amount\r\n"
    f"CM-000007,2026-03-12,partially_applied,invoice,overcharge,USD,{_GLOBEX},INV-000042,"
    "200.00,40.00,240.00,200.00,0.00,0.00,40.00\r\n"
    f"CM-000008,2026-03-16,unapplied,ad_hoc,service_credit,USD,{_GLOBEX},,"
    "50.00,0.00,50.00,0.00,0.00,0.00,50.00\r\n"
    f"CM-000009,2026-03-20,paid_out,refund,refund,USD,{_GLOBEX},INV-000042,"
    "100.00,20.00,120.00,0.00,120.00,0.00,0.00\r\n")

PDF_EXAMPLE = "%PDF-1.7 … (binary: the document as an A4 PDF)"
_UBL_PARTIES = """  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0088">0614141000005</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Acme Cloud</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>500 Market Street</cbc:StreetName>
        <cbc:CityName>San Francisco</cbc:CityName>
        <cbc:PostalZone>94105</cbc:PostalZone>
        <cbc:CountrySubentity>CA</cbc:CountrySubentity>
        <cac:Country><cbc:IdentificationCode>US</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>US987654321</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>Acme Cloud Inc.</cbc:RegistrationName>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0088">5790000435975</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Globex Corporation</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>1 Main Street</cbc:StreetName>
        <cbc:CityName>London</cbc:CityName>
        <cbc:PostalZone>EC1A 1BB</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>GB123456789</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Globex Corporation Ltd</cbc:RegistrationName>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
"""


def _ubl(*, root: str, type_code: str, number: str, issue_date: str, head: str,
         net: str, tax: str, line: str) -> str:
    """A UBL document of the story, as the API writes it (its indentation aside)."""
    total = f"{float(net) + float(tax):.2f}"
    return f"""<?xml version='1.0' encoding='UTF-8'?>
<{root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{root}-2" \
xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:\
billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>{number}</cbc:ID>
  <cbc:IssueDate>{issue_date}</cbc:IssueDate>
{head.format(type_code=type_code)}  <cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>{COMPANY_ID}</cbc:BuyerReference>
{_UBL_PARTIES}  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="USD">{tax}</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="USD">{net}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="USD">{tax}</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="USD">{net}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="USD">{net}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="USD">{total}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="USD">{total}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
{line}</{root}>
"""


def _ubl_line(*, element: str, quantity_element: str, quantity: str, net: str,
              price: str) -> str:
    return f"""  <cac:{element}>
    <cbc:ID>1</cbc:ID>
    <cbc:{quantity_element} unitCode="C62">{quantity}</cbc:{quantity_element}>
    <cbc:LineExtensionAmount currencyID="USD">{net}</cbc:LineExtensionAmount>
    <cac:InvoicePeriod><cbc:StartDate>2026-03-01</cbc:StartDate>
      <cbc:EndDate>2026-04-01</cbc:EndDate></cac:InvoicePeriod>
    <cac:Item>
      <cbc:Description>10 seats, March 2026</cbc:Description>
      <cbc:Name>Cloud Hosting Pro</cbc:Name>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="USD">{price}</cbc:PriceAmount></cac:Price>
  </cac:{element}>
"""


CREDIT_NOTE_XML = _ubl(
    root="CreditNote", type_code="381", number="CM-000007", issue_date="2026-03-12",
    head="""  <cbc:CreditNoteTypeCode>{type_code}</cbc:CreditNoteTypeCode>
""", net="200.00", tax="40.00",
    line=_ubl_line(element="CreditNoteLine", quantity_element="CreditedQuantity",
                   quantity="1", net="200.00", price="200"))
INVOICE_XML = _ubl(
    root="Invoice", type_code="380", number="INV-000042", issue_date="2026-03-02",
    head="""  <cbc:DueDate>2026-04-01</cbc:DueDate>
  <cbc:InvoiceTypeCode>{type_code}</cbc:InvoiceTypeCode>
""", net="1000.00", tax="200.00",
    line=_ubl_line(element="InvoiceLine", quantity_element="InvoicedQuantity",
                   quantity="10", net="1000.00", price="100"))

# operation id -> {"summary", "request" (a body, where it takes one), "response" (the 200)}
EXAMPLES = {
    "marketplace_get": {"summary": "Acme Cloud, which applies credit by hand",
                        "response": MARKETPLACE},
    "marketplace_settings_patch": {
        "summary": "Stop applying credit to new invoices automatically",
        "request": {"auto_apply_credit_to_new_invoices": False}, "response": MARKETPLACE},
    "company_create": {
        "summary": "Globex Corporation, with what e-invoices need and a 5,000.00 credit limit",
        "request": {"name": "Globex Corporation", **PARTY_IN,
                    "billing_email": "billing@globex.example", "credit_limit": "5000.00"},
        "response": COMPANY},
    "company_list": {"summary": "Globex Corporation", "response": _list(COMPANY)},
    "company_get": {"summary": "Globex Corporation", "response": COMPANY},
    "company_patch": {"summary": "Raise the credit limit to 5,000.00",
                      "request": {"credit_limit": "5000.00"}, "response": COMPANY},
    "user_create": {
        "summary": "Jane Doe at Globex",
        "request": {"email": "jane.doe@globex.example", "name": "Jane Doe"},
        "response": {"id": USER_ID, "object": "user", "email": "jane.doe@globex.example",
                     "name": "Jane Doe", "company_id": COMPANY_ID}},
    "company_credit_balance": {
        "summary": "40.00 of CM-000007 available, nothing outstanding",
        "response": {"currency": "USD", "available_credit": "40.00", "outstanding": "0.00",
                     "exposure": "-40.00", "credit_limit": "5000.00"}},
    "company_credit_check": {
        "summary": "A 1,500.00 charge: exposure -40.00 + 1,500.00 stays within 5,000.00",
        "request": {"amount": "1500.00"},
        "response": {"allowed": True, "exposure_after": "1460.00",
                     "credit_limit": "5000.00"}},
    "products_create": {"summary": "Cloud Hosting Pro",
                        "request": {"name": "Cloud Hosting Pro", "sku": "HOST-PRO"},
                        "response": PRODUCT},
    "products_list": {"summary": "?q=host finds Cloud Hosting Pro",
                      "response": _list(PRODUCT)},
    "invoice_create": {
        "summary": "INV-000042: 10 seats at 100.00 + 20 % tax = 1,200.00",
        "request": {"company_id": COMPANY_ID, "due_date": "2026-04-01",
                    "lines": [INVOICE_LINE_IN]},
        "response": INVOICE},
    "invoices_list": {"summary": "INV-000042, paid 1,000.00 and credited 200.00",
                      "response": _list(INVOICE_SETTLED)},
    "invoice_get": {"summary": "INV-000042, paid 1,000.00 and credited 200.00",
                    "response": INVOICE_SETTLED},
    "invoice_finalize": {"summary": "The draft becomes INV-000042, open for 1,200.00",
                         "response": INVOICE},
    "invoice_void": {"summary": "INV-000042 voided before anything was paid or credited",
                     "response": {**INVOICE, "status": "void"}},
    "payment_create": {"summary": "1,000.00 by card on INV-000042: 200.00 stays due",
                       "request": {"amount": "1000.00", "method": "card"},
                       "response": PAYMENT},
    "refund_create": {
        "summary": "120.00 of the 1,000.00 payment back to the card, with memo CM-000009",
        "request": {"amount": "120.00"},
        "response": {"id": REFUND_ID, "object": "refund", "payment_id": PAYMENT_ID,
                     "amount": "120.00", "status": "succeeded",
                     "credit_memo_id": REFUND_MEMO_ID,
                     "created_at": "2026-03-20T12:00:00Z"}},
    "credit_memo_preview_from_invoice": {
        "summary": "Credit 200.00 of the 1,000.00 invoice: + 40.00 tax = 240.00",
        "request": CREDIT_FROM_INVOICE_IN, "response": MEMO_PREVIEW},
    "credit_memo_create_from_invoice": {
        "summary": "Credit 200.00 of the 1,000.00 invoice: 240.00 with tax, the 200.00 due "
                   "applied, 40.00 remaining",
        "request": CREDIT_FROM_INVOICE_IN, "response": MEMO},
    "credit_memo_preview_ad_hoc": {
        "summary": "A 50.00 service credit",
        "request": AD_HOC_IN,
        "response": {**AD_HOC_MEMO, "id": None, "number": None, "status": "draft",
                     "issued_at": None, "created_at": None,
                     "lines": [{**AD_HOC_MEMO["lines"][0], "id": None}]}},
    "credit_memo_create_ad_hoc": {
        "summary": "CM-000008, a 50.00 service credit, unapplied",
        "request": AD_HOC_IN, "response": {**AD_HOC_MEMO, "auto_apply_result": None}},
    "credit_memos_list": {"summary": "CM-000007, 40.00 remaining", "response": _list(MEMO)},
    "credit_memo_get": {"summary": "CM-000007, 40.00 remaining", "response": MEMO},
    "credit_memo_events": {
        "summary": "CM-000007 issued and applied to INV-000042",
        "response": _list(_event("1041", "credit_memo.issued", MEMO_EVENT_DATA),
                          _event("1042", "credit_memo.applied", MEMO_EVENT_DATA))},
    "credit_memo_issue": {
        "summary": "The draft becomes CM-000007 and credits INV-000042 as asked",
        "response": {**MEMO, "created_at": "2026-03-11T17:40:00Z",
                     "auto_apply_result": None}},
    "application_create": {
        "summary": "The remaining 40.00 of CM-000007 to INV-000043",
        "request": {"invoice_id": NEXT_INVOICE_ID, "amount": "40.00"},
        "response": MEMO_FULLY_APPLIED},
    "application_reverse": {
        "summary": "Take the 40.00 back from INV-000043",
        "request": {"amount": "40.00"},
        "response": {**MEMO, "applications": [APPLICATION, {
            **NEXT_APPLICATION, "amount": "0.00", "reversed_at": "2026-04-03T16:20:00Z"}]}},
    "credit_memo_auto_apply": {
        "summary": "The remaining 40.00 goes to INV-000043, Globex's one open invoice",
        "response": MEMO_FULLY_APPLIED},
    "payout_create": {
        "summary": "Pay the remaining 40.00 back to the card that paid INV-000042",
        "request": {"amount": "40.00"},
        "response": {**MEMO, "status": "paid_out", "paid_out_amount": "40.00",
                     "remaining_amount": "0.00",
                     "payouts": [{"id": PAYOUT_ID, "amount": "40.00", "method": "card",
                                  "status": "pending",
                                  "created_at": "2026-03-13T11:00:00Z"}]}},
    "credit_memo_void": {"summary": "CM-000008, still unapplied, voided",
                         "response": {**AD_HOC_MEMO, "status": "void"}},
    "credit_memo_close": {
        "summary": "Write off the remaining 40.00",
        "request": {"reason": "Globex waived the balance"},
        "response": {**MEMO, "status": "closed", "closed_amount": "40.00",
                     "remaining_amount": "0.00"}},
    "events_list": {"summary": "CM-000007 applied to INV-000042",
                    "response": _list(_event("1042", "credit_memo.applied",
                                             MEMO_EVENT_DATA))},
    "credit_memo_pdf": {"summary": "CM-000007 as a PDF", "response": PDF_EXAMPLE},
    "invoice_pdf": {"summary": "INV-000042 as a PDF", "response": PDF_EXAMPLE},
    "credit_memo_ubl": {"summary": "CM-000007 as a UBL CreditNote",
                        "response": CREDIT_NOTE_XML},
    "invoice_ubl": {"summary": "INV-000042 as a UBL Invoice", "response": INVOICE_XML},
    "credit_memo_pdf_regenerate": {"summary": "Version 2 of CM-000007's PDF",
                                   "response": GENERATED_PDF},
    "invoice_pdf_regenerate": {
        "summary": "Version 2 of INV-000042's PDF",
        "response": {**GENERATED_PDF, "kind": "invoice", "document_id": INVOICE_ID,
                     "number": "INV-000042", "size": 11876,
                     "sha256": "5d016d8f1470a1bed7f11fb9d9c9509b9c6076104e1813ad0644c3c3d3a1409b"}},
    "webhook_endpoint_create": {
        "summary": "Credit memos issued and applied, sent to Acme Cloud's ERP",
        "request": {"url": WEBHOOK_ENDPOINT["url"],
                    "event_types": WEBHOOK_ENDPOINT["event_types"]},
        "response": {**WEBHOOK_ENDPOINT, "secret": WEBHOOK_SECRET}},
    "webhook_endpoints_list": {"summary": "The ERP's endpoint (lists show no secret)",
                               "response": _list(WEBHOOK_ENDPOINT)},
    "webhook_endpoint_get": {"summary": "The ERP's endpoint, with its secret",
                             "response": {**WEBHOOK_ENDPOINT, "secret": WEBHOOK_SECRET}},
    "webhook_endpoint_delete": {
        "summary": "The ERP's endpoint deleted",
        "response": {"id": WEBHOOK_ID, "object": "webhook_endpoint", "deleted": True}},
    "webhook_endpoint_enable": {"summary": "The ERP's endpoint enabled again",
                                "response": WEBHOOK_ENDPOINT},
    "webhook_deliveries_list": {"summary": "CM-000007's issue, delivered at the 2nd attempt",
                                "response": _list(DELIVERY)},
    "webhook_delivery_redeliver": {
        "summary": "Sent again now",
        "response": {**DELIVERY, "status": "pending",
                     "next_attempt_at": "2026-03-14T09:00:00Z", "finished_at": None}},
    "notification_settings_list": {"summary": "The e-mail sent when a memo's PDF is ready",
                                   "response": _list(NOTIFICATION_SETTING)},
    "notification_setting_update": {
        "summary": "Turn the credit memo e-mail on",
        "request": {"enabled": True, "subject": NOTIFICATION_SETTING["subject"]},
        "response": NOTIFICATION_SETTING},
    "plans_create": {
        "summary": "Cloud Hosting Pro at 100.00 a seat a month, 20 % tax",
        "request": {"product_id": PRODUCT_ID, "code": "hosting-pro-monthly",
                    "name": "Cloud Hosting Pro, monthly", "scheme": "per_seat",
                    "interval": "month", "unit_price": "100.00", "tax_rate": "0.20"},
        "response": PLAN},
    "plans_list": {"summary": "The monthly per-seat plan", "response": _list(PLAN)},
    "subscriptions_create": {
        "summary": "Globex takes 10 seats from 1 February 2026",
        "request": {"company_id": COMPANY_ID, "plan_id": PLAN_ID, "quantity": "10",
                    "start_date": "2026-02-01"},
        "response": {**SUBSCRIPTION, "period_start": "2026-02-01",
                     "period_end": "2026-03-01"}},
    "subscriptions_list": {"summary": "Globex's 10 seats", "response": _list(SUBSCRIPTION)},
    "subscriptions_get": {"summary": "Globex's 10 seats", "response": SUBSCRIPTION},
    "subscriptions_change": {
        "summary": "8 seats from the next period",
        "request": {"quantity": "8", "effective": "period_end"},
        "response": {**SUBSCRIPTION, "scheduled_change": {
            "plan_id": PLAN_ID, "quantity": "8", "effective_date": "2026-04-01"}}},
    "subscriptions_cancel": {
        "summary": "Cancel at the end of March, with no credit",
        "request": {"at_period_end": True},
        "response": {**SUBSCRIPTION, "cancel_at_period_end": True,
                     "cancelled_at": "2026-03-20T15:00:00Z"}},
    "usage_records_create": {
        "summary": "1,200 API calls on 15 March",
        "request": {"quantity": "1200", "usage_date": "2026-03-15",
                    "description": "API calls on 15 March"},
        "response": USAGE_RECORD},
    "usage_records_list": {"summary": "1,200 API calls on 15 March",
                           "response": _list(USAGE_RECORD)},
    "billing_runs_create": {
        "summary": "Bill as of 1 April 2026: queued",
        "request": {"as_of": "2026-04-01"},
        "response": {**BILLING_RUN, "status": "queued", "customers_billed": 0,
                     "invoices_issued": 0, "credit_memos_issued": 0, "customers_due": 0,
                     "customers_done": 0, "finished_at": None}},
    "billing_runs_list": {"summary": "1 April 2026: 12 customers billed",
                          "response": _list(BILLING_RUN)},
    "billing_runs_get": {"summary": "1 April 2026: 11 invoices and 1 credit memo",
                         "response": BILLING_RUN},
    "invoice_details_csv": {"summary": "INV-000042 and CM-000007's line (negative)",
                            "response": INVOICE_DETAILS_CSV},
    "credit_memos_csv": {"summary": "CM-000007, CM-000008 and the refund's CM-000009",
                         "response": CREDIT_MEMOS_CSV},
    "reseller_reconciliation_csv": {"summary": "Initech Resellers pays for Hooli's seats",
                                    "response": RESELLER_CSV},
    "report_create": {
        "summary": "March 2026's credit memos, queued",
        "request": {"report": "credit_memos", "date_from": "2026-03-01",
                    "date_to": "2026-03-31"},
        "response": {**REPORT, "status": "queued", "rows_total": None, "rows_written": 0,
                     "progress": None, "size": None, "started_at": None,
                     "finished_at": None}},
    "reports_list": {"summary": "March 2026's credit memos, 3 rows",
                     "response": _list(REPORT)},
    "report_get": {"summary": "March 2026's credit memos, 3 rows", "response": REPORT},
    "report_file": {"summary": "March 2026's credit memos", "response": CREDIT_MEMOS_CSV},
}
