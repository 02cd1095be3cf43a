from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('customers', '0005_company_tax_and_payment_data'),
    ]

    operations = [
        migrations.AddField(
            model_name='company',
            name='contact_name',
            field=models.CharField(blank=True, default='', max_length=200),
        ),
        migrations.AddField(
            model_name='company',
            name='telephone',
            field=models.CharField(blank=True, default='', max_length=50),
        ),
    ]
