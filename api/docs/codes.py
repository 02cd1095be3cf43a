"""The error codes the API answers (one catalog, code -> status and meaning) and those each
operation answers beyond what its shape implies."""

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
    "already_cleared": (409, "The document carries another tax clearance already: a cleared "
                             "document is corrected by a credit memo, not cleared again."),
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
    "invalid_iban": (422, "`iban` has an IBAN's form but its check digits do not match (ISO "
                          "13616, mod 97): a typing error."),
    "not_a_reseller": (422, "`reseller_id` names a company that is not a reseller."),
    "unsupported_currency": (422, "An ISO 4217 code one cannot bill in (`XXX`, `XAU`, a "
                                  "fund or withdrawn code), or for an e-invoice a currency "
                                  "with three minor digits (EN 16931 allows two)."),
    "incomplete_party_data": (422, "The seller, the buyer or the document lacks what its "
                                   "e-invoice needs under EN 16931 and the seller's "
                                   "national Peppol rules (`address.country`, `peppol_id`, "
                                   "VAT ids as the VAT categories require, a Dutch seller's "
                                   "`iban`, a Danish or Icelandic seller's "
                                   "`registration_id`, a German seller's `telephone`, a "
                                   "Greek document's `tax_clearance_id`...); `param` names "
                                   "the first missing field."),
    "einvoice_not_possible": (422, "No e-invoice can meet every rule for this document: "
                                   "lines not subject to VAT (O) beside other categories, O "
                                   "from a Greek seller or between German parties, or an "
                                   "exempt (E) line without its exemption reason."),
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
    "invalid_tax": (422, "A line's tax breaks a VAT rule (EN 16931): a tax_rate above 0 with "
                         "a category other than S (its own or its product's), S at 0, an "
                         "exempt line (E) without an exemption reason, an exemption reason "
                         "on S or Z, a line not subject to VAT (O) beside lines of another "
                         "category, or reverse charge (AE) without the seller's and the "
                         "customer's VAT ids; `param` names the line's field."),
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
    "invalid_period", "credit_total_not_positive", "invalid_tax",
)
_CLEARANCE_STATE = ("invalid_state", "The document is a draft or void: only an issued "
                                     "document is cleared.")
_UBL = (
    ("invalid_state", "The document is a draft: it has no number, so no e-invoice yet."),
    "incomplete_party_data", "einvoice_not_possible",
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
        "not_a_reseller", "invalid_currency", "unsupported_currency", "invalid_iban",
    ),
    "company_patch": ("invalid_iban",),
    "user_create": ("email_taken",),
    "company_credit_balance": (("invalid_currency", "`currency` is not an ISO 4217 code."),),
    "invoice_create": (
        ("not_found", "`company_id`, `user_id`, a line's `product_id` or `subscription_id` "
                      "names nothing this key may see."),
        "user_not_in_company", "invalid_currency", "unsupported_currency",
        "invalid_period", "discount_exceeds_amount", "negative_invoice_total", "invalid_tax",
    ),
    "products_create": (("invalid_tax", "E without an exemption reason, or one on S or Z."),),
    "products_patch": (("invalid_tax", "E without an exemption reason, or one on S or Z, as "
                                       "the product stands after the change."),),
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
    "invoice_tax_clearance": (_CLEARANCE_STATE, "already_cleared"),
    "credit_memo_tax_clearance": (_CLEARANCE_STATE, "already_cleared"),
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
