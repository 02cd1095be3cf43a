#!/usr/bin/env bash
# Regenerates the typed Python client (clients/python) from the API's OpenAPI schema,
# exported from the app itself: no server, no database.
#   scripts/client.sh [OUTPUT_DIR]    (default: clients/python; `make client` runs it)
# The client is generated into an empty directory that then replaces OUTPUT_DIR whole, so an
# operation or model the API no longer has leaves no stale module behind; the schema it was
# generated from is kept beside it (OUTPUT_DIR/openapi.json). Hand-written parts live outside
# the tree: clients/python-config.yaml (generator settings) and clients/python-templates/
# (the README and its example). The output depends only on the schema, those files and the
# versions of openapi-python-client (pinned in pyproject.toml) and ruff (its post-hooks).
set -euo pipefail
out=$(realpath -m "${1:-$(dirname "$0")/../clients/python}")
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

pinned=$(grep -o 'openapi-python-client==[0-9.]*' pyproject.toml | cut -d= -f3)
installed=$(openapi-python-client --version 2>/dev/null | awk '{print $NF}' || true)
if [ "$installed" != "$pinned" ]; then
  echo "openapi-python-client $pinned is needed (found: ${installed:-none}): bash scripts/setup.sh" >&2
  exit 1
fi

export RUFF_NO_CACHE=true  # no .ruff_cache left in the generated tree
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# What ninja's export_openapi_schema command writes, but an import error in the API shows its
# traceback instead of "api.urls.api not found".
env -u DATABASE_URL DJANGO_SETTINGS_MODULE=abate.settings python - "$work/openapi.json" <<'PY'
import json
import sys

import django

django.setup()
from ninja.responses import NinjaJSONEncoder

from api.urls import api

schema = api.get_openapi_schema()
# openapi-python-client reads an object schema with a top-level anyOf/oneOf as a union of
# those branches alone and drops its properties, without a warning: InvoiceLineIn would become
# three types holding one field each. The same constraint inside `allOf` keeps the model.
unions = sorted(name for name, model in schema.get("components", {}).get("schemas", {}).items()
                if "properties" in model and ("anyOf" in model or "oneOf" in model))
if unions:
    sys.exit(f"schemas with properties beside a top-level anyOf/oneOf: {', '.join(unions)}; "
             "wrap it as allOf: [{anyOf: [...]}] (AdHocLineIn does) so the client keeps them")
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(schema, out, cls=NinjaJSONEncoder, indent=2, sort_keys=True, ensure_ascii=False)
    out.write("\n")
PY
# --fail-on-warning: a construct the generator cannot express is an error, not a silent gap.
openapi-python-client generate --path "$work/openapi.json" --meta pdm \
  --config clients/python-config.yaml --custom-template-path clients/python-templates \
  --output-path "$work/client" --fail-on-warning > "$work/generate.log" 2>&1 \
  || { cat "$work/generate.log" >&2; exit 1; }
cp "$work/openapi.json" "$work/client/openapi.json"
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$work/client" "$out"
