from django.core.management.base import BaseCommand

from abate.demo import SLUG, demo_create, demo_keys


class Command(BaseCommand):
    help = "Create the demo marketplace (if missing) and print fresh API keys for it."

    def add_arguments(self, parser):
        parser.add_argument("--slug", default=SLUG)

    def handle(self, *args, slug, **options):
        marketplace = demo_create(slug=slug)
        self.stdout.write(f"demo marketplace: {marketplace.slug} ({marketplace.id})")
        for role, secret in demo_keys(marketplace=marketplace).items():
            self.stdout.write(f"  {role:<10} API key: {secret}")
        # --- web: sign-in users for the pages (owned by web/, see web/demo.py) ---
        from web.demo import demo_signins

        for line in demo_signins(slug=marketplace.slug):
            self.stdout.write(f"  {line}")
        # --- end web ---
