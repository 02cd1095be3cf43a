"""Abate settings. DATABASE_URL picks the database (default: SQLite under the working dir)."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = Path(os.environ.get("ABATE_HOME", os.getcwd()))

SECRET_KEY = os.environ.get("ABATE_SECRET_KEY", "abate-development-only-not-secret")
DEBUG = os.environ.get("ABATE_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("ABATE_ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "sequences.apps.SequencesConfig",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "common",
    "marketplaces",
    "customers",
    "catalog",
    "ledger",
    "documents",
    "notifications",
    "invoicing",
    "credits",
    "billing",
    "reports",
    "api",
    "web",
    "abate",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (pages, the API's docs) straight from the apps: no collectstatic step.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "abate.urls"
WSGI_APPLICATION = "abate.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{WORK_DIR / 'abate.sqlite3'}"),
        conn_max_age=int(os.environ.get("ABATE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Immediate transactions and a busy timeout: concurrent writers wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # PostgreSQL. Server-side parameter binding lets psycopg prepare a statement run
    # ABATE_DB_PREPARE_THRESHOLD times on a connection (default 5; empty: never), so the
    # planner's work is done once (4 ms for the credit memo list's search);
    # ABATE_DB_SERVER_BINDING=0 binds on the client instead, preparing nothing. Measured on
    # 1,000,000 memos: PostgreSQL's CPU per GET of a memo 2.1 -> 0.8 ms, per list search
    # 12.2 -> 6.9 ms. Connections stay one per thread (CONN_MAX_AGE); Django's psycopg pool
    # measured no faster, and its requests failed under load here (500s, time-outs).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    if os.environ.get("ABATE_DB_SERVER_BINDING", "1") == "1":
        options["server_side_binding"] = True
        threshold = os.environ.get("ABATE_DB_PREPARE_THRESHOLD", "5")
        options["prepare_threshold"] = int(threshold) if threshold else None
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("ABATE_TEST_DB_NAME") or None}

# Requests per API key, e.g. "100/s" or "6000/m" (api/ratelimit.py); empty: no limit.
ABATE_RATE_LIMIT = os.environ.get("ABATE_RATE_LIMIT", "")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
STATIC_URL = "static/"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {
    "default": {
        "BACKEND": os.environ.get("ABATE_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ABATE_LOG_LEVEL", "WARNING")},
}

# Documents, e-mail and webhooks (the documents issue).
MEDIA_ROOT = os.environ.get("ABATE_MEDIA_ROOT") or str(WORK_DIR / "var" / "media")
EMAIL_BACKEND = os.environ.get("ABATE_EMAIL_BACKEND",
                               "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("ABATE_EMAIL_FROM", "billing@abate.localhost")
ABATE_WEBHOOKS_ALLOW_PRIVATE = os.environ.get("ABATE_WEBHOOKS_ALLOW_PRIVATE", "") == "1"
# Retries wait base x 4^(n-1) seconds (5 s, 20 s, 80 s, ... capped at 10 h).
ABATE_RETRY_BASE_SECONDS = float(os.environ.get("ABATE_RETRY_BASE_SECONDS", "5"))
ABATE_WEBHOOK_TIMEOUT = float(os.environ.get("ABATE_WEBHOOK_TIMEOUT", "10"))
ABATE_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("ABATE_WEBHOOK_MAX_ATTEMPTS", "9"))
ABATE_WEBHOOK_DISABLE_AFTER = int(os.environ.get("ABATE_WEBHOOK_DISABLE_AFTER", "20"))
