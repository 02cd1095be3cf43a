"""Products."""


from catalog.models import Product
from common.parsing import parse_text
from common.transactions import service


@service
def product_create(*, marketplace, name, sku=None, at) -> Product:
    name = parse_text(name, param="name", required=True).strip()
    sku = parse_text(sku, param="sku", max_length=100).strip()
    return Product.objects.create(marketplace=marketplace, name=name, sku=sku, created_at=at)
