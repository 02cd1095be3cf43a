"""`abate worker`: a dedicated background worker (django-tasks database backend). Run as many
as needed, on any machine: each job is claimed by one worker only (the worker takes the next
ready job with SELECT ... FOR UPDATE SKIP LOCKED and marks it running in that transaction). A
billing run fans out over the workers that run: each claims batches of its customers."""

from django_tasks_db.management.commands.db_worker import Command as DbWorker


class Command(DbWorker):
    help = "Run a background worker for PDFs, e-mail, webhooks, payouts and billing runs."

    def handle(self, *args, **options):
        from billing.tasks import ensure_reaper
        from notifications.tasks import ensure_sweeper

        # The outbox sweep re-queues anything whose job was lost, and the reaper marks billing
        # runs that died failed: start them with the worker.
        ensure_sweeper()
        ensure_reaper()
        return super().handle(*args, **options)
