"""Related articles at scale: a full rebuild and the update after one publish, on synthetic
articles of realistic length (~600 words, built from sentences of ../shared/corpus/news when it
is there, else from a generated vocabulary), with plain TF-IDF fitting as the in-run baseline.

The 10,000-article run goes through the database (read and weigh, score, write: each timed);
`--large` adds 100,000 articles in memory, each measurement in its own child process so that
its peak memory is its own. The engine there weighs articles 2,000 at a time and keeps only
their term weights, as `rebuild_related` does.
"""

import json
import multiprocessing
import os
import random
import resource
import statistics
import time
from datetime import timedelta
from functools import partial
from itertools import islice
from pathlib import Path

import django
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from sklearn.feature_extraction.text import TfidfVectorizer
from taggit.models import Tag
from wagtail.signal_handlers import disable_reference_index_auto_update

from benchmarks import timed
from headline.news.models import ArticlePage, ArticleTag, HomePage, SectionPage
from headline.related import index
from headline.related.engine import Document, Index, day_number, term_weights
from headline.related.models import ArticleTerms, RelatedArticle

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news"
SECTIONS = 8
TAGS = 300
YEARS = 5
# Inserting test pages would otherwise queue search-index work for each one.
NO_BACKGROUND_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def sentence_pools():
    """Groups of sentences on one subject each, so synthetic articles cluster like real news."""
    pools = {}
    if NEWS.is_dir():
        for path in sorted(NEWS.glob("*.jsonl")):
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    key = (path.stem, record.get("story") or record.get("section"))
                    sentences = [s.strip() for s in record["body"].replace("\n", " ").split(". ")]
                    pools.setdefault(key, []).extend(s for s in sentences if len(s) > 30)
        return [pool for pool in pools.values() if len(pool) >= 20]
    rng = random.Random(1)
    common = [f"word{i}" for i in range(3000)]
    pools = []
    for topic in range(200):
        own = [f"topic{topic}term{i}" for i in range(60)]
        words = own * 10 + common  # a quarter of each sentence is on-topic vocabulary
        pools.append([" ".join(rng.choices(words, k=20)) for _ in range(40)])
    return pools


def synthetic_articles(count, seed=0):
    return list(generate_articles(count, seed))


def generate_articles(count, seed=0):
    rng = random.Random(seed)
    pools = sentence_pools()
    for _ in range(count):
        topic = rng.randrange(len(pools))
        pool = pools[topic]
        paragraphs = [
            ". ".join(rng.choice(pool) for _ in range(rng.randint(2, 4))) + "."
            for _ in range(rng.randint(6, 10))
        ]
        yield (
            {
                "title": " ".join(rng.choice(pool).split()[:12]),
                "standfirst": rng.choice(pool)[:400],
                "paragraphs": paragraphs,
                "section": topic % SECTIONS if rng.random() < 0.8 else rng.randrange(SECTIONS),
                "tags": sorted(
                    {(topic + rng.randrange(3)) % TAGS for _ in range(rng.randint(0, 3))}
                ),
                "days_ago": rng.uniform(0, 365 * YEARS),
            }
        )


def engine_documents(articles, start=0):
    now = timezone.now()
    return [
        Document(
            id=i,
            title=a["title"],
            standfirst=a["standfirst"],
            body="\n\n".join(a["paragraphs"]),
            day=day_number(now - timedelta(days=a["days_ago"])),
            sections=(a["section"],),
            tags=tuple(a["tags"]),
        )
        for i, a in enumerate(articles, start=start)
    ]


def engine_rebuild(articles, batch=index.READ_BATCH, phases=None):
    """The engine's full rebuild from an iterable of articles, weighing `batch` at a time and
    keeping only the stored form of each (as rebuild_related does); `phases` gets seconds."""
    phases = {} if phases is None else phases
    started = time.perf_counter()
    columns = [[] for _ in ArticleTerms.COLUMNS]
    articles = iter(articles)
    done = 0
    while chunk := list(islice(articles, batch)):
        for document in term_weights(engine_documents(chunk, start=done)):
            row = ArticleTerms.from_document(document)
            for column, name in zip(columns, ArticleTerms.COLUMNS, strict=True):
                column.append(getattr(row, name))
        done += len(chunk)
    phases["weigh"] = time.perf_counter() - started
    started = time.perf_counter()
    engine = Index(*columns)
    phases["index"] = time.perf_counter() - started
    started = time.perf_counter()
    results = engine.related()
    phases["score"] = time.perf_counter() - started
    return results


def baseline_fit(articles):
    texts = [a["title"] + "\n\n" + "\n\n".join(a["paragraphs"]) for a in articles]
    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)


def fill_database(articles):
    """Insert live articles straight into the page tree (no revisions: only the rows matter)."""
    home = HomePage.objects.get()
    sections = []
    for n in range(SECTIONS):
        section = SectionPage(title=f"Section {n}", slug=f"section-{n}")
        home.add_child(instance=section)
        sections.append(section)
    tags = Tag.objects.bulk_create([Tag(name=f"tag {n}", slug=f"tag-{n}") for n in range(TAGS)])
    now = timezone.now()
    children = [0] * SECTIONS
    with transaction.atomic(), disable_reference_index_auto_update():
        for i, a in enumerate(articles):
            section = sections[a["section"]]
            children[a["section"]] += 1
            page = add_article(section, children[a["section"]], a, now, i)
            ArticleTag.objects.bulk_create(
                [ArticleTag(content_object_id=page.pk, tag_id=tags[t].pk) for t in a["tags"]]
            )
        for section, count in zip(sections, children, strict=True):
            SectionPage.objects.filter(pk=section.pk).update(numchild=count)


