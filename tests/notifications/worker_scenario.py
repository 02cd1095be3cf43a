"""Steps of the killed-worker test, run as separate processes against the database that
DATABASE_URL names (the worker under test is a separate process too):

    python worker_scenario.py setup RECEIVER_URL   -> {"delivery_id", "secret"}
    python worker_scenario.py status DELIVERY_ID   -> the delivery and its attempt log
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")


def setup(url: str) -> dict:
    from django.utils import timezone

    from credits import services as credits
    from customers import services as customers
    from notifications import services as notifications
    from notifications.models import WebhookDelivery

    at = timezone.now()
    mp = customers.marketplace_create(slug=f"kill{at.timestamp():.0f}", name="Kill Test",
                                      at=at)
    company = customers.company_create(marketplace=mp, name="Globex", at=at)
    endpoint = notifications.webhook_endpoint_create(marketplace=mp, url=url, at=at,
                                                     event_types=["credit_memo.issued"])
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", actor="test", at=at,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "10.00"}])
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    return {"delivery_id": str(delivery.id), "secret": endpoint.secret}


def status(delivery_id: str) -> dict:
    from django_tasks_db.models import DBTaskResult

    from notifications.models import WebhookDelivery
    from notifications.serializers import delivery_data

    data = delivery_data(WebhookDelivery.objects.get(pk=delivery_id))
    data["jobs"] = sorted(DBTaskResult.objects.filter(
        task_path="notifications.tasks.deliver_webhook").values_list("status", flat=True))
    return data


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    import django

    django.setup()
    step, argument = sys.argv[1], sys.argv[2]
    print(json.dumps(setup(argument) if step == "setup" else status(argument)))
