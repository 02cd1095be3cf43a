"""One-off orders and their corrections. An order's lines become `one_time` charges on the
order date; a correction of a line (its quantity, unit price or discount) becomes a
`correction` charge for the difference in net, positive or negative, billed by the next run:
a correction of an invoiced 300.00 line to 250.00 credits 50.00."""

from decimal import Decimal

from billing.compute import day_of
from billing.models import Charge, Order, OrderLine
from catalog.models import Price
from common.errors import InvalidInput, NotFound
from common.ids import find, parse_id
from common.money import check_currency, parse_amount, parse_quantity, parse_rate, round_amount
from common.parsing import parse_date, parse_list, parse_object, parse_text
from common.transactions import service
from credits.services.errors import OwnCompany
from invoicing.services import lookup_product, resolve_customer

ORDER_LINE_FIELDS = {"price_id", "product_id", "name", "description", "quantity", "unit_price",
                     "discount_amount", "tax_rate"}
CORRECTION_FIELDS = {"order_line_id", "quantity", "unit_price", "discount_amount"}


def order_get(*, marketplace, order_id, param="id") -> Order:
    return find(Order.objects.filter(marketplace=marketplace), order_id,
                what="order", param=param)


def _net(quantity, unit_price, discount, currency) -> Decimal:
    return round_amount(quantity * unit_price, currency) - discount


def _check_discount(quantity, unit_price, discount, currency, param) -> None:
    if discount > round_amount(quantity * unit_price, currency):
        raise InvalidInput("discount_amount exceeds the line's amount", param=param)


def _charge(*, order, payer, line, at, bill_on, **fields) -> Charge:
    return Charge(
        marketplace_id=order.marketplace_id, company=payer, billed_company_id=order.company_id,
        user_id=order.user_id, currency=order.currency, order_line=line,
        product_id=line.product_id, name=line.name, tax_rate=line.tax_rate, bill_on=bill_on,
        created_at=at, **fields,
    )


def _order_line(*, marketplace, order, raw, i) -> OrderLine:
    p = f"lines[{i}]"
    parse_object(raw, param=p, allowed=ORDER_LINE_FIELDS)
    c = order.currency
    price = product = None
    if raw.get("price_id") is not None:
        pk = parse_id(raw["price_id"])
        price = (Price.objects.select_related("product").filter(marketplace=marketplace, pk=pk)
                 .first() if pk else None)
        if price is None:
            raise NotFound("no such price", param=f"{p}.price_id")
        if price.currency != c:
            raise InvalidInput(f"the price is in {price.currency}", param=f"{p}.price_id")
        product = price.product
    elif raw.get("product_id") is not None:
        product = lookup_product(marketplace=marketplace, product_id=raw["product_id"],
                                 param=f"{p}.product_id")
    name = parse_text(raw.get("name"), param=f"{p}.name").strip()
    if not name and product is None:
        raise InvalidInput("a line needs a price_id, a product_id or a name", param=f"{p}.name")
    unit_price = raw.get("unit_price")
    if unit_price is None:
        if price is None:
            raise InvalidInput("unit_price is required without a price_id",
                               param=f"{p}.unit_price")
        unit_price = price.unit_price
    quantity = parse_quantity(raw.get("quantity", "1"), param=f"{p}.quantity")
    unit_price = parse_amount(unit_price, c, param=f"{p}.unit_price")
    discount = parse_amount(raw.get("discount_amount", "0"), c, param=f"{p}.discount_amount")
    _check_discount(quantity, unit_price, discount, c, f"{p}.discount_amount")
    tax_rate = raw.get("tax_rate")
    return OrderLine(
        order=order, position=i, product=product, price=price, name=name or product.name,
        description=parse_text(raw.get("description"), param=f"{p}.description",
                               max_length=2000),
        quantity=quantity, unit_price=unit_price, discount_amount=discount,
        tax_rate=parse_rate(tax_rate if tax_rate is not None
                            else (price.tax_rate if price else "0"), param=f"{p}.tax_rate"),
    )


@service
def order_create(*, marketplace, company_id, lines, user_id=None, currency=None,
                 order_date=None, reference="", actor, at) -> Order:
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    if payer.is_own or billed.is_own:
        raise OwnCompany("the marketplace's own company is not billed", param="company_id")
    order = Order.objects.create(
        marketplace=marketplace, company=billed, user=user,
        currency=check_currency(payer.currency if currency is None else currency),
        order_date=parse_date(order_date, param="order_date") or day_of(at),
        reference=parse_text(reference, param="reference", max_length=100), created_at=at,
    )
    rows = [_order_line(marketplace=marketplace, order=order, raw=raw, i=i)
            for i, raw in enumerate(parse_list(lines, param="lines", min_items=1))]
    OrderLine.objects.bulk_create(rows)
    Charge.objects.bulk_create(
        _charge(order=order, payer=payer, line=line, at=at, bill_on=order.order_date,
                position=line.position,
                description=line.description, billing_action="one_time",
                quantity=line.quantity, unit_price=line.unit_price,
                discount_amount=line.discount_amount)
        for line in rows
    )
    return order


@service
def order_correct(*, marketplace, order_id, lines, actor, at) -> Order:
    """Correct lines of an order (invoiced or not): each changed line leaves a `correction`
    charge of (new net - old net), billed by the next run from the day of `at`."""
    found = order_get(marketplace=marketplace, order_id=order_id)
    order = (Order.objects.select_for_update(no_key=True, of=("self",))
             .select_related("company").get(pk=found.pk))
    payer, _, _ = resolve_customer(marketplace=marketplace, company_id=order.company_id,
                                   user_id=None)
    by_id = {str(line.id): line for line in order.lines.all()}
    c = order.currency
    charges = []
    for i, raw in enumerate(parse_list(lines, param="lines", min_items=1)):
        p = f"lines[{i}]"
        parse_object(raw, param=p, allowed=CORRECTION_FIELDS)
        pk = parse_id(raw.get("order_line_id"))
        line = by_id.get(str(pk)) if pk else None
        if line is None:
            raise NotFound("no such line on this order", param=f"{p}.order_line_id")
        old_net = _net(line.quantity, line.unit_price, line.discount_amount, c)
        if raw.get("quantity") is not None:
            line.quantity = parse_quantity(raw["quantity"], param=f"{p}.quantity")
        if raw.get("unit_price") is not None:
            line.unit_price = parse_amount(raw["unit_price"], c, param=f"{p}.unit_price")
        if raw.get("discount_amount") is not None:
            line.discount_amount = parse_amount(raw["discount_amount"], c,
                                                param=f"{p}.discount_amount")
        _check_discount(line.quantity, line.unit_price, line.discount_amount, c,
                        f"{p}.discount_amount")
        delta = _net(line.quantity, line.unit_price, line.discount_amount, c) - old_net
        line.save(update_fields=["quantity", "unit_price", "discount_amount"])
        if delta:
            charges.append(_charge(
                order=order, payer=payer, line=line, at=at, bill_on=day_of(at),
                position=len(charges),
                description=f"Correction of {line.name}: {old_net} to {old_net + delta}",
                billing_action="correction", quantity=1, unit_price=delta))
    Charge.objects.bulk_create(charges)
    return order
