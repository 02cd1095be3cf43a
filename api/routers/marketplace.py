"""The key's marketplace and its settings."""

from ninja import Router

from api.auth import MANAGER, READ, allow, marketplace
from api.responses import ok, responds
from api.schemas import MarketplaceOut, SettingsIn
from api.serializers import marketplace_data
from common.clock import now
from customers.services import own_company
from marketplaces.services import marketplace_settings_update

router = Router(tags=["marketplace"])


def _answer(found):
    return ok(marketplace_data(found, own_company_id=own_company(marketplace=found).id))


@router.get("/marketplace", auth=allow(READ), response=responds(MarketplaceOut),
            summary="Retrieve the marketplace")
def marketplace_get(request):
    """The marketplace the API key belongs to, with its settings and its own company (the
    seller on every document)."""
    return _answer(marketplace(request))


@router.patch("/marketplace/settings", auth=allow(MANAGER),
              response=responds(MarketplaceOut, write=True), summary="Change settings")
def marketplace_settings_patch(request, body: SettingsIn):
    """Changes the settings given, leaves the others. Answers the marketplace (the contract
    names no answer; the object changed is the natural one). Changing a prefix or the
    padding does not restart the number sequences."""
    changed = marketplace_settings_update(marketplace=marketplace(request),
                                          changes=body.model_dump(exclude_unset=True), at=now())
    return _answer(changed)
