"""The Celery application; tasks run inline when REDIS_URL is not set (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wobdesk.settings")
# Tesseract (OCR) uses one thread per task: the worker's concurrency is the parallelism, and an
# OCR job cannot take every core of the machine.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

app = Celery("wobdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
