"""The memo's free-text field is its `note` (one meaning per word: a memo is the credit
memo). The API and the payloads still call it `memo`."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("credits", "0005_l_memo_status_currency_list"),
    ]

    operations = [
        migrations.RenameField(model_name="creditmemo", old_name="memo", new_name="note"),
    ]
