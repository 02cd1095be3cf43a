"""UBL 2.1 e-invoices per EN 16931 and Peppol BIS Billing 3.0: an Invoice (type 380) or a
CreditNote (type 381) from plain document data ({kind, document, seller, customer, billed,
references, marketplace}; a party is {name, legal_name, vat_id, peppol_id, registration_id,
tax_registration_id, iban, bic, contact_name, telephone, billing_email, address}).

VAT categories come from the lines (`tax_category`: S, Z, E, AE, K, G, O), one VAT breakdown
per category and rate. A line that predates categories (S at 0 %) is read as Z when the seller
has a VAT id, else O. E, AE, K, G and O breakdowns carry the exemption reason (BR-x-10): the
line's code and text, else the VATEX code of the category (AE "VATEX-EU-AE", K "VATEX-EU-IC",
G "VATEX-EU-G", O "VATEX-EU-O"); E needs one from the line. VAT ids as each category
requires: S, Z, E and G the seller's; AE and K the seller's and the buyer's, and K a deliver-to
country (the buyer's) and a delivery date (the issue date) or period (the lines' periods);
O no VAT id at all and no other category in the document (BR-O-02..04, BR-O-11..14).

Parties: the legal registration id ("[scheme:]identifier") is PartyLegalEntity/CompanyID
with its ICD scheme (NL KVK 0106, DK CVR 0184 and IS kennitala 0196 when none is given); the
other tax registration (BT-32, e.g. Sweden's "Godkänd för F-skatt", Norway's
"Foretaksregisteret") a PartyTaxScheme with tax scheme TAX. Invoices carry payment means when
the seller has an IBAN: 58 (SEPA credit transfer) in EUR, 42 (payment to bank account, with
the BIC) between Danish parties, else 30 (credit transfer), the IBAN as the payee account and
the BIC as its branch.

National rules (Peppol BIS 3.0.19; Belgium has none in this release) the data must meet, else
`422 incomplete_party_data` naming the field: NL a seller street, city and post code, an
invoice payment means (so the seller's IBAN), for a Dutch buyer its address; DK, IS the
seller's registration id; IS street and post code of the seller (and of an Icelandic buyer,
with its kennitala); IT street, city and post code; GR a VAT id EL + a valid TIN, endpoint
9933:TIN (the buyer's too when Greek), and the myDATA MARK of the document (its
`tax_clearance_id`, which AADE gives when the seller reports the document and the seller then
records in Abate; its `tax_clearance_url` becomes the invoice URL reference); DE between two
German parties (XRechnung-style DE-R rules) a seller contact with telephone and e-mail and
payment means. A Greek seller's document ID is the myDATA form "TIN|dd/mm/yyyy|0|type|series|
number" (type 2.1 service invoice, 5.1 credit note of invoices, 5.2 one of none). A Greek
seller cannot issue category O (GR-R-001 wants its VAT id in the ID, BR-O-02 none in the
document): `422 einvoice_not_possible`, as is O mixed with other categories.

Credit notes name the invoices they credit (BillingReference). One that credits none names
nothing, except for a Dutch seller: NL-R-001 demands an invoice reference on every credit
note, and the NLCIUS answer for a credit that no invoice underlies (OpenPeppol
peppol-bis-invoice-3 issue #30: "reference to the project, customer reference (BT-10) or
order") is the reference the credit is booked against: we repeat the buyer reference (BT-10,
the billed company's id), never some invoice of the customer's that the memo does not credit.

Line prices are given unrounded (net / quantity), so quantity x price is the line's net; a
negative line has a negative quantity and a positive price (BR-27). EN 16931 allows two
decimals at most in amounts (BR-DEC-*): currencies with three minor digits cannot be written."""

import re
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

CATEGORIES = ("S", "Z", "E", "AE", "K", "G", "O")
EXEMPT = ("E", "AE", "K", "G", "O")
EXEMPTION_DEFAULTS = {"AE": ("VATEX-EU-AE", "Reverse charge"),
                      "K": ("VATEX-EU-IC", "Intra-Community supply"),
                      "G": ("VATEX-EU-G", "Export outside the EU"),
                      "O": ("VATEX-EU-O", "Not subject to VAT")}
SELLER_VAT = ("S", "Z", "E", "AE", "K", "G")  # categories that need the seller's VAT id
BUYER_VAT = ("AE", "K")  # and the buyer's
DEFAULT_SCHEMES = {"NL": "0106", "DK": "0184", "IS": "0196"}
GREEK_SERVICE_INVOICE, GREEK_CREDIT_OF_INVOICES, GREEK_CREDIT_OF_NONE = "2.1", "5.1", "5.2"


