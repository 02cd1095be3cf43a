"""A served Abate for black-box tests: its own database (a fresh SQLite file, or a fresh
PostgreSQL database on the server `DATABASE_URL` names, dropped afterwards), migrated and
seeded with the demo marketplace by the `abate` command, then `abate serve` on a free port.

    with live_abate(tmp_path) as live:
        live.url            # "http://127.0.0.1:PORT"
        live.keys["manager"]
        live.call("POST", "/api/v1/products", {"name": "Seats"})   # -> (status, body)
        live.work()          # run the background jobs that are due, then return

Use it for what only a real server shows (schemathesis over HTTP, generated clients);
everything else is faster through django.test.Client."""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Live:
    url: str
    port: int
    env: dict
    keys: dict = field(default_factory=dict)

    def work(self) -> None:
        """Run the background jobs that are due (PDFs, reports, webhook deliveries, e-mails),
        then return: `abate worker --batch`."""
        _abate(["worker", "--batch"], self.env, timeout=600)

    def call(self, method: str, path: str, body=None, *, role: str = "manager",
             headers: dict | None = None):
        """One request as `role`; answers (status, parsed JSON body or raw text)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        all_headers = {"Authorization": f"Bearer {self.keys[role]}", **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body)
            all_headers["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        raw = response.read().decode()
        connection.close()
        try:
            return response.status, json.loads(raw)
        except ValueError:
            return response.status, raw


def _abate(args, env, **kwargs):
    return subprocess.run([sys.executable, "-m", "abate.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True, **kwargs)


@contextmanager
def _database(tmp_path: Path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'live.sqlite3'}"
        return
    import psycopg

    name = f"abate_live_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield re.sub(r"/[^/]*$", f"/{name}", url)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_ready(port: int, deadline: float, server: subprocess.Popen | None = None) -> None:
    """Until `/readyz` answers 200 on `port` (AssertionError at `deadline`, or as soon as
    `server` has exited)."""
    while time.time() < deadline:
        if server is not None and server.poll() is not None:
            raise AssertionError(f"abate serve exited with {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("abate serve did not become ready")


@contextmanager
def live_abate(tmp_path: Path, *, workers: int = 1, extra_env: dict | None = None):
    """The demo marketplace served on a free port; `keys` holds a key per role (the
    customer key is Globex's)."""
    with _database(tmp_path) as database_url:
        env = {**os.environ, "DATABASE_URL": database_url,
               **(extra_env or {})}
        env.pop("ABATE_TEST_DB_NAME", None)
        _abate(["migrate", "--verbosity", "0"], env)
        printed = _abate(["demo"], env).stdout
        keys = dict(re.findall(r"^\s+(\w+)\s+API key: (\S+)$", printed, re.MULTILINE))
        port = free_port()
        log = open(tmp_path / f"serve-{port}.log", "w")  # noqa: SIM115 - closed below
        server = subprocess.Popen(
            [sys.executable, "-m", "abate.cli", "serve", "--no-worker", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_ready(port, time.time() + 60, server)
            yield Live(url=f"http://127.0.0.1:{port}", port=port, env=env, keys=keys)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
