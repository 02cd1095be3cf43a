from django.core.management.base import BaseCommand, CommandError

from common.clock import now
from common.errors import DomainError
from marketplaces.models import Marketplace
from web.services import page_user_create


class Command(BaseCommand):
    help = "Create a user who signs in to the web pages; prints the user's e-mail and role."

    def add_arguments(self, parser):
        parser.add_argument("--marketplace", required=True, help="the marketplace's slug")
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--role", required=True,
                            help="manager, billing, developer, or customer (needs --company)")
        parser.add_argument("--company", default=None, help="a customer user's company id")

    def handle(self, *args, marketplace, email, password, role, company, **options):
        found = Marketplace.objects.filter(slug=marketplace).first()
        if found is None:
            raise CommandError(f"no marketplace {marketplace}")
        try:
            page_user = page_user_create(marketplace=found, email=email, password=password,
                                         role=role, company_id=company, at=now())
        except DomainError as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"{page_user.user.username} {page_user.role}")