class IncompletePartyData(BusinessRule):
    code = "incomplete_party_data"


class UnsupportedCurrency(BusinessRule):
    code = "unsupported_currency"


class EInvoiceNotPossible(BusinessRule):
    """The e-invoice rules contradict each other for this document."""

    code = "einvoice_not_possible"


def _cbc(parent, name: str, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{CBC}}}{name}", **attributes)
    if text is not None:
        element.text = str(text)
    return element


def _cac(parent, name: str):
    return etree.SubElement(parent, f"{{{CAC}}}{name}")


def _percent(rate) -> str:
    return format((Decimal(rate) * 100).normalize(), "f")


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != value.to_integral() else str(
        value.quantize(Decimal(1)))


def _scheme_and_id(value: str, country: str = "") -> tuple[str, str]:
    """ "0106:12345678" -> ("0106", "12345678"); an identifier alone takes the country's
    usual scheme, if any."""
    scheme, sep, identifier = (value or "").partition(":")
    if not sep:
        return DEFAULT_SCHEMES.get(country, ""), scheme
    return scheme, identifier


def greek_tin_valid(tin: str) -> bool:
    if not re.fullmatch(r"[0-9]{9}", tin or ""):
        return False
    checksum = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(tin[:8]))
    return checksum % 11 % 10 == int(tin[8])


def norwegian_org_number_valid(number: str) -> bool:
    if not re.fullmatch(r"[0-9]{9}", number or "") or int(number) == 0:
        return False
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    check = (11 - sum(int(d) * w for d, w in zip(number[:8], weights, strict=True)) % 11) % 11
    return check == int(number[8])


def _country(party: dict) -> str:
    return ((party.get("address") or {}).get("country") or "").upper()


def _is_greek(party: dict) -> bool:
    return _country(party) == "GR" or (party.get("vat_id") or "")[:2].upper() == "EL"


def line_category(line: dict, seller_has_vat: bool) -> str:
    category = line.get("tax_category") or "S"
    if category == "S" and Decimal(line["tax_rate"]) == 0:
        return "Z" if seller_has_vat else "O"
    return category


def _need(party: dict, role: str, *fields: str) -> None:
    for field in fields:
        value = party
        for key in field.split("."):
            value = (value or {}).get(key)
        if not value:
            raise IncompletePartyData(f"the {role} has no {field}", param=f"{role}.{field}")


def check_parties(data: dict) -> None:
    seller, buyer = data["seller"], data["customer"]
    for role, party in (("seller", seller), ("buyer", buyer)):
        _need(party, role, "address.country", "peppol_id")
        vat_id = party.get("vat_id") or ""
        if vat_id and not vat_id[:2].isalpha():
            raise IncompletePartyData(f"the {role}'s vat_id must start with its country code",
                                      param=f"{role}.vat_id")
    seller_has_vat = bool(seller.get("vat_id"))
    categories = {line_category(line, seller_has_vat) for line in data["document"]["lines"]}
    unknown = categories - set(CATEGORIES)
    if unknown:
        raise EInvoiceNotPossible(f"unknown VAT category {sorted(unknown)[0]}",
                                  param="lines.tax_category")
    if "O" in categories and len(categories) > 1:
        raise EInvoiceNotPossible(
            "a document with lines not subject to VAT (O) can have no other VAT category "
            "(BR-O-11)", param="lines.tax_category")
    if categories & set(SELLER_VAT) and not seller_has_vat:
        raise IncompletePartyData("the seller has no vat_id, and a line is taxed",
                                  param="seller.vat_id")
    if categories & set(BUYER_VAT):
        _need(buyer, "buyer", "vat_id")
    for index, line in enumerate(data["document"]["lines"]):
        if line_category(line, seller_has_vat) == "E" and not (
                line.get("tax_exemption_reason_code") or line.get("tax_exemption_reason")):
            raise EInvoiceNotPossible("an exempt (E) line needs an exemption reason",
                                      param=f"lines[{index}].tax_exemption_reason")
    _check_national(data, categories)


