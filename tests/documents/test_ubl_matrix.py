"""E-invoices for every national rule set and every VAT category: a seller in each country
with national rules in Peppol BIS 3 (NL, NO, SE, DK, IT, DE, GR, IS; BE has none in the
bundled release but is kept as a plain EU seller) issues, for each category (S, Z, E, AE, K,
G, O), an invoice, a credit memo of the whole invoice, a partial credit (an amount of one
line), an ad hoc memo and a refund memo, all through the services. Every document is written
to test-artifacts/ubl/matrix-<database>/ and validated in ONE validator call per CEN rule set;
the summary (countries x categories x kinds, VALID per rule set) is
test-artifacts/ubl/matrix-summary-<database>.txt.

Buyers as the rules want them: a buyer in the seller's country for S, Z, E and O (national
rules on the customer: NL-R-004/005, IS-R-004/005, GR-R-006/010; between two German parties
the DE-R rules want the seller's contact name and telephone, which its party data gives, and
a rate in every breakdown, so the German seller's O buyer is Austrian); an
EU buyer with a VAT id in another country for AE and K; a buyer in the US for G. A Greek
seller's documents carry the myDATA MARK (GR-R-004) that AADE gave each: the test records it
through the tax clearance service, as a seller does once it has reported the document. A Greek
seller cannot issue category O at all (GR-R-001 puts its VAT id in the document ID, BR-O-02
forbids it): that cell is the refusal, asserted."""

import functools
import re
from collections import Counter

import pytest
from django.db import connection
from lxml import etree

from common.errors import BusinessRule
from credits import services as credits
from credits.documents import memo_document_data
from credits.services.clearance import tax_clearance_record
from customers import services as customers
from documents import services as documents
from invoicing.documents import invoice_document_data
from invoicing.services import payment_create
from tests.conftest import T0
from tests.documents.conftest import ARTIFACTS, validate_ubl

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
      "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}
CATEGORIES = ("S", "Z", "E", "AE", "K", "G", "O")
KINDS = ("invoice", "memo-whole", "memo-partial", "memo-ad-hoc", "memo-refund")
EXEMPTION_E = ("VATEX-EU-132-1I", "Exempt: education (Article 132(1)(i), Directive 2006/112/EC)")
EXPECTED_CODES = {"S": [], "Z": [], "E": ["VATEX-EU-132-1I"], "AE": ["VATEX-EU-AE"],
                  "K": ["VATEX-EU-IC"], "G": ["VATEX-EU-G"], "O": ["VATEX-EU-O"]}


def _address(line1, city, postal_code, country):
    return {"line1": line1, "city": city, "postal_code": postal_code, "country": country}


