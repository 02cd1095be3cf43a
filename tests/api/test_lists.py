"""Lists: every filter of the contract, limits, and keyset pagination that visits every item
exactly once while new items are created."""

import datetime

from credits import services as credits
from customers import services as customers
from tests.conftest import T0


def _at(day, hour=12, minute=0, second=0):
    return datetime.datetime(2026, 1, day, hour, minute, second, tzinfo=datetime.UTC)


def _ad_hoc(world, company, *, at, description="Sorry", currency=None, user=None,
            draft=False, amount="10.00"):
    return credits.credit_memo_create_ad_hoc(
        marketplace=world.mp, company_id=company.id, user_id=user.id if user else None,
        reason_code="goodwill", currency=currency, draft=draft,
        lines=[{"name": "Credit", "description": description, "quantity": "1",
                "unit_price": amount}], actor="test", at=at)


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["data"]]


def test_credit_memo_filters(world):
    reseller = customers.company_create(marketplace=world.mp, name="Umbrella Resale",
                                        is_reseller=True, at=T0)
    end = customers.company_create(marketplace=world.mp, name="Wayne Enterprises",
                                   reseller_id=reseller.id, at=T0)
    ann = customers.user_create(marketplace=world.mp, company_id=world.mine.id,
                                email="ann@globex.com", name="Ann", at=T0)
    late_jan = _ad_hoc(world, world.mine, at=_at(31, 23, 59, 59), description="Outage refund")
    feb = _ad_hoc(world, world.mine, at=_at(31) + datetime.timedelta(hours=12, seconds=1),
                  user=ann)
    euro = _ad_hoc(world, world.theirs, at=_at(10), currency="EUR")
    billed = _ad_hoc(world, end, at=_at(11))
    draft = _ad_hoc(world, world.theirs, at=_at(12), draft=True)
    invoice = world.invoice(world.theirs, "50.00")
    from_invoice = credits.credit_memo_create_from_invoice(
        marketplace=world.mp, invoice_id=invoice.id, reason_code="overcharge",
        actor="test", at=_at(13))
    manager = world.client("manager")

    def listed(**params):
        return _ids(manager.get("/credit_memos", params))

    assert listed() == [str(m.id) for m in (feb, late_jan, from_invoice, draft, billed, euro)]
    assert listed(status="draft") == [str(draft.id)]
    assert listed(status="fully_applied") == [str(from_invoice.id)]
    assert listed(status="unapplied") == [str(m.id) for m in (feb, late_jan, billed, euro)]
    assert listed(company_id=str(world.mine.id)) == [str(feb.id), str(late_jan.id)]
    # company_id matches the payer (the reseller) or the billed company (its customer).
    assert listed(company_id=str(reseller.id)) == [str(billed.id)]
    assert listed(company_id=str(end.id)) == [str(billed.id)]
    assert listed(user_id=str(ann.id)) == [str(feb.id)]
    assert listed(origin="invoice") == [str(from_invoice.id)]
    assert listed(origin="ad_hoc", currency="EUR") == [str(euro.id)]
    # Inclusive UTC dates: 23:59:59 on the 31st is in January, 00:00:00 on the 1st is not.
    assert listed(issued_to="2026-01-31", issued_from="2026-01-31") == [str(late_jan.id)]
    assert listed(issued_from="2026-02-01") == [str(feb.id)]
    assert listed(issued_from="2026-01-11", issued_to="2026-01-13") == [
        str(from_invoice.id), str(billed.id)]
    assert listed(issued_from="2026-02-02") == []
    # q: number, company name, billed company name, line descriptions; any case.
    assert listed(q=late_jan.number.lower()) == [str(late_jan.id)]
    assert listed(q="INITECH") == [str(from_invoice.id), str(draft.id), str(euro.id)]
    assert listed(q="wayne") == [str(billed.id)]
    assert listed(q="resale") == [str(billed.id)]
    assert listed(q="outage") == [str(late_jan.id)]
    assert listed(q="100%_") == []
    assert listed(q="outage", company_id=str(world.theirs.id)) == []


