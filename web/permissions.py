"""The contract's permission table, as the pages use it: the one role table
(marketplaces/roles.py) that the API reads too. Pages honour it exactly as the API does; a
customer additionally sees only its company's issued documents (customers.selectors:
others answer 404)."""

from marketplaces.roles import abilities, may

__all__ = ["abilities", "can"]


def can(role: str, action: str) -> bool:
    return may(role, action)
