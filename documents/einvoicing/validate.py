"""Check UBL 2.1 Invoice and CreditNote files with the official validation artefacts shipped
in `artefacts/` (see README.md beside this file): the OASIS UBL 2.1 XML Schema (lxml), the CEN
EN 16931 rules and the Peppol BIS Billing 3.0 rules (compiled XSLT 2.0, run with Saxon).

Each failed rule becomes a Finding with its rule id, flag, text and location. Every stylesheet
and schema is compiled once per process, on first use. Needs no Django settings or database.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
EXAMPLE_INVOICE = ARTEFACTS / "examples" / "peppol-base-example-invoice.xml"

INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
SCHEMAS = {
    INVOICE_NS: ARTEFACTS / "ubl-2.1" / "xsd" / "maindoc" / "UBL-Invoice-2.1.xsd",
    CREDIT_NOTE_NS: ARTEFACTS / "ubl-2.1" / "xsd" / "maindoc" / "UBL-CreditNote-2.1.xsd",
}
# The CEN EN 16931 rules exist in two releases: ConnectingEurope's latest (the default) and
# the older one bundled with the Peppol release that access points run. A generator should
# pass both.
CEN_RULES = {
    "connectingeurope": ARTEFACTS / "en16931-ubl" / "xslt" / "EN16931-UBL-validation.xslt",
    "peppol-bundled": ARTEFACTS / "peppol-bis3" / "xslt" / "CEN-EN16931-UBL.xslt",
}
PEPPOL_RULES = ARTEFACTS / "peppol-bis3" / "xslt" / "PEPPOL-EN16931-UBL.xslt"

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
PREFIXES = {
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "cac",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2": "cbc",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2": "ext",
    INVOICE_NS: "",
    CREDIT_NOTE_NS: "",
}
NON_FATAL_FLAGS = {"warning", "warn", "information", "info"}
SAXON_STEP = re.compile(r"\*:([\w.-]+)\[namespace-uri\(\)='([^']*)'\]")


class ArtefactMissing(Exception):
    """A shipped schema or stylesheet is not where it should be: a broken installation."""


@dataclass(frozen=True)
class Finding:
    layer: str  # xml | xsd | en16931 | peppol
    rule_id: str
    flag: str  # fatal | warning | information
    text: str
    location: str
    test: str = ""

    @property
    def fatal(self) -> bool:
        return self.flag.lower() not in NON_FATAL_FLAGS


@dataclass(frozen=True)
class FileReport:
    file: str
    findings: list[Finding]
    layers: list[str]  # the layers that were checked
    seconds: float = field(default=0.0, compare=False)

    @property
    def fatal(self) -> list[Finding]:
        return [f for f in self.findings if f.fatal]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.fatal]

    def is_valid(self, *, strict: bool = False) -> bool:
        return not self.fatal and not (strict and self.warnings)


def validate_files(paths: Iterable[str | Path], *, cen_rules: str = "connectingeurope",
                   peppol: bool = True, xsd: bool = True,
                   en16931: bool = True) -> list[FileReport]:
    """One report per file, in order. `peppol=False` for plain EN 16931 documents: the Peppol
    rules reject any document without the Peppol BIS customization and profile ids."""
    if cen_rules not in CEN_RULES:
        raise ValueError(f"cen_rules must be one of {', '.join(CEN_RULES)}, not {cen_rules!r}")
    rule_sets = ([("en16931", CEN_RULES[cen_rules])] if en16931 else []) + (
        [("peppol", PEPPOL_RULES)] if peppol else [])
    layers = ["xsd"] * xsd + [name for name, _ in rule_sets]
    with _saxon_lock:  # one Saxon processor per process; its calls are not made concurrently
        executables = [(name, _stylesheet(path)) for name, path in rule_sets]
        reports = []
        for path in paths:
            started = time.monotonic()
            findings = _check(Path(path), xsd=xsd, executables=executables)
            reports.append(FileReport(file=str(path), findings=findings, layers=layers,
                                      seconds=time.monotonic() - started))
    return reports


def short_location(location: str) -> str:
    """Saxon's `/*:CreditNote[namespace-uri()='urn:…CreditNote-2'][1]/*:ID[namespace-uri()=
    'urn:…CommonBasicComponents-2'][1]` as `/CreditNote[1]/cbc:ID[1]`."""
    def step(match: re.Match) -> str:
        name, namespace = match.groups()
        prefix = PREFIXES.get(namespace)
        if prefix is None:
            return f"Q{{{namespace}}}{name}"
        return f"{prefix}:{name}" if prefix else name

    return SAXON_STEP.sub(step, location)


_saxon_lock = threading.Lock()


def _check(path: Path, *, xsd: bool, executables: list) -> list[Finding]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        document = etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as error:
        return [Finding("xml", "XML", "fatal", f"not well-formed / unreadable: {error}",
                        str(path))]
    if document.docinfo.doctype:
        # UBL documents have none; refusing it keeps Saxon, which resolves entities, from
        # reading files a document type declaration names.
        return [Finding("xml", "DOCTYPE", "fatal",
                        "a document type declaration is not allowed in a UBL document", "/")]
    root = document.getroot()
    namespace = etree.QName(root).namespace
    if namespace not in SCHEMAS:
        return [Finding("xml", "ROOT", "fatal",
                        f"root element {root.tag} is neither a UBL 2.1 Invoice nor CreditNote",
                        "/")]
    findings = []
    if xsd:
        schema = _schema(namespace)
        if not schema.validate(document):
            findings += [Finding("xsd", "XSD", "fatal", error.message,
                                 f"line {error.line}, col {error.column}")
                         for error in schema.error_log]
    if executables:
        from saxonche import PySaxonApiError

        try:
            node = _processor().parse_xml(xml_file_name=str(path.resolve()))
            for layer, executable in executables:
                svrl = executable.transform_to_string(xdm_node=node)
                findings += _failed_rules(layer, svrl)
        except PySaxonApiError as error:
            findings.append(Finding("xml", "PROCESSING", "fatal", f"processing error: {error}",
                                    ""))
    return findings


def _failed_rules(layer: str, svrl: str) -> list[Finding]:
    report = etree.fromstring(svrl.encode("utf-8"))
    findings = []
    for element in report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        text = element.find(f"{SVRL}text")
        findings.append(Finding(
            layer=layer,
            rule_id=element.get("id") or "(no id)",
            flag=element.get("flag") or "fatal",
            text=" ".join("".join(text.itertext()).split()) if text is not None else "",
            location=short_location(element.get("location") or ""),
            test=" ".join((element.get("test") or "").split()),
        ))
    return findings


@cache
def _processor():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@cache
def _stylesheet(path: Path):
    if not path.is_file():
        raise ArtefactMissing(f"validation artefact missing: {path}")
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))


@cache
def _schema(namespace: str) -> etree.XMLSchema:
    path = SCHEMAS[namespace]
    if not path.is_file():
        raise ArtefactMissing(f"validation artefact missing: {path}")
    return etree.XMLSchema(etree.parse(str(path)))
