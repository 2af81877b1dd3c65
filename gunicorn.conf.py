"""gunicorn's settings for Headline, read from the project folder (gunicorn's default config
file); command-line options override them. `WEB_WORKERS` (4) processes, `WEB_THREADS` (4) threads
each.

Threaded workers (gthread) keep connections alive, so the edge cache (Varnish) reuses its
connections to the app instead of opening one per miss, and a page cache hit, answered in
microseconds (`headline.core.page_cache.PageCacheFront`), is not queued behind a slow render of
the same process. Measured with wrk (-t2 -c16, 10 s) on a 2-core machine: page cache hits 2,700
requests/s with 4 sync workers (a new connection per request), 5,900 with gthread; uncached
article renders within that run's noise (163 against 106–172 requests/s).
"""

import os

worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "4"))
threads = int(os.environ.get("WEB_THREADS", "4"))
# Longer than Varnish's backend_idle_timeout (60 s): the proxy closes an idle connection first,
# so it never sends a request on one the app is closing.
keepalive = 75
