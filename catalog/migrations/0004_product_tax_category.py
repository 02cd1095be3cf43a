from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0003_plans_prices_subscription_billing'),
    ]

    operations = [
        migrations.AddField(
            model_name='product',
            name='tax_category',
            field=models.CharField(default='S', max_length=2),
        ),
        migrations.AddField(
            model_name='product',
            name='tax_exemption_reason',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AddField(
            model_name='product',
            name='tax_exemption_reason_code',
            field=models.CharField(blank=True, default='', max_length=30),
        ),
    ]
