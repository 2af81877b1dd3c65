"""The WordPress importer on large exports: time and peak memory, at two sizes.

`make bench BENCH=wordpress-import` writes a synthetic export of 10,000 posts with 50,000
comments (5 a post, every other one a reply), 20 categories, 200 tags and 10 authors, and one 4×
as large (BENCH_WXR_SIZES="1000,4000" for others), and imports each into a fresh SQLite database in a process of its own, as `make run`
and production do (tasks queued in the database for the worker: search index, related lists).
It prints each import's wall time, CPU time and the process's peak RSS, and the load average.
Targets (issue 10): under 2 minutes and 500 MB for 10,000 posts; memory flat with size.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

POSTS = int(os.environ.get("BENCH_WXR_POSTS", "0"))  # set in the child that imports one size
# BENCH_WXR_SIZES="1000,4000" measures other sizes (the second should be 4× the first).
SIZES = tuple(int(n) for n in os.environ.get("BENCH_WXR_SIZES", "10000,40000").split(","))
COMMENTS_PER_POST = 5
SITE = "https://bench.example.org"
WORDS = (
    "minister harbour council budget storm election court ferry school hospital river union "
    "strike market energy price vote mayor bridge coast rail tram police report inquiry"
).split()


def prepare(options):
    if not POSTS:
        return
    from benchmarks import throwaway_database

    throwaway_database()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="headline.settings.dev",
        DEBUG="0",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def sentence(n):
    return " ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(14)).capitalize() + "."


def write_export(path, posts):
    """A WXR 1.2 file of `posts` posts, each with its comments, written as a stream."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Bench</title>'
            f"<link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_site_url>{SITE}</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for n in range(10):
            out.write(
                f"<wp:author><wp:author_id>{n + 1}</wp:author_id><wp:author_login>writer{n}"
                f"</wp:author_login><wp:author_display_name>Writer {n}</wp:author_display_name></wp:author>\n"
            )
        for n in range(20):
            out.write(
                f"<wp:category><wp:term_id>{n + 1}</wp:term_id><wp:category_nicename>desk-{n}"
                f"</wp:category_nicename><wp:category_parent></wp:category_parent>"
                f"<wp:cat_name>Desk {n}</wp:cat_name></wp:category>\n"
            )
        for n in range(200):
            out.write(
                f"<wp:tag><wp:term_id>{100 + n}</wp:term_id><wp:tag_slug>topic-{n}</wp:tag_slug>"
                f"<wp:tag_name>Topic {n}</wp:tag_name></wp:tag>\n"
            )
        comment_id = 0
        for n in range(1, posts + 1):
            body = "\n\n".join(escape(sentence(n + p)) * 4 for p in range(6))
            day = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:15:00"
            comments = []
            for c in range(COMMENTS_PER_POST):
                comment_id += 1
                parent = comment_id - 1 if c % 2 else 0
                comments.append(
                    f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>"
                    f"Reader {comment_id % 500}</wp:comment_author><wp:comment_author_email>"
                    f"reader{comment_id % 500}@mail.example</wp:comment_author_email>"
                    f"<wp:comment_author_IP>192.0.2.{comment_id % 250}</wp:comment_author_IP>"
                    f"<wp:comment_date_gmt>{day}</wp:comment_date_gmt><wp:comment_content>"
                    f"{escape(sentence(comment_id))}</wp:comment_content><wp:comment_approved>1"
                    f"</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>"
                    f"{parent}</wp:comment_parent></wp:comment>"
                )
            out.write(
                f"<item><title>Story number {n}</title><link>{SITE}/story-{n}/</link>"
                f'<dc:creator>writer{n % 10}</dc:creator><guid isPermaLink="false">{SITE}/?p={n}</guid>'
                f"<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded></excerpt:encoded>"
                f"<wp:post_id>{n}</wp:post_id><wp:post_date_gmt>{day}</wp:post_date_gmt>"
                f"<wp:comment_status>open</wp:comment_status><wp:post_name>story-{n}</wp:post_name>"
                f"<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent>"
                f"<wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>"
                f'<category domain="category" nicename="desk-{n % 20}">Desk {n % 20}</category>'
                f'<category domain="post_tag" nicename="topic-{n % 200}">Topic {n % 200}</category>'
                f"{''.join(comments)}</item>\n"
            )
        out.write("</channel></rss>\n")


def import_one():
    """Child: import the export named by BENCH_WXR_FILE; print one JSON line of figures."""
    from headline.importers.wordpress.importer import Importer

    started, cpu = time.perf_counter(), time.process_time()
    report = Importer(Path(os.environ["BENCH_WXR_FILE"])).run()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "posts": report.counts["post"]["created"],
                "comments": report.counts["comment"]["created"],
                "seconds": round(time.perf_counter() - started, 1),
                "cpu_seconds": round(time.process_time() - cpu, 1),
                "peak_mb": round(usage.ru_maxrss / 1024),
            }
        )
    )


def run(options):
    if POSTS:
        import_one()
        return
    folder = Path(tempfile.mkdtemp(prefix="headline-bench-wxr-"))
    print(f"  load average before: {os.getloadavg()[0]:.2f}")
    for posts in SIZES:
        path = folder / f"export-{posts}.xml"
        write_export(path, posts)
        size_mb = path.stat().st_size / 1e6
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks", "wordpress-import"],
            env=os.environ | {"BENCH_WXR_POSTS": str(posts), "BENCH_WXR_FILE": str(path)},
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"  {posts:>6} posts, {figures['comments']:>7} comments ({size_mb:.0f} MB): "
            f"{figures['seconds']:>7.1f} s wall, {figures['cpu_seconds']:>7.1f} s CPU, "
            f"peak {figures['peak_mb']} MB; load {os.getloadavg()[0]:.2f}"
        )
        path.unlink()
