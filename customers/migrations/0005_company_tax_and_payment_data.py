from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('customers', '0004_name_search_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='company',
            name='bic',
            field=models.CharField(blank=True, default='', max_length=11),
        ),
        migrations.AddField(
            model_name='company',
            name='iban',
            field=models.CharField(blank=True, default='', max_length=34),
        ),
        migrations.AddField(
            model_name='company',
            name='registration_id',
            field=models.CharField(blank=True, default='', max_length=100),
        ),
        migrations.AddField(
            model_name='company',
            name='reverse_charge',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='company',
            name='tax_registration_id',
            field=models.CharField(blank=True, default='', max_length=100),
        ),
    ]
