"""Webhooks to a real HTTP receiver on loopback, signed per Standard Webhooks, at least once."""

import datetime
import json

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from common.errors import InvalidInput, InvalidState
from common.jobs import backoff
from credits import services as credits
from notifications import services as notifications
from notifications.models import Event, WebhookDelivery
from tests.jobs import assert_jobs_ok

# The invoice object inside `data` of invoice events, payload version 1. Changing it breaks
# every receiver: a new shape is a new payload version.
# Within a payload version fields are only added, never renamed or removed: the tax clearance
# of a document and the VAT category and exemption reason of a line (issue 11) came later in
# version 1.
INVOICE_PAYLOAD_V1 = {
    "id", "object", "number", "status", "company_id", "billed_company_id", "user_id",
    "currency", "issued_at", "due_date", "tax_clearance_id", "tax_clearance_url", "created_at",
    "lines", "subtotal", "discount_total", "tax_total", "total", "amount_credited",
    "amount_paid", "amount_due", "credit_applications",
}
INVOICE_LINE_V1 = {
    "id", "product_id", "name", "description", "quantity", "unit_price", "discount_amount",
    "amount", "tax_category", "tax_rate", "tax_exemption_reason_code", "tax_exemption_reason",
    "tax_amount", "total", "billing_action", "period_start", "period_end", "subscription_id",
    "credited_amount",
}


def endpoint_for(mp, receiver, types=("credit_memo.issued",)):
    endpoint = notifications.webhook_endpoint_create(marketplace=mp, url=receiver.url,
                                                     event_types=list(types),
                                                     at=timezone.now())
    receiver.secret = endpoint.secret
    return endpoint


def issue_memo(mp, company, amount="75.00"):
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", actor="t",
        at=timezone.now(), lines=[{"name": "Goodwill", "quantity": "1", "unit_price": amount}])


def test_signed_delivery_verifies(mp, customer, receiver):
    endpoint = endpoint_for(mp, receiver)
    assert endpoint.secret.startswith("whsec_")
    memo = issue_memo(mp, customer)
    delivery = WebhookDelivery.objects.get()
    # Queued with the event, in the same transaction.
    assert DBTaskResult.objects.get(pk=delivery.wakeup_job_id).status == "READY"
    assert_jobs_ok()

    [request] = receiver.requests
    assert request["payload"] is not None, "the signature did not verify"
    event = Event.objects.get(type="credit_memo.issued")
    assert request["headers"]["webhook-id"] == f"evt_{event.id}"
    assert request["payload"]["type"] == "credit_memo.issued"
    assert request["payload"]["timestamp"] == event.at.isoformat().replace("+00:00", "Z")
    assert request["payload"]["data"]["number"] == memo.number
    assert request["payload"]["data"]["total"] == "75.00"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)
    [attempt] = delivery.attempt_log.all()
    assert attempt.status_code == 200 and attempt.error == "" and attempt.response_ms >= 0
    # Delivered: no wake-up job is left behind.
    assert not DBTaskResult.objects.filter(pk=delivery.wakeup_job_id).exists()


def test_receiver_failing_twice_then_succeeding_acknowledges_once(mp, customer, receiver,
                                                                 settings):
    settings.ABATE_WEBHOOK_TIMEOUT = 2
    receiver.plan = [500, 503]
    endpoint_for(mp, receiver)
    issue_memo(mp, customer)
    delivery = WebhookDelivery.objects.get()
    start = timezone.now()
    statuses = []
    at = start
    for _ in range(3):
        statuses.append(notifications.webhook_deliver(delivery_id=delivery.id, at=at))
        delivery.refresh_from_db()
        if delivery.status == "pending":
            # The retry is queued for when the backoff is over (here the 4 s lease: 2 s of
            # timeout and half again), and not a moment earlier.
            job = DBTaskResult.objects.get(pk=delivery.wakeup_job_id)
            assert job.run_after == delivery.next_attempt_at
            assert notifications.webhook_deliver(
                delivery_id=delivery.id, at=delivery.next_attempt_at
                - datetime.timedelta(seconds=1)) == "skipped"
            at = delivery.next_attempt_at
    assert statuses == ["pending", "pending", "succeeded"]
    assert [r["answer"] for r in receiver.requests] == [500, 503, 200]
    assert len(receiver.acknowledged()) == 1
    assert len({r["headers"]["webhook-id"] for r in receiver.requests}) == 1
    assert all(r["payload"] for r in receiver.requests)
    log = list(delivery.attempt_log.values_list("number", "status_code", "error"))
    assert log == [(1, 500, "HTTP 500"), (2, 503, "HTTP 503"), (3, 200, "")]
    assert delivery.attempts == 3 and delivery.status == "succeeded"


