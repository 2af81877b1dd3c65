"""Test settings: fast hashing, tasks run at once, mail kept in memory.

The database and cache still come from DATABASE_URL / REDIS_URL, so the same suite runs on the
embedded default and on PostgreSQL + Redis.
"""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

# Serve static files straight from the app folders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True

# A second connection to the test database, standing in for a read replica: the router's tests
# switch the router on and check which connection each query used.
DATABASES["replica_1"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
