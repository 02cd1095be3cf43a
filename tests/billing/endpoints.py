"""The billing endpoints, for the API suite's walk over every endpoint (roles, customer
confinement, OpenAPI): tests/api/endpoints.py adds them to its ENDPOINTS."""

import uuid

from billing import services as billing


def plan(world, scheme="per_seat"):
    product = world.product()
    return billing.plan_create(marketplace=world.mp, product_id=product.id,
                               code=f"plan-{uuid.uuid4().hex[:10]}", name="Team",
                               scheme=scheme, interval="month", unit_price="30.00",
                               at=world.clock())


def subscription(world, owner, scheme="per_seat"):
    return billing.subscription_create(marketplace=world.mp,
                                       company_id=world.company(owner).id,
                                       plan_id=plan(world, scheme).id, actor="test",
                                       at=world.clock())


def billing_endpoints(Endpoint, *, READ, MANAGE):  # noqa: N803 - the API suite's names
    return [
        Endpoint("plan_create", "POST", MANAGE, lambda w, o: ("/plans", {
            "product_id": str(w.product().id), "code": f"p-{uuid.uuid4().hex[:8]}",
            "name": "Pro", "scheme": "flat", "interval": "month", "unit_price": "10.00"}),
            names_object=False),
        Endpoint("plan_list", "GET", READ, lambda w, o: ("/plans", None), names_object=False),
        Endpoint("subscription_create", "POST", MANAGE, lambda w, o: ("/subscriptions", {
            "company_id": str(w.company(o).id), "plan_id": str(plan(w).id),
            "quantity": "2"}), names_object=False),
        Endpoint("subscription_list", "GET", READ, lambda w, o: ("/subscriptions", None),
                 names_object=False),
        Endpoint("subscription_get", "GET", READ,
                 lambda w, o: (f"/subscriptions/{subscription(w, o).id}", None)),
        Endpoint("subscription_change", "POST", MANAGE,
                 lambda w, o: (f"/subscriptions/{subscription(w, o).id}/change",
                               {"quantity": "3"})),
        Endpoint("subscription_cancel", "POST", MANAGE,
                 lambda w, o: (f"/subscriptions/{subscription(w, o).id}/cancel",
                               {"at_period_end": True})),
        Endpoint("usage_record_create", "POST", MANAGE,
                 lambda w, o: (f"/subscriptions/{subscription(w, o, 'metered').id}"
                               "/usage_records", {"quantity": "-2"})),
        Endpoint("usage_record_list", "GET", READ,
                 lambda w, o: (f"/subscriptions/{subscription(w, o, 'metered').id}"
                               "/usage_records", None)),
        Endpoint("billing_run_create", "POST", MANAGE, lambda w, o: ("/billing_runs", {}),
                 names_object=False),
        Endpoint("billing_run_list", "GET", MANAGE, lambda w, o: ("/billing_runs", None),
                 names_object=False),
        Endpoint("billing_run_get", "GET", MANAGE, lambda w, o: (
            f"/billing_runs/{billing.billing_run_request(marketplace=w.mp, today=w.clock().date(), at=w.clock()).id}",  # noqa: E501
            None), names_object=False),
    ]
