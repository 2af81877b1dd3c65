"""Rate limits shared by every app process: so many actions per key in a window of seconds.

Counters live in the shared cache (Redis in production), so a limit reached through one process
holds in all of them. A window opens with its first action and lasts `seconds`; `cache.add` and
`cache.incr` are atomic in Redis and in the local-memory cache, so racing processes never let
more through than the limit. A refusal is the `RateLimited` exception: the middleware answers it
with a 429 page saying when to try again and a `Retry-After` header (RFC 9110 §10.2.3); a view
that must keep a reader's text (the comment form) catches it and answers 429 itself.

Limits are named in settings (`RATE_LIMITS`, each "count/seconds") so operators can tune them;
keys (an IP address, an email address) are hashed before they reach the cache.
"""

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse


@dataclass(frozen=True)
class Limit:
    """At most `count` actions per key within `seconds`; `name` keys the counters and settings."""

    name: str
    count: int
    seconds: int

    @classmethod
    def named(cls, name):
        """The limit `name` from settings.RATE_LIMITS ("count/seconds", e.g. "20/60")."""
        count, seconds = settings.RATE_LIMITS[name].split("/")
        return cls(name, int(count), int(seconds))


class RateLimited(Exception):
    """An action over its limit; `retry_after` is whole seconds until the window closes."""

    def __init__(self, message, retry_after):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def _key(limit, key):
    digest = hashlib.sha256(str(key).strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{limit.name}:{digest}"


def retry_after(limit, key):
    """Whole seconds until `key`'s window for `limit` closes (at least 1)."""
    until = cache.get(_key(limit, key) + ":until")
    if until is None:
        return limit.seconds
    return max(1, math.ceil(until - time.time()))


def hit(limit, key, message):
    """Count one action by `key`; raise RateLimited with `message` when it is over `limit`."""
    if not limit.count:  # a limit of 0 is switched off
        return
    counter = _key(limit, key)
    if cache.add(counter, 0, timeout=limit.seconds):
        cache.set(counter + ":until", time.time() + limit.seconds, timeout=limit.seconds)
    try:
        count = cache.incr(counter)
    except ValueError:  # the window closed between add and incr: this action opens a new one
        cache.add(counter, 1, timeout=limit.seconds)
        count = 1
    if count > limit.count:
        raise RateLimited(message, retry_after(limit, key))


def refuse_if_over(limit, key, message):
    """Raise RateLimited when `key` has used up `limit`, without counting: for limits that count
    only failures (`hit` after each), checked before every try."""
    if limit.count and (cache.get(_key(limit, key)) or 0) >= limit.count:
        raise RateLimited(message, retry_after(limit, key))


def check(limits, message):
    """Count one action against each (Limit, key) pair in turn, most specific first; raise
    RateLimited at the first one over. Later limits are not counted for a refused action, so a
    flood from one address cannot use up a site-wide allowance."""
    for limit, key in limits:
        hit(limit, key, message)


def in_words(seconds):
    """'45 seconds', '3 minutes', '2 hours': when to try again, for a person."""
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= size * 2 or (unit == "minute" and seconds >= 90):
            amount = math.ceil(seconds / size)
            return f"{amount} {unit}s"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def with_retry_after(response, refusal):
    response["Retry-After"] = str(refusal.retry_after)
    return response


def too_many_requests(request, refusal):
    """The 429 page: what happened and when to try again, with `Retry-After`. Under the admin
    (the sign-in lockout, wrong two-factor codes) it is drawn like the admin's sign-in screen,
    since staff there are not reading the site."""
    in_admin = request.path.startswith(reverse("wagtailadmin_home"))
    response = render(
        request,
        "429_admin.html" if in_admin else "429.html",
        {"message": refusal.message, "wait": in_words(refusal.retry_after)},
        status=429,
    )
    return with_retry_after(response, refusal)


class RateLimitMiddleware:
    """Answers a RateLimited raised by any view with the 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception)
        return None


def client_ip(request):
    """The reader's address: REMOTE_ADDR, or the entry our own proxies added to X-Forwarded-For.

    Only the last TRUSTED_PROXY_HOPS entries were written by proxies we run; anything to their
    left came from the client and could be forged.
    """
    hops = getattr(settings, "TRUSTED_PROXY_HOPS", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if hops and len(forwarded) >= hops:
        candidate = forwarded[-hops]
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            return None
    return request.META.get("REMOTE_ADDR") or None