# country: (currency, standard rate, seller party, home buyer party)
COUNTRIES = {
    "NL": ("EUR", "0.21", {
        "legal_name": "Marktplein Noord B.V.", "vat_id": "NL859448398B01",
        "peppol_id": "0106:12345678", "registration_id": "0106:12345678",
        "iban": "NL91ABNA0417164300", "bic": "ABNANL2A",
        "address": _address("Damrak 1", "Amsterdam", "1012 LG", "NL")}, {
        "legal_name": "Globex B.V.", "vat_id": "NL123456789B01", "peppol_id": "0106:87654321",
        "registration_id": "0106:87654321",
        "address": _address("Keizersgracht 100", "Amsterdam", "1015 AA", "NL")}),
    "NO": ("NOK", "0.25", {
        "legal_name": "Markedsplass Nord AS", "vat_id": "NO974760673MVA",
        "peppol_id": "0192:974760673", "registration_id": "0192:974760673",
        "tax_registration_id": "Foretaksregisteret",
        "iban": "NO9386011117947", "bic": "DNBANOKK",
        "address": _address("Karl Johans gate 1", "Oslo", "0154", "NO")}, {
        "legal_name": "Fjord Handel AS", "vat_id": "NO923609016MVA",
        "peppol_id": "0192:923609016", "registration_id": "0192:923609016",
        "address": _address("Bryggen 5", "Bergen", "5003", "NO")}),
    "SE": ("SEK", "0.25", {
        "legal_name": "Marknadsplats Syd AB", "vat_id": "SE556732170701",
        "peppol_id": "0007:5567321707", "registration_id": "0007:5567321707",
        "tax_registration_id": "Godkänd för F-skatt",
        "iban": "SE4550000000058398257466", "bic": "ESSESESS",
        "address": _address("Drottninggatan 1", "Stockholm", "111 51", "SE")}, {
        "legal_name": "Göta Handel AB", "vat_id": "SE556036079301",
        "peppol_id": "0007:5560360793", "registration_id": "0007:5560360793",
        "address": _address("Avenyn 10", "Göteborg", "411 36", "SE")}),
    "DK": ("DKK", "0.25", {
        "legal_name": "Markedsplads ApS", "vat_id": "DK12345674", "peppol_id": "0184:12345674",
        "registration_id": "0184:12345674", "iban": "DK5000400440116243", "bic": "DABADKKK",
        "address": _address("Strøget 1", "København K", "1160", "DK")}, {
        "legal_name": "Aarhus Handel A/S", "vat_id": "DK87654321", "peppol_id": "0184:87654321",
        "registration_id": "0184:87654321",
        "address": _address("Åboulevarden 2", "Aarhus C", "8000", "DK")}),
    "IT": ("EUR", "0.22", {
        "legal_name": "Mercato Centrale S.r.l.", "vat_id": "IT12345678903",
        "peppol_id": "0211:IT12345678903", "tax_registration_id": "12345678903",
        "iban": "IT60X0542811101000000123456", "bic": "BCITITMM",
        "address": _address("Via Roma 1", "Milano", "20121", "IT")}, {
        "legal_name": "Romana Commercio S.p.A.", "vat_id": "IT00743110157",
        "peppol_id": "0211:IT00743110157",
        "address": _address("Via del Corso 10", "Roma", "00186", "IT")}),
    "DE": ("EUR", "0.19", {
        "legal_name": "Acme Market GmbH", "vat_id": "DE123456789",
        "peppol_id": "9930:DE123456789", "iban": "DE89370400440532013000", "bic": "COBADEFFXXX",
        "contact_name": "Buchhaltung", "telephone": "+49 30 1234567",
        "address": _address("Hauptstrasse 1", "Berlin", "10115", "DE")}, {
        "legal_name": "Hanse Handel GmbH", "vat_id": "DE811907980",
        "peppol_id": "9930:DE811907980",
        "address": _address("Jungfernstieg 1", "Hamburg", "20354", "DE")}),
    "BE": ("EUR", "0.21", {
        "legal_name": "Marktplaats Zuid NV", "vat_id": "BE0403170701",
        "peppol_id": "0208:0403170701", "registration_id": "0208:0403170701",
        "iban": "BE68539007547034", "bic": "GEBABEBB",
        "address": _address("Grote Markt 1", "Brussel", "1000", "BE")}, {
        "legal_name": "Vlaamse Handel BV", "vat_id": "BE0202239951",
        "peppol_id": "0208:0202239951",
        "address": _address("Meir 1", "Antwerpen", "2000", "BE")}),
    "GR": ("EUR", "0.24", {
        "legal_name": "Agora Market A.E.", "vat_id": "EL094014201",
        "peppol_id": "9933:094014201", "iban": "GR1601101250000000012300695",
        "bic": "ETHNGRAA", "address": _address("Ermou 1", "Athina", "105 63", "GR")}, {
        "legal_name": "Thessaloniki Emporio A.E.", "vat_id": "EL090000045",
        "peppol_id": "9933:090000045",
        "address": _address("Tsimiski 10", "Thessaloniki", "546 24", "GR")}),
    "IS": ("ISK", "0.24", {
        "legal_name": "Markadstorg ehf.", "vat_id": "IS123456", "peppol_id": "0196:5902697199",
        "registration_id": "0196:5902697199", "iban": "IS140159260076545510730339",
        "bic": "NBIIISRE", "address": _address("Laugavegur 1", "Reykjavík", "101", "IS")}, {
        "legal_name": "Nordur Verslun ehf.", "vat_id": "IS654321",
        "peppol_id": "0196:6503760649", "registration_id": "0196:6503760649",
        "address": _address("Hafnarstræti 2", "Akureyri", "600", "IS")}),
}
EU_BUYER = {"legal_name": "Globex Corporation B.V.", "vat_id": "NL123456789B01",
            "peppol_id": "0106:87654321", "registration_id": "0106:87654321",
            "address": _address("Keizersgracht 100", "Amsterdam", "1015 AA", "NL")}
