"""Django settings for wobdesk: every deploy value comes from the environment (README, 'Settings')."""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# Development defaults only with the explicit switch WOBDESK_DEV=1 (`make run`, the test settings);
# without it every default is the production one: DEBUG off, secure cookies, HTTPS, HSTS.
WOBDESK_DEV = env_bool("WOBDESK_DEV", False)
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY or (SECRET_KEY == DEV_SECRET_KEY and not WOBDESK_DEV):
    if not WOBDESK_DEV:
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt: zet een lange geheime waarde in de omgeving (SECRET_KEY=...), "
            "of WOBDESK_DEV=1 voor lokale ontwikkeling. / SECRET_KEY is not set: the public "
            "development key is only used with WOBDESK_DEV=1."
        )
    SECRET_KEY = DEV_SECRET_KEY
DEBUG = env_bool("DEBUG", WOBDESK_DEV)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "guardian",
    "cases",
    "redaction",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files from STATIC_ROOT (collectstatic)
    "cases.security.SecurityHeadersMiddleware",  # default CSP; no-store for signed-in staff
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cases.auth.SecondFactorMiddleware",  # coordinators and beheer: verified TOTP session
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "wobdesk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.context_processors.organisation",
            ],
        },
    },
]

WSGI_APPLICATION = "wobdesk.wsgi.application"

# DATABASE_URL: SQLite in the project folder by default; postgres://user:pass@host:5432/name in production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts and wait for each other (up to 20 s)
    # instead of failing with "database is locked" when two uploads arrive at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user object; the requester portal uses tokens
GUARDIAN_RAISE_403 = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:request_list"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # Django's default: a reset link is valid for 3 days

# Login throttling (cases/auth.py), counted in the shared cache below so every process agrees:
# after N wrong passwords for one account (or M from one address) logging in is refused for a
# delay that doubles with every further failure, up to the maximum.
WOBDESK_LOGIN_FAILURES_PER_ACCOUNT = env_int("WOBDESK_LOGIN_FAILURES_PER_ACCOUNT", 5)
WOBDESK_LOGIN_FAILURES_PER_IP = env_int("WOBDESK_LOGIN_FAILURES_PER_IP", 20)
WOBDESK_LOGIN_LOCK_SECONDS = env_int("WOBDESK_LOGIN_LOCK_SECONDS", 60)
WOBDESK_LOGIN_LOCK_MAX_SECONDS = env_int("WOBDESK_LOGIN_LOCK_MAX_SECONDS", 3600)
# The requester portal's per-address rate limits (cases/ratelimit.py); 0 lifts them, only for a
# load test from one address (manage.py bench_portal starts its server so). Never in production.
WOBDESK_PORTAL_RATE_LIMIT = env_bool("WOBDESK_PORTAL_RATE_LIMIT", True)
# Second factor (django-otp TOTP): the issuer name shown in the authenticator app.
OTP_TOTP_ISSUER = env_str("WOBDESK_OTP_ISSUER", "wobdesk")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # makemessages -l nl collects the marked interface text here
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
# WhiteNoise serves STATIC_ROOT from the web process; in production under hashed names (cached
# for a year) and compressed, made by `manage.py collectstatic` (deploy/run.sh runs it).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if WOBDESK_DEV
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"  # never served publicly: files go through permission-checked views

# Uploads: the largest single file accepted (MB); larger ones get a clear Dutch message.
WOBDESK_MAX_UPLOAD_MB = env_int("WOBDESK_MAX_UPLOAD_MB", 100)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Optional installed spaCy model for person-name NER (e.g. "nl_core_news_md"); blank "nl" otherwise.
WOBDESK_SPACY_MODEL = env_str("WOBDESK_SPACY_MODEL", "")
# Public base URL used in e-mails (status links for requesters).
WOBDESK_BASE_URL = env_str("WOBDESK_BASE_URL", "http://127.0.0.1:8000")

# E-mail: console in development; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))  # filebased backend
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "wobdesk <noreply@wobdesk.localhost>")

