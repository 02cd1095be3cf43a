"""Reads of the catalog shared by the API and the pages."""

from django.db.models import Q

from catalog.models import Product
from common.parsing import parse_text


def product_list(*, marketplace, q=None):
    """The marketplace's products; `q` matches a case-insensitive substring of the name or
    the SKU. Unordered: callers paginate."""
    products = Product.objects.filter(marketplace=marketplace)
    q = parse_text(q, param="q")
    if q:
        products = products.filter(Q(name__icontains=q) | Q(sku__icontains=q))
    return products
