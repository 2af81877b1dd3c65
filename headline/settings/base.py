"""Settings shared by every environment.

Everything that differs between a laptop and production is read from environment variables
(DATABASE_URL, DATABASE_REPLICA_URLS, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, DEBUG, MEDIA_ROOT,
MEDIA_S3_*, WORDPRESS_IMPORT_ROOT, WORDPRESS_MEDIA_DIR). With none of them set
the site runs on SQLite and the local-memory cache, so a newcomer needs no services.
"""

import json
import os
import zoneinfo
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from headline.news import embed_finders

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "headline.core",
    "headline.news",
    "headline.sharing",
    "headline.comments",
    "headline.spamfilter",
    "headline.related",
    "headline.search",
    "headline.accounts",
    "headline.importers",
    "headline.demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    # Read each content version once per request, the page cache's check included.
    "headline.core.middleware.ContentVersionsMiddleware",
    # Outside every other middleware, so a stored page keeps all their headers (security,
    # Cache-Control, ETag, compression) and a hit runs none of them; `headline.wsgi` answers
    # the same hits before Django (see headline.core.page_cache).
    "headline.core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "headline.core.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Outside the session and CSRF middleware, so it sees the cookies they set.
    "headline.core.middleware.EdgeCacheMiddleware",
    # ETag from the page's bytes and 304s for HTML pages; feeds and sitemaps set their own.
    "headline.core.middleware.ContentETagMiddleware",
    # Outermost of the database users: a reader's GET reads from a replica when there are some.
    "headline.core.routers.ReplicaReadsMiddleware",
    "headline.core.middleware.ComposedPathMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "headline.importers.middleware.WordPressQueryRedirectMiddleware",
    # Outside sessions and CSRF, whose traces (a cookie set) keep a response uncompressed.
    "headline.core.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "headline.core.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with a second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "headline.news.middleware.LiveRedirectMiddleware",
    # Staff with two-factor sign-in (or in a group that must have it) finish it before the admin.
    "headline.accounts.middleware.TwoFactorMiddleware",
    # A view over a rate limit (headline.core.ratelimit) answers 429 with Retry-After.
    "headline.core.ratelimit.RateLimitMiddleware",
    # Last, as django-axes requires: answers a locked-out login with the 429 page.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks each sign-in first and refuses one from a locked-out account or address.
AUTHENTICATION_BACKENDS = [
    "headline.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "headline.urls"
WSGI_APPLICATION = "headline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "headline.news.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work side by side in the embedded setup.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0


def with_replicas(databases, urls):
    """`databases` plus an alias `replica_1`, `replica_2`… for each PostgreSQL replica URL.

    Readers' page views read from one of them (headline/core/routers.py). The primary's
    connections then commit with `synchronous_commit = remote_apply`: a commit returns once the
    standbys named in the primary's `synchronous_standby_names` have applied it, so no request
    that starts after a write can read a replica that has not seen it. Replicas are never
    migrated or given test databases of their own (in tests they mirror `default`).
    """
    primary = databases["default"]
    replicas = {}
    for number, url in enumerate(urls, start=1):
        replica = dj_database_url.parse(
            url, conn_max_age=primary["CONN_MAX_AGE"], conn_health_checks=True
        )
        replica["TEST"] = {"MIRROR": "default"}
        replicas[f"replica_{number}"] = replica
    if replicas:
        options = primary.setdefault("OPTIONS", {})
        options["options"] = " ".join(
            filter(None, [options.get("options"), "-c synchronous_commit=remote_apply"])
        )
    return databases | replicas


# Read replicas (comma-separated PostgreSQL URLs); none by default.
DATABASES = with_replicas(DATABASES, env_list("DATABASE_REPLICA_URLS"))
DATABASE_REPLICAS = [alias for alias in DATABASES if alias.startswith("replica_")]
DATABASE_ROUTERS = ["headline.core.routers.ReplicaRouter"] if DATABASE_REPLICAS else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "headline"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail looks renditions up in this alias before asking the database.
CACHES["renditions"] = {**CACHES["default"], "TIMEOUT": 60 * 60 * 24}
if REDIS_URL:
    CACHES["renditions"]["KEY_PREFIX"] = CACHES["default"]["KEY_PREFIX"] + "-renditions"
else:
    CACHES["renditions"]["LOCATION"] = "renditions"

# Each process's own copy of the fragments it served last (see `headline.core.freshness.cached`):
# keys name one content state, so copies are never stale. About 1,000 × 20–150 KB at most.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENTS_IN_MEMORY", "1000"))},
}