def test_backoff_is_exponential_and_capped(settings):
    settings.ABATE_RETRY_BASE_SECONDS = 5
    assert [backoff(n).total_seconds() for n in range(1, 7)] == [5, 20, 80, 320, 1280, 5120]
    assert backoff(20) == datetime.timedelta(hours=10)


def test_endpoint_disabled_after_repeated_failure(mp, customer, receiver, settings):
    settings.ABATE_WEBHOOK_DISABLE_AFTER = 3
    settings.ABATE_WEBHOOK_MAX_ATTEMPTS = 2
    receiver.plan = [500] * 10
    endpoint = endpoint_for(mp, receiver)
    # A second endpoint wants to hear about it.
    watcher = notifications.webhook_endpoint_create(
        marketplace=mp, url=receiver.url + "/watch", event_types=["webhook_endpoint.disabled"],
        at=timezone.now())
    first, second = issue_memo(mp, customer), issue_memo(mp, customer)
    assert first and second
    d1, d2 = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("created_at", "id")
    at = timezone.now()
    notifications.webhook_deliver(delivery_id=d1.id, at=at)
    d1.refresh_from_db()
    notifications.webhook_deliver(delivery_id=d1.id, at=d1.next_attempt_at)
    d1.refresh_from_db()
    assert (d1.status, d1.attempts, d1.last_error) == ("failed", 2, "HTTP 500")
    notifications.webhook_deliver(delivery_id=d2.id, at=at)  # the third failure in a row

    endpoint.refresh_from_db()
    d2.refresh_from_db()
    assert endpoint.enabled is False and endpoint.consecutive_failures == 3
    assert endpoint.disabled_reason == "3 failed attempts in a row"
    # Its other deliveries fail at once, their queued retries gone.
    assert (d2.status, d2.last_error) == ("failed", "the webhook endpoint was disabled")
    assert not DBTaskResult.objects.filter(pk=d2.wakeup_job_id).exists()
    event = Event.objects.get(type="webhook_endpoint.disabled")
    assert event.subject_id == endpoint.id and event.data["status"] == "disabled"
    assert "secret" not in event.data
    # The event goes out to the endpoint that wants it, not to the disabled one.
    [told] = WebhookDelivery.objects.filter(event=event)
    assert told.endpoint_id == watcher.id
    # No more deliveries for the disabled endpoint; manual redelivery waits for it.
    issue_memo(mp, customer)
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == 2
    with pytest.raises(InvalidState) as error:
        notifications.webhook_delivery_redeliver(marketplace=mp, delivery_id=d1.id,
                                                 at=timezone.now())
    assert error.value.code == "endpoint_disabled"


def test_manual_redelivery_sends_again(mp, customer, receiver):
    endpoint_for(mp, receiver)
    issue_memo(mp, customer)
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(InvalidState):  # still pending: it goes out anyway
        notifications.webhook_delivery_redeliver(marketplace=mp, delivery_id=delivery.id,
                                                 at=timezone.now())
    assert_jobs_ok()
    notifications.webhook_delivery_redeliver(marketplace=mp, delivery_id=delivery.id,
                                             at=timezone.now())
    assert_jobs_ok()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)
    assert len(receiver.requests) == 2
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]


