"""Asking for a billing run: `as_of` bounded (from the marketplace's creation to a year ahead,
else 400 and no run), and `test_mode` (billing ahead of time) on a test marketplace only,
which a marketplace is made at creation and stays (issue 9, point 9). A subscription's start
is bounded too (9999-12-31 was a 500)."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from billing.models import BillingRun
from catalog.models import Subscription
from customers import services as customers
from marketplaces.models import Marketplace
from tests.api.conftest import ApiClient, error_of, key_for
from tests.billing.endpoints import plan
from tests.conftest import T0


def _today() -> datetime.date:
    return timezone.now().date()


@pytest.fixture
def test_market(db):
    """A test marketplace, created (like `mp`) on T0, 2026-01-15."""
    mp = customers.marketplace_create(slug="sandbox", name="Sandbox", is_test=True, at=T0)
    return mp, ApiClient(key_for(mp, "manager"))


def _runs_and_jobs(mp) -> tuple[int, int]:
    return (BillingRun.objects.filter(marketplace=mp).count(),
            DBTaskResult.objects.filter(task_path__endswith="billing_run_task").count())


def test_the_marketplace_says_whether_it_is_a_test_one_and_it_cannot_be_changed(
        api, test_market):
    sandbox, manager = test_market
    assert manager.get("/marketplace").json()["is_test"] is True
    assert api("manager").get("/marketplace").json()["is_test"] is False
    changed = manager.patch("/marketplace/settings", {"is_test": False})
    assert (changed.status_code, error_of(changed)["code"]) == (400, "unknown_parameter")
    assert Marketplace.objects.get(pk=sandbox.pk).is_test is True


def test_test_mode_is_refused_on_a_live_marketplace_whatever_the_date(world, api):
    manager = api("manager")
    for body in ({"test_mode": True}, {"as_of": (_today() + datetime.timedelta(days=3))
                                       .isoformat(), "test_mode": True}):
        refused = manager.post("/billing_runs", body)
        assert refused.status_code == 422, body
        assert (error_of(refused)["code"], error_of(refused)["param"]) == (
            "not_a_test_marketplace", "test_mode")
    assert _runs_and_jobs(world.mp) == (0, 0)


def test_a_test_marketplace_bills_ahead_in_test_mode_only(test_market):
    sandbox, manager = test_market
    ahead = (_today() + datetime.timedelta(days=30)).isoformat()
    plain = manager.post("/billing_runs", {"as_of": ahead})
    assert (plain.status_code, error_of(plain)["code"]) == (422, "future_as_of")
    run = manager.post("/billing_runs", {"as_of": ahead, "test_mode": True})
    assert run.status_code == 200, run.content
    assert (run.json()["as_of"], run.json()["status"]) == (ahead, "queued")
    assert _runs_and_jobs(sandbox) == (1, 1)


def _a_year_after(day):
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else \
        day.replace(year=day.year + 1, day=28)


def test_as_of_runs_from_the_marketplace_s_creation_to_a_year_ahead(test_market):
    """The sandbox was created on 2026-01-15: that day is the first allowed, the day before
    is not. A year after today is the last allowed, the day after it is not; 9999-12-31 and
    0001-01-01 are refused before anything is queued (no run is left "running"). Such days
    are well-formed dates outside a window that moves with today, which no schema can hold:
    a 422; a malformed date is a 400."""
    sandbox, manager = test_market
    last = _a_year_after(_today())
    for as_of in ("9999-12-31", "0001-01-01", "2026-01-14",
                  (last + datetime.timedelta(days=1)).isoformat()):
        refused = manager.post("/billing_runs", {"as_of": as_of, "test_mode": True})
        assert refused.status_code == 422, as_of
        assert (error_of(refused)["code"], error_of(refused)["param"]) == (
            "as_of_out_of_range", "as_of")
    for malformed in ("2026-02-30", "10000-01-01", "soon"):
        refused = manager.post("/billing_runs", {"as_of": malformed, "test_mode": True})
        assert (refused.status_code, error_of(refused)["param"]) == (400, "as_of")
    assert _runs_and_jobs(sandbox) == (0, 0)
    for as_of in ("2026-01-15", last.isoformat()):
        assert manager.post("/billing_runs", {"as_of": as_of, "test_mode": True}
                            ).status_code == 200
    assert _runs_and_jobs(sandbox) == (2, 2)


def test_the_commands_make_a_test_marketplace_and_refuse_test_mode_elsewhere(db, capsys):
    call_command("create_marketplace", "--slug", "trial", "--name", "Trial", "--test")
    call_command("create_marketplace", "--slug", "shop", "--name", "Shop")
    assert dict(Marketplace.objects.values_list("slug", "is_test")) == {
        "trial": True, "shop": False}
    ahead = (_today() + datetime.timedelta(days=2)).isoformat()
    with pytest.raises(CommandError, match="shop: test_mode is for test marketplaces only"):
        call_command("bill_run", "--as-of", ahead, "--test-mode", "--marketplace", "shop")
    with pytest.raises(CommandError, match="as_of is a day from"):
        call_command("bill_run", "--as-of", "9999-12-31", "--test-mode",
                     "--marketplace", "trial")
    assert not BillingRun.objects.exists()
    call_command("bill_run", "--as-of", ahead, "--test-mode", "--marketplace", "trial")
    assert list(BillingRun.objects.values_list("marketplace__slug", "as_of", "status")) == [
        ("trial", datetime.date.fromisoformat(ahead), "completed")]


def test_a_subscription_starts_within_a_year_of_today(world, api):
    manager = api("manager")
    today = _today()
    body = {"company_id": str(world.mine.id), "plan_id": str(plan(world).id)}
    for start in ("9999-12-31", "0001-01-01", (today - datetime.timedelta(days=400))
                  .isoformat(), (_a_year_after(today) + datetime.timedelta(days=1))
                  .isoformat()):
        refused = manager.post("/subscriptions", {**body, "start_date": start})
        assert refused.status_code == 422, (start, refused.content)
        assert (error_of(refused)["code"], error_of(refused)["param"]) == (
            "start_date_out_of_range", "start_date")
    assert not Subscription.objects.exists()
    for start in ((today - datetime.timedelta(days=300)).isoformat(),
                  _a_year_after(today).isoformat()):
        made = manager.post("/subscriptions", {**body, "start_date": start})
        assert (made.status_code, made.json()["period_start"]) == (200, start)
