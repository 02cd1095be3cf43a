"""`abate bill-run --as-of DATE [--marketplace SLUG]`: bill every marketplace (or one) as of a
date. Safe to repeat, and to restart after a crash: what was billed is not billed again.
`--schedule-daily` enqueues the scheduled daily run (see billing.tasks) instead."""


from django.core.management.base import BaseCommand, CommandError

from billing.services import billing_run, check_as_of
from common.clock import now
from common.errors import DomainError
from common.parsing import parse_date
from marketplaces.models import Marketplace


class Command(BaseCommand):
    help = "Run billing as of a date: renewals, usage, changes, orders; issue the documents."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today, UTC)")
        parser.add_argument("--marketplace", help="a marketplace's slug (default: all)")
        parser.add_argument("--test-mode", action="store_true",
                            help="allow an as-of date in the future (test marketplaces only)")
        parser.add_argument("--schedule-daily", action="store_true",
                            help="enqueue the daily run (for the background worker) and exit")

    def handle(self, *args, as_of, marketplace, test_mode, schedule_daily, **options):
        at = now()
        if schedule_daily:
            from billing.tasks import daily_billing_schedule

            run_on = daily_billing_schedule(run_on=at.date(), at=at)
            self.stdout.write(f"daily billing run scheduled from {run_on}")
            return
        marketplaces = Marketplace.objects.order_by("created_at", "id")
        if marketplace:
            marketplaces = marketplaces.filter(slug=marketplace)
            if not marketplaces.exists():
                raise CommandError(f"no marketplace {marketplace}")
        try:
            day = parse_date(as_of, param="as_of")
        except DomainError as error:
            raise CommandError(error.message) from None
        days = {}
        for mp in marketplaces:
            if not marketplace and day and day < mp.created_at.date():
                self.stdout.write(f"{mp.slug}: created after {day}, skipped")
                continue
            try:
                days[mp] = check_as_of(marketplace=mp, as_of=as_of, today=at.date(),
                                       test_mode=test_mode)
            except DomainError as error:
                raise CommandError(f"{mp.slug}: {error.message}") from None
        failed = False
        for mp, day in days.items():
            run = billing_run(marketplace=mp, as_of=day, actor="billing_run", at=at)
            self.stdout.write(
                f"{mp.slug} as of {day}: {run.customers_billed} customers, "
                f"{run.invoices_issued} invoices, {run.credit_memos_issued} credit memos, "
                f"{len(run.failures)} failures")
            for failure in run.failures:
                failed = True
                self.stderr.write(f"  {failure['company_id']}: {failure['code']}: "
                                  f"{failure['message']}")
        if failed:
            raise CommandError("some customers were not billed; run again once fixed")
