from django.apps import AppConfig


class CreditsConfig(AppConfig):
    name = "credits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from common.jobs import redo_when_lost
        from credits.documents import memo_pdf_attachment
        from credits.tasks import generate_pdf
        from notifications import attachments

        # The PDF job is idempotent: one that a stopped worker left running is redone.
        redo_when_lost(generate_pdf)
        # E-mails about a memo carry its stored PDF (as issued).
        attachments.register("credit_memo_pdf_created", memo_pdf_attachment)
        attachments.register("credit_applied", memo_pdf_attachment)
