"""Page sign-in: who may use the web pages, and as what.

A PageUser links one of Django's auth users (username = the e-mail, lower-cased, so an e-mail
signs in to one marketplace) to a marketplace and a role. Staff users have a role of manager,
billing or developer; a customer user has the role customer and is bound to one company, as a
customer API key is. The roles mean on pages exactly what they mean for API keys."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from marketplaces.roles import ROLES

# A page user has one of the API keys' roles (marketplaces/roles.py), with the same rights.
PAGE_ROLES = ROLES


class PageUser(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="page_user")
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    role = models.CharField(max_length=16, choices=[(r, r) for r in PAGE_ROLES])
    company = models.ForeignKey("customers.Company", null=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(role="customer", company__isnull=False)
                | (~Q(role="customer") & Q(company__isnull=True)),
                name="page_user_customer_has_company",
            )
        ]

    def __str__(self):
        return f"{self.user.username} ({self.role})"