EU_BUYER_FOR_NL = {"legal_name": "Vlaamse Handel BV", "vat_id": "BE0202239951",
                   "peppol_id": "0208:0202239951",
                   "address": _address("Meir 1", "Antwerpen", "2000", "BE")}
EXPORT_BUYER = {"legal_name": "Initech Inc.", "peppol_id": "0088:0614141000012",
                "address": _address("4120 Freidrich Lane", "Austin", "78744", "US")}


def format_money(value, *, places: int) -> str:
    return f"{value:.{places}f}"


def xpath(xml: bytes, path: str) -> list[str]:
    return [str(v) for v in etree.fromstring(xml).xpath(path, namespaces=NS)]


def tax_fields(category: str, rate: str) -> dict:
    fields = {"tax_category": category, "tax_rate": rate if category == "S" else "0"}
    if category == "E":
        fields["tax_exemption_reason_code"], fields["tax_exemption_reason"] = EXEMPTION_E
    return fields


def invoice_lines(category: str, rate: str) -> list[dict]:
    tax = tax_fields(category, rate)
    return [{"name": "Marketplace subscription", "quantity": "1", "unit_price": "1000", **tax},
            {"name": "Seats", "quantity": "3", "unit_price": "40", "period_start": "2026-01-01",
             "period_end": "2026-01-31", **tax}]


class Seller:
    """A marketplace in one country, its own company with the seller's party data, and the
    buyers its categories need."""

    def __init__(self, country: str):
        currency, self.rate, party, home = COUNTRIES[country]
        self.country = country
        self.mp = customers.marketplace_create(slug=f"ubl-{country.lower()}",
                                               name=f"Market {country}", currency=currency,
                                               at=T0)
        own = customers.own_company(marketplace=self.mp)
        customers.company_update(marketplace=self.mp, company_id=own.id, at=T0,
                                 changes={**party, "billing_email": "billing@market.test"})
        self.buyers = {}
        for key, buyer_party in (("home", home), ("eu", EU_BUYER_FOR_NL if country == "NL"
                                                  else EU_BUYER), ("export", EXPORT_BUYER)):
            self.buyers[key] = customers.company_create(
                marketplace=self.mp, name=buyer_party["legal_name"], party=buyer_party, at=T0)
        self.marks = iter(range(400001000000001, 400001000100000))

    def buyer(self, category: str):
        if category == "O" and self.country == "DE":
            # Between German parties every breakdown has a rate (DE-R-014) and O has none
            # (BR-O-05): a German seller's supply not subject to German VAT goes abroad.
            return self.buyers["eu"]
        return self.buyers["eu" if category in ("AE", "K") else
                           "export" if category == "G" else "home"]

    def ubl(self, kind: str, document) -> bytes:
        if self.country == "GR" and document.status != "void":  # the MARK myDATA gave
            mark = str(next(self.marks))
            tax_clearance_record(marketplace=self.mp, kind=kind, document_id=document.id,
                                 tax_clearance_id=mark,
                                 tax_clearance_url=f"https://mydata.aade.gr/check/{mark}",
                                 actor="t", at=T0)
        document.refresh_from_db()
        data = (invoice_document_data(document) if kind == "invoice"
                else memo_document_data(document))
        return documents.ubl_document(data=data)

    def documents(self, category: str, clock) -> dict:
        """The five documents of one category, as {kind: (kind of document, object)}."""
        mp, buyer = self.mp, self.buyer(category)
        lines = invoice_lines(category, self.rate)
        first = credits.invoice_create(marketplace=mp, company_id=buyer.id, lines=lines,
                                       actor="t", at=clock())
        whole = credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=first.id, reason_code="duplicate",
            note="Issued twice.", actor="t", at=clock())
        second = credits.invoice_create(marketplace=mp, company_id=buyer.id, lines=lines,
                                        actor="t", at=clock())
        subscription = second.lines.get(position=min(
            second.lines.values_list("position", flat=True)))
        partial = credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=second.id, reason_code="overcharge",
            lines=[{"invoice_line_id": str(subscription.id), "amount": "100"}], actor="t",
            at=clock())
        ad_hoc = credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="t",
            at=clock(), lines=[{"name": "Goodwill credit", "quantity": "1",
                                "unit_price": "25", **tax_fields(category, self.rate)}])
        second.refresh_from_db()
        payment = payment_create(marketplace=mp, invoice_id=second.id,
                                 amount=str(second.amount_due), method="sepa_transfer",
                                 actor="t", at=clock())
        refund = credits.refund_create(marketplace=mp, payment_id=payment.id, amount="50",
                                       actor="t", at=clock())
        refund_memo = type(whole).objects.get(pk=refund.credit_memo_id)
        return {"invoice": ("invoice", first), "memo-whole": ("credit_memo", whole),
                "memo-partial": ("credit_memo", partial), "memo-ad-hoc": ("credit_memo", ad_hoc),
                "memo-refund": ("credit_memo", refund_memo)}


