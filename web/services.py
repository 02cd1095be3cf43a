"""Page users: the sign-in accounts of staff and customer users."""

from django.contrib.auth import get_user_model

from common.errors import InvalidInput
from common.transactions import service
from customers.services import EMAIL, company_get
from web.models import PAGE_ROLES, PageUser

MIN_PASSWORD_LENGTH = 8


class EmailTaken(InvalidInput):
    code = "email_taken"


@service
def page_user_create(*, marketplace, email: str, password: str, role: str, company_id=None,
                     at) -> PageUser:
    """A user who signs in to the pages of `marketplace` with `email` and `password`. A
    customer user is bound to a company of the marketplace; staff users to none. The e-mail
    names one page user across all marketplaces: it is what the sign-in form asks for."""
    if role not in PAGE_ROLES:
        raise InvalidInput(f"role is one of {', '.join(PAGE_ROLES)}", param="role")
    email = (email or "").strip().lower() if isinstance(email, str) else ""
    if not EMAIL.match(email) or len(email) > 150:
        raise InvalidInput("email is not an e-mail address", param="email")
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"password needs at least {MIN_PASSWORD_LENGTH} characters",
                           param="password")
    company = None
    if role == "customer":
        if company_id is None:
            raise InvalidInput("a customer user is bound to a company", param="company")
        company = company_get(marketplace=marketplace, company_id=company_id, param="company")
    elif company_id is not None:
        raise InvalidInput("only customer users are bound to a company", param="company")
    users = get_user_model().objects
    if users.filter(username=email).exists():
        raise EmailTaken(f"a page user with the e-mail {email} exists", param="email")
    user = users.create_user(username=email, email=email, password=password)
    return PageUser.objects.create(user=user, marketplace=marketplace, role=role,
                                   company=company, created_at=at)
