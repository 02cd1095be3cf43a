"""Fixtures for documents, e-mail, webhooks and reports: party data for e-invoices, a job
runner that runs queued jobs in this process, a real SMTP server and a real HTTP receiver on
loopback."""

import contextlib
import email
import email.policy
import http.server
import io
import json
import socket
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from abate import einvoice
from customers import services as customers
from tests.conftest import T0

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
SELLER_PARTY = {
    "legal_name": "Acme Market GmbH", "vat_id": "DE123456789", "peppol_id": "9930:DE123456789",
    "address": {"line1": "Hauptstrasse 1", "city": "Berlin", "postal_code": "10115",
                "country": "DE"},
}
BUYER_PARTY = {
    "legal_name": "Globex Corporation B.V.", "vat_id": "NL123456789B01",
    "peppol_id": "0106:12345678",
    "address": {"line1": "Keizersgracht 100", "city": "Amsterdam", "postal_code": "1015 AA",
                "country": "NL"},
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def seller(mp):
    """The marketplace's own company with the party data e-invoices need."""
    own = customers.own_company(marketplace=mp)
    return customers.company_update(marketplace=mp, company_id=own.id, changes=SELLER_PARTY,
                                    at=T0)


@pytest.fixture
def buyer(make_company, seller):
    return make_company("Globex", party=BUYER_PARTY, billing_email="ap@globex.test")


def run_jobs(*, limit: int = 200) -> list:
    """Run every queued job that is due, in this process and this test's transaction, the
    way `db_worker` runs them (jobs that jobs enqueue included). Returns the failed ones."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test",
                    excluded_queue_names=[])
    failed = []
    for _ in range(limit):
        job = DBTaskResult.objects.ready().first()
        if job is None:
            break
        job.claim("test")
        worker.run_task(job)
        job.refresh_from_db()
        if job.status == "FAILED":
            failed.append(job)
    return failed


def assert_jobs_ok():
    failed = run_jobs()
    assert not failed, "\n".join(job.traceback for job in failed)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpInbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback; Django's SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    inbox = SmtpInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


class Receiver:
    """A webhook receiver on loopback. `plan` lists what to answer, in order (a status code,
    or ("sleep", seconds, status)); after the plan it answers 200. Every request is kept
    with whether its signature verified."""

    def __init__(self):
        self.secret = None
        self.plan = []
        self.requests = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                verified = None
                try:
                    verified = Webhook(receiver.secret).verify(body, headers)
                except (WebhookVerificationError, ValueError, TypeError):
                    verified = None
                with receiver.lock:
                    step = receiver.plan.pop(0) if receiver.plan else 200
                    receiver.requests.append({"headers": headers, "body": body,
                                              "payload": verified, "answer": step})
                if isinstance(step, tuple):
                    time.sleep(step[1])
                    step = step[2]
                self.send_response(step)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"received": step < 300}).encode())

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def acknowledged(self) -> list:
        return [r for r in self.requests if r["answer"] == 200 or (
            isinstance(r["answer"], tuple) and r["answer"][2] == 200)]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = True
    receiver = Receiver()
    yield receiver
    receiver.close()


def validate_ubl(paths: list[Path], *, label: str = "documents") -> dict:
    """Run `abate einvoice validate` over the files, under both CEN rule sets, one call each,
    in this process (the rules compile once per test run). Returns {rule set: output};
    asserts that neither found anything fatal."""
    outputs = {}
    for rules in ("connectingeurope", "peppol-bundled"):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = einvoice.main(["validate", "--cen-rules", rules, *[str(p) for p in paths]])
        outputs[rules] = output.getvalue()
        (ARTIFACTS / "ubl").mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "ubl" / f"validation-{label}-{rules}.txt").write_text(outputs[rules])
        assert status == 0, outputs[rules]
    return outputs


def keep_ubl(name: str, content: bytes) -> Path:
    folder = ARTIFACTS / "ubl"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.xml"
    path.write_bytes(content)
    return path
