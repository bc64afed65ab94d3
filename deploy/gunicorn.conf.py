"""gunicorn settings for wobdesk (deploy/run.sh starts `gunicorn -c deploy/gunicorn.conf.py`).

Every value can be set from the environment: WOBDESK_BIND (default 127.0.0.1:8000; behind a proxy
on another host 0.0.0.0:8000), WEB_CONCURRENCY (sync worker processes, default 2 × cores + 1,
at most 8), GUNICORN_TIMEOUT (seconds, default 60: uploads are handed to Celery, never processed
in the request), LOG_FORMAT=json (access and error log as JSON lines on stdout).
"""

import multiprocessing
import os

wsgi_app = "wobdesk.wsgi:application"
bind = os.environ.get("WOBDESK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(8, multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# A worker is replaced after this many requests (slow leaks in PDF libraries stay bounded).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Uploads up to WOBDESK_MAX_UPLOAD_MB: gunicorn itself limits only the request line and headers.
limit_request_line = 8190
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = "wobdesk-web"
# No control socket: it would sit in $HOME and clash between two servers on one machine.
control_socket_disable = True

if os.environ.get("LOG_FORMAT", "text") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "wobdesk.jsonlog.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": loglevel.upper()},
        "loggers": {
            "gunicorn.error": {
                "handlers": ["stdout"],
                "level": loglevel.upper(),
                "propagate": False,
            },
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
