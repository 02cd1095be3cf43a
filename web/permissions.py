"""The contract's permission table, as the pages use it: one action name per row, the roles
that may do it. Pages honour it exactly as the API does; a customer additionally sees only
documents whose company or billed company is its own (others answer 404)."""

STAFF = ("manager", "billing", "developer")

ALLOWED = {
    "read": ("manager", "billing", "developer", "customer"),
    "see_reason": ("manager",),
    "credit": ("manager", "billing"),  # from an invoice, issue, apply, reverse, payout, close
    "create_ad_hoc": ("manager",),
    "void": ("manager", "developer"),
    "settings": ("manager",),
    "invoices_write": ("manager", "billing"),
    "read_events": ("manager", "billing", "developer"),
    "webhooks": ("manager", "developer"),
}


def can(role: str, action: str) -> bool:
    return role in ALLOWED[action]


def abilities(role: str) -> dict:
    """Every action name -> whether `role` may do it, for templates."""
    return {action: role in roles for action, roles in ALLOWED.items()}
