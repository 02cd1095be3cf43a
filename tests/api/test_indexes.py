"""An index behind every list filter and sort: with sequential scans priced out, PostgreSQL
still finds an index for each list query the API runs (the `q` search through its trigram
indexes)."""

import pytest
from django.db import connection

from api.pagination import BY_CREATED, BY_ID
from catalog.selectors import product_list
from credits.selectors import credit_memo_list, invoice_list
from customers.models import Company
from notifications.models import Event


@pytest.mark.postgres
def test_every_list_query_has_an_index(world):
    mp, company = world.mp, str(world.mine.id)
    memo_filters = [{}, {"status": "unapplied"}, {"company_id": company}, {"user_id": company},
                    {"origin": "refund"}, {"currency": "EUR"}, {"issued_from": "2026-01-01"},
                    {"issued_to": "2026-01-31"}, {"q": "cm-00"},
                    {"visible_to_company_id": world.mine.id}]
    queries = [credit_memo_list(marketplace=mp, **f).order_by(*BY_CREATED.order_by())
               for f in memo_filters]
    queries += [invoice_list(marketplace=mp, **f).order_by(*BY_CREATED.order_by())
                for f in ({}, {"status": "open"}, {"company_id": company},
                          {"visible_to_company_id": world.mine.id})]
    queries += [
        product_list(marketplace=mp).order_by(*BY_CREATED.order_by()),
        Company.objects.filter(marketplace=mp).order_by(*BY_CREATED.order_by()),
        Event.objects.filter(marketplace=mp).order_by(*BY_ID.order_by()),
        Event.objects.filter(marketplace=mp, type="credit_memo.issued")
        .order_by(*BY_ID.order_by()),
        Event.objects.filter(subject_type="credit_memo", subject_id=world.mine.id)
        .order_by("id"),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for query in queries:
        plan = query[:21].explain()
        assert "Seq Scan" not in plan, f"{query.query}\n{plan}"


@pytest.mark.postgres
def test_the_q_search_matches_its_trigram_indexes(db):
    """Django's `icontains` SQL is the very expression the trigram indexes are built on."""
    from credits.models import CreditMemo, CreditMemoLine

    searches = {"memo_number_trgm": CreditMemo.objects.filter(number__icontains="cm-00"),
                "company_name_trgm": Company.objects.filter(name__icontains="globex"),
                "memo_line_description_trgm":
                    CreditMemoLine.objects.filter(description__icontains="outage")}
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for index, query in searches.items():
        assert index in query.explain(), index
