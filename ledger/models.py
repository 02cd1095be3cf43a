"""Double-entry ledger. A journal entry's lines balance (debits = credits) per currency; posted
entries never change, corrections are reversing entries. Lines name the company whose
sub-ledger they belong to, so a company's receivables and customer credit can be proved
against its documents. The ledger knows no documents: an entry names its source as
(source_type, source_id)."""

from django.db import models

from common.models import MoneyField
from ledger.accounts import ACCOUNTS


class JournalEntry(models.Model):
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    kind = models.CharField(max_length=48)
    source_type = models.CharField(max_length=32)
    source_id = models.UUIDField()
    currency = models.CharField(max_length=3)
    posted_at = models.DateTimeField()
    reverses = models.OneToOneField(
        "self", null=True, on_delete=models.PROTECT, related_name="reversed_by"
    )

    class Meta:
        indexes = [models.Index(fields=["source_type", "source_id"], name="entry_source")]


class JournalLine(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="lines")
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    account = models.CharField(max_length=32, choices=[(a, a) for a in ACCOUNTS])
    company_id = models.UUIDField(null=True)
    currency = models.CharField(max_length=3)
    debit = MoneyField()
    credit = MoneyField()

    class Meta:
        indexes = [
            models.Index(fields=["marketplace", "account", "company_id"], name="line_balance")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(debit__gte=0, credit__gte=0), name="line_not_negative"
            ),
            models.CheckConstraint(
                condition=(models.Q(debit=0) & ~models.Q(credit=0))
                | (~models.Q(debit=0) & models.Q(credit=0)),
                name="line_one_side",
            ),
        ]