def add_article(section, position, a, now, n):
    published = now - timedelta(days=a["days_ago"])
    page = ArticlePage(
        title=a["title"] or f"Article {n}",
        slug=f"article-{n}",
        standfirst=a["standfirst"],
        body=[{"type": "paragraph", "value": f"<p>{p}</p>"} for p in a["paragraphs"]],
        path=ArticlePage._get_path(section.path, section.depth + 1, position),
        depth=section.depth + 1,
        numchild=0,
        live=True,
        first_published_at=published,
        last_published_at=published,
        published_at=published,
    )
    page.save(clean=False)
    return page


def run(options):
    print(f"  (load: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}; {os.cpu_count()} cores)")
    articles = synthetic_articles(10_000)
    fit = measure_in_memory(articles, repeats=3)
    started = time.perf_counter()
    with override_settings(TASKS=NO_BACKGROUND_TASKS):
        fill_database(articles)
    print(f"  (setup: {len(articles)} pages inserted in {time.perf_counter() - started:.0f} s)")
    measure_database(fit, repeats=3)
    measure_updates(articles, len(articles))
    if options.large:
        measure_large(100_000)


def measure_in_memory(articles, repeats):
    """Baseline TF-IDF fitting and the engine's full rebuild on the same articles; returns the fit."""
    words = sum(len(" ".join(a["paragraphs"]).split()) for a in articles) / len(articles)
    print(f"{len(articles)} articles, {words:.0f} words each on average")
    fit, _ = timed(partial(baseline_fit, articles), repeats)
    print(f"  baseline TF-IDF fit_transform      {fit:8.2f} s")
    engine, _ = timed(partial(engine_rebuild, articles), repeats)
    print(f"  engine rebuild, in memory          {engine:8.2f} s  ({engine / fit:.1f}x baseline)")
    return fit


def measure_database(fit, repeats):
    """rebuild_related's phases on the database: read and weigh, score, write (medians)."""
    phases = {"read and weigh": [], "score": [], "write": [], "total": []}
    cpu = {name: [] for name in phases}
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        columns = index.read_archive()
        moment, moment_cpu = time.perf_counter(), time.process_time()
        phases["read and weigh"].append(moment - started)
        cpu["read and weigh"].append(moment_cpu - started_cpu)
        engine = Index(*columns)
        results = engine.related()
        phases["score"].append(time.perf_counter() - moment)
        cpu["score"].append(time.process_time() - moment_cpu)
        moment, moment_cpu = time.perf_counter(), time.process_time()
        index.store(columns, engine, results)
        phases["write"].append(time.perf_counter() - moment)
        cpu["write"].append(time.process_time() - moment_cpu)
        phases["total"].append(time.perf_counter() - started)
        cpu["total"].append(time.process_time() - started_cpu)
    rows = RelatedArticle.objects.count()
    for name, durations in phases.items():
        median = statistics.median(durations)
        print(
            f"  rebuild_related, database: {name:<14} {median:7.2f} s  ({median / fit:.1f}x "
            f"baseline; CPU {statistics.median(cpu[name]):.2f} s, all threads)"
        )
    print(f"  (load: {os.getloadavg()[0]:.1f})")
    write = statistics.median(phases["write"])
    print(
        f"  stored: {len(engine)} articles, {rows} related links; write "
        f"{write / (len(engine) + rows) * 1e6:.0f} us a row ({connection.vendor})"
    )


def measure_large(count):
    """Baseline and engine at `count` articles, each in a new interpreter with its own peak."""
    print(f"{count} articles, in memory (each measurement in a fresh process)")
    context = multiprocessing.get_context("spawn")
    figures = {}
    for name in ("baseline", "engine"):
        with context.Pool(1, initializer=django.setup) as pool:
            figures[name] = pool.apply(_large_child, (name, count))
    fit = figures["baseline"]["seconds"]
    for name, figure in figures.items():
        phases = "".join(f", {phase} {sec:.1f} s" for phase, sec in figure["phases"].items())
        print(
            f"  {name:<8} {figure['seconds']:8.2f} s  ({figure['seconds'] / fit:.1f}x baseline"
            f"{phases}); CPU {figure['cpu']:.1f} s (user+sys, all threads); "
            f"peak memory {figure['peak_mb']:.0f} MB; load {figure['load']:.1f}"
        )


def _large_child(name, count):
    phases = {}
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    if name == "baseline":
        baseline_fit(list(generate_articles(count)))
    else:
        engine_rebuild(generate_articles(count), phases=phases)
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
        "phases": phases,
        "peak_mb": after.ru_maxrss / 1024,
        # The 1-minute load average over the run's last minute: what the machine's other jobs
        # took from it.
        "load": os.getloadavg()[0],
    }


def measure_updates(articles, size, repeats=7):
    """One publish: a new article goes live, then refresh() as the background task runs it."""
    section = SectionPage.objects.order_by("path").first()
    position = section.get_children().count()
    now = timezone.now()
    durations = []
    affected = []
    for r in range(repeats):
        a = dict(articles[r], days_ago=0)
        position += 1
        with disable_reference_index_auto_update(), override_settings(TASKS=NO_BACKGROUND_TASKS):
            page = add_article(section, position, a, now, size + r)
        started = time.perf_counter()
        affected.append(len(index.refresh(page.pk)))
        durations.append(time.perf_counter() - started)
    durations.sort()
    print(
        f"  update after one publish           {durations[len(durations) // 2]:8.3f} s median "
        f"(min {durations[0]:.3f}, max {durations[-1]:.3f}; {sorted(affected)[repeats // 2]} lists)"
    )
