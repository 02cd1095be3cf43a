"""Sign-in users for the demo marketplace: one per role, and a customer user of Globex."""

from django.contrib.auth import get_user_model

from common.clock import now
from customers.models import Company
from marketplaces.models import Marketplace
from web.models import PageUser
from web.services import page_user_create

DEMO_PASSWORD = "abate-demo"


def demo_signins(*, slug: str = "demo") -> list[str]:
    """Create the users unless they exist (and give them the demo password again); returns
    one line per user saying how to sign in."""
    marketplace = Marketplace.objects.filter(slug=slug).first()
    if marketplace is None:
        return []
    globex = Company.objects.filter(marketplace=marketplace, name="Globex Corporation").first()
    wanted = [(role, f"{role}@{slug}.example", None)
              for role in ("manager", "billing", "developer")]
    if globex is not None:
        wanted.append(("customer", f"customer@{slug}.example", globex.id))
    lines = []
    for role, email, company_id in wanted:
        user = get_user_model().objects.filter(username=email).first()
        if user is None:
            page_user_create(marketplace=marketplace, email=email, password=DEMO_PASSWORD,
                             role=role, company_id=company_id, at=now())
        elif PageUser.objects.filter(user=user, marketplace=marketplace).exists():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        else:
            continue
        lines.append(f"{role:<10} sign-in: {email} / {DEMO_PASSWORD}"
                     + (" (Globex Corporation)" if company_id else ""))
    return lines
