"""Products."""

from ninja import Query, Router

from api.auth import MANAGE, READ, allow, marketplace
from api.pagination import CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import Id, ProductIn, ProductList, ProductOut, ProductPatchIn
from api.serializers import product_data
from catalog.selectors import product_list
from catalog.services import product_create, product_update
from common.clock import now

router = Router(tags=["products"])


@router.post("/products", auth=allow(MANAGE), response=responds(ProductOut, write=True),
             summary="Create a product")
def products_create(request, body: ProductIn):
    """`tax_category` (default S) is the VAT category the product's lines take unless they
    give one."""
    product = product_create(marketplace=marketplace(request), name=body.name, sku=body.sku,
                             tax_category=body.tax_category,
                             tax_exemption_reason_code=body.tax_exemption_reason_code,
                             tax_exemption_reason=body.tax_exemption_reason, at=now())
    return ok(product_data(product))


@router.patch("/products/{product_id}", auth=allow(MANAGE),
              response=responds(ProductOut, write=True), summary="Change a product")
def products_patch(request, product_id: Id, body: ProductPatchIn):
    """Changes the name, the SKU or the default tax; lines already written keep theirs."""
    changes = {name: "" if value is None else value
               for name, value in body.model_dump(exclude_unset=True).items()}
    product = product_update(marketplace=marketplace(request), product_id=product_id,
                             changes=changes, at=now())
    return ok(product_data(product))


@router.get("/products", auth=allow(READ), response=responds(ProductList),
            summary="List products")
def products_list(request, q: str | None = Query(
        None, max_length=200, description="case-insensitive substring of the name or the SKU"),
        limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first."""
    return ok(paginate(product_list(marketplace=marketplace(request), q=q), limit=limit,
                       cursor=cursor, serialize=product_data))
