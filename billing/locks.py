"""Row locks for billing, in Abate's one order: the payer company (a billing run holds it while
it bills that customer), then subscriptions and orders by id, then what credits and invoicing
lock (memos, invoices, the number counter). No service here takes a company lock while holding
a subscription or an order."""

from django.db.models import Exists, OuterRef

from catalog.models import Subscription
from customers.models import Company


def company(*, marketplace, id) -> Company | None:
    return Company.objects.select_for_update(no_key=True, of=("self",)).filter(
        marketplace=marketplace, pk=id).first()


def payer(*, marketplace, id, as_of) -> Company | None:
    """The payer company locked, in the same statement as what a billing run asks first:
    `billed`, whether a run billed it as of `as_of` already (its entry exists), and
    `charges_waiting`, whether it has pending charges billable by then."""
    from billing.models import BillingRunEntry, Charge

    billed = BillingRunEntry.objects.filter(marketplace=marketplace, company=OuterRef("pk"),
                                            as_of=as_of)
    waiting = Charge.objects.filter(marketplace=marketplace, company=OuterRef("pk"),
                                    status="pending", bill_on__lte=as_of)
    return (Company.objects.select_for_update(no_key=True, of=("self",))
            .filter(marketplace=marketplace, pk=id)
            .annotate(billed=Exists(billed), charges_waiting=Exists(waiting)).first())


def subscriptions(*, marketplace, queryset=None, ids=None) -> list[Subscription]:
    rows = queryset if queryset is not None else Subscription.objects.filter(pk__in=list(ids))
    return list(
        rows.filter(marketplace=marketplace)
        .select_related("plan", "company")
        .select_for_update(no_key=True, of=("self",))
        .order_by("id")
    )


def subscription(*, marketplace, id) -> Subscription | None:
    rows = subscriptions(marketplace=marketplace, ids=[id])
    return rows[0] if rows else None
