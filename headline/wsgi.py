import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headline.settings.production")

django_application = get_wsgi_application()

# Imported once Django is set up (it reads models). Page cache hits are answered before Django
# builds a request (see headline.core.page_cache).
from headline.core.page_cache import PageCacheFront  # noqa: E402

application = PageCacheFront(django_application)
