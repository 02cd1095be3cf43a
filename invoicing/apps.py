from django.apps import AppConfig


class InvoicingConfig(AppConfig):
    name = "invoicing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from common.jobs import redo_when_lost
        from invoicing.documents import invoice_pdf_attachment
        from invoicing.tasks import generate_pdf
        from notifications import attachments

        # The PDF job is idempotent: one that a stopped worker left running is redone.
        redo_when_lost(generate_pdf)
        # The "invoice issued" e-mail carries the invoice's stored PDF.
        attachments.register("invoice_issued", invoice_pdf_attachment)
