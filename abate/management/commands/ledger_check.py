from django.core.management.base import BaseCommand, CommandError

from credits.selectors import ledger_differences
from marketplaces.models import Marketplace


class Command(BaseCommand):
    help = ("Prove that every journal entry balances and that, for every marketplace and "
            "company, receivables equal the open invoices' amount due and customer credit the "
            "credit memos' remaining amounts. Exits non-zero and lists every difference.")

    def add_arguments(self, parser):
        parser.add_argument("--marketplace", default=None, help="only this slug")

    def handle(self, *args, marketplace=None, **options):
        marketplaces = Marketplace.objects.order_by("slug")
        if marketplace:
            marketplaces = marketplaces.filter(slug=marketplace)
        problems, checked = [], 0
        for m in marketplaces:
            checked += 1
            problems += ledger_differences(marketplace=m)
        for problem in problems:
            self.stdout.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} difference(s) between ledger and documents")
        self.stdout.write(f"ledger agrees with the documents in {checked} marketplace(s)")
