"""Pages under load, Headline next to the WordPress peer in one interleaved run.

Headline runs as production runs it (gunicorn.conf.py: 4 workers of 4 threads, production settings, PostgreSQL,
Redis; `benchmarks.pages_setup`) over the benchmark newsroom (`benchmarks.site`). The WordPress
peer of ../shared/bench/wordpress/ is measured in the same run when it answers; each page is
loaded with `wrk -t2 -c16 --latency` for BENCH_SECONDS (15) seconds, Headline then WordPress,
page after page, the whole round BENCH_RUNS (3) times, and the medians are kept: the machine is
shared, so only ratios taken in one run mean anything. Every row renders (PAGE_CACHE=off) but
"article from the app's page cache", served by a second gunicorn with it on (BENCH_CACHED_PORT,
8094). The ceiling is nginx serving each article's HTML as a file. Headline's queries per page
are counted in-process, with the test client on the same database and cache.

When `varnishd` is installed, Varnish (`deploy/varnish/default.vcl`, as `make serve` runs it) stands
in front of the same gunicorn: the article through it is measured as a ratio to the nginx ceiling,
and, with the task worker sending purges, so is the time from an editor's publish and from a
moderator's approval to the change being served through Varnish (BENCH_FRESHNESS_TRIALS, 5).

The table is printed and written to artifacts/bench.json. `--profile` instead profiles
BENCH_RENDERS (50) article renders in-process with pyinstrument (artifacts/bench/profile.html).
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from benchmarks.pages_setup import PORT, ROOT, WORK, environment, mark_built

SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "50"))
CEILING_PORT = int(os.environ.get("BENCH_CEILING_PORT", "8092"))
EDGE_PORT = int(os.environ.get("BENCH_EDGE_PORT", "8093"))
FRESHNESS_TRIALS = int(os.environ.get("BENCH_FRESHNESS_TRIALS", "5"))
# The same app with its page cache on (every other row renders: PAGE_CACHE=off).
CACHED_PORT = int(os.environ.get("BENCH_CACHED_PORT", "8094"))
WORDPRESS = os.environ.get("WORDPRESS_URL", "http://127.0.0.1:8081").rstrip("/")
WORDPRESS_CEILING = os.environ.get("WORDPRESS_CEILING_URL", "http://127.0.0.1:8082/article.html")
WORDPRESS_SETUP = (ROOT.parent / "shared" / "bench" / "wordpress" / "setup.sh").resolve()
WORDPRESS_ARTICLE = (
    "/2024/06/19/putin-visits-north-korea-to-strengthen-defense-ties-amid-ukraine-conflict/"
)
# The peer searches a word in nearly every post ("korea"); "said" is in most of Headline's.
SEARCH = os.environ.get("BENCH_SEARCH", "said")
HEADLINE = f"http://127.0.0.1:{PORT}"
CACHED = f"http://127.0.0.1:{CACHED_PORT}"
CEILING = f"http://127.0.0.1:{CEILING_PORT}/article.html"
EDGE = f"http://127.0.0.1:{EDGE_PORT}"
VARNISH = bool(shutil.which("varnishd"))
BIN = Path(sys.executable).parent
# How long a server may take to answer after starting: gunicorn's workers import the whole site,
# which takes over a minute when other work shares the machine.
STARTUP_SECONDS = int(os.environ.get("BENCH_STARTUP_SECONDS", "180"))


def pages(article_path):
    """Rows of the table: key, label, Headline URL, WordPress URL, wrk connections."""
    rows = [
        ("article", "article", HEADLINE + article_path, WORDPRESS + WORDPRESS_ARTICLE, 16),
        ("article_one", "article, one connection", HEADLINE + article_path,
         WORDPRESS + WORDPRESS_ARTICLE, 1),
        ("home", "home", HEADLINE + "/", WORDPRESS + "/", 16),
        ("section", "section / category", HEADLINE + "/international/",
         WORDPRESS + "/category/international/", 16),
        ("feed", "RSS feed", HEADLINE + "/feed/", WORDPRESS + "/feed/", 16),
        ("search", "search", f"{HEADLINE}/search/?q={SEARCH}", WORDPRESS + "/?s=korea", 16),
        ("article_cached", "article from the app's page cache", CACHED + article_path, None, 16),
        ("ceiling", "nginx serving the article as a file", CEILING, WORDPRESS_CEILING, 16),
    ]  # fmt: skip
    if VARNISH:
        rows.append(("edge", "article through Varnish", EDGE + article_path, None, 16))
        # Cached whatever the article's comment form holds: what the edge gives a shared page.
        rows.append(("edge_home", "home through Varnish", EDGE + "/", None, 16))
    return rows


def run(options):
    from benchmarks import site

    if not options.site_is_built:
        started = time.perf_counter()
        counts = site.build()
        mark_built()
        print(
            f"  built the benchmark site: {counts['articles']} articles, {counts['comments']} "
            f"approved comments ({time.perf_counter() - started:.0f} s)"
        )
    collectstatic()
    if options.profile:
        profile(site.ARTICLE_PATH)
        return
    rows = pages(site.ARTICLE_PATH)
    queries = count_queries(rows)
    peer = wordpress_running()
    if not peer:
        print(
            f"  WordPress peer not answering at {WORDPRESS}/ and {WORDPRESS_CEILING}: measuring "
            f"Headline alone.\n  Start it with `bash {WORDPRESS_SETUP}` as root (first time: "
            f"installs and loads it), later `bash {WORDPRESS_SETUP} start`."
        )
    if not VARNISH:
        print("  varnishd not installed (apt-get install varnish): no rows through Varnish.")
    with (
        gunicorn(),
        gunicorn(CACHED_PORT, page_cache=True),
        nginx_ceiling(site.ARTICLE_PATH),
        edge_cache(),
    ):
        results = measure(rows, peer)
        freshness = measure_freshness() if VARNISH else None
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "wrk": f"-t2 -c16 -d{SECONDS}s --timeout 10s --latency (one connection: -t1 -c1), median of {RUNS}",
        "load_average": results.pop("load"),
        "wordpress_running": peer,
        "search": SEARCH,
        "rows": [
            {
                "page": key,
                "label": label,
                "headline": results[key]["headline"] | {"queries": queries.get(key)},
                "wordpress": results[key].get("wordpress"),
                "ratio": ratio(results[key]),
            }
            for key, label, *_ in rows
        ],
        "edge": edge_report(results, freshness),
    }
    cached, ceiling = (results[key]["headline"]["rps"] for key in ("article_cached", "ceiling"))
    report["page_cache_to_nginx"] = round(cached / ceiling, 3) if ceiling else None
    print_table(report)
    print_edge(report["edge"])
    out = ROOT / "artifacts" / "bench.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"  written to {out.relative_to(ROOT)}")


def collectstatic():
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())


def count_queries(rows):
    """Queries of each Headline page, in-process on the same database and cache (second request)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for key, _, url, *_ in rows:
        if not url.startswith(HEADLINE):  # nginx and Varnish run no query
            continue
        path = url.removeprefix(HEADLINE)
        client.get(path)  # the first request makes image renditions and fills caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} in-process")
        counts[key] = len(captured)
    return counts


