"""Companies (customers, resellers, the marketplace's own), their users, credit balance and
credit check."""

from ninja import Query, Router

from api import scoping
from api.auth import MANAGE, READ, allow, marketplace
from api.pagination import CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import (
    CompanyIn,
    CompanyList,
    CompanyOut,
    CompanyPatchIn,
    CreditBalanceOut,
    CreditCheckIn,
    CreditCheckOut,
    UserIn,
    UserOut,
)
from api.schemas.base import CurrencyCode, Id
from api.serializers import company_data, user_data
from common.clock import now
from common.money import check_known_currency
from credits.selectors import credit_balance, credit_check
from customers import services

router = Router(tags=["companies"])

PARTY = ("legal_name", "vat_id", "address", "peppol_id", "registration_id",
         "tax_registration_id", "iban", "bic", "reverse_charge", "contact_name", "telephone")


@router.post("/companies", auth=allow(MANAGE), response=responds(CompanyOut, write=True),
             summary="Create a company")
def company_create(request, body: CompanyIn):
    """`currency` defaults to the marketplace's default currency, `legal_name` to `name`;
    `credit_limit` null (or omitted) is no limit. With `reseller_id` the company is billed
    through that reseller."""
    data = body.model_dump(exclude_unset=True)
    company = services.company_create(
        marketplace=marketplace(request), name=data.get("name"), currency=data.get("currency"),
        is_reseller=bool(data.get("is_reseller")), reseller_id=data.get("reseller_id"),
        credit_limit=data.get("credit_limit"), billing_email=data.get("billing_email"),
        # reverse_charge null is "not given" (false); the other party fields' null clears.
        party={name: data[name] for name in PARTY
               if name in data and (name != "reverse_charge" or data[name] is not None)},
        at=now())
    return ok(company_data(company))


@router.get("/companies", auth=allow(READ), response=responds(CompanyList),
            summary="List companies")
def company_list(request, limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first. A customer key lists its own company only."""
    return ok(paginate(scoping.companies(request.auth), limit=limit, cursor=cursor,
                       serialize=company_data))


@router.get("/companies/{company_id}", auth=allow(READ), response=responds(CompanyOut),
            summary="Retrieve a company")
def company_get(request, company_id: Id):
    return ok(company_data(scoping.company_get(request.auth, company_id)))


@router.patch("/companies/{company_id}", auth=allow(MANAGE),
              response=responds(CompanyOut, write=True), summary="Change a company")
def company_patch(request, company_id: Id, body: CompanyPatchIn):
    """Changes `name`, `credit_limit` (null: no limit) or the party data, also of the
    marketplace's own company. A given `address` replaces the whole address."""
    company = services.company_update(marketplace=marketplace(request), company_id=company_id,
                                      changes=body.model_dump(exclude_unset=True), at=now())
    return ok(company_data(company))


@router.post("/companies/{company_id}/users", auth=allow(MANAGE),
             response=responds(UserOut, write=True), summary="Add a user to a company")
def user_create(request, company_id: Id, body: UserIn):
    user = services.user_create(marketplace=marketplace(request), company_id=company_id,
                                email=body.email, name=body.name, at=now())
    return ok(user_data(user))


@router.get("/companies/{company_id}/credit_balance", auth=allow(READ),
            response=responds(CreditBalanceOut), summary="A company's credit balance")
def company_credit_balance(request, company_id: Id,
                           currency: CurrencyCode | None = Query(
                               None, description="any ISO 4217 code; default: the company's "
                                                 "currency")):
    """Counts the documents the company pays for (`company_id`), in one currency:
    `available_credit` (remaining balances of issued, non-void memos), `outstanding` (amount
    due of open invoices) and `exposure = outstanding - available_credit`."""
    company = scoping.company_get(request.auth, company_id)
    if currency is not None:  # given, even empty: a code
        check_known_currency(currency)
    return ok(credit_balance(company=company, currency=currency))


@router.post("/companies/{company_id}/credit_check", auth=allow(READ),
             response=responds(CreditCheckOut, write=True), summary="Check a charge")
def company_credit_check(request, company_id: Id, body: CreditCheckIn):
    """Would a new charge of `amount` (in the company's currency) keep the company within its
    credit limit? Changes nothing, so the contract's table reads it as a read: every role may
    ask, a customer key for its own company."""
    company = scoping.company_get(request.auth, company_id)
    return ok(credit_check(company=company, amount=body.amount))