# The app's page cache (headline.core.page_cache): public pages served from
# the shared cache while every content version they show is unchanged. PAGE_CACHE=off renders
# every request. The timeout only makes room (freshness never depends on it); requests carrying
# one of the personal cookies are always rendered. RELEASE names the deployed code in page keys
# (default: a digest of Headline's source and templates).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(60 * 60 * 24)))
# Cookies that make a response personal: never served from or kept in the page cache, nor
# public to edge caches (EdgeCacheMiddleware).
PAGE_CACHE_PERSONAL_COOKIES = ["sessionid", "messages"]
# Pages each process also keeps in memory (still checked against the shared versions each hit).
PAGE_CACHE_RECENT = int(os.environ.get("PAGE_CACHE_RECENT", "64"))
RELEASE = os.environ.get("RELEASE", "")

# Background work (notifications, related-article updates) goes through Django's tasks framework.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sign-in lockout (django-axes): AXES_FAILURE_LIMIT wrong passwords for one account, or
# from one address, lock that account or address out for AXES_COOLOFF_MINUTES. Failures are
# counted in the database: it is shared by every app process in every setup (the embedded one's
# cache is per-process), a guessing flood updates one row per account and address rather than
# adding rows, and the count survives a cache flush or eviction.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Successful sign-ins are not kept (Wagtail never shows them); failures are, per account and address.
AXES_DISABLE_ACCESS_LOG = True
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_MINUTES = int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "headline.core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "headline.accounts.views.locked_out"
# django-axes logs each failure and the lockout (WARNING), and each sign-in with the failures it
# clears (INFO): username, IP address and browser, never the password. Staff usernames and
# addresses are what an operator needs to tell guessing from a colleague's typo, so they are
# not masked (django-axes masks them by default).
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = []
# Lines name the lockout's own parameters (username, IP address) and no start-up banner is printed.
AXES_VERBOSE = False

# Two-factor sign-in (django-otp, TOTP with recovery codes): optional for every staff member,
# required for members of these groups (comma-separated names; superusers with "superusers").
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS")
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Headline")
# Codes tried are limited by RATE_LIMITS["two-factor"] (a 429 saying when to try again), not by
# django-otp's silent back-off, which refuses a right code typed within seconds of a wrong one.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# Rate limits (headline.core.ratelimit), "count/seconds" each, shared by all app processes:
# - search-ip: searches from one address;
# - emails-address / emails-ip / emails-site: confirmation and privacy-link emails to one
#   address, asked for from one IP address, and site-wide per day;
# - two-factor: codes tried by one staff member.
# Comment posting keeps its own numbers in Settings › Comment settings (flood control).
RATE_LIMITS = {
    "search-ip": os.environ.get("RATE_LIMIT_SEARCH", "30/60"),
    "emails-address": os.environ.get("RATE_LIMIT_EMAILS_ADDRESS", "3/86400"),
    "emails-ip": os.environ.get("RATE_LIMIT_EMAILS_IP", "10/3600"),
    "emails-site": os.environ.get("RATE_LIMIT_EMAILS_SITE", "500/86400"),
    "two-factor": os.environ.get("RATE_LIMIT_TWO_FACTOR", "5/300"),
}

