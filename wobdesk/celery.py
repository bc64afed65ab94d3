"""The Celery application; tasks run inline when REDIS_URL is not set (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wobdesk.settings")

app = Celery("wobdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