def results_by_file(output: str) -> dict:
    """{file name: ("VALID" | "INVALID", warnings)} from the validator's report."""
    found, current = {}, None
    for line in output.splitlines():
        if line.startswith("== "):
            current = line[3:].rsplit("/", 1)[-1]
        elif verdict := re.match(r"\s+=> (VALID|INVALID): \d+ fatal, (\d+) warning", line):
            found[current] = (verdict.group(1), int(verdict.group(2)))
    return found


def write_summary(names: dict, outputs: dict, refused: dict) -> str:
    verdicts = {rules: results_by_file(output) for rules, output in outputs.items()}
    rows = ["E-invoice matrix: seller country x VAT category x document kind, validated in one "
            "call per CEN rule set",
            "(connectingeurope = CEN EN 16931 1.3.16; peppol-bundled = the CEN rules of Peppol "
            "BIS 3.0.19; both with UBL 2.1 XSD and the Peppol BIS rules, national ones "
            "included)", "",
            f"{'country':8}{'category':10}" + "".join(f"{kind:>14}" for kind in KINDS)]
    totals = Counter()
    for country in COUNTRIES:
        for category in CATEGORIES:
            cells = []
            for kind in KINDS:
                name = names.get((country, category, kind))
                if name is None:
                    cells.append(f"{'refused':>14}")
                    totals["refused"] += 1
                    continue
                marks = "".join("V" if verdicts[rules].get(name, ("",))[0] == "VALID" else "x"
                                for rules in outputs)
                totals["documents"] += 1
                for rules in outputs:
                    verdict, warnings = verdicts[rules].get(name, ("", 0))
                    totals[rules] += verdict == "VALID"
                    totals[f"{rules} warnings"] += warnings
                cells.append(f"{marks:>14}")
            rows.append(f"{country:8}{category:10}" + "".join(cells))
    rows += ["", "V V = VALID (0 fatal) under connectingeurope, peppol-bundled; refused = the "
             "rules cannot both hold (422, see below)", ""]
    for rules in outputs:
        rows.append(f"{rules}: {totals[rules]} of {totals['documents']} documents VALID "
                    f"(0 fatal), {totals[f'{rules} warnings']} warnings in all")
    rows.append(f"refused: {totals['refused']} cells")
    for (country, category), reason in sorted(refused.items()):
        rows.append(f"  {country} {category}: {reason}")
    text = "\n".join(rows) + "\n"
    (ARTIFACTS / "ubl" / f"matrix-summary-{connection.vendor}.txt").write_text(text)
    return text


