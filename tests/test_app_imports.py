"""No two apps import each other, lazily (inside a function) or not: dependencies point down
the list of apps (pyproject's import-linter contract), and this states the rule for every
import statement, so a lazy import loop cannot come back unseen. Migrations are left out."""

import ast
import pathlib
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent
APPS = ("abate", "common", "marketplaces", "customers", "catalog", "ledger", "documents",
        "notifications", "invoicing", "credits", "billing", "reports", "api", "web")


def app_imports() -> dict[tuple[str, str], list[str]]:
    """{(importing app, imported app): ["file:line module", ...]}"""
    edges = defaultdict(list)
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in APPS and top != app:
                        where = f"{path.relative_to(ROOT)}:{node.lineno} {module}"
                        edges[(app, top)].append(where)
    return edges


def test_no_two_apps_import_each_other():
    edges = app_imports()
    assert edges, "the walk found no imports at all"
    mutual = {f"{a} <-> {b}": edges[(a, b)] + edges[(b, a)]
              for a, b in edges if a < b and (b, a) in edges}
    assert mutual == {}


def test_documents_reads_no_app_that_owns_documents():
    """documents renders plain data: it imports only apps below it (its document numbers
    come from marketplaces), none whose documents it renders, nor its siblings."""
    edges = app_imports()
    assert sorted(b for a, b in edges if a == "documents") == ["common", "marketplaces"]
