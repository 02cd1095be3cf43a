"""Steps of the killed PDF worker test (test_pdf_worker_kill.py), each run as a separate
process against the database that DATABASE_URL names:

    python pdf_kill_scenario.py setup RECEIVER_URL  -> {"memo_id", "secret"}: a memo issued
        with a slow PDF template (many pages), a webhook endpoint and the e-mail for
        credit_memo.pdf_created
    python pdf_kill_scenario.py reset MEMO_ID       -> the marketplace's default template again
    python pdf_kill_scenario.py sweep MINUTES       -> the outbox sweep, MINUTES from now
    python pdf_kill_scenario.py status MEMO_ID      -> PDFs, events, jobs, deliveries, e-mails
"""

import datetime
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")

# Twenty thousand paragraphs: WeasyPrint lays them out for many seconds, long enough for the
# worker to be killed while it renders.
SLOW = ('{% for a in "0123456789" %}{% for b in "0123456789" %}{% for c in "0123456789" %}'
        '{% for d in "0123456789" %}{% for e in "01" %}<p>{{ doc.number }} line {{ a }}{{ b }}'
        '{{ c }}{{ d }}{{ e }}</p>{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}')


def setup(url: str) -> dict:
    from django.utils import timezone

    from credits import services as credits
    from customers import services as customers
    from documents import pdf
    from documents import services as documents
    from notifications import services as notifications

    at = timezone.now()
    mp = customers.marketplace_create(slug=f"pdfkill{at.timestamp():.0f}", name="PDF Kill",
                                      at=at)
    company = customers.company_create(marketplace=mp, name="Globex", at=at,
                                       billing_email="ap@globex.test")
    endpoint = notifications.webhook_endpoint_create(marketplace=mp, url=url, at=at,
                                                     event_types=["credit_memo.pdf_created"])
    notifications.email_setting_update(marketplace=mp, kind="credit_memo_pdf_created",
                                       enabled=True, at=at)
    slow = pdf.default_template("credit_memo").replace("</body>", SLOW + "</body>")
    documents.pdf_template_update(marketplace=mp, kind="credit_memo", html=slow, actor="test",
                                  at=at)
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", actor="test", at=at,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "10.00"}])
    return {"memo_id": str(memo.id), "secret": endpoint.secret}


def reset(memo_id: str) -> dict:
    from credits.models import CreditMemo
    from documents import services as documents

    memo = CreditMemo.objects.select_related("marketplace").get(pk=memo_id)
    documents.pdf_template_reset(marketplace=memo.marketplace, kind="credit_memo")
    return {"reset": True}


def sweep(minutes: str) -> dict:
    from django.utils import timezone

    from notifications.services import outbox_sweep

    return outbox_sweep(at=timezone.now() + datetime.timedelta(minutes=int(minutes)))


def status(memo_id: str) -> dict:
    from django_tasks_db.models import DBTaskResult

    from documents.models import GeneratedPdf
    from notifications.models import EmailNotification, Event, WebhookDelivery

    return {
        "pdfs": list(GeneratedPdf.objects.filter(document_id=memo_id)
                     .values_list("number", "version")),
        "events": Event.objects.filter(type="credit_memo.pdf_created",
                                       subject_id=memo_id).count(),
        "pdf_jobs": sorted(DBTaskResult.objects.filter(
            task_path="credits.tasks.generate_pdf").values_list("status", flat=True)),
        "deliveries": sorted(WebhookDelivery.objects.values_list("status", flat=True)),
        "emails": sorted(EmailNotification.objects.values_list("status", flat=True)),
    }


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    import django

    django.setup()
    step, argument = sys.argv[1], sys.argv[2]
    steps = {"setup": setup, "reset": reset, "sweep": sweep, "status": status}
    print(json.dumps(steps[step](argument)))
