"""WSGI entry point, used by gunicorn: ``gunicorn newsroom.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()

from newsroom.checks import refuse_bad_settings  # noqa: E402 (needs Django set up)

refuse_bad_settings()