# Celery: with REDIS_URL unset, tasks run inline in the web process (eager); set it to use workers.
REDIS_URL = env_str("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Reliability (redaction/jobs.py): a task is acknowledged only when it has finished, and a task
# whose worker process died is put back on the queue; the job row makes a second run harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Unacknowledged messages come back after this many seconds: longer than the longest job
# (hard time limit CELERY_TASK_TIME_LIMIT), or a running job would be delivered twice.
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 2400)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 1800)
CELERY_BROKER_VISIBILITY_TIMEOUT = env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", 7200)
# A web request never hangs on a broker that is down: short connects, one quick publish retry;
# the job then waits in the outbox (redaction.models.Job, state "pending") and is sent later.
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": 10,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = 10
CELERY_RESULT_EXPIRES = 86400
# A prefork child that grew past this (KiB) is replaced after its task (big scans, OCR).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 1_500_000)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "redaction.tasks.analyse_document_task": {"queue": "redaction"},
    "redaction.tasks.apply_redactions_task": {"queue": "redaction"},
    "redaction.tasks.suggest_for_case_task": {"queue": "redaction"},
    "redaction.tasks.unpack_archive_task": {"queue": "redaction"},
}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "daily-deadline-reminders": {
        "task": "cases.tasks.send_deadline_reminders_task",
        "schedule": crontab(hour=7, minute=0),
    },
    # Requeue or fail jobs whose worker died; send what waited in the outbox during an outage.
    "reap-jobs": {
        "task": "redaction.tasks.reap_jobs_task",
        "schedule": env_int("WOBDESK_JOB_REAP_SECONDS", 60),
    },
    "nightly-deadline-refresh": {
        "task": "cases.tasks.refresh_open_deadlines_task",
        "schedule": crontab(hour=2, minute=30),
    },
}
# Jobs (redaction/jobs.py): heartbeat, reaper and outbox.
WOBDESK_JOB_HEARTBEAT_SECONDS = env_int("WOBDESK_JOB_HEARTBEAT_SECONDS", 15)
WOBDESK_JOB_STALE_SECONDS = env_int("WOBDESK_JOB_STALE_SECONDS", 120)
WOBDESK_JOB_MAX_ATTEMPTS = env_int("WOBDESK_JOB_MAX_ATTEMPTS", 3)
WOBDESK_JOB_QUEUED_STALE_SECONDS = env_int(
    "WOBDESK_JOB_QUEUED_STALE_SECONDS", CELERY_BROKER_VISIBILITY_TIMEOUT
)
WOBDESK_OUTBOX_RETRY_SECONDS = env_int("WOBDESK_OUTBOX_RETRY_SECONDS", 10)
# Upload limits (redaction/uploads.py): ZIPs are unpacked in the worker, member by member.
WOBDESK_ZIP_MAX_MEMBERS = env_int("WOBDESK_ZIP_MAX_MEMBERS", 1000)
WOBDESK_ZIP_MAX_TOTAL_MB = env_int("WOBDESK_ZIP_MAX_TOTAL_MB", 1024)
WOBDESK_ZIP_MAX_RATIO = env_int("WOBDESK_ZIP_MAX_RATIO", 100)
WOBDESK_MAX_IMAGE_MEGAPIXELS = env_int("WOBDESK_MAX_IMAGE_MEGAPIXELS", 150)

# LOG_FORMAT=json: one JSON object per line on stdout (web, worker and beat alike); else plain text.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "wobdesk.jsonlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
# With JSON logs the Celery worker keeps the handlers above instead of installing its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = LOG_FORMAT != "json"

# Shared cache for login throttling and the portal's rate limits: Redis when REDIS_URL is set, else
# the database table created by the migrations (never process memory: a second process must see
# what the first one counted).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env_str("CACHE_URL", REDIS_URL),
            "KEY_PREFIX": "wobdesk",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "wobdesk_cache",
            "KEY_PREFIX": "wobdesk",
        }
    }

# Transport and browser security. Production defaults (no WOBDESK_DEV): HTTPS only, HSTS for a
# year, secure cookies. Behind a TLS-terminating proxy set WOBDESK_BEHIND_PROXY=1: the proxy must
# set X-Forwarded-Proto (and append the client address to X-Forwarded-For).
WOBDESK_BEHIND_PROXY = env_bool("WOBDESK_BEHIND_PROXY", False)
if WOBDESK_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not WOBDESK_DEV)
# Probes of a load balancer or supervisor speak plain HTTP to the process itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^gezondheid/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if WOBDESK_DEV else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not WOBDESK_DEV)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not WOBDESK_DEV)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10)  # a working day
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The debug page (development only) hides settings holding credentials, broker URLs included.
DEFAULT_EXCEPTION_REPORTER_FILTER = "cases.security.CredentialSafeReporterFilter"
