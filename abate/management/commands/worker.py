"""`abate worker`: a dedicated background worker (django-tasks database backend). Run as many
as needed, on any machine: each job is claimed by one worker only."""

from django_tasks_db.management.commands.db_worker import Command as DbWorker


class Command(DbWorker):
    help = "Run a background worker for PDFs, e-mail, webhooks, payouts and billing runs."

    def handle(self, *args, **options):
        from notifications.tasks import ensure_sweeper

        # The outbox sweep re-queues anything whose job was lost; start it with the worker.
        ensure_sweeper()
        return super().handle(*args, **options)
