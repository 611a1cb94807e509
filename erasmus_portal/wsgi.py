"""WSGI entry point for gunicorn: ``gunicorn erasmus_portal.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erasmus_portal.settings")

application = get_wsgi_application()

# Build the offline town index (2-3 s) when the worker starts, not in a visitor's request.
from mobility.distance import gazetteer  # noqa: E402

gazetteer()

# All built so far lives as long as the worker: keep it out of the garbage collector's full
# passes, which with the town index took some 100 ms each.
gc.freeze()
