"""The `abate` command: Django's management commands, spelled with hyphens, and
`abate einvoice validate FILE…`, which needs no settings or database (abate/einvoice.py)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["einvoice"]:
        from abate import einvoice

        sys.exit(einvoice.main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    from django.core.management import execute_from_command_line

    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["abate", *args])


if __name__ == "__main__":
    main()
