"""UBL 2.1 e-invoices per EN 16931 and Peppol BIS Billing 3.0: an Invoice (type 380) or a
CreditNote (type 381) from plain document data (see `documents.sources`).

Seller and buyer need a country and a Peppol endpoint id, and the seller a VAT id when a line
is taxed: else `422 incomplete_party_data`, `param` naming the first missing field. Lines taxed
above 0 are VAT category S; untaxed lines are Z (zero rated) when the seller has a VAT id, else
O (not subject to VAT, which then carries no VAT id at all, as BR-O-02..04 require). Line
prices are given unrounded (net / quantity), so quantity x price is the line's net; a negative
line has a negative quantity and a positive price (BR-27). EN 16931 allows two decimals at
most in amounts (BR-DEC-*): currencies with three minor digits cannot be written."""

from decimal import Decimal

from lxml import etree

from common.errors import BusinessRule
from common.money import format_amount, minor_digits

NS_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
NS_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
UNIT_CODE = "C62"  # "one": a unit of the item
PRICE_PLACES = Decimal("1e-10")


class IncompletePartyData(BusinessRule):
    code = "incomplete_party_data"


class UnsupportedCurrency(BusinessRule):
    code = "unsupported_currency"


def _cbc(parent, name: str, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{CBC}}}{name}", **attributes)
    if text is not None:
        element.text = str(text)
    return element


def _cac(parent, name: str):
    return etree.SubElement(parent, f"{{{CAC}}}{name}")


def _percent(rate: str) -> str:
    return format((Decimal(rate) * 100).normalize(), "f")


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != value.to_integral() else str(
        value.quantize(Decimal(1)))


def check_parties(data: dict) -> None:
    taxed = any(Decimal(line["tax_rate"]) != 0 for line in data["document"]["lines"])
    for role, key in (("seller", "seller"), ("buyer", "customer")):
        party = data[key]
        if not (party.get("address") or {}).get("country"):
            raise IncompletePartyData(f"the {role} has no address.country",
                                      param=f"{role}.address.country")
        if not party.get("peppol_id"):
            raise IncompletePartyData(f"the {role} has no peppol_id", param=f"{role}.peppol_id")
        vat_id = party.get("vat_id") or ""
        if vat_id and not vat_id[:2].isalpha():
            raise IncompletePartyData(f"the {role}'s vat_id must start with its country code",
                                      param=f"{role}.vat_id")
    if taxed and not data["seller"].get("vat_id"):
        raise IncompletePartyData("the seller has no vat_id, and a line is taxed",
                                  param="seller.vat_id")


def _category(rate: str, seller_has_vat: bool) -> str:
    if Decimal(rate) != 0:
        return "S"
    return "Z" if seller_has_vat else "O"


def _tax_category(parent, element: str, category: str, rate: str) -> None:
    node = _cac(parent, element)
    _cbc(node, "ID", category)
    if category != "O":
        _cbc(node, "Percent", _percent(rate))
    if category == "O" and element == "TaxCategory":
        _cbc(node, "TaxExemptionReasonCode", "VATEX-EU-O")
        _cbc(node, "TaxExemptionReason", "Not subject to VAT")
    _cbc(_cac(node, "TaxScheme"), "ID", "VAT")


def _party(parent, element: str, party: dict, *, with_vat: bool, identify: bool) -> None:
    node = _cac(_cac(parent, element), "Party")
    scheme, _, identifier = party["peppol_id"].partition(":")
    _cbc(node, "EndpointID", identifier, schemeID=scheme)
    if identify:
        # BR-CO-26: a seller without a VAT id is identified by its endpoint's identifier.
        attributes = {"schemeID": scheme} if scheme.startswith("0") else {}
        _cbc(_cac(node, "PartyIdentification"), "ID", identifier, **attributes)
    _cbc(_cac(node, "PartyName"), "Name", party["name"])
    address = party.get("address") or {}
    postal = _cac(node, "PostalAddress")
    for key, name in (("line1", "StreetName"), ("line2", "AdditionalStreetName"),
                      ("city", "CityName"), ("postal_code", "PostalZone"),
                      ("state", "CountrySubentity")):
        if address.get(key):
            _cbc(postal, name, address[key])
    _cbc(_cac(postal, "Country"), "IdentificationCode", address["country"])
    if with_vat and party.get("vat_id"):
        scheme_node = _cac(node, "PartyTaxScheme")
        _cbc(scheme_node, "CompanyID", party["vat_id"])
        _cbc(_cac(scheme_node, "TaxScheme"), "ID", "VAT")
    _cbc(_cac(node, "PartyLegalEntity"), "RegistrationName",
         party.get("legal_name") or party["name"])


def _breakdown(lines: list[dict], seller_has_vat: bool) -> list[tuple[str, str, Decimal,
                                                                         Decimal]]:
    groups: dict[tuple[str, str], list[Decimal]] = {}
    for line in lines:
        key = (_category(line["tax_rate"], seller_has_vat), _percent(line["tax_rate"]))
        group = groups.setdefault(key, [Decimal(0), Decimal(0), line["tax_rate"]])
        group[0] += Decimal(line["amount"])
        group[1] += Decimal(line["tax_amount"])
    return [(category, rate, taxable, tax)
            for (category, _), (taxable, tax, rate) in groups.items()]


