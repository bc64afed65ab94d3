"""Settings for the test suite (pyproject's DJANGO_SETTINGS_MODULE): the production settings with
the development switch on. Set in the environment so that subprocesses (a Celery worker, a
``manage.py`` run) started by a test inherit it."""

import os

os.environ.setdefault("WOBDESK_DEV", "1")

from .settings import *  # noqa: E402, F403
