from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('invoicing', '0004_line_tax_category'),
    ]

    operations = [
        migrations.AddField(
            model_name='invoice',
            name='tax_clearance_id',
            field=models.CharField(blank=True, default='', max_length=100),
        ),
        migrations.AddField(
            model_name='invoice',
            name='tax_clearance_url',
            field=models.CharField(blank=True, default='', max_length=500),
        ),
    ]
