"""Comments under load: nothing lost, nothing stored twice, every refusal explained, no 5xx.

For LOAD_SECONDS (60), LOAD_READERS (100) readers comment on one article at once while
LOAD_BROWSERS (20) other readers load it as fast as the server answers. Each commenting reader
does what a browser does: loads the article, takes the comment form's CSRF token and signed
timestamp (from the page, or from the form's token URL when the page is shared and has none),
thinks for 3.5–8 s (the form refuses faster sends as a bot's), posts without following the
redirect, then opens the redirect as the poster; one post in ten is sent a second time, as a
double click or a retry does. Readers come from distinct addresses in the benchmarking range
198.18.0.0/15 (RFC 2544), given in X-Forwarded-For: the server must take the reader's address
from there (TRUSTED_PROXY_HOPS=1 straight to gunicorn; behind Varnish, which appends its own
entry, 2), or flood control sees one address for everyone, which the report names.

Target: LOAD_URL (default http://127.0.0.1:8080, `make serve`) with LOAD_DATABASE_URL (default
`make serve`'s headline_serve) for the checks. When nothing answers there, the benchmark starts
its own production-like stack: gunicorn (gunicorn.conf.py), production settings, TRUSTED_PROXY_HOPS=1, on
127.0.0.1:BENCH_LOAD_PORT (8094) over BENCH_LOAD_DATABASE_URL (headline_load, the demo newsroom
loaded once) and BENCH_LOAD_REDIS_URL (db 10, flushed first). Only loopback is ever contacted.

Afterwards the database is checked: every accepted post (a 302 to `#comment-<id>`) is stored
once, with the text sent, on the article; no comment of the run is stored that was not
accepted; every refusal (4xx) carries a message for the reader. The report goes to stdout and
artifacts/comments-load.json; the exit status is 1 when a check fails.
"""

import http.cookiejar
import ipaddress
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from datetime import UTC, datetime
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.html

from benchmarks.pages_setup import ROOT, ensure_database, environment, mark_built, reachable

LOAD_URL = os.environ.get("LOAD_URL", "http://127.0.0.1:8080").rstrip("/")
LOAD_DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/headline_serve"
)
OWN_PORT = int(os.environ.get("BENCH_LOAD_PORT", "8094"))
OWN_DATABASE_URL = os.environ.get(
    "BENCH_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/headline_load"
)
OWN_REDIS_URL = os.environ.get("BENCH_LOAD_REDIS_URL", "redis://127.0.0.1:6379/10")
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
READERS = int(os.environ.get("LOAD_READERS", "100"))
BROWSERS = int(os.environ.get("LOAD_BROWSERS", "20"))
ARTICLE_PATH = os.environ.get("LOAD_ARTICLE", "/international/state-visit-strengthens-ties/")
THINK_SECONDS = (3.5, 8.0)
RESEND_SHARE = 0.1
# A reply may queue behind a hundred others on a small machine: a reader waits this long.
TIMEOUT = int(os.environ.get("LOAD_TIMEOUT", "120"))
FIRST_ADDRESS = ipaddress.ip_address("198.18.0.1")
WORK = ROOT / "artifacts" / "bench-load"
SITE_VERSION = "headline-load-site 1"


def answers(url):
    try:
        urllib.request.urlopen(url + "/", timeout=5).close()
        return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def prepare(options):
    """Choose the target; point Django (used for the checks) at its database."""
    options.own_stack = not answers(LOAD_URL)
    database_url = OWN_DATABASE_URL if options.own_stack else LOAD_DATABASE_URL
    needed = [("PostgreSQL", database_url, 5432)]
    if options.own_stack:
        needed.append(("Redis", OWN_REDIS_URL, 6379))
    missing = [f"{name} at {url}" for name, url, port in needed if not reachable(url, port)]
    if missing:
        sys.exit("make bench (comments-load) needs: " + ", ".join(missing))
    if options.own_stack:
        WORK.mkdir(parents=True, exist_ok=True)
        options.site_is_built = ensure_database(False, OWN_DATABASE_URL, WORK, SITE_VERSION)
        os.environ.update(environment(OWN_DATABASE_URL, OWN_REDIS_URL, WORK))

        import redis

        redis.Redis.from_url(OWN_REDIS_URL).flushdb()  # no flood marks from an earlier run
    else:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="headline.settings.production",
            SECRET_KEY=os.environ.get("SECRET_KEY", "load-check-only"),
            DATABASE_URL=database_url,
            SINGLE_PROCESS="1",  # this checking process only reads the database
        )
        os.environ.pop("REDIS_URL", None)  # the checks read the database only

    import django
    from django.core.management import call_command

    django.setup()
    if options.own_stack:
        call_command("migrate", verbosity=0)
        if not options.site_is_built:
            call_command("load_demo", verbosity=0)
            mark_built(SITE_VERSION)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 itself is the answer to check


