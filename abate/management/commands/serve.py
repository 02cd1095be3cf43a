"""`abate serve`: migrations, then the web pages and API under gunicorn (several worker
processes on PostgreSQL), and a background task worker beside it, in one command. SIGTERM
stops gunicorn gracefully (requests in flight finish) and then the task worker."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections


class Command(BaseCommand):
    help = "Run Abate: web pages, API and a background worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("ABATE_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("ABATE_PORT", 8000)))
        parser.add_argument("--workers", type=int, default=None,
                            help="web worker processes (default: 2 x cores on PostgreSQL, "
                                 "1 on SQLite)")
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--demo", action="store_true",
                            help="create the demo marketplace if missing and print its keys")
        parser.add_argument("--no-worker", action="store_true",
                            help="no background worker (run `abate worker` elsewhere)")

    def handle(self, *args, host, port, workers, threads, demo, no_worker, **options):
        call_command("migrate", verbosity=0, interactive=False)
        url = f"http://{host}:{port}/"
        if demo:
            from abate.demo import demo_create, demo_keys

            marketplace = demo_create()
            self.stdout.write(f"Demo marketplace '{marketplace.slug}' ({marketplace.name})")
            for role, secret in demo_keys(marketplace=marketplace).items():
                self.stdout.write(f"  {role:<10} API key: {secret}")
            self._demo_signins()
        self.stdout.write(f"Abate is running at {url}  (API: {url}api/v1/docs)")
        self.stdout.flush()

        worker = None
        if not no_worker:
            worker = subprocess.Popen([sys.executable, "-m", "abate.cli", "worker"])
        connections.close_all()  # migrate's connection: the workers open their own
        try:
            self._gunicorn(host, port, workers, threads)
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()

    def _demo_signins(self):
        """Sign-in users for the pages, when the web app provides them."""
        try:
            from web.demo import demo_signins
        except ImportError:
            return
        for line in demo_signins():
            self.stdout.write(f"  {line}")

    def _gunicorn(self, host, port, workers, threads):
        from gunicorn.app.base import BaseApplication

        from abate.wsgi import application

        sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        if workers is None:
            workers = 1 if sqlite else 2 * (os.cpu_count() or 1)

        class App(BaseApplication):
            def load_config(self):
                self.cfg.set("bind", f"{host}:{port}")
                self.cfg.set("workers", workers)
                self.cfg.set("threads", threads)
                self.cfg.set("worker_class", "abate.server.Worker")
                self.cfg.set("graceful_timeout", 30)
                self.cfg.set("timeout", 60)
                self.cfg.set("accesslog", os.environ.get("ABATE_ACCESS_LOG"))

            def load(self):
                return application

        App().run()
