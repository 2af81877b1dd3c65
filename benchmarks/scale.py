"""Render time against archive size: the same pages at 2,000 and at 20,000 articles.

Two benchmark newsrooms (`benchmarks.site`, the pages benchmark's builder, grown to each size)
live in their own PostgreSQL databases, named after BENCH_SCALE_DATABASE_URL's (default
`headline`: `headline_scale_2000` and `headline_scale_20000`), each with its own Redis database
(BENCH_SCALE_REDIS_URL's, db 9 by default, and the next: 10), built once and kept until the
builder changes (`BENCH_REBUILD=1` rebuilds; the 20,000-article site takes several minutes).

Each size is served by one long-lived process with production settings and no page cache, which
renders with the in-process test client on request: the article (100 threaded comments, related
box), home, a large and a small section, the RSS feed and search, each warm (shared fragments
cached, as between two changes) and cold (caches emptied before each render, as for the first
reader after a change), BENCH_RENDERS (15) renders after one warm-up, median kept, and the
queries each page ran. The parent asks the two processes in turn, page by page, for BENCH_RUNS
(7) rounds, the first size alternating: the two measurements of a page are seconds apart, so a
change in the shared machine's load falls on both. A page's ratio is the median over rounds of
its 20,000-article median over its 2,000-article median in the same round; the goal: every
page within 10 % (ratio ≤ 1.10). Results are printed and written to artifacts/bench-scale.json.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from urllib.parse import urlsplit

from benchmarks.pages_setup import ROOT, ensure_database, environment, mark_built, reachable

SIZES = (2_000, 20_000)
SERVER = os.environ.get("BENCH_SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/headline")
REDIS_URL = os.environ.get("BENCH_SCALE_REDIS_URL", "redis://127.0.0.1:6379/9")
RENDERS = int(os.environ.get("BENCH_RENDERS", "15"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
SEARCH = os.environ.get("BENCH_SEARCH", "said")
LIMIT = 1.10
SITE_VERSION = "headline-scale-site 1"
# Set for the child process that measures one size.
SIZE = int(os.environ.get("BENCH_SCALE_SIZE", "0"))
PAGES = {
    "article": None,  # benchmarks.site.ARTICLE_PATH, read once Django is set up
    "home": "/",
    "section": "/international/",
    # Ten articles whatever the archive's size: a listing must not read the archive to find them.
    "small section": "/culture/",
    "feed": "/feed/",
    "search": f"/search/?q={SEARCH}",
}


def database_url(size):
    """The database of one size, named after BENCH_SCALE_DATABASE_URL's: `headline_scale_2000`."""
    parts = urlsplit(SERVER)
    return parts._replace(path=f"{parts.path}_scale_{size}").geturl()


def redis_url(size):
    """The Redis database of one size: BENCH_SCALE_REDIS_URL's for the first, the next for the
    second, so neither process finds the other's fragments."""
    parts = urlsplit(REDIS_URL)
    first = int(parts.path.lstrip("/") or 0)
    return parts._replace(path=f"/{first + SIZES.index(size)}").geturl()


def work(size):
    return ROOT / "artifacts" / "bench-scale" / str(size)


def prepare(options):
    """Parent: check the services. Child: point Django at its size's database and migrate it."""
    missing = [
        f"{what} at {url}: {fix}"
        for what, url, port, fix in (
            ("PostgreSQL", SERVER, 5432, "apt-get install postgresql && pg_ctlcluster 15 main start"),
            ("Redis", REDIS_URL, 6379, "apt-get install redis-server && redis-server --daemonize yes"),
        )
        if not reachable(url, port)
    ]  # fmt: skip
    if missing:
        print("make bench (scale) needs:", *(f"  - {item}" for item in missing), sep="\n")
        sys.exit(1)
    if not SIZE:
        return
    work(SIZE).mkdir(parents=True, exist_ok=True)
    options.site_is_built = ensure_database(
        bool(os.environ.get("BENCH_REBUILD")),
        database_url(SIZE),
        work(SIZE),
        f"{SITE_VERSION} {SIZE}",
    )
    # No page cache: this measures the render (the page cache's env switch, where it exists).
    os.environ.update(
        environment(database_url(SIZE), redis_url(SIZE), work(SIZE)) | {"PAGE_CACHE": "off"}
    )

    import django
    import redis
    from django.core.management import call_command

    redis.Redis.from_url(redis_url(SIZE)).flushdb()  # nothing left from an earlier run
    django.setup()
    call_command("migrate", verbosity=0)


def run(options):
    if SIZE:
        measure_one_size(options)
    else:
        compare_sizes()


