"""Fixtures for documents: the UBL files the tests write and the official validator run over
them (the party data, job runner, SMTP server and webhook receiver are in tests/conftest.py,
tests/jobs.py and tests/loopback.py)."""

import contextlib
import io
from pathlib import Path

from django.conf import settings

from abate import einvoice

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def validate_ubl(paths: list[Path], *, label: str = "documents") -> dict:
    """Run `abate einvoice validate` over the files, under both CEN rule sets, one call each,
    in this process (the rules compile once per test run). Returns {rule set: output};
    asserts that neither found anything fatal."""
    outputs = {}
    for rules in ("connectingeurope", "peppol-bundled"):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = einvoice.main(["validate", "--cen-rules", rules, *[str(p) for p in paths]])
        outputs[rules] = output.getvalue()
        (ARTIFACTS / "ubl").mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "ubl" / f"validation-{label}-{rules}.txt").write_text(outputs[rules])
        assert status == 0, outputs[rules]
    return outputs


def keep_ubl(name: str, content: bytes) -> Path:
    folder = ARTIFACTS / "ubl"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.xml"
    path.write_bytes(content)
    return path
