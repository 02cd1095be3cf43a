"""Marketplace settings and API key secrets."""

import hashlib
import secrets

from sequences import get_last_value

from common.errors import BusinessRule, InvalidInput
from common.transactions import service
from marketplaces.models import ApiKey, Marketplace
from marketplaces.numbers import DOCUMENT_TYPES, prefixes_collide, sequence_name

SETTINGS_FIELDS = {
    "invoice_number_prefix": str,
    "credit_memo_number_prefix": str,
    "number_padding": int,
    "auto_apply_credit_to_new_invoices": bool,
    "company_wide_billing": bool,
}


class EmptyNumberPrefix(BusinessRule):
    code = "empty_number_prefix"


class NumberPrefixCollision(BusinessRule):
    code = "number_prefix_collision"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_key_find(*, secret: str) -> ApiKey | None:
    if not isinstance(secret, str) or not secret.startswith("abk_") or len(secret) > 200:
        return None
    # [:1], not first(): the hash is unique, so no ORDER BY to build and compile.
    keys = (ApiKey.objects.select_related("marketplace")
            .filter(secret_hash=hash_secret(secret), revoked_at__isnull=True)[:1])
    return next(iter(keys), None)


def new_secret() -> str:
    return "abk_" + secrets.token_urlsafe(32)


@service
def marketplace_settings_update(*, marketplace: Marketplace, changes: dict, at) -> Marketplace:
    """Change the settings given. A number prefix may not be empty, nor collide (see
    marketplaces.numbers) with the other type's prefix or with a prefix that numbers of the
    other type were issued under: `422`, and nothing changes."""
    marketplace = Marketplace.objects.select_for_update(no_key=True).get(pk=marketplace.pk)
    before = {kind: getattr(marketplace, field) for kind, field in DOCUMENT_TYPES.items()}
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
    changed = [field for field in DOCUMENT_TYPES.values() if field in changes]
    if changed:
        _retire_prefixes(marketplace, before)
        _check_prefixes(marketplace, changed=changed)
    marketplace.save()
    return marketplace


def _retire_prefixes(marketplace: Marketplace, before: dict) -> None:
    """Keep each replaced prefix that numbers were issued under: its type's sequence moved on
    since the last prefix of that type was retired (or since the start)."""
    for kind, field in DOCUMENT_TYPES.items():
        if getattr(marketplace, field) == before[kind]:
            continue
        last = get_last_value(sequence_name(marketplace_id=marketplace.pk,
                                            document_type=kind)) or 0
        used_before = max((r["last_number"] for r in marketplace.retired_number_prefixes
                           if r["document_type"] == kind), default=0)
        if last > used_before:
            marketplace.retired_number_prefixes = [
                *marketplace.retired_number_prefixes,
                {"document_type": kind, "prefix": before[kind], "last_number": last}]


def _check_prefixes(marketplace: Marketplace, *, changed: list[str]) -> None:
    """An error names a prefix that was changed, the credit memo prefix first."""
    changed = sorted(changed, key=lambda field: field != "credit_memo_number_prefix")
    for field in changed:
        if not getattr(marketplace, field).strip():
            raise EmptyNumberPrefix(f"{field} may not be empty", param=field)
    for field in changed:
        kind = next(k for k, f in DOCUMENT_TYPES.items() if f == field)
        other = next(k for k in DOCUMENT_TYPES if k != kind)
        prefix = getattr(marketplace, field)
        others = [(getattr(marketplace, DOCUMENT_TYPES[other]), "is")] + [
            (r["prefix"], "was") for r in marketplace.retired_number_prefixes
            if r["document_type"] == other]
        for other_prefix, tense in others:
            if prefixes_collide(prefix, other_prefix):
                raise NumberPrefixCollision(
                    f"{field} {prefix!r} could give the same number as {other_prefix!r}, "
                    f"which {tense} the {other.replace('_', ' ')} number prefix: neither may "
                    "be the other followed by digits only", param=field)
