"""A demo marketplace: companies (one billed through a reseller), products, invoices, and
credit memos in every status, spread over the last two months so charts have a shape."""

import datetime

from catalog.services import product_create
from common.clock import now
from credits import services as credits
from customers import services as customers
from marketplaces.models import Marketplace

SLUG = "demo"


def _line(name, quantity, unit_price, tax_rate="0", **extra):
    return {"name": name, "quantity": quantity, "unit_price": unit_price, "tax_rate": tax_rate,
            **extra}


def demo_create(*, slug: str = SLUG) -> Marketplace:
    """Create the demo marketplace unless it exists; returns it."""
    existing = Marketplace.objects.filter(slug=slug).first()
    if existing:
        return existing
    start = now() - datetime.timedelta(days=60)

    def day(n, minutes=0):
        return start + datetime.timedelta(days=n, minutes=minutes)

    mp = customers.marketplace_create(slug=slug, name="Demo Marketplace", currency="EUR",
                                      at=day(0))
    own = customers.own_company(marketplace=mp)
    customers.company_update(marketplace=mp, company_id=own.id, at=day(0), changes={
        "legal_name": "Demo Marketplace GmbH", "vat_id": "DE123456789",
        "peppol_id": "9930:de123456789",
        "address": {"line1": "Hauptstrasse 1", "city": "Berlin", "postal_code": "10115",
                    "country": "DE"}})

    def company(name, **kw):
        party = {"address": {"line1": "1 Main Street", "city": "Amsterdam",
                             "postal_code": "1011AA", "country": "NL"},
                 "peppol_id": "0106:" + str(abs(hash(name)) % 10**8).zfill(8)}
        return customers.company_create(marketplace=mp, name=name, party=party, at=day(0), **kw)

    globex = company("Globex Corporation", credit_limit="20000.00")
    reseller = company("Northwind Partners", is_reseller=True)
    initech = company("Initech", reseller_id=reseller.id)
    umbrella = company("Umbrella Retail")
    tokyo = company("Tokyo Trading", currency="JPY")
    for c, email, name in [(globex, "ap@globex.example", "Hank Scorpio"),
                           (initech, "billing@initech.example", "Bill Lumbergh")]:
        customers.user_create(marketplace=mp, company_id=c.id, email=email, name=name,
                              at=day(0))

    a = "demo"
    # Products with their default VAT category: hosting at the standard rate (a line's rate),
    # training exempt (Article 132(1)(i), vocational training).
    product_create(marketplace=mp, name="Cloud Hosting", sku="HOST", at=day(0))
    product_create(marketplace=mp, name="Compliance Training", sku="TRAIN", tax_category="E",
                   tax_exemption_reason_code="VATEX-EU-132-1I",
                   tax_exemption_reason="Vocational training", at=day(0))

    def invoice(c, lines, n, **kw):
        return credits.invoice_create(marketplace=mp, company_id=c.id, lines=lines, actor=a,
                                      at=day(n), **kw)

    def lines_of(inv):
        return list(inv.lines.all())

    # Globex: an overcharge credited from its invoice (fully applied), a partial credit.
    inv1 = invoice(globex, [_line("Pro plan", "10", "100.00", "0.19", billing_action="renewal"),
                            _line("Onboarding", "1", "500.00", "0.19"),
                            _line("Loyalty discount", "1", "-50.00", "0.19")], 2)
    credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=inv1.id, reason_code="overcharge",
        reason="Seats billed twice in March", actor=a, at=day(3),
        lines=[{"invoice_line_id": str(lines_of(inv1)[0].id), "amount": "200.00"}])
    inv2 = invoice(globex, [_line("Support hours", "20", "80.00", "0.19")], 10)
    memo_partial = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=globex.id, reason_code="service_credit",
        reason="Outage on the 12th", note="Service credit for the outage", actor=a, at=day(12),
        lines=[_line("Service credit", "1", "3000.00")], auto_apply=False)
    credits.application_create(marketplace=mp, memo_id=memo_partial.id, invoice_id=inv2.id,
                               amount="1000.00", actor=a, at=day(13))
    # Umbrella: goodwill credit still unapplied, one paid out, one closed, one void, a draft.
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=umbrella.id, reason_code="goodwill",
        reason="Long-standing customer", actor=a, at=day(20),
        lines=[_line("Goodwill credit", "1", "250.00")])
    paid = invoice(umbrella, [_line("Hardware kit", "2", "400.00", "0.21")], 21)
    from invoicing.services import payment_create

    # The unapplied goodwill credit above was applied when this invoice was issued.
    paid.refresh_from_db()
    payment = payment_create(marketplace=mp, invoice_id=paid.id, amount=paid.amount_due,
                             method="card", actor=a, at=day(22))
    credits.refund_create(marketplace=mp, payment_id=payment.id, amount="121.00", actor=a,
                          at=day(25))
    to_pay_out = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=umbrella.id, reason_code="return", reason="Returned kit",
        actor=a, at=day(30), lines=[_line("Returned item", "1", "400.00", "0.21")])
    payout = credits.payout_create(marketplace=mp, memo_id=to_pay_out.id, actor=a, at=day(31))
    credits.payout_settle(marketplace=mp, payout_id=payout.id, succeeded=True,
                          actor="payment_method", at=day(31, 1))
    to_close = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=umbrella.id, reason_code="other", reason="Expired promo",
        actor=a, at=day(35), lines=[_line("Promotional credit", "1", "75.00")])
    credits.credit_memo_close(marketplace=mp, memo_id=to_close.id, reason="Promotion expired",
                              actor=a, at=day(50))
    to_void = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=umbrella.id, reason_code="duplicate",
        reason="Entered twice", actor=a, at=day(40), lines=[_line("Goodwill credit", "1",
                                                                    "250.00")])
    credits.credit_memo_void(marketplace=mp, memo_id=to_void.id, actor=a, at=day(40, 5))
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=umbrella.id, reason_code="goodwill", draft=True,
        reason="Awaiting approval", actor=a, at=day(55),
        lines=[_line("Goodwill credit", "1", "60.00")])
    # Reseller billing: Initech's documents belong to Northwind.
    inv3 = invoice(initech, [_line("Pro plan", "5", "100.00", "0.19")], 45)
    credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=inv3.id, reason_code="downgrade", reason="Downgraded to 3",
        lines=[{"invoice_line_id": str(lines_of(inv3)[0].id), "quantity": "2"}], actor=a,
        at=day(46))
    # JPY: a service credit auto-applied to the next invoice.
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=tokyo.id, reason_code="service_credit", actor=a, at=day(48),
        lines=[_line("Service credit", "1", "5000")])
    invoice(tokyo, [_line("Pro plan", "1", "12000", "0.10")], 58)
    # Created after every invoice, without auto-apply: it waits, unapplied.
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=umbrella.id, reason_code="goodwill",
        reason="Apology for a late delivery", actor=a, at=day(59),
        lines=[_line("Goodwill credit", "1", "120.00")])
    return mp


def demo_keys(*, marketplace) -> dict[str, str]:
    """Fresh API keys for each role (secrets are stored hashed, so each start makes new
    ones). The customer key is Globex's."""
    from customers.models import Company

    globex = Company.objects.get(marketplace=marketplace, name="Globex Corporation")
    keys = {}
    for role in ("manager", "billing", "developer", "customer"):
        _, secret = customers.api_key_create(
            marketplace=marketplace, role=role,
            company_id=globex.id if role == "customer" else None, at=now())
        keys[role] = secret
    return keys
