"""`abate einvoice validate` and documents.einvoicing.validate: the official artefacts shipped
in the package accept the official Peppol example and name the rules a broken copy breaks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from abate import einvoice
from documents.einvoicing.validate import EXAMPLE_INVOICE, validate_files

BUYER_NAME = "<cbc:RegistrationName>Buyer Official Name</cbc:RegistrationName>"
TAX_INCLUSIVE = '<cbc:TaxInclusiveAmount currencyID="EUR">1656.25</cbc:TaxInclusiveAmount>'
PAYABLE = '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>'
DOCUMENT_ID = "<cbc:ID>Snippet1</cbc:ID>"
PROFILE = "<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>"


def variant(folder: Path, name: str, *changes: tuple[str, str]) -> Path:
    """The official example with each (old, new) change made; each old text must be there."""
    xml = EXAMPLE_INVOICE.read_text(encoding="utf-8")
    for old, new in changes:
        assert xml.count(old) == 1, old
        xml = xml.replace(old, new)
    path = folder / f"{name}.xml"
    path.write_text(xml, encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path):
    """Buyer name gone, and the totals inconsistent: 1325.00 without VAT + 331.25 VAT is
    1656.25, but the copy states 1600.00 with VAT and payable."""
    return variant(tmp_path, "broken", (BUYER_NAME, ""),
                   (TAX_INCLUSIVE, TAX_INCLUSIVE.replace("1656.25", "1600.00")),
                   (PAYABLE, PAYABLE.replace("1656.25", "1600.00")))


def run_cli(capsys, *args) -> tuple[int, str]:
    status = einvoice.main(["validate", *map(str, args)])
    return status, capsys.readouterr().out


def rule_ids(report) -> list[tuple[str, str, str]]:
    return sorted((f.layer, f.rule_id, f.flag) for f in report.findings)


def test_the_abate_command_accepts_the_official_example_under_both_cen_rule_sets(tmp_path):
    # The installed console script, with no Django settings and a database that is not there.
    abate = Path(sys.executable).parent / "abate"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:9/absent"
    for rules in ("connectingeurope", "peppol-bundled"):
        result = subprocess.run([str(abate), "einvoice", "validate", "--cen-rules", rules,
                                 str(EXAMPLE_INVOICE)], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == f"== {EXAMPLE_INVOICE}"
        assert lines[1].startswith(
            "  => VALID: 0 fatal, 0 warning(s) [checked: xsd, en16931, peppol; ")
        assert len(lines) == 2  # one file: no summary line
        assert result.stderr == ""


@pytest.mark.parametrize("rules", ["connectingeurope", "peppol-bundled"])
def test_a_broken_copy_fails_exactly_the_buyer_name_and_total_rules(broken, rules):
    [report] = validate_files([broken], cen_rules=rules)
    assert rule_ids(report) == [("en16931", "BR-07", "fatal"), ("en16931", "BR-CO-15", "fatal")]
    assert {f.location for f in report.findings} == {"/Invoice[1]"}
    assert not report.is_valid()


def test_the_text_report_lists_each_finding_and_a_summary(capsys, broken):
    status, out = run_cli(capsys, EXAMPLE_INVOICE, broken)
    assert status == 1
    lines = out.splitlines()
    assert lines[2] == f"== {broken}"
    assert lines[3] == "  [FATAL] BR-07 (en16931) at /Invoice[1]"
    assert lines[4] == "      [BR-07]-An Invoice shall contain the Buyer name (BT-44)."
    assert lines[5] == "  [FATAL] BR-CO-15 (en16931) at /Invoice[1]"
    assert lines[7].startswith("  => INVALID: 2 fatal, 0 warning(s) [checked: xsd, en16931, "
                               "peppol; ")
    assert lines[-1] == "2 files: 1 valid, 1 invalid"


def test_an_unknown_element_is_an_xsd_finding_with_its_line(tmp_path):
    path = variant(tmp_path, "foo", (DOCUMENT_ID, DOCUMENT_ID + "<cbc:Foo>x</cbc:Foo>"))
    [report] = validate_files([path])
    [finding] = report.findings
    assert (finding.layer, finding.rule_id, finding.flag) == ("xsd", "XSD", "fatal")
    assert "CommonBasicComponents-2}Foo': This element is not expected" in finding.text
    assert finding.location.startswith("line 7,")


def test_the_peppol_layer_wants_the_peppol_profile_and_can_be_skipped(tmp_path):
    path = variant(tmp_path, "no-profile", (PROFILE, ""))
    [report] = validate_files([path])
    # R001: the business process (profile) is required; R007: it must be a Peppol one.
    assert rule_ids(report) == [("peppol", "PEPPOL-EN16931-R001", "fatal"),
                                ("peppol", "PEPPOL-EN16931-R007", "fatal")]
    [plain] = validate_files([path], peppol=False)
    assert (plain.findings, plain.layers) == ([], ["xsd", "en16931"])


@pytest.mark.parametrize("name, content, rule_id", [
    ("malformed", "<Invoice><cbc:ID>1</Invoice>", "XML"),
    ("not-ubl", '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>', "ROOT"),
    ("doctype", '<!DOCTYPE Invoice [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">'
                "&x;</Invoice>", "DOCTYPE"),
    ("missing", None, "XML"),
])
def test_what_is_no_ubl_document_is_one_fatal_finding(capsys, tmp_path, name, content, rule_id):
    path = tmp_path / f"{name}.xml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    [report] = validate_files([path])
    [finding] = report.findings
    assert (finding.layer, finding.rule_id, finding.flag) == ("xml", rule_id, "fatal")
    status, out = run_cli(capsys, path)
    assert status == 1
    assert "=> INVALID: 1 fatal, 0 warning(s)" in out


def test_json_report(capsys, broken):
    status, out = run_cli(capsys, "--json", "--cen-rules", "peppol-bundled", EXAMPLE_INVOICE,
                          broken)
    assert status == 1
    report = json.loads(out)
    assert report["valid"] is False
    assert [(f["file"], f["valid"], f["fatal"], f["warnings"]) for f in report["files"]] == [
        (str(EXAMPLE_INVOICE), True, 0, 0), (str(broken), False, 2, 0)]
    assert report["files"][1]["findings"][0] == {
        "layer": "en16931", "rule_id": "BR-07", "flag": "fatal",
        "text": "[BR-07]-An Invoice shall contain the Buyer name (BT-44).",
        "location": "/Invoice[1]",
        "test": "normalize-space(cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/"
                "cbc:RegistrationName) != ''",
    }


def test_strict_makes_a_warning_fail(capsys, tmp_path):
    uuid = "<cbc:UUID>6b3c0e5e-2f1d-4d1e-9a40-1f0d6b7b8a11</cbc:UUID>"
    path = variant(tmp_path, "uuid", (DOCUMENT_ID, DOCUMENT_ID + uuid))
    status, out = run_cli(capsys, path)
    assert status == 0
    assert "  [WARNING] UBL-CR-005 (en16931) at /Invoice[1]" in out
    assert "=> VALID: 0 fatal, 1 warning(s)" in out
    status, out = run_cli(capsys, "--strict", path)
    assert status == 1
    assert "=> INVALID: 0 fatal, 1 warning(s)" in out


@pytest.mark.parametrize("args", [[], ["--cen-rules", "latest", "x.xml"], ["--bogus", "x.xml"]])
def test_usage_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as exit_:
        einvoice.main(["validate", *args])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: abate einvoice")
    assert "error: " in err


def test_an_unknown_rule_set_is_refused_by_the_api():
    with pytest.raises(ValueError, match="cen_rules must be one of"):
        validate_files([EXAMPLE_INVOICE], cen_rules="latest")
