"""Related articles at scale: a full rebuild and the update after one publish, on synthetic
articles of realistic length (~600 words, built from sentences of ../shared/corpus/news when it
is there, else from a generated vocabulary), with plain TF-IDF fitting as the in-run baseline.
"""

import json
import random
import resource
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from sklearn.feature_extraction.text import TfidfVectorizer
from taggit.models import Tag
from wagtail.signal_handlers import disable_reference_index_auto_update

from benchmarks import timed
from headline.news.models import ArticlePage, ArticleTag, HomePage, SectionPage
from headline.related import index
from headline.related.engine import Document, Index, day_number, term_weights
from headline.related.models import RelatedArticle

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
    rng = random.Random(seed)
    pools = sentence_pools()
    articles = []
    for _ in range(count):
        topic = rng.randrange(len(pools))
        pool = pools[topic]
        paragraphs = [
            ". ".join(rng.choice(pool) for _ in range(rng.randint(2, 4))) + "."
            for _ in range(rng.randint(6, 10))
        ]
        articles.append(
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
    return articles


def engine_documents(articles):
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
        for i, a in enumerate(articles)
    ]


def engine_rebuild(articles):
    index_ = Index.of(term_weights(engine_documents(articles)))
    return index_.related()


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
    articles = synthetic_articles(10_000)
    fit = measure_in_memory(articles, repeats=3)
    started = time.perf_counter()
    with override_settings(TASKS=NO_BACKGROUND_TASKS):
        fill_database(articles)
    print(f"  (setup: {len(articles)} pages inserted in {time.perf_counter() - started:.0f} s)")
    rebuild, count = timed(index.rebuild, 3)
    print(f"  rebuild_related, database          {rebuild:8.2f} s  ({rebuild / fit:.1f}x baseline)")
    print(f"  stored: {count} articles, {RelatedArticle.objects.count()} related links")
    measure_updates(articles, len(articles))
    if options.large:
        # In memory only: the database part grows linearly (reading and writing rows).
        measure_in_memory(synthetic_articles(100_000), repeats=1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak memory of this process        {peak:8.0f} MB")


def measure_in_memory(articles, repeats):
    """Baseline TF-IDF fitting and the engine's full rebuild on the same articles; returns the fit."""
    words = sum(len(" ".join(a["paragraphs"]).split()) for a in articles) / len(articles)
    print(f"{len(articles)} articles, {words:.0f} words each on average")
    fit, _ = timed(partial(baseline_fit, articles), repeats)
    print(f"  baseline TF-IDF fit_transform      {fit:8.2f} s")
    engine, _ = timed(partial(engine_rebuild, articles), repeats)
    print(f"  engine rebuild, in memory          {engine:8.2f} s  ({engine / fit:.1f}x baseline)")
    return fit


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