def _line(parent, *, element: str, quantity_element: str, index: int, line: dict,
          currency: str, seller_has_vat: bool) -> None:
    node = _cac(parent, element)
    _cbc(node, "ID", index)
    quantity = Decimal(line["quantity"])
    net = Decimal(line["amount"])
    discount = Decimal(line.get("discount_amount") or 0)
    gross = net + discount
    if gross < 0:
        quantity = -quantity
    _cbc(node, quantity_element, _quantity(quantity), unitCode=UNIT_CODE)
    _cbc(node, "LineExtensionAmount", format_amount(net, currency), currencyID=currency)
    if line.get("period_start") or line.get("period_end"):
        period = _cac(node, "InvoicePeriod")
        if line.get("period_start"):
            _cbc(period, "StartDate", line["period_start"])
        if line.get("period_end"):
            _cbc(period, "EndDate", line["period_end"])
    if discount:
        allowance = _cac(node, "AllowanceCharge")
        _cbc(allowance, "ChargeIndicator", "false")
        _cbc(allowance, "AllowanceChargeReasonCode", "95")
        _cbc(allowance, "AllowanceChargeReason", "Discount")
        _cbc(allowance, "Amount", format_amount(discount, currency), currencyID=currency)
    item = _cac(node, "Item")
    if line.get("description"):
        _cbc(item, "Description", line["description"])
    _cbc(item, "Name", line["name"])
    _tax_category(item, "ClassifiedTaxCategory", _category(line["tax_rate"], seller_has_vat),
                  line["tax_rate"])
    price = (abs(gross) / abs(quantity)).quantize(PRICE_PLACES).normalize()
    _cbc(_cac(node, "Price"), "PriceAmount", format(price, "f"), currencyID=currency)


def build(data: dict) -> bytes:
    """The UBL document of an issued invoice or credit memo, as UTF-8 XML bytes."""
    document = data["document"]
    currency = document["currency"]
    if minor_digits(currency) > 2:
        raise UnsupportedCurrency(
            f"EN 16931 writes at most two decimals; {currency} has {minor_digits(currency)}",
            param="currency")
    check_parties(data)
    is_memo = data["kind"] == "credit_memo"
    seller_has_vat = bool(data["seller"].get("vat_id"))
    lines = document["lines"]
    breakdown = _breakdown(lines, seller_has_vat)
    not_subject = any(category == "O" for category, *_ in breakdown)

    root = etree.Element(f"{{{NS_CREDIT_NOTE if is_memo else NS_INVOICE}}}"
                         f"{'CreditNote' if is_memo else 'Invoice'}",
                         nsmap={None: NS_CREDIT_NOTE if is_memo else NS_INVOICE,
                                "cac": CAC, "cbc": CBC})
    _cbc(root, "CustomizationID", CUSTOMIZATION_ID)
    _cbc(root, "ProfileID", PROFILE_ID)
    _cbc(root, "ID", document["number"])
    _cbc(root, "IssueDate", document["issued_at"][:10])
    if is_memo:
        _cbc(root, "CreditNoteTypeCode", "381")
    else:
        if document.get("due_date"):
            _cbc(root, "DueDate", document["due_date"])
        _cbc(root, "InvoiceTypeCode", "380")
    if is_memo and document.get("memo"):
        _cbc(root, "Note", document["memo"])
    _cbc(root, "DocumentCurrencyCode", currency)
    _cbc(root, "BuyerReference", document["billed_company_id"])
    for reference in data.get("references", []):
        invoice = _cac(_cac(root, "BillingReference"), "InvoiceDocumentReference")
        _cbc(invoice, "ID", reference["number"])
        if reference.get("issued_date"):
            _cbc(invoice, "IssueDate", reference["issued_date"])
    _party(root, "AccountingSupplierParty", data["seller"], with_vat=not not_subject,
           identify=not seller_has_vat)
    _party(root, "AccountingCustomerParty", data["customer"], with_vat=not not_subject,
           identify=False)

    tax_total = sum((tax for *_, tax in breakdown), Decimal(0))
    total_node = _cac(root, "TaxTotal")
    _cbc(total_node, "TaxAmount", format_amount(tax_total, currency), currencyID=currency)
    for category, rate, taxable, tax in breakdown:
        subtotal = _cac(total_node, "TaxSubtotal")
        _cbc(subtotal, "TaxableAmount", format_amount(taxable, currency), currencyID=currency)
        _cbc(subtotal, "TaxAmount", format_amount(tax, currency), currencyID=currency)
        _tax_category(subtotal, "TaxCategory", category, rate)

    net_total = sum((Decimal(line["amount"]) for line in lines), Decimal(0))
    monetary = _cac(root, "LegalMonetaryTotal")
    for name, value in (("LineExtensionAmount", net_total), ("TaxExclusiveAmount", net_total),
                        ("TaxInclusiveAmount", net_total + tax_total),
                        ("PayableAmount", net_total + tax_total)):
        _cbc(monetary, name, format_amount(value, currency), currencyID=currency)

    for index, line in enumerate(lines, start=1):
        _line(root, element="CreditNoteLine" if is_memo else "InvoiceLine",
              quantity_element="CreditedQuantity" if is_memo else "InvoicedQuantity",
              index=index, line=line, currency=currency, seller_has_vat=seller_has_vat)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
