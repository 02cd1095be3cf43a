"""gunicorn as Abate runs it: errors gunicorn answers itself, before Django sees the request
(a request line over the limit: 414; too many or too large header fields: 431; a malformed
request: 400), carry the API's error envelope instead of gunicorn's HTML page."""

import json

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

TYPES = {400: "invalid_request", 403: "permission", 414: "invalid_request",
         417: "invalid_request", 431: "invalid_request"}
CODES = {414: "uri_too_long", 431: "headers_too_large"}


def write_error(sock, status_int, reason, mesg):
    body = json.dumps({"error": {
        "type": TYPES.get(status_int, "api_error"),
        "code": CODES.get(status_int, "bad_request" if status_int < 500 else "internal_error"),
        "message": f"{reason}: {mesg}"[:300], "param": None}}).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin1") + body)


class Worker(ThreadWorker):
    def init_process(self):
        util.write_error = write_error
        super().init_process()
