"""The worked story the docs' examples tell, in USD: the objects, ids and documents of
invoice INV-000042 and credit memo CM-000007."""

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


def listed(*items) -> dict:
    return {"object": "list", "data": list(items), "has_more": False, "next_cursor": None}


MARKETPLACE = {
    "id": MARKETPLACE_ID, "object": "marketplace", "slug": "acme-cloud", "name": "Acme Cloud",
    "default_currency": "USD", "is_test": False, "own_company_id": OWN_COMPANY_ID,
    "settings": {"invoice_number_prefix": "INV-", "credit_memo_number_prefix": "CM-",
                 "number_padding": 6, "auto_apply_credit_to_new_invoices": False,
                 "company_wide_billing": False},
}
# What a tax authority's clearance system (e.g. Greece's myDATA) gave the documents.
CLEARANCE_ID = "400001000000042"
CLEARANCE_URL = "https://mydata.example/check/400001000000042"
MEMO_CLEARANCE_ID = "400001000000043"
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
    "registration_id": None, "tax_registration_id": None, "iban": None, "bic": None,
    "reverse_charge": False, "contact_name": None, "telephone": None,
    "billing_email": "billing@globex.example", "created_at": "2026-02-16T10:00:00Z",
}
PRODUCT = {"id": PRODUCT_ID, "object": "product", "name": "Cloud Hosting Pro",
           "sku": "HOST-PRO", "tax_category": "S", "tax_exemption_reason_code": "",
           "tax_exemption_reason": ""}
# A line taxed at the standard rate: no exemption reason.
STANDARD = {"tax_category": "S", "tax_exemption_reason_code": "", "tax_exemption_reason": ""}

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
    **STANDARD,
}
INVOICE = {
    "id": INVOICE_ID, "object": "invoice", "number": "INV-000042", "status": "open",
    "company_id": COMPANY_ID, "billed_company_id": COMPANY_ID, "user_id": None,
    "currency": "USD", "issued_at": INVOICED_AT, "due_date": "2026-04-01",
    "tax_clearance_id": None, "tax_clearance_url": None, "created_at": INVOICED_AT,
    "lines": [INVOICE_LINE], "subtotal": "1000.00",
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
    "custom_charge": False, **STANDARD,
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
    "tax_clearance_id": None, "tax_clearance_url": None,
    "issued_at": CREDITED_AT, "created_at": CREDITED_AT, "lines": [MEMO_LINE],
    "subtotal": "200.00", "tax_total": "40.00", "total": "240.00",
    "applied_amount": "200.00", "paid_out_amount": "0.00", "closed_amount": "0.00",
    "remaining_amount": "40.00", "applications": [APPLICATION], "payouts": [],
    "auto_apply": False,
}
MEMO_PREVIEW = {
    **{k: v for k, v in MEMO.items() if not k.startswith("tax_clearance")}, "id": None,
    "number": None, "status": "draft", "issued_at": None,
    "created_at": None, "lines": [{**MEMO_LINE, "id": None}], "applied_amount": "0.00",
    "remaining_amount": "240.00", "applications": [],
}
MEMO_FULLY_APPLIED = {**MEMO, "status": "fully_applied", "applied_amount": "240.00",
                      "remaining_amount": "0.00",
                      "applications": [APPLICATION, NEXT_APPLICATION]}
MEMO_CLOSED = {**MEMO, "status": "closed", "closed_amount": "40.00", "remaining_amount": "0.00"}
MEMO_EVENT_DATA = {key: value for key, value in MEMO.items() if key != "reason"}

AD_HOC_IN = {
    "company_id": COMPANY_ID, "reason_code": "service_credit",
    "reason": "Outage of 3 March 2026, 4 hours", "memo": "Service credit for the outage",
    "lines": [{"name": "Service credit", "description": "Outage of 3 March 2026",
               "quantity": "1", "unit_price": "50.00", "tax_category": "O"}],
}
AD_HOC_MEMO = {
    "id": AD_HOC_MEMO_ID, "object": "credit_memo", "number": "CM-000008", "status": "unapplied",
    "currency": "USD", "company_id": COMPANY_ID, "billed_company_id": COMPANY_ID,
    "user_id": None, "origin": "ad_hoc", "source_invoice_id": None,
    "reason_code": "service_credit", "reason": AD_HOC_IN["reason"], "memo": AD_HOC_IN["memo"],
    "tax_clearance_id": None, "tax_clearance_url": None,
    "issued_at": "2026-03-16T16:45:00Z", "created_at": "2026-03-16T16:45:00Z",
    "lines": [{"id": AD_HOC_LINE_ID, "product_id": None, "name": "Service credit",
               "description": "Outage of 3 March 2026", "quantity": "1", "unit_price": "50.00",
               "amount": "50.00", "tax_rate": "0", "tax_amount": "0.00", "total": "50.00",
               "billing_action": None, "period_start": None, "period_end": None,
               "subscription_id": None, "source_invoice_line_id": None,
               "custom_charge": True, "tax_category": "O",
               "tax_exemption_reason_code": "VATEX-EU-O",
               "tax_exemption_reason": "Not subject to VAT"}],
    "subtotal": "50.00", "tax_total": "0.00", "total": "50.00", "applied_amount": "0.00",
    "paid_out_amount": "0.00", "closed_amount": "0.00", "remaining_amount": "50.00",
    "applications": [], "payouts": [], "auto_apply": False,
}


def event(event_id: str, type_: str, data: dict) -> dict:
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
    "custom_charge,tax_category,tax_exemption_reason_code,tax_exemption_reason\r\n")
INVOICE_DETAILS_CSV = (
    LINES_CSV_HEADER
    + f"invoice,INV-000042,2026-03-02,paid,USD,{_GLOBEX},1,{PRODUCT_ID},Cloud Hosting Pro,"
      "renewal,2026-03-01,2026-04-01,10,100.00,0.00,1000.00,0.2,200.00,1200.00,false,S,,\r\n"
    + f"credit_memo,CM-000007,2026-03-12,partially_applied,USD,{_GLOBEX},1,{PRODUCT_ID},"
      "Cloud Hosting Pro,renewal,2026-03-01,2026-04-01,1,-200.00,0.00,-200.00,0.2,-40.00,"
      "-240.00,false,S,,\r\n")
RESELLER_CSV = (
    LINES_CSV_HEADER
    + f"invoice,INV-000051,2026-03-03,open,USD,{RESELLER_ID},Initech Resellers,"
      f"{END_CUSTOMER_ID},Hooli,1,{PRODUCT_ID},Cloud Hosting Pro,renewal,2026-03-01,"
      "2026-04-01,3,100.00,0.00,300.00,0.2,60.00,360.00,false,S,,\r\n")
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