class Recorder:
    """Every request's kind, status and time, from all threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []
        self.posts = []

    def request(self, opener, kind, url, data=None, headers=None):
        """(status, headers, body) of one request; status 0 when the connection failed."""
        request = urllib.request.Request(url, data=data, headers=headers or {})
        started = time.perf_counter()
        try:
            with opener.open(request, timeout=TIMEOUT) as response:
                status, head, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, head, body = error.code, error.headers, error.read()
        except OSError as error:
            status, head, body = 0, {}, str(error).encode()
        with self.lock:
            self.requests.append((kind, status, time.perf_counter() - started))
        return status, head, body


def comment_form(base, body):
    """The form's action and its hidden fields (token, timestamp, parent) from an article page."""
    page = lxml.html.fromstring(body)
    (form,) = page.xpath("//form[contains(@class, 'comment-form')]")
    fields = {
        field.get("name"): field.get("value") or ""
        for field in form.xpath(".//input[@type='hidden']")
    }
    return urljoin(base, form.get("action")), fields, form.get("data-token-url")


def refusal_message(body):
    """The message the reader is shown with a refusal, or "" when there is none."""
    page = lxml.html.fromstring(body or b"<p></p>")
    shown = page.xpath("//*[contains(@class, 'form-errors') or contains(@class, 'field-error')]")
    return " ".join(" ".join(el.text_content().split()) for el in shown)


def commenter(recorder, base, number, run, deadline):
    """One reader: load, think, post, look, for as long as the run lasts."""
    rng = random.Random(f"{run}-{number}")
    address = str(FIRST_ADDRESS + number)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    article = base + ARTICLE_PATH
    sent = 0
    while time.monotonic() < deadline:
        status, _, page = recorder.request(opener, "commenter: article", article)
        if status != 200:
            time.sleep(1)
            continue
        action, fields, token_url = comment_form(article, page)
        if not fields.get("csrfmiddlewaretoken") and token_url:
            status, _, token = recorder.request(opener, "commenter: form token", base + token_url)
            if status == 200:
                fields.update(json.loads(token))
        think = rng.uniform(*THINK_SECONDS)
        if time.monotonic() + think > deadline:
            break
        time.sleep(think)
        sent += 1
        text = (
            f"Reader {number} on the state visit, thought {sent}: the talks ran late and the "
            f"statement said little. [load {run} r{number} n{sent}]"
        )
        form = fields | {
            "name": f"Reader {number}",
            "email": f"reader{number}.{run}@example.invalid",
            "url": "",
            "body": text,
            "address": "",
        }
        data = urlencode(form).encode()
        headers = {"X-Forwarded-For": address, "Referer": article}
        locations = []
        for attempt in range(2 if rng.random() < RESEND_SHARE else 1):
            status, head, body = recorder.request(opener, "commenter: post", action, data, headers)
            location = head.get("Location", "") if status == 302 else ""
            locations.append(location)
            with recorder.lock:
                recorder.posts.append(
                    {
                        "body": text,
                        "resend": attempt > 0,
                        "status": status,
                        "comment": int(location.rsplit("#comment-", 1)[1])
                        if "#comment-" in location
                        else None,
                        "message": refusal_message(body) if 400 <= status < 500 else "",
                    }
                )
        for location in filter(None, locations[:1]):
            recorder.request(opener, "commenter: after posting", urljoin(action, location))


def browser(recorder, base, deadline):
    """A reader loading the article as fast as it comes."""
    opener = urllib.request.build_opener()
    while time.monotonic() < deadline:
        recorder.request(opener, "reader: article", base + ARTICLE_PATH)


