"""What search engines and social networks read from our pages: JSON-LD, OpenGraph, Twitter cards,
canonical links and meta descriptions, extracted with extruct as a crawler would."""

import io
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import extruct
import pytest
from django.conf import settings
from django.utils import timezone
from PIL import Image as PILImage

from headline.news.models import ArticleCorrection

from .factories import make_article, make_author, make_image, make_section, site_root_url

pytestmark = pytest.mark.django_db


def extract(response):
    assert response.status_code == 200
    return extruct.extract(
        response.content.decode(),
        base_url="http://testserver/",
        syntaxes=["json-ld", "opengraph"],
    )


def jsonld_of_type(data, type_name):
    found = [item for item in data["json-ld"] if item.get("@type") == type_name]
    assert len(found) == 1, f"expected one {type_name}, got {data['json-ld']}"
    return found[0]


def open_graph(data):
    """OpenGraph properties as lists, since article:tag and article:author repeat."""
    properties = {}
    for item in data["opengraph"]:
        for key, value in item["properties"]:
            properties.setdefault(key, []).append(value)
    return properties


def head_values(response, xpath):
    import lxml.html

    return lxml.html.fromstring(response.content.decode()).xpath(xpath)


def served_image_size(client, url):
    """The real pixel size of an image the page points at: the generated file for media,
    the response of our own server for static files."""
    path = urlsplit(url).path
    if path.startswith(settings.MEDIA_URL):
        with PILImage.open(
            Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
        ) as image:
            return image.size
    response = client.get(path)
    assert response.status_code == 200, path
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return PILImage.open(io.BytesIO(content)).size


@pytest.fixture
def article():
    section = make_section("Business")
    author = make_author("Ada Reporter", job_title="Economics editor")
    published = timezone.now() - timedelta(days=2)
    page = make_article(
        section,
        "Rates held <steady> & markets calm",
        authors=[author, make_author("Ben Writer")],
        tags=["Economy", "Central banks"],
        standfirst="The central bank kept rates at 4% & signalled patience.",
        lead_image=make_image("Bank building", size=(800, 500)),
        lead_image_caption="The central bank's headquarters",
        published_at=published,
        updated_at=published + timedelta(hours=3),
    )
    return page


def test_article_carries_news_article_json_ld_with_googles_properties(client, article):
    root = site_root_url()
    data = extract(client.get(article.url))
    news = jsonld_of_type(data, "NewsArticle")

    assert news["headline"] == "Rates held <steady> & markets calm"
    assert news["description"] == "The central bank kept rates at 4% & signalled patience."
    assert news["mainEntityOfPage"]["@id"] == root + article.url
    published = article.publication_date
    assert news["datePublished"] == published.isoformat()
    assert news["dateModified"] == article.last_modified.isoformat()
    assert news["dateModified"] >= news["datePublished"]
    assert [(a["@type"], a["name"]) for a in news["author"]] == [
        ("Person", "Ada Reporter"),
        ("Person", "Ben Writer"),
    ]
    assert news["author"][0]["url"].startswith(root + "/authors/")
    assert client.get(urlsplit(news["author"][0]["url"]).path).status_code == 200
    assert news["articleSection"] == "Business"
    assert sorted(news["keywords"]) == ["Central banks", "Economy"]

    publisher = news["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "Headline"
    logo = publisher["logo"]
    assert served_image_size(client, logo["url"]) == (logo["width"], logo["height"])

    # Google asks for 16:9, 4:3 and 1:1, each at least 1200 px wide; the lead image is smaller,
    # so these are scaled up locally rather than left for the crawler to reject.
    sizes = [(image["width"], image["height"]) for image in news["image"]]
    assert sizes == [(1200, 675), (1200, 900), (1200, 1200)]
    for image in news["image"]:
        assert image["url"].startswith(root + "/media/")
        assert served_image_size(client, image["url"]) == (image["width"], image["height"])


def test_article_breadcrumbs_lead_from_home_through_section(client, article):
    root = site_root_url()
    crumbs = jsonld_of_type(extract(client.get(article.url)), "BreadcrumbList")
    items = crumbs["itemListElement"]
    assert [(item["position"], item["name"]) for item in items] == [
        (1, "Headline"),
        (2, "Business"),
        (3, "Rates held <steady> & markets calm"),
    ]
    assert [item["item"] for item in items] == [
        root + "/",
        root + "/business/",
        root + article.url,
    ]


def test_article_open_graph_and_twitter_card(client, article):
    response = client.get(article.url)
    og = open_graph(extract(response))
    root = site_root_url()

    assert og["og:type"] == ["article"]
    assert og["og:title"] == ["Rates held <steady> & markets calm"]
    assert og["og:description"] == ["The central bank kept rates at 4% & signalled patience."]
    assert og["og:url"] == [root + article.url]
    assert og["article:published_time"] == [article.publication_date.isoformat()]
    assert og["article:modified_time"] == [article.last_modified.isoformat()]
    assert og["article:section"] == ["Business"]
    assert sorted(og["article:tag"]) == ["Central banks", "Economy"]

    # The share card is made from the lead image at exactly the size networks ask for.
    (image_url,) = og["og:image"]
    assert image_url.startswith(root + "/media/")
    width, height = int(og["og:image:width"][0]), int(og["og:image:height"][0])
    assert (width, height) == (1200, 630)
    assert served_image_size(client, image_url) == (width, height)

    twitter = {
        meta.get("name"): meta.get("content")
        for meta in head_values(response, "//head/meta[starts-with(@name, 'twitter:')]")
    }
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:image"] == image_url
    assert twitter["twitter:title"] == "Rates held <steady> & markets calm"


def test_article_canonical_and_meta_description_come_from_the_page(client, article):
    response = client.get(article.url + "?utm_source=newsletter")
    assert head_values(response, "//head/link[@rel='canonical']/@href") == [
        site_root_url() + article.url
    ]
    assert head_values(response, "//head/meta[@name='description']/@content") == [
        "The central bank kept rates at 4% & signalled patience."
    ]


def test_corrections_appear_in_json_ld_and_move_date_modified(client, article):
    corrected = timezone.now() - timedelta(hours=1)
    ArticleCorrection.objects.create(
        page=article,
        kind="correction",
        date=corrected,
        text="An earlier version misstated the rate.",
    )
    ArticleCorrection.objects.create(page=article, kind="update", text="Markets closed higher.")
    news = jsonld_of_type(extract(client.get(article.url)), "NewsArticle")
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version misstated the rate.",
            "datePublished": corrected.isoformat(),
        }
    ]
    assert news["dateModified"] >= corrected.isoformat()