LANGUAGE_CODE = "en-gb"
# The newsroom's zone (an IANA name such as Europe/Paris): the site and the admin show times in
# it, with its abbreviation; machine-readable times carry their offset.
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
# Admin timestamps on the 24-hour clock with the zone's abbreviation, as the site shows them.
FORMAT_MODULE_PATH = ["headline.core.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# WordPress exports uploaded in the admin wait here for the task worker (never in MEDIA_ROOT:
# they hold commenters' addresses); a folder every web and worker process can read.
WORDPRESS_IMPORT_ROOT = Path(os.environ.get("WORDPRESS_IMPORT_ROOT", BASE_DIR / "imports"))
# Where imports from the admin look for the site's files (a copy of wp-content/uploads); unset:
# every attachment is reported missing. The command takes --media-dir instead.
WORDPRESS_MEDIA_DIR = os.environ.get("WORDPRESS_MEDIA_DIR") or None
# Let the app serve uploads itself (one-box installs, development, tests); off behind a CDN.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)


def media_storage():
    """The storage for uploads: local files, or S3-compatible object storage when
    MEDIA_S3_BUCKET is set (AWS S3, MinIO, Ceph, Cloudflare R2…, through django-storages).

    MEDIA_S3_ENDPOINT_URL: the service's URL (unset for AWS); MEDIA_S3_REGION;
    MEDIA_S3_ACCESS_KEY_ID / MEDIA_S3_SECRET_ACCESS_KEY (unset: boto3's own chain, e.g. an
    instance role); MEDIA_S3_CUSTOM_DOMAIN: the host (and path) that serves the bucket to readers,
    usually a CDN, with MEDIA_S3_URL_PROTOCOL (`https:`).
    """
    bucket = os.environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "url_protocol": os.environ.get("MEDIA_S3_URL_PROTOCOL", "https:"),
            # Pages are cached and shared, so image URLs must not be signed to expire; the
            # bucket (or the CDN before it) serves media publicly, as /media/ is served locally.
            "querystring_auth": False,
            # Two uploads named photo.jpg are two files, as on disk: never replace another's.
            "file_overwrite": False,
        },
    }


STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A comment posted without a token (no JavaScript: shared pages carry none) comes back to be sent.
CSRF_FAILURE_VIEW = "headline.comments.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; headline/core/security.py). Public pages: our own files
# only, no inline script or style, no nonce (cached pages are shared by every reader); the embed
# frame adds its provider's hosts in its own policy (headline/news/embeds.py). Images may also
# come from the media bucket's public host.
MEDIA_HOSTS = [
    f"{os.environ.get('MEDIA_S3_URL_PROTOCOL', 'https:')}//{domain.split('/')[0]}"
    for domain in env_list("MEDIA_S3_CUSTOM_DOMAIN")
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_HOSTS],
        "media-src": [SELF, *MEDIA_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail 8's admin prints inline <script> initialisers (InlinePanel, MultipleChooserPanel, the
# date and time widgets) and style attributes, and draws image previews from blob: and data:
# addresses; under /admin/ only, it gets this looser policy. Still no other host and no eval.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *MEDIA_HOSTS],
        "base-uri": [SELF],
        # Wagtail's live preview frames the admin's own preview page.
        "frame-ancestors": [SELF],
    }
}
# Browser features the site never uses are denied to it and to every frame (django-permissions-
# policy). Fullscreen, encrypted media and picture-in-picture stay for the embed frame's players.
# Only features Chromium knows: it logs an error on every page for any other name (it did for
# ambient-light-sensor and bluetooth: Chromium 156 does not recognise either).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# The SMTP server readers' confirmation and privacy emails and staff notices go through.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")  # STARTTLS, usually on port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")  # TLS from the start, usually on port 465
EMAIL_TIMEOUT = 10  # seconds: a stalled server must not hold a task worker for ever
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Logs go to stderr; nothing a reader typed is logged (see comments.privacy).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Edge caching (headline.core.middleware.EdgeCacheMiddleware): how long, in seconds, browsers
# (max-age) and shared caches such as Varnish or a CDN (s-maxage) keep a public response, and how
# long a shared cache may serve it stale while it fetches a fresh copy. Shared caches may keep
# pages long because the app purges them when content changes (WAGTAILFRONTENDCACHE below).
EDGE_MAX_AGE = int(os.environ.get("EDGE_MAX_AGE", "30"))
EDGE_S_MAXAGE = int(os.environ.get("EDGE_S_MAXAGE", "600"))
EDGE_STALE_SECONDS = int(os.environ.get("EDGE_STALE_SECONDS", "60"))