def test_invoice_payload_keeps_its_versioned_shape(mp, customer, receiver, make_invoice):
    endpoint = endpoint_for(mp, receiver, types=["invoice.issued", "invoice.paid"])
    assert endpoint.payload_version == 1
    make_invoice(customer, [
        {"name": "Plan", "quantity": "1", "unit_price": "10.00", "tax_rate": "0.10"}])
    assert_jobs_ok()
    [request] = receiver.requests
    assert request["headers"]["abate-payload-version"] == "1"
    body = json.loads(request["body"])
    assert set(body) == {"type", "timestamp", "data"}
    assert set(body["data"]) == INVOICE_PAYLOAD_V1
    assert set(body["data"]["lines"][0]) == INVOICE_LINE_V1
    assert body["data"]["total"] == "11.00" and body["data"]["lines"][0]["tax_rate"] == "0.1"


def test_only_wanted_types_and_star(mp, customer, receiver):
    endpoint_for(mp, receiver, types=["invoice.voided"])
    all_events = notifications.webhook_endpoint_create(marketplace=mp, url=receiver.url,
                                                       event_types=["*"], at=timezone.now())
    issue_memo(mp, customer)
    assert list(WebhookDelivery.objects.values_list("endpoint_id", flat=True)) == [
        all_events.id]


@pytest.mark.parametrize(("url", "allow"), [
    ("http://example.com/hook", False),
    ("https://127.0.0.1/hook", False),
    ("https://10.1.2.3/hook", False),
    ("https://[::1]/hook", False),
    ("https://169.254.169.254/latest", False),
    ("https://localhost/hook", False),
    ("ftp://8.8.8.8/hook", True),
    ("https://user:pw@8.8.8.8/hook", True),
    ("not a url", True),
])
def test_urls_must_be_public_https(mp, settings, url, allow):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = allow
    with pytest.raises(InvalidInput) as error:
        notifications.webhook_endpoint_create(marketplace=mp, url=url, at=timezone.now(),
                                              event_types=["credit_memo.issued"])
    assert (error.value.code, error.value.param) == ("invalid_url", "url")


def test_public_address_and_private_when_allowed(mp, settings):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = False
    public = notifications.webhook_endpoint_create(
        marketplace=mp, url="https://8.8.8.8/hook", event_types=["*"], at=timezone.now())
    assert public.url == "https://8.8.8.8/hook"
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = True
    local = notifications.webhook_endpoint_create(
        marketplace=mp, url="http://127.0.0.1:9/hook", event_types=["*"], at=timezone.now())
    assert local.url.startswith("http://127.0.0.1")


@pytest.mark.parametrize("types", [[], "credit_memo.issued", ["Credit Memo"], [1]])
def test_event_types_are_checked(mp, settings, types):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = True
    with pytest.raises(InvalidInput) as error:
        notifications.webhook_endpoint_create(marketplace=mp, url="http://127.0.0.1/x",
                                              event_types=types, at=timezone.now())
    assert error.value.param.startswith("event_types")


def test_deleting_an_endpoint_drops_its_deliveries(mp, customer, receiver):
    endpoint = endpoint_for(mp, receiver)
    issue_memo(mp, customer)
    notifications.webhook_endpoint_delete(marketplace=mp, endpoint_id=endpoint.id)
    assert not WebhookDelivery.objects.exists()
    assert_jobs_ok()  # its queued job finds nothing to do
    assert receiver.requests == []


def test_sweep_puts_a_job_back_behind_a_delivery_that_lost_it(mp, customer, receiver):
    """A worker that died after taking the job and before its first write leaves a pending
    delivery with no job: the sweep queues one, and marks the dead worker's job failed."""
    endpoint_for(mp, receiver)
    issue_memo(mp, customer)
    delivery = WebhookDelivery.objects.get()
    job = DBTaskResult.objects.get(pk=delivery.wakeup_job_id)
    job.claim("dead-worker")  # taken, and never finished
    later = timezone.now() + datetime.timedelta(hours=2)
    assert notifications.outbox_sweep(at=later) == {"requeued": 1, "lost_jobs": 1,
                                                    "redone_jobs": 0}
    job.refresh_from_db()
    assert job.status == "FAILED" and "stopped" in job.traceback
    delivery.refresh_from_db()
    assert DBTaskResult.objects.get(pk=delivery.wakeup_job_id).status == "READY"
    assert notifications.outbox_sweep(at=later) == {"requeued": 0, "lost_jobs": 0,
                                                    "redone_jobs": 0}
    assert_jobs_ok()
    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and len(receiver.requests) == 1
