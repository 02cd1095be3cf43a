"""The internal credit `reason` is answered to manager keys only: the key is absent for every
other role in single objects, lists, create and action answers, previews and events."""

import pytest

from marketplaces.models import ROLES
from tests.api.endpoints import BY_NAME

MEMO_ANSWERS = ["credit_from_invoice", "credit_from_invoice_preview", "credit_ad_hoc",
                "credit_ad_hoc_preview", "credit_memo_get", "credit_memo_issue",
                "application_create", "application_reverse", "credit_memo_auto_apply",
                "payout_create", "credit_memo_void", "credit_memo_close"]
LIST_ANSWERS = ["credit_memo_list", "credit_memo_events", "event_list"]


def _memos_in(name, body):
    if name in LIST_ANSWERS:
        items = body["data"]
        return [item["data"] if "data" in item else item for item in items]
    return [body]


ALLOWED = [(name, role) for name in MEMO_ANSWERS + LIST_ANSWERS for role in ROLES
           if role in BY_NAME[name].roles]


@pytest.mark.parametrize("name,role", ALLOWED)
def test_reason_is_answered_to_managers_only(world, name, role):
    endpoint = BY_NAME[name]
    world.memo(world.mine, reason="internal note")  # something to list, with a reason
    path, body = endpoint.build(world, world.mine)
    response = world.client(role).request(endpoint.method, path, body)
    assert response.status_code == 200, response.content
    memos = [m for m in _memos_in(name, response.json()) if m.get("object") == "credit_memo"]
    assert memos, "the answer holds a credit memo"
    for memo in memos:
        if role == "manager" and name not in ("credit_memo_events", "event_list"):
            assert memo["reason"] in ("internal note", "internal")
        else:
            assert "reason" not in memo, memo


def test_a_managers_reason_is_the_one_given(world):
    manager = world.client("manager")
    body = {"company_id": str(world.mine.id), "reason_code": "goodwill",
            "reason": "loyal customer, per Ann",
            "lines": [{"name": "Gift", "quantity": "1", "unit_price": "5.00"}]}
    memo = manager.post("/credit_memos", body).json()
    assert memo["reason"] == "loyal customer, per Ann"
    assert "reason" not in world.client("billing").get(f"/credit_memos/{memo['id']}").json()
    assert "reason" not in world.client("customer").get(
        f"/credit_memos/{memo['id']}").json()