def test_article_without_lead_image_shares_the_publication_card(client):
    page = make_article(make_section("World"), "Plain story")
    og = open_graph(extract(client.get(page.url)))
    (image_url,) = og["og:image"]
    size = (int(og["og:image:width"][0]), int(og["og:image:height"][0]))
    assert served_image_size(client, image_url) == size == (1200, 630)


def test_home_page_declares_the_website_and_its_search(client):
    make_section("World")
    response = client.get("/")
    data = extract(response)
    site = jsonld_of_type(data, "WebSite")
    root = site_root_url()
    assert site["url"] == root + "/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert template == root + "/search/?q={search_term_string}"
    # The advertised search really searches.
    assert (
        client.get(
            urlsplit(template.replace("{search_term_string}", "news")).path + "?q=news"
        ).status_code
        == 200
    )
    assert open_graph(data)["og:type"] == ["website"]
    assert head_values(response, "//head/link[@rel='canonical']/@href") == [root + "/"]


@pytest.mark.parametrize("kind", ["section", "author", "tag"])
def test_listings_have_canonical_description_and_preview(client, kind):
    section = make_section("Culture", intro="Books, film and the arts.")
    author = make_author("Cleo Critic", bio="Writes about film.")
    make_article(section, "A film review", authors=[author], tags=["Film"])
    url = {"section": "/culture/", "author": author.get_absolute_url(), "tag": "/tags/film/"}[kind]
    response = client.get(url + "?page=1")
    canonical = head_values(response, "//head/link[@rel='canonical']/@href")
    assert canonical == [site_root_url() + url]
    (description,) = head_values(response, "//head/meta[@name='description']/@content")
    og = open_graph(extract(response))
    assert description and og["og:description"] == [description]
    assert og["og:type"] == ["website"] and og["og:image"]
    if kind == "author":
        profile = jsonld_of_type(extract(response), "ProfilePage")
        assert profile["mainEntity"]["name"] == "Cleo Critic"
        assert profile["mainEntity"]["url"] == canonical[0]
        assert profile["mainEntity"]["description"] == "Writes about film."
    if kind == "section":
        crumbs = jsonld_of_type(extract(response), "BreadcrumbList")["itemListElement"]
        assert [(item["name"], item["item"]) for item in crumbs] == [
            ("Headline", site_root_url() + "/"),
            ("Culture", site_root_url() + "/culture/"),
        ]


def test_favicon_and_web_app_manifest_are_served(client):
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon["Content-Type"] == "image/x-icon"
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["name"] == "Headline" and data["start_url"] == "/"
    for icon in data["icons"]:
        if icon["type"] == "image/png":
            width, height = (int(n) for n in icon["sizes"].split("x"))
            assert served_image_size(client, icon["src"]) == (width, height)
