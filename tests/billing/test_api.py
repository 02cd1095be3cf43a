"""The billing endpoints over HTTP: subscriptions created, looked up, changed and cancelled,
usage recorded, and a billing run asked for and worked by the background task."""

import datetime

from django_tasks_db.models import DBTaskResult

from billing.services import billing_run
from billing.tasks import billing_run_task
from credits.models import CreditMemo
from customers.models import Company
from invoicing.models import Invoice
from tests.api.conftest import error_of
from tests.billing.endpoints import plan


def _work_queued_runs():
    """What the background worker does: run each queued billing run task once."""
    for result in DBTaskResult.objects.filter(task_path__endswith="billing_run_task"):
        billing_run_task.call(**result.args_kwargs["kwargs"])
        result.delete()


def test_subscribe_change_and_bill_over_the_api(world, api):
    """Subscribed today to Pro (100.00 a month), changed today to Basic (40.00): the whole
    period is unused, so 100.00 is credited and 40.00 charged; with the first period's
    100.00 still unbilled, the run's invoice is 100.00 - 100.00 + 40.00 = 40.00."""
    manager = api("manager")
    pro = manager.post("/plans", {"product_id": str(world.product().id), "code": "pro",
                                  "name": "Pro", "scheme": "flat", "interval": "month",
                                  "unit_price": "100.00"}).json()
    basic = manager.post("/plans", {"product_id": pro["product_id"], "code": "basic",
                                    "name": "Basic", "scheme": "flat", "interval": "month",
                                    "unit_price": 40}).json()
    response = manager.post("/subscriptions", {"company_id": str(world.mine.id),
                                               "plan_id": pro["id"]})
    assert response.status_code == 200, response.content
    sub = response.json()
    assert (sub["object"], sub["status"], sub["unit_price"], sub["quantity"]) == (
        "subscription", "active", "100.00", "1")

    changed = manager.post(f"/subscriptions/{sub['id']}/change", {"plan_id": basic["id"]})
    assert changed.status_code == 200, changed.content
    assert changed.json()["plan_code"] == "basic"

    run = manager.post("/billing_runs", {})
    assert run.status_code == 200, run.content
    assert run.json()["status"] == "queued"
    _work_queued_runs()
    done = manager.get(f"/billing_runs/{run.json()['id']}").json()
    assert (done["status"], done["invoices_issued"], done["credit_memos_issued"]) == (
        "completed", 1, 0)
    invoice = Invoice.objects.get(company=world.mine)
    assert invoice.total == 40
    assert [(x.billing_action, x.amount) for x in invoice.lines.all()] == [
        ("renewal", 100), ("downgrade", -100), ("downgrade", 40)]


def test_lookup_by_product_name_and_uuid(world, api):
    sub = api("manager").post("/subscriptions", {
        "company_id": str(world.mine.id), "plan_id": str(plan(world).id),
        "quantity": "3"}).json()
    other = api("manager").post("/subscriptions", {
        "company_id": str(world.theirs.id), "plan_id": str(plan(world).id)}).json()
    manager, customer = api("manager"), api("customer")

    by_name = manager.get("/subscriptions", {"product_name": sub["product_name"].upper()})
    assert [s["id"] for s in by_name.json()["data"]] == [sub["id"]]
    by_uuid = manager.get("/subscriptions", {"q": sub["id"]}).json()["data"]
    assert [s["id"] for s in by_uuid] == [sub["id"]]
    assert manager.get(f"/subscriptions/{sub['id']}").json()["quantity"] == "3"
    assert manager.get("/subscriptions", {"q": "no such thing"}).json()["data"] == []

    assert [s["id"] for s in customer.get("/subscriptions").json()["data"]] == [sub["id"]]
    assert customer.get(f"/subscriptions/{other['id']}").status_code == 404
    assert error_of(customer.post(f"/subscriptions/{other['id']}/cancel", {}))["type"] == (
        "not_found")
    assert customer.post(f"/subscriptions/{sub['id']}/cancel", {}).status_code == 403


def test_cancel_usage_and_errors(world, api):
    manager = api("manager")
    metered = plan(world, "metered")
    sub = manager.post("/subscriptions", {"company_id": str(world.mine.id),
                                          "plan_id": str(metered.id)}).json()
    usage = manager.post(f"/subscriptions/{sub['id']}/usage_records", {"quantity": "-5"})
    assert usage.status_code == 200, usage.content
    assert usage.json()["quantity"] == "-5"
    listed = manager.get(f"/subscriptions/{sub['id']}/usage_records").json()["data"]
    assert [u["id"] for u in listed] == [usage.json()["id"]]
    assert error_of(manager.post(f"/subscriptions/{sub['id']}/usage_records",
                                 {"quantity": "0"}))["param"] == "quantity"

    flat = manager.post("/subscriptions", {"company_id": str(world.mine.id),
                                           "plan_id": str(plan(world).id)}).json()
    assert error_of(manager.post(f"/subscriptions/{flat['id']}/usage_records",
                                 {"quantity": "1"}))["code"] == "not_metered"
    later = manager.post(f"/subscriptions/{flat['id']}/cancel", {"at_period_end": True}).json()
    assert later["cancel_at_period_end"] and later["status"] == "active"
    now = manager.post(f"/subscriptions/{sub['id']}/cancel", {}).json()
    assert now["status"] == "cancelled"
    again = manager.post(f"/subscriptions/{sub['id']}/cancel", {})
    assert (again.status_code, error_of(again)["code"]) == (409, "invalid_state")

    own = Company.objects.get(marketplace=world.mp, is_own=True)
    refused = manager.post("/subscriptions", {"company_id": str(own.id),
                                              "plan_id": str(plan(world).id)})
    assert (refused.status_code, error_of(refused)["code"]) == (422, "own_company")

    future = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    ahead = manager.post("/billing_runs", {"as_of": future})
    assert (ahead.status_code, error_of(ahead)["code"]) == (422, "future_as_of")
    live = manager.post("/billing_runs", {"as_of": future, "test_mode": True})
    assert (live.status_code, error_of(live)["code"]) == (422, "not_a_test_marketplace")
    # Tomorrow's daily run (usage is rated until the end of the day of the cancellation).
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    billing_run(marketplace=world.mp, as_of=tomorrow, actor="daily_billing",
                at=datetime.datetime.combine(tomorrow, datetime.time(0, 5), tzinfo=datetime.UTC))
    # The usage of -5 units at 30.00 (rated at the cancellation, -150.00) and the flat
    # plan's first period (30.00; it then ends) make one document: a credit of 120.00.
    memo = CreditMemo.objects.get(company=world.mine)
    assert (memo.origin, memo.total) == ("negative_usage", 120)
    assert sorted((x.billing_action, x.amount) for x in memo.lines.all()) == [
        ("renewal", -30), ("usage", 150)]
