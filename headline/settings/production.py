"""Production: everything from the environment, and start-up fails loudly when a secret is missing."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

# Limits that must hold across app processes (comment flood control, rate limits, form tokens)
# and the page cache's content versions live in the cache: a per-process one would let each
# gunicorn worker keep its own. Only an operator who runs exactly one process may do without.
if not REDIS_URL and not env_bool("SINGLE_PROCESS"):  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production: without it each app process keeps its own cache, "
        "so limits and page freshness do not hold across processes. Set SINGLE_PROCESS=1 only "
        "if exactly one app process serves the site."
    )

# HTTPS only: plain-HTTP requests are redirected (behind a proxy that sets X-Forwarded-Proto),
# browsers are told to keep to HTTPS for a year (HSTS, subdomains too, ready for the preload
# list), and cookies are Secure. HTTPS=off is for loopback (make serve, tests, benchmarks) only.
HTTPS = env_bool("HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
CSRF_COOKIE_HTTPONLY = True
# How many reverse proxies (load balancer, CDN) stand in front of the app and append to
# X-Forwarded-For; comment flood control and bans need the reader's address, not the proxy's.
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