def _check_national(data: dict, categories: set) -> None:
    seller, buyer = data["seller"], data["customer"]
    country, buyer_country = _country(seller), _country(buyer)
    is_invoice = data["kind"] == "invoice"
    if country in ("NL", "IT"):  # NL-R-002; IT-R-002..004
        _need(seller, "seller", "address.line1", "address.city", "address.postal_code")
    if country == "NL":
        if is_invoice:  # NL-R-007: payment means on an invoice that the buyer pays
            _need(seller, "seller", "iban")
        if buyer_country == "NL":  # NL-R-004
            _need(buyer, "buyer", "address.line1", "address.city", "address.postal_code")
        for role, party in (("seller", seller), ("buyer", buyer)):
            scheme, _ = _scheme_and_id(party.get("registration_id"), "NL")
            if party.get("registration_id") and _country(party) == "NL" and scheme not in (
                    "0106", "0190"):  # NL-R-003, NL-R-005
                raise IncompletePartyData(
                    f"a Dutch {role}'s registration_id is a KVK (0106) or OIN (0190) number",
                    param=f"{role}.registration_id")
    if country in ("DK", "IS"):  # DK-R-002, IS-R-002
        _need(seller, "seller", "registration_id")
    if country == "IS":  # IS-R-003, and IS-R-004/005 for an Icelandic buyer
        _need(seller, "seller", "address.line1", "address.postal_code")
        if buyer_country == "IS":
            _need(buyer, "buyer", "registration_id", "address.line1", "address.postal_code")
    if country == "IT" and seller.get("tax_registration_id") and not re.fullmatch(
            r"[A-Z0-9]{11,16}", seller["tax_registration_id"]):  # IT-R-001
        raise IncompletePartyData("an Italian seller's tax_registration_id has 11 to 16 "
                                  "letters and digits", param="seller.tax_registration_id")
    if country == "SE" and seller.get("tax_registration_id") and seller.get(
            "registration_id") and seller["tax_registration_id"].strip().upper() != \
            "GODKÄND FÖR F-SKATT":  # SE-R-005
        raise IncompletePartyData("a Swedish seller's tax_registration_id is "
                                  "'Godkänd för F-skatt'", param="seller.tax_registration_id")
    vat_id = seller.get("vat_id") or ""
    if vat_id.startswith("NO") and "O" not in categories and not (  # NO-R-001
            re.fullmatch(r"NO[0-9]{9}MVA", vat_id) and norwegian_org_number_valid(vat_id[2:11])):
        raise IncompletePartyData("a Norwegian VAT id is NO, the organisation number and MVA",
                                  param="seller.vat_id")
    if _is_greek(seller):
        _check_greek(data, categories)
    if country == "DE" and buyer_country == "DE":  # DE-R-001, DE-R-002, DE-R-005..007
        _need(seller, "seller", "telephone", "billing_email", "iban",
              "address.city", "address.postal_code")
        _need(buyer, "buyer", "address.city", "address.postal_code")
        if "O" in categories:  # DE-R-014: every breakdown has a rate, O has none
            raise EInvoiceNotPossible("between German parties every VAT breakdown has a rate "
                                      "(DE-R-014), and O has none (BR-O-05)",
                                      param="lines.tax_category")


def _check_greek(data: dict, categories: set) -> None:
    seller, buyer = data["seller"], data["customer"]
    if "O" in categories:
        raise EInvoiceNotPossible(
            "a Greek seller's document ID carries its VAT id (GR-R-001), and a document not "
            "subject to VAT (O) may carry none (BR-O-02)", param="lines.tax_category")
    vat_id = seller.get("vat_id") or ""
    if not (vat_id.startswith("EL") and greek_tin_valid(vat_id[2:])):  # GR-R-003
        raise IncompletePartyData("a Greek seller's vat_id is EL and a valid TIN",
                                  param="seller.vat_id")
    if seller["peppol_id"] != f"9933:{vat_id[2:]}":  # GR-R-009
        raise IncompletePartyData("a Greek seller's peppol_id is 9933:<its TIN>",
                                  param="seller.peppol_id")
    if _is_greek(buyer):  # GR-R-006, GR-R-010
        buyer_vat = buyer.get("vat_id") or ""
        if not (buyer_vat.startswith("EL") and greek_tin_valid(buyer_vat[2:])):
            raise IncompletePartyData("a Greek buyer's vat_id is EL and a valid TIN",
                                      param="buyer.vat_id")
        if buyer["peppol_id"] != f"9933:{buyer_vat[2:]}":
            raise IncompletePartyData("a Greek buyer's peppol_id is 9933:<its TIN>",
                                      param="buyer.peppol_id")
    mark = str(data["document"].get("tax_clearance_id") or "")
    if not re.fullmatch(r"[1-9][0-9]*", mark):  # GR-R-004
        raise IncompletePartyData("a Greek seller's e-invoice carries the myDATA MARK of the "
                                  "document: record it as its tax clearance first",
                                  param="tax_clearance_id")