def test_invoice_filters(world):
    reseller = customers.company_create(marketplace=world.mp, name="Resale", is_reseller=True,
                                        at=T0)
    end = customers.company_create(marketplace=world.mp, name="End", reseller_id=reseller.id,
                                   at=T0)
    open_ = world.invoice(world.mine, "10.00")
    draft = world.invoice(world.mine, "10.00", finalize=False)
    theirs = world.invoice(world.theirs, "10.00")
    billed = world.invoice(end, "10.00")
    manager = world.client("manager")

    def listed(**params):
        return _ids(manager.get("/invoices", params))

    assert listed() == [str(i.id) for i in (billed, theirs, draft, open_)]
    assert listed(status="draft") == [str(draft.id)]
    assert listed(status="open", company_id=str(world.mine.id)) == [str(open_.id)]
    assert listed(company_id=str(end.id)) == [str(billed.id)]
    assert listed(company_id=str(reseller.id)) == [str(billed.id)]
    assert listed(status="paid") == []


def test_limit_defaults_to_20_and_goes_to_100(world):
    for i in range(105):
        _ad_hoc(world, world.mine, at=T0 + datetime.timedelta(seconds=i), amount="1.00")
    manager = world.client("manager")
    first = manager.get("/credit_memos").json()
    assert (len(first["data"]), first["has_more"]) == (20, True)
    big = manager.get("/credit_memos", {"limit": 100}).json()
    assert (len(big["data"]), big["has_more"]) == (100, True)
    rest = manager.get("/credit_memos", {"limit": 100, "cursor": big["next_cursor"]}).json()
    assert (len(rest["data"]), rest["has_more"], rest["next_cursor"]) == (5, False, None)


def test_pagination_visits_every_item_once_while_items_are_created(world):
    """Items share timestamps (ties broken by id) and new ones arrive between pages: the walk
    sees each item that existed at its start exactly once."""
    existing = []
    for i in range(11):
        at = T0 + datetime.timedelta(minutes=i // 3)  # three memos per timestamp
        existing.append(_ad_hoc(world, world.mine, at=at, amount="1.00"))
    manager = world.client("manager")
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        body = manager.get("/credit_memos", params).json()
        seen += [item["id"] for item in body["data"]]
        pages += 1
        # Newer items, one of them with the very timestamp of the page's last item.
        _ad_hoc(world, world.mine, at=T0 + datetime.timedelta(hours=1, minutes=pages),
                amount="2.00")
        last = datetime.datetime.fromisoformat(body["data"][-1]["created_at"])
        _ad_hoc(world, world.mine, at=last, amount="2.00")
        if not body["has_more"]:
            break
        cursor = body["next_cursor"]
    existing_ids = {str(m.id) for m in existing}
    visited_existing = [i for i in seen if i in existing_ids]
    assert sorted(visited_existing) == sorted(existing_ids)
    assert len(seen) == len(set(seen))
    # A new item shows up only if it sorts after the cursor (the same timestamp, a lower id).
    assert len(seen) - len(visited_existing) <= pages


def test_every_list_paginates_the_same_way(world):
    for _ in range(3):
        world.invoice(world.mine, "5.00")
        world.product()
    manager = world.client("manager")
    for path in ("/companies", "/invoices", "/products", "/events", "/credit_memos"):
        first = manager.get(path, {"limit": 1}).json()
        assert set(first) == {"object", "data", "has_more", "next_cursor"}
        assert first["object"] == "list"
        walked, cursor = [], None
        while True:
            body = manager.get(path, {"limit": 2, **({"cursor": cursor} if cursor else {})}
                               ).json()
            walked += [item["id"] for item in body["data"]]
            if not body["has_more"]:
                break
            cursor = body["next_cursor"]
        everything = [item["id"] for item in manager.get(path, {"limit": 100}).json()["data"]]
        assert walked == everything, path