# Where purges go when content changes (Wagtail's front-end cache invalidation). VARNISH_URL names
# a Varnish (or any cache that takes HTTP PURGE) in front of the site, e.g. http://127.0.0.1:8080;
# WAGTAILFRONTENDCACHE, as JSON, gives Wagtail's whole setting instead (Cloudflare, CloudFront...,
# see the README). With neither, nothing is purged.
if os.environ.get("WAGTAILFRONTENDCACHE"):
    WAGTAILFRONTENDCACHE = json.loads(os.environ["WAGTAILFRONTENDCACHE"])
elif os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }

# Feeds: how many of the newest articles each feed carries, and whether items carry the whole
# article (True) or only the standfirst (False).
FEED_ITEMS = int(os.environ.get("FEED_ITEMS", "20"))
FEED_FULL_CONTENT = env_bool("FEED_FULL_CONTENT", True)

WAGTAIL_SITE_NAME = "Headline"
# The public address (scheme://host[:port]). Set, the default Site follows it after each migrate
# (headline/core/site_url.py), so readers' emails, canonical links and purges use it too.
SITE_URL = os.environ.get("SITE_URL", "")
WAGTAILADMIN_BASE_URL = SITE_URL or "http://127.0.0.1:8000"
# Wagtail's database backend (PostgreSQL or SQLite full-text search), one reading mended.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "headline.search.backend"}}
# A page behind a password (an imported WordPress post's, or an editor's Privacy setting) asks for
# it inside the site's own layout, not Wagtail's bare page.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
# Uploads must be what their extension says, and decode to the end (headline/core/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "headline.core.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "headline.core.uploads.DocumentForm"
# Under Pillow's decompression-bomb threshold (89.5 million pixels), above any press camera.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 80_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin makes no request to another host, as the public site does not: avatars are uploaded
# ones or Wagtail's bundled default (never Gravatar, which would receive a hash of each staff
# email), and the "What's new" banner, which links to wagtail.org, is off.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
# Preview in the admin renders the real article template.
WAGTAIL_AUTO_UPDATE_PREVIEW = True
# The zones a staff member may pick in their account: IANA's Area/Location names and UTC. Python
# also lists "localtime", "Factory" and old aliases, which the browser's Intl refuses (the account
# page threw "Invalid time zone specified").
WAGTAIL_USER_TIME_ZONES = sorted(
    name for name in zoneinfo.available_timezones() if "/" in name or name == "UTC"
)
# Slugs keep their script (`Москва`, not `moskva`): newsrooms write in every language. Every route
# takes them through the `uslug` converter (headline/core/converters.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = False
TAGGIT_TAGS_FROM_STRING = "headline.core.text.parse_tags"

# Embeds (headline/news/embed_finders.py): Wagtail's oEmbed providers (YouTube, Vimeo, X…) with
# Bluesky and TikTok; Mastodon posts from the servers listed in EMBED_MASTODON_SERVERS (host
# names, comma-separated; each server answers only for posts at its own address); Instagram and
# Facebook posts when FACEBOOK_APP_ID and FACEBOOK_APP_SECRET name a Facebook app (their oEmbed
# needs its token). Providers are asked only when an editor saves an embed block
# (headline/news/embeds.py).
WAGTAILEMBEDS_FINDERS = embed_finders.finders(
    mastodon_servers=env_list("EMBED_MASTODON_SERVERS", "mastodon.social,mastodon.online"),
    facebook_app_id=os.environ.get("FACEBOOK_APP_ID", ""),
    facebook_app_secret=os.environ.get("FACEBOOK_APP_SECRET", ""),
)