def _greek_id(tin: str, number: str, issued: str, doc_type: str) -> str:
    """myDATA's document id: TIN|dd/mm/yyyy|installation|type|series|number (GR-R-001)."""
    series, _, sequence = number.rpartition("-")
    year, month, day = issued[:10].split("-")
    return f"{tin}|{day}/{month}/{year}|0|{doc_type}|{series or 'A'}|{sequence}"


def _exemption(lines: list[dict], category: str) -> tuple[str, str]:
    codes = [line.get("tax_exemption_reason_code") for line in lines
             if line.get("tax_exemption_reason_code")]
    texts = list(dict.fromkeys(line["tax_exemption_reason"] for line in lines
                               if line.get("tax_exemption_reason")))
    default_code, default_text = EXEMPTION_DEFAULTS.get(category, ("", ""))
    code = codes[0] if codes else default_code
    text = "; ".join(texts) if texts else (default_text if code == default_code else "")
    return code, text


def _tax_category(parent, element: str, category: str, rate, exemption=None) -> None:
    node = _cac(parent, element)
    _cbc(node, "ID", category)
    if category != "O":
        _cbc(node, "Percent", _percent(rate))
    if exemption:
        code, text = exemption
        if code:
            _cbc(node, "TaxExemptionReasonCode", code)
        if text:
            _cbc(node, "TaxExemptionReason", text)
    _cbc(_cac(node, "TaxScheme"), "ID", "VAT")


def _party(parent, element: str, party: dict, *, with_vat: bool) -> None:
    node = _cac(_cac(parent, element), "Party")
    country = _country(party)
    scheme, identifier = _scheme_and_id(party["peppol_id"])
    _cbc(node, "EndpointID", identifier, schemeID=scheme)
    registration = party.get("registration_id")
    if not (with_vat and party.get("vat_id")) and not registration:
        # BR-CO-26: a seller without a VAT id or registration is identified by its endpoint.
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
    if element == "AccountingSupplierParty" and party.get("tax_registration_id"):
        scheme_node = _cac(node, "PartyTaxScheme")
        _cbc(scheme_node, "CompanyID", party["tax_registration_id"])
        _cbc(_cac(scheme_node, "TaxScheme"), "ID", "TAX")
    legal = _cac(node, "PartyLegalEntity")
    _cbc(legal, "RegistrationName", party.get("legal_name") or party["name"])
    if registration:
        legal_scheme, legal_id = _scheme_and_id(registration, country)
        _cbc(legal, "CompanyID", legal_id, **({"schemeID": legal_scheme} if legal_scheme else {}))
    if element == "AccountingSupplierParty" and party.get("telephone"):
        contact = _cac(node, "Contact")
        _cbc(contact, "Name", party.get("contact_name") or party["name"])
        _cbc(contact, "Telephone", party["telephone"])
        if party.get("billing_email"):
            _cbc(contact, "ElectronicMail", party["billing_email"])


def _breakdown(lines: list[dict], seller_has_vat: bool) -> list[dict]:
    groups: dict[tuple[str, str], dict] = {}
    for line in lines:
        category = line_category(line, seller_has_vat)
        key = (category, _percent(line["tax_rate"]))
        group = groups.setdefault(key, {"category": category, "rate": line["tax_rate"],
                                        "taxable": Decimal(0), "tax": Decimal(0), "lines": []})
        group["taxable"] += Decimal(line["amount"])
        group["tax"] += Decimal(line["tax_amount"])
        group["lines"].append(line)
    return list(groups.values())


