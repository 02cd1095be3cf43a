"""The one role table: the roles an API key or a page user has, and which of them may do
what. The API (api/auth.py) and the pages (web/permissions.py) both read it; the rows are
the contract's permission table (api-contract.md, Permissions), plus the pages' reports and
background jobs. A customer is also confined to its company's issued documents
(customers.selectors)."""

ROLES = ("manager", "billing", "developer", "customer")
STAFF = ("manager", "billing", "developer")

# action -> the roles that may do it
ALLOWED = {
    # read the marketplace, companies, products, invoices and credit memos
    "read": ROLES,
    # see a credit memo's internal `reason`
    "see_reason": ("manager",),
    # credit from an invoice (and preview), issue, apply, reverse, auto-apply, payout, close
    "credit": ("manager", "billing"),
    # credit ad hoc (and preview)
    "create_ad_hoc": ("manager",),
    # void a credit memo
    "void": ("manager", "developer"),
    # companies, products, invoices (payments and refunds included), PDF regeneration
    "manage": ("manager", "billing"),
    # the marketplace's settings (templates, e-mails, numbering)
    "settings": ("manager",),
    # events and a memo's audit trail
    "read_events": STAFF,
    # webhook endpoints and their deliveries
    "webhooks": ("manager", "developer"),
    # reports (CSV exports)
    "reports": ("manager", "billing"),
    # the background jobs page
    "jobs": ("manager", "developer"),
}


def roles_for(action: str) -> tuple[str, ...]:
    return ALLOWED[action]


def may(role: str, action: str) -> bool:
    return role in ALLOWED[action]


def abilities(role: str) -> dict[str, bool]:
    """Every action -> whether `role` may do it (for page templates)."""
    return {action: role in roles for action, roles in ALLOWED.items()}