def load(base):
    recorder = Recorder()
    run = uuid.uuid4().hex[:8]
    deadline = time.monotonic() + SECONDS
    threads = [
        threading.Thread(target=commenter, args=(recorder, base, n, run, deadline))
        for n in range(READERS)
    ] + [threading.Thread(target=browser, args=(recorder, base, deadline)) for _ in range(BROWSERS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return run, recorder, time.perf_counter() - started


def check(run, recorder):
    """What the database holds against what the readers were told."""
    from headline.comments.models import Comment
    from headline.news.models import ArticlePage

    article = ArticlePage.objects.get(url_path__endswith=ARTICLE_PATH)
    stored = list(
        Comment.objects.filter(body__contains=f"[load {run} ").values(
            "pk", "article_id", "body", "status", "ip_address"
        )
    )
    by_pk = {row["pk"]: row for row in stored}
    accepted = [post for post in recorder.posts if post["status"] == 302]
    refused = [post for post in recorder.posts if 400 <= post["status"] < 500]
    problems = []
    for post in accepted:
        row = by_pk.get(post["comment"])
        if row is None or row["body"] != post["body"] or row["article_id"] != article.pk:
            problems.append(f"accepted comment {post['comment']} is not stored as sent")
    bodies = Counter(row["body"] for row in stored)
    problems += [f"stored {n} times: {body[-30:]}" for body, n in bodies.items() if n > 1]
    accepted_ids = {post["comment"] for post in accepted}
    problems += [
        f"comment {pk} stored, but its reader was not told so"
        for pk in by_pk
        if pk not in accepted_ids
    ]
    problems += [
        f"a {post['status']} refusal without a message" for post in refused if not post["message"]
    ]
    problems += [
        f"a post answered {post['status'] or 'no connection'}"
        for post in recorder.posts
        if post["status"] != 302 and not 400 <= post["status"] < 500
    ]
    errors = Counter(status for _, status, _ in recorder.requests if status >= 500 or status == 0)
    problems += [
        f"{n} requests answered {status or 'no connection'}" for status, n in errors.items()
    ]
    addresses = {row["ip_address"] for row in stored}
    return {
        "stored": len(stored),
        "stored_by_status": dict(Counter(row["status"] for row in stored)),
        "distinct_reader_addresses_seen": len(addresses),
        "refusals": dict(Counter(f"{post['status']} {post['message']}" for post in refused)),
        "problems": problems,
    }


def summary(recorder, seconds):
    kinds = {}
    for kind, status, elapsed in recorder.requests:
        kinds.setdefault(kind, []).append((status, elapsed))
    rows = {}
    for kind, entries in sorted(kinds.items()):
        times = sorted(elapsed for _, elapsed in entries)
        rows[kind] = {
            "requests": len(entries),
            "per_second": round(len(entries) / seconds, 1),
            "p50_ms": round(statistics.median(times) * 1000, 1),
            "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))] * 1000, 1),
            "statuses": dict(Counter(status for status, _ in entries)),
        }
    return rows


def run(options):
    from benchmarks.pages import BIN, Server, collectstatic

    if options.own_stack:
        collectstatic()
        base = f"http://127.0.0.1:{OWN_PORT}"
        print(f"  nothing answers at {LOAD_URL}: starting gunicorn on {base}")
        env = os.environ | environment(OWN_DATABASE_URL, OWN_REDIS_URL, WORK)
        env |= {"TRUSTED_PROXY_HOPS": "1", "ALLOWED_HOSTS": "127.0.0.1"}
        command = [BIN / "gunicorn", "headline.wsgi"]
        command += ["--bind", f"127.0.0.1:{OWN_PORT}"]
        stack = Server("gunicorn", command, base + "/", WORK / "gunicorn.log", env)
    else:
        base = LOAD_URL
        stack = None
    if urlsplit(base).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"{base}: the load test only targets this machine's loopback")
    print(
        f"  {READERS} commenting readers and {BROWSERS} reading ones on {base}{ARTICLE_PATH} "
        f"for {SECONDS} s; load average {os.getloadavg()[0]:.1f}"
    )
    if stack:
        with stack:
            run_id, recorder, seconds = load(base)
    else:
        run_id, recorder, seconds = load(base)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "target": base + ARTICLE_PATH,
        "seconds": round(seconds, 1),
        "readers": READERS,
        "browsers": BROWSERS,
        "load_average_after": os.getloadavg()[0],
        "posts": len(recorder.posts),
        "accepted": sum(post["status"] == 302 for post in recorder.posts),
        "resends": sum(post["resend"] for post in recorder.posts),
        "requests": summary(recorder, seconds),
        **check(run_id, recorder),
    }
    print_report(report)
    out = ROOT / "artifacts" / "comments-load.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"  written to {out.relative_to(ROOT)}")
    if report["problems"]:
        sys.exit(1)


def print_report(report):
    print(f"\n  {report['seconds']} s; load average after {report['load_average_after']:.1f}")
    print("| requests | count | per s | p50 ms | p99 ms | statuses |")
    print("|---|---|---|---|---|---|")
    for kind, row in report["requests"].items():
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(row["statuses"].items()))
        print(
            f"| {kind} | {row['requests']} | {row['per_second']} | {row['p50_ms']} | "
            f"{row['p99_ms']} | {statuses} |"
        )
    print(
        f"  posts {report['posts']} ({report['resends']} sent twice): {report['accepted']} "
        f"accepted, {report['stored']} stored {report['stored_by_status']}"
    )
    print("  refusals, with what the reader was told:")
    for reason, n in sorted(report["refusals"].items(), key=lambda item: -item[1]):
        print(f"    {n:5}  {reason}")
    seen = report["distinct_reader_addresses_seen"]
    print(f"  distinct reader addresses the server saw: {seen} of {report['readers']}")
    if report["stored"] and seen <= 1:
        print(
            "  ! the server took every reader for one address: set TRUSTED_PROXY_HOPS to the "
            "number of proxies before the app plus one (the load test's X-Forwarded-For entry)"
        )
    if report["problems"]:
        print("  FAILED:", *(f"    - {problem}" for problem in report["problems"]), sep="\n")
    else:
        print("  every accepted comment stored once, every refusal with a reason, no 5xx: passed")