def fetch(url, timeout=30):
    """Status and body of one GET, without compression (as wrk asks)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wordpress_running():
    try:
        return fetch(WORDPRESS + "/", 10)[0] == 200 and fetch(WORDPRESS_CEILING, 10)[0] == 200
    except OSError:
        return False


class Server:
    """A process run for a `with` block, entered once `url` answers; its output goes to `log`."""

    def __init__(self, name, command, url, log, env=None):
        self.name, self.command, self.url, self.log, self.env = name, command, url, log, env

    def __enter__(self):
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=log
            )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited: see {self.log}")
            try:
                fetch(self.url, 10)
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit(
            f"{self.name} did not answer on {self.url} within {STARTUP_SECONDS} s: see {self.log}"
        )

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def gunicorn(port=PORT, page_cache=False):
    """Headline in production settings on 127.0.0.1:`port` (gunicorn.conf.py); page cache off
    unless asked (the page cache's row)."""
    command = [BIN / "gunicorn", "headline.wsgi", "--bind", f"127.0.0.1:{port}"]
    env = edge_environment() | ({"PAGE_CACHE": "on"} if page_cache else {})
    log = WORK / f"gunicorn-{port}.log"
    return Server("gunicorn", command, f"http://127.0.0.1:{port}/", log, env)


def edge_environment():
    """Production settings whose purges go to the benchmark's Varnish."""
    return os.environ | environment() | {"VARNISH_URL": EDGE}


@contextmanager
def edge_cache():
    """Varnish with the shipped VCL in front of the benchmark's gunicorn, and the task worker
    (polling as `make serve` runs it) that sends the purges; nothing without varnishd."""
    if not VARNISH:
        yield
        return
    folder = WORK / "varnish"
    folder.mkdir(parents=True, exist_ok=True)
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    (folder / "default.vcl").write_text(vcl.replace('"8000"', f'"{PORT}"', 1))
    varnish = ["varnishd", "-F", "-j", "none", "-n", str(folder / "state"), "-s", "malloc,256m"]
    varnish += ["-a", f"127.0.0.1:{EDGE_PORT}", "-f", str(folder / "default.vcl")]
    worker = [BIN / "python", "manage.py", "db_worker", "--interval", "0.1"]
    # The worker answers no URL: it is entered once gunicorn (already running) answers.
    with (
        Server("varnish", varnish, EDGE + "/", folder / "varnish.log"),
        Server("db_worker", worker, HEADLINE + "/", WORK / "db_worker.log", edge_environment()),
    ):
        yield


def measure_freshness():
    """Seconds from an editor's publish, and from a moderator's approval, to the change being
    served through Varnish: each trial caches the page, changes it in this process (purges go
    through the task worker, as in production) and polls Varnish every 5 ms."""
    from django.test.utils import override_settings

    from headline.comments.models import Comment
    from headline.comments.moderation import decide
    from headline.news.models import ArticlePage

    backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": EDGE}
    articles = ArticlePage.objects.published().newest_first()
    story = articles.first()  # on the home page
    # An article without comments, so the approved one heads its comment feed (the measured
    # article's comments are dated up to hours after it).
    quiet = articles.filter(comments__isnull=True).first()
    title, published, approved = story.title, [], []
    with override_settings(WAGTAILFRONTENDCACHE={"varnish": backend}):
        for trial in range(FRESHNESS_TRIALS):
            page = ArticlePage.objects.get(pk=story.pk)
            page.title = f"{title} (edit {trial + 1})"
            published.append(time_to_visible(EDGE + "/", page.title, page.save_revision().publish))
            comment = Comment.objects.create(
                article=quiet,
                name="Bench Reader",
                email="bench@example.org",
                body=f"Freshness trial {trial + 1} at {time.time()}",
                status=Comment.Status.PENDING,
            )
            approved.append(
                time_to_visible(
                    EDGE + quiet.url + "comments/feed/",
                    comment.body,
                    lambda comment=comment: decide([comment], Comment.Status.APPROVED),
                )
            )
            comment.delete()
        page = ArticlePage.objects.get(pk=story.pk)
        page.title = title
        page.save_revision().publish()
    return {"publish_s": published, "approval_s": approved}


def time_to_visible(url, text, change, limit=30):
    """Seconds from calling `change()` until `url` (cached first) shows `text` (None past
    `limit`), and of those, how long `change()` itself took (the editor's request)."""
    fetch(url)
    fetch(url)
    started = time.perf_counter()
    change()
    changed = time.perf_counter() - started
    while time.perf_counter() - started < limit:
        if text.encode() in fetch(url)[1]:
            return round(time.perf_counter() - started, 3), round(changed, 3)
        time.sleep(0.005)
    return None, round(changed, 3)


def edge_report(results, freshness):
    if "edge" not in results:
        return None
    edge, ceiling = results["edge"]["headline"]["rps"], results["ceiling"]["headline"]["rps"]
    home = results["edge_home"]["headline"]["rps"]
    report = {
        "article_to_ceiling": round(edge / ceiling, 2) if ceiling else None,
        "home_to_ceiling": round(home / ceiling, 2) if ceiling else None,
    }
    for key, trials in (freshness or {}).items():
        done = [seconds for seconds, _ in trials if seconds is not None]
        report[key] = {
            "median": statistics.median(done) if done else None,
            "max": max(done) if done else None,
            "change_itself_median": statistics.median(change for _, change in trials),
            "not_visible_within_30_s": len(trials) - len(done),
            "trials": trials,
        }
    return report


def print_edge(edge):
    if edge is None:
        return
    print(
        f"  through Varnish / nginx ceiling: article {edge['article_to_ceiling']} (target >= 0.7), "
        f"home {edge['home_to_ceiling']}"
    )
    for key, label in (
        ("publish_s", "an editor's publish"),
        ("approval_s", "a moderator's approval"),
    ):
        entry = edge[key]
        print(
            f"  {label} visible through Varnish: median {entry['median']} s, max {entry['max']} s "
            f"(the change itself: {entry['change_itself_median']} s), "
            f"{entry['not_visible_within_30_s']} of {len(entry['trials'])} not within 30 s "
            "(target < 1 s)"
        )


def nginx_ceiling(article_path):
    """nginx (Debian's defaults: sendfile, keep-alive) serving Headline's article HTML as a file."""
    folder = WORK / "nginx"
    (folder / "root").mkdir(parents=True, exist_ok=True)
    status, body = fetch(HEADLINE + article_path)
    if status != 200:
        raise SystemExit(f"{article_path} answered {status}")
    (folder / "root" / "article.html").write_bytes(body)
    config = folder / "nginx.conf"
    config.write_text(
        f"""daemon off;
worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 768; }}
http {{
    sendfile on;
    tcp_nopush on;
    types {{ text/html html; }}
    access_log off;
    client_body_temp_path {folder}/tmp;
    proxy_temp_path {folder}/tmp;
    fastcgi_temp_path {folder}/tmp;
    uwsgi_temp_path {folder}/tmp;
    scgi_temp_path {folder}/tmp;
    server {{
        listen 127.0.0.1:{CEILING_PORT};
        root {folder}/root;
        location / {{ try_files $uri =404; }}
    }}
}}
"""
    )
    # Debian installs nginx in /usr/sbin, which an ordinary user's PATH may lack.
    env = os.environ | {"PATH": os.environ.get("PATH", "") + ":/usr/sbin"}
    command = ["nginx", "-c", str(config), "-p", str(folder)]
    return Server("nginx", command, CEILING, folder / "nginx.log", env)


def wrk(url, connections, seconds):
    threads = 1 if connections == 1 else 2
    # A 10 s timeout (wrk: 2 s) keeps slow answers on a busy machine in the percentiles.
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output):
    """Requests/s, p50 and p99 in ms, and the failures wrk counted, from `wrk --latency` output."""
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sockets.group(1).strip() if sockets else "",
    }