def test_every_country_category_and_kind_passes_the_official_rules(db, clock):
    folder = ARTIFACTS / "ubl" / f"matrix-{connection.vendor}"  # runs on both databases may overlap
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.xml"):
        old.unlink()
    produced, names, paths, refused = {}, {}, [], {}
    for country in COUNTRIES:
        seller = Seller(country)
        for category in CATEGORIES:
            made = seller.documents(category, clock)
            for kind, (document_kind, document) in made.items():
                try:
                    xml = seller.ubl(document_kind, document)
                except BusinessRule as error:
                    assert (country, category) == ("GR", "O"), (country, category, kind, error)
                    assert (error.code, error.param) == ("einvoice_not_possible",
                                                         "lines.tax_category")
                    refused[(country, category)] = f"{error.code}: {error.message}"
                    continue
                name = f"{country}-{category}-{kind}.xml"
                (folder / name).write_bytes(xml)
                produced[(country, category, kind)] = xml
                names[(country, category, kind)] = name
                paths.append(folder / name)
    assert len(paths) == 9 * 7 * 5 - 5  # all but the Greek seller's O column

    outputs = validate_ubl(paths, label=f"matrix-{connection.vendor}")
    summary = write_summary(names, outputs, refused)
    for rules, output in outputs.items():
        verdicts = results_by_file(output)
        assert Counter(verdict for verdict, _ in verdicts.values()) == {"VALID": len(paths)}, (
            rules, summary)
        assert f"{len(paths)} files: {len(paths)} valid, 0 invalid" in output

    # Worked facts. The invoice: 1000 + 3 x 40 = 1120 net in one breakdown of its category.
    for country, (currency, rate, *_) in COUNTRIES.items():
        for category in CATEGORIES:
            if (country, category) == ("GR", "O"):
                continue
            invoice = produced[(country, category, "invoice")]
            money = functools.partial(format_money, places=0 if currency == "ISK" else 2)
            assert xpath(invoice, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID/text()") == [
                category]
            assert xpath(invoice, "//cac:TaxSubtotal/cbc:TaxableAmount/text()") == [
                money(1120)]
            percent = xpath(invoice, "//cac:TaxSubtotal/cac:TaxCategory/cbc:Percent/text()")
            tax = xpath(invoice, "//cac:TaxSubtotal/cbc:TaxAmount/text()")
            codes = xpath(invoice, "//cac:TaxSubtotal//cbc:TaxExemptionReasonCode/text()")
            assert codes == EXPECTED_CODES[category], (country, category)
            if category == "S":
                whole_rate = int(float(rate) * 100)
                assert percent == [str(whole_rate)]
                assert tax == [money(1120 * whole_rate / 100)]
                # the partial credit: 100 of the subscription line, taxed at the same rate
                partial = produced[(country, category, "memo-partial")]
                assert xpath(partial, "//cac:TaxSubtotal/cbc:TaxableAmount/text()") == [
                    money(100)]
                assert xpath(partial, "//cac:TaxSubtotal/cbc:TaxAmount/text()") == [
                    money(whole_rate)]
            else:
                assert percent == ([] if category == "O" else ["0"])
                assert tax == [money(0)]
            vat_ids = xpath(invoice, "//cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']"
                                     "/cbc:CompanyID/text()")
            if category == "O":
                assert vat_ids == []  # BR-O-02: no VAT id at all
            elif category in ("AE", "K"):
                assert len(vat_ids) == 2  # the seller's and the buyer's
            if category == "K":
                assert xpath(invoice, "//cac:Delivery//cac:Country/cbc:IdentificationCode"
                                      "/text()") == [
                    "BE" if country == "NL" else "NL"]
            if country in ("NL", "DK", "SE") or currency == "EUR":
                assert xpath(invoice, "//cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"
                                      "/text()") == [COUNTRIES[country][2]["iban"]]
    # Payment means: SEPA (58) in euro, 42 between Danish parties, 30 elsewhere.
    assert xpath(produced[("NL", "S", "invoice")], "//cbc:PaymentMeansCode/text()") == ["58"]
    assert xpath(produced[("DK", "S", "invoice")], "//cbc:PaymentMeansCode/text()") == ["42"]
    assert xpath(produced[("SE", "S", "invoice")], "//cbc:PaymentMeansCode/text()") == ["30"]
    # The Dutch ad hoc memo credits no invoice: NL-R-001 gets the buyer reference (BT-10).
    ad_hoc = produced[("NL", "S", "memo-ad-hoc")]
    assert xpath(ad_hoc, "//cac:BillingReference//cbc:ID/text()") == xpath(
        ad_hoc, "/*/cbc:BuyerReference/text()")
    assert xpath(produced[("DE", "S", "memo-ad-hoc")], "//cac:BillingReference") == []
    # The refund memo names the refunded invoice.
    refund = produced[("DE", "S", "memo-refund")]
    assert xpath(refund, "//cac:BillingReference//cbc:ID/text()") == xpath(
        produced[("DE", "S", "memo-partial")], "//cac:BillingReference//cbc:ID/text()")
    # Greek ids in the myDATA form, the credited invoice's too.
    greek = produced[("GR", "S", "memo-whole")]
    assert re.fullmatch(r"094014201\|\d\d/\d\d/\d{4}\|0\|5\.1\|CM\|\d+",
                        xpath(greek, "/*/cbc:ID/text()")[0])
    assert re.fullmatch(r"094014201\|\d\d/\d\d/\d{4}\|0\|2\.1\|INV\|\d+",
                        xpath(greek, "//cac:BillingReference//cbc:ID/text()")[0])
    assert "|5.2|" in xpath(produced[("GR", "S", "memo-ad-hoc")], "/*/cbc:ID/text()")[0]
    # Legal and tax registrations: KVK, F-skatt, CVR, kennitala.
    assert xpath(produced[("NL", "S", "invoice")],
                 "//cac:AccountingSupplierParty//cac:PartyLegalEntity/cbc:CompanyID/@schemeID"
                 ) == ["0106"]
    assert xpath(produced[("SE", "S", "invoice")],
                 "//cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='TAX']/cbc:CompanyID/text()") == [
        "Godkänd för F-skatt"]


