from django.core.management.base import BaseCommand, CommandError

from common.clock import now
from common.errors import DomainError
from customers.services import api_key_create
from marketplaces.models import Marketplace


class Command(BaseCommand):
    help = "Create an API key; prints the key alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("--marketplace", required=True, help="the marketplace's slug")
        parser.add_argument("--role", required=True)
        parser.add_argument("--company", default=None, help="a customer key's company id")

    def handle(self, *args, marketplace, role, company, **options):
        found = Marketplace.objects.filter(slug=marketplace).first()
        if found is None:
            raise CommandError(f"no marketplace {marketplace}")
        try:
            _, secret = api_key_create(marketplace=found, role=role, company_id=company, at=now())
        except DomainError as error:
            raise CommandError(error.message) from None
        self.stdout.write(secret)
