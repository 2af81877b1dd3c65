"""Site search over published articles: headline, standfirst, body, tags and authors.

The query is read as web search engines read one (`syntax`: words, "phrases", -excluded, OR).
Wagtail's search backend does the matching and scoring (its database backend on SQLite and
PostgreSQL; Elasticsearch/OpenSearch for large archives, see the README). The backend breaks ties
by primary key, so equally relevant articles are re-ordered here, newest first, over the
`MAX_MATCHES` best hits; only the articles on the page shown are then loaded in full. Searches
are limited per IP address (RATE_LIMITS["search-ip"]); pages served from the page cache are free.
"""

from datetime import date, datetime, time, timedelta
from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from headline.core import ratelimit
from headline.core.models import SITE
from headline.core.pagination import PastTheEnd, page_number
from headline.news.models import ARTICLES, SECTIONS, ArticlePage, declare_page

from . import syntax
from .forms import SearchForm
from .highlight import excerpt, mark, query_terms, reading_text, terms_pattern
from .signals import SEARCH_INDEX

RESULTS_PER_PAGE = 10
MAX_MATCHES = 500
# Scoring reads each match's text, so scoring every match of a common word costs as much as the
# archive is large. A search scores the newest RANKED matches only (found newest first from the
# indexes, reading no text beyond them): a results page then costs the same at 2,000 or 20,000
# articles, and a news reader wants recent stories first. Earlier ones are a date filter away.
RANKED = 1_000
# Scores this close to the best of a run count as a tie, broken by recency: the backends' scores
# for equally good matches differ by a few per cent (document length, index statistics), and a
# reader looking for news wants the latest of those first.
EQUALLY_RELEVANT = 0.8
# Enough to order hits; the full article is loaded only for the page of results shown.
ONE_DAY = timedelta(days=1)
RANKING_FIELDS = ("id", "published_at", "first_published_at", "go_live_at")
# What a results page shows: the matches (the index, the articles' text and visibility), their
# sections' addresses and the section filter's choices; cached per full path (query, filters,
# page).
SEARCH_SCOPES = (SITE, SECTIONS, ARTICLES, SEARCH_INDEX)


def start_of_day(day):
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def filtered(articles, filters):
    if filters.get("section"):
        # Search backends filter only on indexed fields, so the section rule becomes a list of ids.
        in_section = ArticlePage.objects.in_section(filters["section"]).values_list("pk", flat=True)
        articles = articles.filter(pk__in=in_section)
    # Whole days in the site's time zone, as plain comparisons the search backends can apply. The
    # calendar's first and last days leave their end of the range open: no datetime lies beyond
    # them (9999-12-31 plus a day overflows), and no article either.
    start, end = filters.get("from_date"), filters.get("to_date")
    if start and start > date.min:
        articles = articles.filter(published_at__gte=start_of_day(start))
    if end and end < date.max:
        articles = articles.filter(published_at__lt=start_of_day(end + ONE_DAY))
    return articles


def equally_relevant_runs(hits):
    """Split hits (best first) into runs scoring within `EQUALLY_RELEVANT` of the run's best."""
    run = []
    for hit in hits:
        best = run[0]._score if run else None
        # Same-sign scores (SQLite's bm25 is negative, PostgreSQL's rank positive): a ratio works.
        if run and best and hit._score / best < EQUALLY_RELEVANT:
            yield run
            run = []
        run.append(hit)
    if run:
        yield run


def ranked(articles, query):
    """(hits by relevance, newest first among equally relevant ones; whether only the newest
    RANKED matches were scored). `query`: a wagtail.search.query.SearchQuery, or None."""
    if query is None:
        return [], False
    # One query finds and scores them: a second one scoring the candidates by id matched the
    # query again row by row, where the planner left the text index for larger archives.
    newest = (
        articles.only(*RANKING_FIELDS)
        .order_by("-published_at")
        .search(query, order_by_relevance=False)
        .annotate_score("_score")
    )
    candidates = list(newest[:RANKED])
    # The larger the score's size, the better the match (SQLite's bm25 is negative).
    best_first = sorted(candidates, key=lambda hit: abs(hit._score), reverse=True)
    newest_first = partial(sorted, key=lambda hit: hit.publication_date, reverse=True)
    runs = equally_relevant_runs(best_first[:MAX_MATCHES])
    return [hit for run in runs for hit in newest_first(run)], len(candidates) == RANKED


def load_results(hits, pattern):
    """The articles for one page of hits, in rank order, each with its highlighted excerpt."""
    ids = [hit.pk for hit in hits]
    articles = ArticlePage.objects.for_cards().in_bulk(ids)
    results = []
    for pk in ids:
        article = articles[pk]
        text = reading_text(article.standfirst, article.body_text())
        article.title_html = mark(article.title, pattern)
        article.excerpt_html = mark(excerpt(text, pattern), pattern)
        results.append(article)
    return results


def results_page(request, query, filters):
    """(one page of results, whether only the newest RANKED matches were scored)."""
    parsed = syntax.parse(query)
    hits, capped = ranked(filtered(ArticlePage.objects.published(), filters), parsed.query)
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    number = page_number(request)
    if number > paginator.num_pages:
        raise PastTheEnd(request)
    page = paginator.page(number)
    pattern = terms_pattern(query_terms(" ".join(parsed.words)))
    page.object_list = load_results(page.object_list, pattern)
    return page, capped


def search(request):
    declare_page(request, *SEARCH_SCOPES)
    form = SearchForm(request.GET or None)
    # The page is cached per full path (`search_scopes`); the form's section choices and the
    # results are read only when it is made again.
    context = {"form": form, "query": "", "searched": False, "search_scopes": SEARCH_SCOPES}
    if not form.is_bound:
        return render(request, "search/search_results.html", context)
    if not form.is_valid():
        return render(request, "search/search_results.html", context, status=400)
    query = form.cleaned_data["q"]
    context["query"] = query
    if query:
        # Each search not already in the page cache is a full-text query: limited per address.
        ratelimit.hit(
            ratelimit.Limit.named("search-ip"),
            ratelimit.client_ip(request),
            "You have searched many times in a short while.",
        )
        # Templates call `results` and `capped`, so the search runs only when they are shown.
        found = SimpleLazyObject(lambda: results_page(request, query, form.cleaned_data))
        context.update(
            searched=True, results=lambda: found[0], capped=lambda: found[1], ranked=f"{RANKED:,}"
        )
    return render(request, "search/search_results.html", context)