def measure(rows, peer):
    """Interleaved wrk runs; per page and system: status, bytes, each run and the medians."""
    systems = ["headline", "wordpress"] if peer else ["headline"]
    results = {key: {} for key, *_ in rows}
    targets = []
    for key, _, headline_url, wordpress_url, connections in rows:
        for system, url in zip(systems, (headline_url, wordpress_url), strict=False):
            if url is None:  # no WordPress counterpart
                continue
            status, body = fetch(url)
            if status != 200:
                raise SystemExit(f"{url} answered {status}, not 200")
            results[key][system] = {"url": url, "bytes": len(body), "runs": []}
            targets.append((key, system, url, connections))
    load = {"before": os.getloadavg()[0]}
    for _, _, url, connections in targets:
        drained(wrk(url, connections, 2), connections)  # warm-up, discarded: caches, OPcache
    total = RUNS * len(targets) * SECONDS
    print(
        f"  measuring {len(targets)} targets x {RUNS} runs x {SECONDS} s (~{total // 60 + 1} min)"
    )
    for run_number in range(RUNS):
        for key, system, url, connections in targets:
            results[key][system]["runs"].append(
                drained(wrk(url, connections, SECONDS), connections)
            )
        print(f"  run {run_number + 1}/{RUNS} done, load {os.getloadavg()[0]:.2f}")
    load["after"] = os.getloadavg()[0]
    for measured in results.values():
        for entry in measured.values():
            runs = entry["runs"]
            for field in ("rps", "p50_ms", "p99_ms"):
                entry[field] = statistics.median(r[field] for r in runs)
            entry["failures"] = sum(r["non_2xx"] for r in runs)
            entry["socket_errors"] = [r["socket_errors"] for r in runs if r["socket_errors"]]
    results["load"] = load
    return results


