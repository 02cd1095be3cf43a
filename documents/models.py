"""Document templates and generated files.

`PdfTemplate`: a marketplace's own HTML template for one document type; without a row the clean
default applies. `GeneratedPdf`: each PDF rendered for a document, numbered by version from 1
(a regeneration adds a version, files are never overwritten); the highest version is the
current one. The file lives in Django's storage (local files under MEDIA_ROOT by default)."""

import uuid

from django.db import models

DOCUMENT_KINDS = (("credit_memo", "credit memo"), ("invoice", "invoice"))


class PdfTemplate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    kind = models.CharField(max_length=16, choices=DOCUMENT_KINDS)
    html = models.TextField()
    updated_at = models.DateTimeField()
    updated_by = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "kind"], name="pdf_template_per_kind")
        ]


def _upload_to(instance, filename):
    return (f"documents/{instance.marketplace_id}/{instance.kind}/{instance.document_id}/"
            f"{filename}")


class GeneratedPdf(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    kind = models.CharField(max_length=16, choices=DOCUMENT_KINDS)
    document_id = models.UUIDField()
    number = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    file = models.FileField(upload_to=_upload_to, max_length=300)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    template_hash = models.CharField(max_length=16)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "document_id", "version"],
                                    name="generated_pdf_version"),
            models.CheckConstraint(condition=models.Q(version__gte=1),
                                   name="generated_pdf_version_from_1"),
        ]
        indexes = [models.Index(fields=["marketplace", "kind", "document_id", "-version"],
                                name="generated_pdf_current")]