def _payment_means(root, data: dict, currency: str) -> None:
    seller = data["seller"]
    if _country(seller) == "DK" and _country(data["customer"]) == "DK" and currency != "EUR":
        code = "42"  # DK-R-005 allows no 30; 42 wants account and branch (DK-R-006)
        _need(seller, "seller", "bic")
    else:
        code = "58" if currency == "EUR" else "30"
    means = _cac(root, "PaymentMeans")
    _cbc(means, "PaymentMeansCode", code)
    _cbc(means, "PaymentID", data["document"]["number"])
    account = _cac(means, "PayeeFinancialAccount")
    _cbc(account, "ID", seller["iban"])
    if seller.get("bic"):
        _cbc(_cac(account, "FinancialInstitutionBranch"), "ID", seller["bic"])


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
    _tax_category(item, "ClassifiedTaxCategory", line_category(line, seller_has_vat),
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
    seller, buyer = data["seller"], data["customer"]
    is_memo = data["kind"] == "credit_memo"
    seller_has_vat = bool(seller.get("vat_id"))
    lines = document["lines"]
    breakdown = _breakdown(lines, seller_has_vat)
    categories = {group["category"] for group in breakdown}
    with_vat = "O" not in categories
    references = data.get("references", [])
    greek_tin = seller["vat_id"][2:] if _is_greek(seller) else None

    root = etree.Element(f"{{{NS_CREDIT_NOTE if is_memo else NS_INVOICE}}}"
                         f"{'CreditNote' if is_memo else 'Invoice'}",
                         nsmap={None: NS_CREDIT_NOTE if is_memo else NS_INVOICE,
                                "cac": CAC, "cbc": CBC})
    _cbc(root, "CustomizationID", CUSTOMIZATION_ID)
    _cbc(root, "ProfileID", PROFILE_ID)
    if greek_tin:
        doc_type = (GREEK_SERVICE_INVOICE if not is_memo else
                    GREEK_CREDIT_OF_INVOICES if references else GREEK_CREDIT_OF_NONE)
        _cbc(root, "ID", _greek_id(greek_tin, document["number"], document["issued_at"],
                                   doc_type))
    else:
        _cbc(root, "ID", document["number"])
    issue_date = document["issued_at"][:10]
    _cbc(root, "IssueDate", issue_date)
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
    starts = [line.get("period_start") for line in lines]
    ends = [line.get("period_end") for line in lines]
    delivery_period = "K" in categories and all(starts) and all(ends)
    if delivery_period:  # BR-IC-11: the period of the supplies
        period = _cac(root, "InvoicePeriod")
        _cbc(period, "StartDate", min(starts))
        _cbc(period, "EndDate", max(ends))
    for reference in references:
        invoice = _cac(_cac(root, "BillingReference"), "InvoiceDocumentReference")
        number = reference["number"]
        if greek_tin and reference.get("issued_date"):
            number = _greek_id(greek_tin, number, reference["issued_date"],
                               GREEK_SERVICE_INVOICE)
        _cbc(invoice, "ID", number)
        if reference.get("issued_date"):
            _cbc(invoice, "IssueDate", reference["issued_date"])
    if is_memo and not references and _country(seller) == "NL":
        # NL-R-001 with no invoice credited: the reference the credit is booked against.
        _cbc(_cac(_cac(root, "BillingReference"), "InvoiceDocumentReference"), "ID",
             document["billed_company_id"])
    if greek_tin:
        mark = _cac(root, "AdditionalDocumentReference")
        _cbc(mark, "ID", document["tax_clearance_id"])
        _cbc(mark, "DocumentDescription", "##M.AR.K##")
        if document.get("tax_clearance_url"):  # GR-S-008: where the buyer checks it
            link = _cac(root, "AdditionalDocumentReference")
            _cbc(link, "ID", document["tax_clearance_id"])
            _cbc(link, "DocumentDescription", "##INVOICE|URL##")
            _cbc(_cac(_cac(link, "Attachment"), "ExternalReference"), "URI",
                 document["tax_clearance_url"])
    _party(root, "AccountingSupplierParty", seller, with_vat=with_vat)
    _party(root, "AccountingCustomerParty", buyer, with_vat=with_vat)
    if "K" in categories:  # BR-IC-12: the deliver-to country; BR-IC-11: the date
        delivery = _cac(root, "Delivery")
        if not delivery_period:
            _cbc(delivery, "ActualDeliveryDate", issue_date)
        address = _cac(_cac(delivery, "DeliveryLocation"), "Address")
        _cbc(_cac(address, "Country"), "IdentificationCode", _country(buyer))
    domestic_de = _country(seller) == "DE" and _country(buyer) == "DE"
    if seller.get("iban") and (not is_memo or domestic_de):
        _payment_means(root, data, currency)

    tax_total = sum((group["tax"] for group in breakdown), Decimal(0))
    total_node = _cac(root, "TaxTotal")
    _cbc(total_node, "TaxAmount", format_amount(tax_total, currency), currencyID=currency)
    for group in breakdown:
        subtotal = _cac(total_node, "TaxSubtotal")
        _cbc(subtotal, "TaxableAmount", format_amount(group["taxable"], currency),
             currencyID=currency)
        _cbc(subtotal, "TaxAmount", format_amount(group["tax"], currency), currencyID=currency)
        category = group["category"]
        _tax_category(subtotal, "TaxCategory", category, group["rate"],
                      _exemption(group["lines"], category) if category in EXEMPT else None)

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