def drained(result, connections):
    """Wait while the server finishes the requests wrk left in flight, then return `result`.

    wrk stops with one request open on each connection; the server still answers them, and on
    a machine this small that work would slow whichever page is measured next.
    """
    time.sleep(min(connections / max(result["rps"], 1), 20))
    return result


def ratio(measured):
    if "wordpress" not in measured or not measured["wordpress"]["rps"]:
        return None
    return round(measured["headline"]["rps"] / measured["wordpress"]["rps"], 2)


def print_table(report):
    load = report["load_average"]
    print(
        f"\n  wrk {report['wrk']}; load average {load['before']:.1f} before, {load['after']:.1f} after"
    )
    header = "| page | Headline req/s | p50 ms | p99 ms | bytes | queries |"
    header += " WordPress req/s | p50 ms | p99 ms | bytes | Headline / WordPress |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    problems = []
    for row in report["rows"]:
        h, w = row["headline"], row["wordpress"]
        cells = [row["label"], *system_cells(h), "—" if h["queries"] is None else str(h["queries"])]
        cells += [*system_cells(w), f"{row['ratio']:.2f}" if row["ratio"] is not None else "—"]
        print("| " + " | ".join(cells) + " |")
        for name, entry in (("Headline", h), ("WordPress", w)):
            if entry and not all(run["rps"] for run in entry["runs"]):
                problems.append(
                    f"{row['label']} ({name}): no answer completed within a run; "
                    "a longer BENCH_SECONDS is needed on this machine"
                )
            if entry and (entry["failures"] or entry["socket_errors"]):
                problems.append(
                    f"{row['label']} ({name}): {entry['failures']} non-2xx responses, "
                    f"socket errors {entry['socket_errors']}"
                )
    if report.get("page_cache_to_nginx") is not None:
        print(f"  article from the app's page cache / nginx: {report['page_cache_to_nginx']:.3f}")
    for problem in problems:
        print(f"  ! {problem}")


