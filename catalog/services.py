"""Products."""


from catalog.models import Product
from common.errors import InvalidInput
from common.ids import find
from common.parsing import parse_text
from common.tax import INPUT_FIELDS as TAX_FIELDS
from common.tax import product_tax
from common.transactions import service


@service
def product_create(*, marketplace, name, sku=None, tax_category=None,
                   tax_exemption_reason_code=None, tax_exemption_reason=None, at) -> Product:
    """A product, with the VAT category its lines take unless they give one (S when not
    given; common.tax) and its exemption reason."""
    name = parse_text(name, param="name", required=True).strip()
    sku = parse_text(sku, param="sku", max_length=100).strip()
    tax = product_tax({"tax_category": tax_category,
                       "tax_exemption_reason_code": tax_exemption_reason_code,
                       "tax_exemption_reason": tax_exemption_reason})
    return Product.objects.create(marketplace=marketplace, name=name, sku=sku, created_at=at,
                                  **tax)


PRODUCT_CHANGES = {"name", "sku", *TAX_FIELDS}


@service
def product_update(*, marketplace, product_id, changes: dict, at) -> Product:
    """Change a product's name, SKU or default tax (the three tax fields are checked
    together, as they stand after the change). Lines already written keep theirs."""
    product = find(Product.objects.filter(marketplace=marketplace), product_id,
                   what="product", param="id")
    product = Product.objects.select_for_update(no_key=True).get(pk=product.pk)
    unknown = sorted(set(changes) - PRODUCT_CHANGES)
    if unknown:
        raise InvalidInput(f"{unknown[0]} cannot be changed", param=unknown[0])
    if "name" in changes:
        product.name = parse_text(changes["name"], param="name", required=True).strip()
    if "sku" in changes:
        product.sku = parse_text(changes["sku"], param="sku", max_length=100).strip()
    if set(changes) & set(TAX_FIELDS):
        current = {f: getattr(product, f) for f in TAX_FIELDS}
        if "tax_category" in changes and not ({"tax_exemption_reason_code",
                                               "tax_exemption_reason"} & set(changes)):
            # A new category does not keep the old one's reason.
            current["tax_exemption_reason_code"] = current["tax_exemption_reason"] = ""
        for field, value in product_tax({**current, **changes}).items():
            setattr(product, field, value)
    product.save()
    return product
