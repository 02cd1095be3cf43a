from django.db import migrations, models


def categorise(apps, schema_editor):
    """Lines written before categories: taxed is S; untaxed is Z (zero rated) when the seller
    has a VAT id, else O (not subject to VAT), as the e-invoices described them."""
    Line = apps.get_model("invoicing", "InvoiceLine")
    Company = apps.get_model("customers", "Company")
    registered = Company.objects.filter(is_own=True).exclude(vat_id="").values("marketplace_id")
    untaxed = Line.objects.filter(tax_rate=0)
    untaxed.filter(invoice__marketplace_id__in=registered).update(tax_category="Z")
    untaxed.exclude(invoice__marketplace_id__in=registered).update(tax_category="O")


class Migration(migrations.Migration):

    dependencies = [
        ('invoicing', '0003_rounded_amount_due_check'),
        ('customers', '0004_name_search_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='invoiceline',
            name='tax_category',
            field=models.CharField(default='S', max_length=2),
        ),
        migrations.AddField(
            model_name='invoiceline',
            name='tax_exemption_reason',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AddField(
            model_name='invoiceline',
            name='tax_exemption_reason_code',
            field=models.CharField(blank=True, default='', max_length=30),
        ),
        migrations.RunPython(categorise, migrations.RunPython.noop),
    ]
