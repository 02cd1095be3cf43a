import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('billing', '0002_billing_run_failed_heartbeat'),
    ]

    operations = [
        migrations.AddField(
            model_name='billingrun',
            name='customers_due',
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.AddField(
            model_name='billingrun',
            name='customers_done',
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.CreateModel(
            name='BillingRunBatch',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True,
                                        serialize=False)),
                ('position', models.PositiveIntegerField()),
                ('company_ids', models.JSONField(default=list)),
                ('status', models.CharField(choices=[('ready', 'ready'), ('working', 'working'),
                                                     ('done', 'done')],
                                            default='ready', max_length=8)),
                ('claimed_at', models.DateTimeField(null=True)),
                ('job_id', models.UUIDField(null=True)),
                ('run', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                          related_name='batches', to='billing.billingrun')),
            ],
            options={
                'indexes': [models.Index(condition=models.Q(('status', 'done'), _negated=True),
                                         fields=['run', 'position'],
                                         name='run_batch_unfinished')],
                'constraints': [models.UniqueConstraint(fields=('run', 'position'),
                                                        name='run_batch_position')],
            },
        ),
    ]
