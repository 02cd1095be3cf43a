"""Lists `abate einvoice` in `abate help`. The `abate` command runs abate/einvoice.py before
Django starts; this entry serves `abate help einvoice` and `django-admin einvoice …`."""

import sys

from django.core.management.base import BaseCommand

from abate import einvoice


class Command(BaseCommand):
    help = ("E-invoices: `abate einvoice validate FILE…` checks UBL files with the official "
            "UBL 2.1 XSD, CEN EN 16931 and Peppol BIS 3 artefacts.")

    def print_help(self, *args):
        einvoice.parser().print_help()

    def run_from_argv(self, argv):
        sys.exit(einvoice.main(argv[2:]))
