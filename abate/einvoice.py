"""`abate einvoice validate FILE…`: check UBL 2.1 invoices and credit notes, made by Abate or
not, with the official UBL 2.1 XSD, CEN EN 16931 and Peppol BIS 3 artefacts. Runs without
Django: no settings, no database.

Exit status: 0 no fatal finding, 1 a fatal finding (with --strict, a warning too), 2 a usage
error or a broken installation."""

import argparse
import json
import sys
from dataclasses import asdict

from documents.einvoicing.validate import CEN_RULES, ArtefactMissing, FileReport, validate_files


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        reports = validate_files(args.files, cen_rules=args.cen_rules, peppol=not args.no_peppol,
                                 xsd=not args.no_xsd, en16931=not args.no_en16931)
    except ArtefactMissing as error:
        print(f"abate einvoice: {error}; reinstall Abate", file=sys.stderr)
        return 2
    if args.json:
        json.dump(_as_json(reports, strict=args.strict), sys.stdout, indent=2)
        print()
    else:
        for report in reports:
            _print(report, strict=args.strict, show_test=args.show_test)
        if len(reports) > 1:
            valid = sum(report.is_valid(strict=args.strict) for report in reports)
            print(f"{len(reports)} files: {valid} valid, {len(reports) - valid} invalid")
    return 0 if all(report.is_valid(strict=args.strict) for report in reports) else 1


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="abate einvoice",
        description="E-invoices: check UBL files with the official validation artefacts.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="check UBL 2.1 Invoice/CreditNote files",
        description="Check UBL 2.1 Invoice and CreditNote files against the UBL 2.1 XSD, the "
                    "CEN EN 16931 rules and the Peppol BIS Billing 3.0 rules. Exit status: 0 "
                    "no fatal finding, 1 a fatal finding (--strict: or a warning), 2 usage "
                    "error.")
    validate.add_argument("files", nargs="+", metavar="FILE", help="UBL XML file(s)")
    validate.add_argument("--cen-rules", choices=tuple(CEN_RULES), default="connectingeurope",
                          help="the CEN EN 16931 rules: ConnectingEurope's 1.3.16 release "
                               "(default) or the 1.3.14.1 bundled with Peppol BIS 3.0.19")
    validate.add_argument("--no-peppol", action="store_true",
                          help="skip the Peppol BIS 3 rules (plain EN 16931 documents)")
    validate.add_argument("--no-xsd", action="store_true", help="skip the UBL 2.1 XSD")
    validate.add_argument("--no-en16931", action="store_true", help="skip the CEN rules")
    validate.add_argument("--strict", action="store_true", help="warnings make it exit 1 too")
    validate.add_argument("--json", action="store_true", help="one JSON report on stdout")
    validate.add_argument("--show-test", action="store_true",
                          help="print the XPath test of each failed rule")
    return parser


def _print(report: FileReport, *, strict: bool, show_test: bool) -> None:
    print(f"== {report.file}")
    for finding in sorted(report.findings, key=lambda f: (not f.fatal, f.layer, f.rule_id)):
        print(f"  [{finding.flag.upper()}] {finding.rule_id} ({finding.layer}) "
              f"at {finding.location}")
        print(f"      {finding.text}")
        if show_test and finding.test:
            print(f"      test: {finding.test}")
    verdict = "VALID" if report.is_valid(strict=strict) else "INVALID"
    print(f"  => {verdict}: {len(report.fatal)} fatal, {len(report.warnings)} warning(s) "
          f"[checked: {', '.join(report.layers) or 'nothing'}; {report.seconds:.1f}s]")


def _as_json(reports: list[FileReport], *, strict: bool) -> dict:
    return {
        "valid": all(report.is_valid(strict=strict) for report in reports),
        "files": [{"file": report.file, "valid": report.is_valid(strict=strict),
                   "fatal": len(report.fatal), "warnings": len(report.warnings),
                   "findings": [asdict(finding) for finding in report.findings]}
                  for report in reports],
    }


if __name__ == "__main__":
    sys.exit(main())
