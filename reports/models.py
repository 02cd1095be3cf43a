"""Report runs: a report produced in the background, with its progress and its file.

`rows_written` grows while it runs (committed every few thousand rows, so pages can show the
progress); `rows_total` is counted when it starts. The CSV lives in Django's storage."""

import uuid

from django.db import models

REPORT_STATUSES = ("queued", "running", "succeeded", "failed")


def _upload_to(instance, filename):
    return f"reports/{instance.marketplace_id}/{filename}"


class ReportRun(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    report = models.CharField(max_length=32)
    filters = models.JSONField(default=dict)
    status = models.CharField(max_length=16, default="queued",
                              choices=[(s, s) for s in REPORT_STATUSES])
    rows_total = models.PositiveBigIntegerField(null=True)
    rows_written = models.PositiveBigIntegerField(default=0)
    file = models.FileField(upload_to=_upload_to, max_length=300, blank=True)
    size = models.PositiveBigIntegerField(null=True)
    error = models.TextField(blank=True, default="")
    requested_by = models.CharField(max_length=200)
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["marketplace", "-created_at"], name="report_run_list")]

    @property
    def progress(self) -> int | None:
        """Percent done, when known."""
        if self.status == "succeeded":
            return 100
        if not self.rows_total:
            return None
        return min(99, self.rows_written * 100 // self.rows_total)