def system_cells(entry):
    if entry is None:
        return ["—"] * 4
    return [
        f"{entry['rps']:,.1f}" if entry["rps"] < 100 else f"{entry['rps']:,.0f}",
        f"{entry['p50_ms']:.1f}",
        f"{entry['p99_ms']:.1f}",
        f"{entry['bytes']:,}",
    ]


def profile(article_path):
    """Profile RENDERS renders of the article in-process and print where their time goes."""
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    client.get(article_path)  # renditions and caches, as for a reader after the first
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(RENDERS):
            client.get(article_path)
    session = profiler.last_session
    print(
        f"  {RENDERS} renders of {article_path}: {session.duration / RENDERS * 1000:.1f} ms "
        f"wall, {session.cpu_time / RENDERS * 1000:.1f} ms CPU of this process each; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    root = session.root_frame()
    print_shares("Own time by layer", own_time_by_layer(root), root.time)
    print_shares("Headline's functions, with what they call", project_functions(root), root.time)
    print_shares("Library entry points, with what they call", entry_points(root), root.time)
    out = WORK / "profile.html"
    out.write_text(profiler.output_html())
    print(f"  the whole call tree: {out.relative_to(ROOT)}")


# Where a frame's own time is booked, by the first matching fragment of its file path.
LAYERS = [
    ("psycopg", "database driver and waits (psycopg)"),
    ("django/db/", "ORM (building queries, making objects)"),
    ("django/utils/dateformat", "date formatting (the date filter)"),
    ("django/utils/formats", "date formatting (the date filter)"),
    ("django/utils/timezone", "date formatting (the date filter)"),
    ("django/template/", "Django templates"),
    ("redis", "cache (Redis client)"),
    ("wagtail/", "Wagtail (routing, sites, rich text, images)"),
    ("django/", "Django, other (request, middleware, URLs, HTML escaping)"),
    ("/headline/", "Headline's own code"),
    ("site-packages", "other libraries (WhiteNoise, taggit, modelcluster, nh3…)"),
    ("/python3", "Python's standard library"),
]


def own_time_by_layer(frame, shares=None, inherited="other"):
    """Seconds of own time per layer; built-ins (socket, sleep) count for the code calling them."""
    shares = {} if shares is None else shares
    path = frame.file_path or ""
    layer = inherited
    if path and not path.startswith("<"):
        layer = next((name for fragment, name in LAYERS if fragment in path), "other")
    if frame.is_synthetic or not frame.children:
        shares[layer] = shares.get(layer, 0) + frame.time
    for child in frame.children:
        own_time_by_layer(child, shares, layer)
    return shares


def project_functions(frame, shares=None, inside=frozenset()):
    """Inclusive time of each function in headline/, counted once when it recurses."""
    shares = {} if shares is None else shares
    path = frame.file_path or ""
    key = None
    if "/headline/" in path and "site-packages" not in path:
        key = f"{frame.function} ({path.split('/headline/', 1)[1]}:{frame.line_no})"
        if key not in inside:
            shares[key] = shares.get(key, 0) + frame.time
    for child in frame.children:
        project_functions(child, shares, inside | {key} if key else inside)
    return shares


# Inclusive costs worth naming: (label, fragment of the file path, function name).
ENTRY_POINTS = [
    ("SQL: executing queries and waiting for rows", "django/db/backends/utils.py", "_execute"),
    (
        "ORM querysets evaluated (SQL built, run, rows made objects)",
        "django/db/models/query.py",
        "__iter__",
    ),
    ("page routing: finding the page for the path", "wagtail/models/pages.py", "route_for_request"),
    ("the `date` template filter", "django/template/defaultfilters.py", "date"),
    ("Redis cache calls", "django_redis/cache.py", ""),
    ("template rendering (all templates)", "django/template/base.py", "render"),
]


def entry_points(frame, shares=None, inside=frozenset()):
    """Inclusive time of each ENTRY_POINTS entry, outermost calls only."""
    shares = {} if shares is None else shares
    path = frame.file_path or ""
    matched = set()
    for label, fragment, function in ENTRY_POINTS:
        if fragment in path and function in ("", frame.function) and label not in inside:
            shares[label] = shares.get(label, 0) + frame.time
            matched.add(label)
    for child in frame.children:
        entry_points(child, shares, inside | matched)
    return shares


def print_shares(title, shares, total, limit=15):
    print(f"  {title}:")
    for name, seconds in sorted(shares.items(), key=lambda item: -item[1])[:limit]:
        print(f"    {seconds / total * 100:5.1f} %  {name}")
