from django.core.management.base import BaseCommand, CommandError

from common.clock import now
from common.errors import DomainError
from customers.services import marketplace_create


class Command(BaseCommand):
    help = "Create a marketplace (and its own company); prints its id."

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--currency", default="USD")
        parser.add_argument("--test", action="store_true",
                            help="a test marketplace: billing runs may bill ahead of time "
                                 "(test mode); fixed for good at creation")

    def handle(self, *args, slug, name, currency, test, **options):
        try:
            marketplace = marketplace_create(slug=slug, name=name, currency=currency,
                                             is_test=test, at=now())
        except DomainError as error:
            raise CommandError(error.message) from None
        self.stdout.write(str(marketplace.id))