# --- refusals: what the rules demand and the data lacks ------------------------------------

def _seller(country: str, **changes):
    seller = Seller(country)
    if changes:
        own = customers.own_company(marketplace=seller.mp)
        customers.company_update(marketplace=seller.mp, company_id=own.id, at=T0,
                                 changes=changes)
    return seller


def _refusal(seller, kind, document) -> tuple[str, str]:
    with pytest.raises(BusinessRule) as error:
        seller.ubl(kind, document)
    return error.value.code, error.value.param


def test_reverse_charge_without_the_buyers_vat_id_is_refused(db, clock):
    """The services refuse AE for a buyer without a VAT id; one whose VAT id was removed
    after the invoice is refused here, naming the field."""
    seller = _seller("DE")
    buyer = seller.buyer("AE")
    invoice = credits.invoice_create(marketplace=seller.mp, company_id=buyer.id, actor="t",
                                     at=clock(), lines=invoice_lines("AE", "0"))
    customers.company_update(marketplace=seller.mp, company_id=buyer.id, at=T0,
                             changes={"vat_id": ""})
    assert _refusal(seller, "invoice", invoice) == ("incomplete_party_data", "buyer.vat_id")


def test_dutch_invoice_without_iban_is_refused_but_its_credit_is_not(db, clock):
    """NL-R-007: a Dutch seller's invoice names how to pay it; a credit note needs not."""
    seller = _seller("NL", iban="", bic="")
    buyer = seller.buyer("S")
    invoice = credits.invoice_create(marketplace=seller.mp, company_id=buyer.id, actor="t",
                                     at=clock(), lines=invoice_lines("S", "0.21"))
    assert _refusal(seller, "invoice", invoice) == ("incomplete_party_data", "seller.iban")
    memo = credits.credit_memo_create_from_invoice(marketplace=seller.mp, invoice_id=invoice.id,
                                                   reason_code="duplicate", actor="t",
                                                   at=clock())
    xml = seller.ubl("credit_memo", memo)
    assert xpath(xml, "//cac:PaymentMeans") == []


def test_german_seller_and_buyer_need_a_seller_telephone(db, clock):
    """DE-R-002/006: between German parties the seller names a contact with a telephone;
    without one in its party data, such an e-invoice is refused."""
    seller = _seller("DE")
    own = customers.own_company(marketplace=seller.mp)
    customers.company_update(marketplace=seller.mp, company_id=own.id, at=T0,
                             changes={"telephone": ""})
    buyer = customers.company_create(
        marketplace=seller.mp, name="Berliner Handel GmbH", at=T0,
        party={"vat_id": "DE987654321", "peppol_id": "9930:DE987654321",
               "address": _address("Unter den Linden 1", "Berlin", "10117", "DE")})
    invoice = credits.invoice_create(marketplace=seller.mp, company_id=buyer.id, actor="t",
                                     at=clock(), lines=invoice_lines("S", "0.19"))
    assert _refusal(seller, "invoice", invoice) == ("incomplete_party_data",
                                                    "seller.telephone")


def test_greek_seller_needs_the_mydata_mark_and_a_valid_tin(db, clock):
    seller = _seller("GR")
    invoice = credits.invoice_create(marketplace=seller.mp, company_id=seller.buyer("S").id,
                                     actor="t", at=clock(), lines=invoice_lines("S", "0.24"))
    invoice.refresh_from_db()
    with pytest.raises(BusinessRule) as error:
        documents.ubl_document(data=invoice_document_data(invoice))
    assert (error.value.code, error.value.param) == ("incomplete_party_data",
                                                     "tax_clearance_id")
    own = customers.own_company(marketplace=seller.mp)
    customers.company_update(marketplace=seller.mp, company_id=own.id, at=T0,
                             changes={"vat_id": "EL094014202"})  # check digit off by one
    assert _refusal(seller, "invoice", invoice) == ("incomplete_party_data", "seller.vat_id")
