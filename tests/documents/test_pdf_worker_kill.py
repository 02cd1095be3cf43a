"""A worker killed (SIGKILL) while it renders a credit memo's PDF: the outbox sweep redoes
the job, and the next worker stores the PDF, records `credit_memo.pdf_created`, sends its
e-mail and its webhook, once each (issue 9, point 9). Real processes: `abate db_worker`,
killed while the PDF job runs, a second worker, a webhook receiver and an SMTP server on
loopback; on SQLite and PostgreSQL."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.loopback import Receiver
from tests.notifications import test_worker_kill as harness

SCENARIO = Path(__file__).parent / "pdf_kill_scenario.py"


def _run(env, *args) -> dict:
    result = subprocess.run([sys.executable, str(SCENARIO), *args], env=env,
                            capture_output=True, text=True, timeout=120,
                            cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
def test_a_pdf_job_lost_with_its_worker_is_redone_and_its_mail_and_webhook_follow(
        tmp_path, smtp):
    receiver = Receiver()
    workers = []
    try:
        env = {**os.environ, "DATABASE_URL": harness._database_url(tmp_path),
               "ABATE_WEBHOOKS_ALLOW_PRIVATE": "1", "ABATE_RETRY_BASE_SECONDS": "0.5",
               "ABATE_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
               "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(settings.EMAIL_PORT),
               "ABATE_MEDIA_ROOT": str(tmp_path / "media"), "ABATE_HOME": str(tmp_path)}
        setup = _run(env, "setup", receiver.url)
        receiver.secret = setup["secret"]
        memo_id = setup["memo_id"]

        first = harness._worker(env)
        workers.append(first)
        harness._wait(lambda: _run(env, "status", memo_id)["pdf_jobs"] == ["RUNNING"], 60,
                      "the worker to take the PDF job")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        lost = _run(env, "status", memo_id)
        assert lost == {"pdfs": [], "events": 0, "pdf_jobs": ["RUNNING"], "deliveries": [],
                        "emails": []}

        _run(env, "reset", memo_id)  # the slow template only had to hold the first worker
        assert _run(env, "sweep", "1")["redone_jobs"] == 0  # within the lease
        assert _run(env, "sweep", "3")["redone_jobs"] == 1
        assert _run(env, "status", memo_id)["pdf_jobs"] == ["FAILED", "READY"]

        second = harness._worker(env)
        workers.append(second)
        harness._wait(lambda: _run(env, "status", memo_id)["deliveries"] == ["succeeded"]
                      and _run(env, "status", memo_id)["emails"] == ["succeeded"], 60,
                      "the e-mail and the webhook")
        done = _run(env, "status", memo_id)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=10)
        receiver.close()

    assert done == {"pdfs": [["CM-000001", 1]], "events": 1,
                    "pdf_jobs": ["FAILED", "SUCCESSFUL"], "deliveries": ["succeeded"],
                    "emails": ["succeeded"]}
    assert [r["payload"]["type"] for r in receiver.requests] == ["credit_memo.pdf_created"]
    assert receiver.requests[0]["payload"]["data"]["number"] == "CM-000001"
    [(recipients, message)] = smtp.messages
    assert recipients == ["ap@globex.test"]
    assert [a.get_filename() for a in message.iter_attachments()] == ["CM-000001.pdf"]
