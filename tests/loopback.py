"""Real services on loopback for the tests: an SMTP server (aiosmtpd) that Django's SMTP
backend sends to, and a webhook receiver that answers as planned and verifies signatures."""

import email
import email.policy
import http.server
import json
import threading
import time

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


class SmtpInbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


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
