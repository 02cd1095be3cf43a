"""Every endpoint of the contract, with the roles the contract's table allows and a builder
of one valid request on fresh objects of `owner` (a company of the world)."""

from collections.abc import Callable
from dataclasses import dataclass

READ = ("manager", "billing", "developer", "customer")
STAFF = ("manager", "billing", "developer")
MANAGE = ("manager", "billing")
MANAGER = ("manager",)
VOIDERS = ("manager", "developer")


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    roles: tuple
    build: Callable  # (world, owner) -> (path, body or query)
    # Which path or body names an object: a customer key gets 404 for another company's.
    names_object: bool = True

    def __str__(self):
        return self.name


def _line(amount="50.00", **extra):
    return {"name": "Service", "quantity": "1", "unit_price": amount, **extra}


def _ad_hoc_body(world, owner):
    return {"company_id": str(world.company(owner).id), "reason_code": "goodwill",
            "reason": "internal", "lines": [_line("20.00")]}


def _user_body():
    import uuid

    return {"email": f"user-{uuid.uuid4().hex[:8]}@example.com", "name": "Ann"}


ENDPOINTS = [
    Endpoint("marketplace_get", "GET", READ, lambda w, o: ("/marketplace", None),
             names_object=False),
    Endpoint("settings_patch", "PATCH", MANAGER,
             lambda w, o: ("/marketplace/settings", {"number_padding": 6}), names_object=False),
    Endpoint("company_create", "POST", MANAGE, lambda w, o: ("/companies", {"name": "New Co"}),
             names_object=False),
    Endpoint("company_list", "GET", READ, lambda w, o: ("/companies", None),
             names_object=False),
    Endpoint("company_get", "GET", READ,
             lambda w, o: (f"/companies/{w.company(o).id}", None)),
    Endpoint("company_patch", "PATCH", MANAGE,
             lambda w, o: (f"/companies/{w.company(o).id}", {"name": "Renamed"})),
    Endpoint("user_create", "POST", MANAGE,
             lambda w, o: (f"/companies/{w.company(o).id}/users", _user_body())),
    Endpoint("credit_balance", "GET", READ,
             lambda w, o: (f"/companies/{w.company(o).id}/credit_balance", None)),
    Endpoint("credit_check", "POST", READ,
             lambda w, o: (f"/companies/{w.company(o).id}/credit_check", {"amount": "10.00"})),
    Endpoint("product_create", "POST", MANAGE,
             lambda w, o: ("/products", {"name": "Widget", "sku": "W-1"}), names_object=False),
    Endpoint("product_list", "GET", READ, lambda w, o: ("/products", None),
             names_object=False),
    Endpoint("invoice_create", "POST", MANAGE,
             lambda w, o: ("/invoices", {"company_id": str(w.company(o).id),
                                         "lines": [_line()]}), names_object=False),
    Endpoint("invoice_list", "GET", READ, lambda w, o: ("/invoices", None),
             names_object=False),
    Endpoint("invoice_get", "GET", READ,
             lambda w, o: (f"/invoices/{w.invoice(o).id}", None)),
    Endpoint("invoice_finalize", "POST", MANAGE,
             lambda w, o: (f"/invoices/{w.invoice(o, finalize=False).id}/finalize", None)),
    Endpoint("invoice_void", "POST", MANAGE,
             lambda w, o: (f"/invoices/{w.invoice(o).id}/void", None)),
    Endpoint("payment_create", "POST", MANAGE,
             lambda w, o: (f"/invoices/{w.invoice(o).id}/payments", {"amount": "10.00"})),
    Endpoint("refund_create", "POST", MANAGE,
             lambda w, o: (f"/payments/{w.payment(o).id}/refunds", {"amount": "5.00"})),
    Endpoint("credit_from_invoice", "POST", MANAGE,
             lambda w, o: (f"/invoices/{w.invoice(o).id}/credit_memos",
                           {"reason_code": "overcharge", "reason": "internal"})),
    Endpoint("credit_from_invoice_preview", "POST", MANAGE,
             lambda w, o: (f"/invoices/{w.invoice(o).id}/credit_memos/preview",
                           {"reason_code": "overcharge", "reason": "internal"})),
    Endpoint("credit_ad_hoc", "POST", MANAGER,
             lambda w, o: ("/credit_memos", _ad_hoc_body(w, o)), names_object=False),
    Endpoint("credit_ad_hoc_preview", "POST", MANAGER,
             lambda w, o: ("/credit_memos/preview", _ad_hoc_body(w, o)), names_object=False),
    Endpoint("credit_memo_list", "GET", READ, lambda w, o: ("/credit_memos", None),
             names_object=False),
    Endpoint("credit_memo_get", "GET", READ,
             lambda w, o: (f"/credit_memos/{w.memo(o).id}", None)),
    Endpoint("credit_memo_events", "GET", STAFF,
             lambda w, o: (f"/credit_memos/{w.memo(o).id}/events", None)),
    Endpoint("credit_memo_issue", "POST", MANAGE,
             lambda w, o: (f"/credit_memos/{w.memo(o, draft=True).id}/issue", None)),
    Endpoint("application_create", "POST", MANAGE, lambda w, o: _application(w, o)),
    Endpoint("application_reverse", "POST", MANAGE, lambda w, o: _reverse(w, o)),
    Endpoint("credit_memo_auto_apply", "POST", MANAGE,
             lambda w, o: (f"/credit_memos/{w.memo(o).id}/auto_apply", None)),
    Endpoint("payout_create", "POST", MANAGE,
             lambda w, o: (f"/credit_memos/{w.memo(o).id}/payouts", {"amount": "5.00"})),
    Endpoint("credit_memo_void", "POST", VOIDERS,
             lambda w, o: (f"/credit_memos/{w.memo(o).id}/void", None)),
    Endpoint("credit_memo_close", "POST", MANAGE,
             lambda w, o: (f"/credit_memos/{w.memo(o).id}/close", {"reason": "stale"})),
    Endpoint("event_list", "GET", STAFF, lambda w, o: ("/events", None), names_object=False),
]


def _application(world, owner):
    invoice = world.invoice(owner)
    memo = world.memo(owner)
    return f"/credit_memos/{memo.id}/applications", {"invoice_id": str(invoice.id)}


def _reverse(world, owner):
    application = world.application(owner)
    return (f"/credit_memos/{application.memo_id}/applications/{application.id}/reverse",
            {"amount": "4.00"})


from tests.billing.endpoints import billing_endpoints  # noqa: E402

ENDPOINTS += billing_endpoints(Endpoint, READ=READ, MANAGE=MANAGE)
BY_NAME = {endpoint.name: endpoint for endpoint in ENDPOINTS}
