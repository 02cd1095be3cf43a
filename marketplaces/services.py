"""Marketplace settings and API key secrets."""

import hashlib
import secrets

from common.errors import InvalidInput
from common.transactions import service
from marketplaces.models import ApiKey, Marketplace

SETTINGS_FIELDS = {
    "invoice_number_prefix": str,
    "credit_memo_number_prefix": str,
    "number_padding": int,
    "auto_apply_credit_to_new_invoices": bool,
    "company_wide_billing": bool,
}


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_key_find(*, secret: str) -> ApiKey | None:
    if not isinstance(secret, str) or not secret.startswith("abk_") or len(secret) > 200:
        return None
    return (
        ApiKey.objects.select_related("marketplace")
        .filter(secret_hash=hash_secret(secret), revoked_at__isnull=True)
        .first()
    )


def new_secret() -> str:
    return "abk_" + secrets.token_urlsafe(32)


@service
def marketplace_settings_update(*, marketplace: Marketplace, changes: dict, at) -> Marketplace:
    marketplace = Marketplace.objects.select_for_update(no_key=True).get(pk=marketplace.pk)
    for name, value in changes.items():
        kind = SETTINGS_FIELDS.get(name)
        if kind is None:
            raise InvalidInput(f"unknown setting {name}", code="unknown_parameter", param=name)
        if kind is bool and not isinstance(value, bool):
            raise InvalidInput(f"{name} must be true or false", param=name)
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)
                            or not 0 <= value <= 20):
            raise InvalidInput(f"{name} must be an integer from 0 to 20", param=name)
        if kind is str and (not isinstance(value, str) or len(value) > 20
                            or any(c.isspace() and c != " " for c in value)):
            raise InvalidInput(f"{name} must be text of at most 20 characters", param=name)
        setattr(marketplace, name, value)
    marketplace.save()
    return marketplace