def compare_sizes():
    """Start one process per size, ask them in turn for each page over RUNS rounds; print and
    save the comparison."""
    children = {size: SizeProcess(size) for size in SIZES}  # one after the other: builds are heavy
    articles = {size: child.articles for size, child in children.items()}
    rounds = {size: {} for size in SIZES}
    load = {"before": os.getloadavg()[0]}
    for number in range(RUNS):
        order = SIZES if number % 2 == 0 else SIZES[::-1]
        for page in PAGES:
            for cold in (False, True):
                name = f"{page}, cold" if cold else page
                for size in order:
                    answer = children[size].ask({"page": page, "cold": cold})
                    rounds[size].setdefault(name, []).append(answer)
        print(f"  round {number + 1}/{RUNS} done, load {os.getloadavg()[0]:.2f}")
    load["after"] = os.getloadavg()[0]
    for child in children.values():
        child.stop()
    small, large = SIZES
    rows = []
    for name, measured in rounds[small].items():
        paired = zip(measured, rounds[large][name], strict=True)
        rows.append(
            {
                "page": name,
                "path": measured[0]["path"],
                **{
                    f"ms_{size}": round(statistics.median(r["ms"] for r in rounds[size][name]), 2)
                    for size in SIZES
                },
                **{f"queries_{size}": rounds[size][name][0]["queries"] for size in SIZES},
                "ratio": round(statistics.median(b["ms"] / a["ms"] for a, b in paired), 3),
            }
        )
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "renders": RENDERS,
        "runs": RUNS,
        "load_average": load,
        "articles": articles,
        "rows": rows,
        "rounds": rounds,
    }
    print_table(report)
    out = ROOT / "artifacts" / "bench-scale.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"  written to {out.relative_to(ROOT)}")


class SizeProcess:
    """The process that serves one size: started (building its site if needed), then asked for
    one page at a time over its stdin and stdout, one line of JSON each way."""

    def __init__(self, size):
        env = os.environ | {"BENCH_SCALE_SIZE": str(size)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks", "scale"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.articles = self.answer()["articles"]

    def ask(self, request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self.answer()

    def answer(self):
        """The next line of JSON the process prints (its other output is progress)."""
        for line in self.process.stdout:
            if line.startswith("{"):
                return json.loads(line)
        raise SystemExit(f"the scale benchmark's process stopped (exit {self.process.wait()})")

    def stop(self):
        self.process.stdin.close()
        self.process.wait()


def print_table(report):
    small, large = SIZES
    load = report["load_average"]
    print(
        f"\n  in-process renders, median of {report['renders']} per round, median of "
        f"{report['runs']} rounds (ratio: median of the rounds' ratios); load average "
        f"{load['before']:.1f} before, {load['after']:.1f} after"
    )
    print(f"| page | {small:,} articles ms | queries | {large:,} articles ms | queries | ratio |")
    print("|---|---|---|---|---|---|")
    for row in report["rows"]:
        flag = "" if row["ratio"] <= LIMIT else f"  ! over {LIMIT:.2f}"
        print(
            f"| {row['page']} | {row[f'ms_{small}']:.1f} | {row[f'queries_{small}']} | "
            f"{row[f'ms_{large}']:.1f} | {row[f'queries_{large}']} | {row['ratio']:.2f}{flag} |"
        )


def measure_one_size(options):
    """Build this size's site if needed (progress on stderr), say how many articles it has, then
    answer each request line ({"page": name, "cold": bool}) with render_times' line until stdin
    closes."""
    from benchmarks import site
    from benchmarks.pages import collectstatic
    from headline.news.models import ArticlePage

    if not options.site_is_built:
        print(f"  building the {SIZE:,}-article site", file=sys.stderr)
        started = time.perf_counter()
        counts = site.build(SIZE)
        mark_built(f"{SITE_VERSION} {SIZE}")
        print(
            f"  built the {SIZE:,}-article site: {counts['articles']} articles "
            f"({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
    collectstatic()
    paths = PAGES | {"article": site.ARTICLE_PATH}
    print(json.dumps({"articles": ArticlePage.objects.live().count()}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        path = paths[request["page"]]
        print(json.dumps({"path": path, **render_times(path, request["cold"])}), flush=True)


def render_times(path, cold=False):
    """Median milliseconds of RENDERS renders of `path` after a warm-up, and its queries.

    Warm: with the fragments every reader shares in the caches, as readers find the page between
    two changes. Cold: both caches emptied before each render (not timed), as the first reader
    after a change finds it, every fragment made again.
    """
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    def empty():
        if cold:
            for alias in ("default", "fragments"):
                caches[alias].clear()

    client = Client()
    response = client.get(path)  # renditions, fragments: what the first reader pays
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    empty()
    with connection.execute_wrapper(count):
        client.get(path)
    times = []
    for _ in range(RENDERS):
        empty()
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": statistics.median(times), "queries": len(executed)}
