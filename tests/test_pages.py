"""What a reader sees on each page type: home, section, article, author, tag and 404."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from .factories import make_article, make_author, make_image, make_section, paragraph
from .html import first_index, parse, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def international():
    return make_section("International")


def test_home_puts_the_top_story_in_the_headline_slot(client, international):
    business = make_section("Business")
    make_article(business, "Newest business story")
    make_article(
        international,
        "The state visit",
        top_story=True,
        published_at=timezone.now() - timedelta(days=2),
    )
    tree = parse(client.get("/"))
    assert texts(tree, "//section[@class='top-story']//h3") == ["The state visit"]
    latest = texts(tree, "//section[@class='latest']//h3")
    assert "Newest business story" in latest and "The state visit" not in latest
    assert texts(tree, "//nav[@aria-label='Sections']//a") == ["International", "Business"]


def test_section_lists_its_articles_newest_first_and_paginates(client, international):
    now = timezone.now()
    for day in range(25):
        make_article(international, f"Story {day}", published_at=now - timedelta(days=day))
    other = make_section("Culture")
    make_article(other, "Culture story elsewhere")
    make_article(
        other,
        "Also in International",
        extra_sections=[international],
        published_at=now - timedelta(hours=1),
    )

    page_one = parse(client.get("/international/"))
    titles = texts(page_one, "//ol[@class='article-list']//h2")
    assert titles[:3] == ["Story 0", "Also in International", "Story 1"]
    assert len(titles) == 20
    assert "Culture story elsewhere" not in titles
    assert texts(page_one, "//nav[@aria-label='Sections']//a[@aria-current='page']") == [
        "International"
    ]
    page_two = parse(client.get("/international/?page=2"))
    more = texts(page_two, "//ol[@class='article-list']//h2")
    assert len(more) == 6 and more[-1] == "Story 24"
    assert not set(titles) & set(more)


def test_unpublished_and_scheduled_articles_stay_out_of_listings(client, international):
    make_article(international, "Visible story")
    make_article(international, "Draft story", publish=False)
    make_article(international, "Embargoed story", go_live_at=timezone.now() + timedelta(hours=3))
    html = client.get("/international/").content.decode()
    assert "Visible story" in html
    assert "Draft story" not in html and "Embargoed story" not in html


QUOTE = {"type": "quote", "value": {"text": "We stand together.", "attribution": "The President"}}


@pytest.fixture
def state_visit(international):
    reporter = make_author("Ana Ruiz", slug="ana-ruiz", bio="Diplomatic correspondent.")
    editor = make_author("Tom Berg", slug="tom-berg")
    return make_article(
        international,
        "Leaders meet: trade & “hope” at 100%?",
        slug="state-visit",
        standfirst="A two-day visit ends with new agreements.",
        authors=[reporter, editor],
        tags=["Diplomacy", "Trade"],
        body=[paragraph("The visit began at dawn."), QUOTE, paragraph("Talks went on late.")],
        lead_image=make_image("Delegations at the palace"),
        lead_image_caption="Delegations at the palace",
        lead_image_credit="Headline graphics",
        updated_at=timezone.now(),
        published_at=timezone.now() - timedelta(hours=5),
    )


def test_article_page_shows_its_parts_in_reading_order(client, state_visit):
    response = client.get("/international/state-visit/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = first_index(
        html,
        'class="brand"',
        'aria-label="Sections"',
        'class="headline"',
        'class="standfirst"',
        'class="byline"',
        "Published <time",
        "Updated <time",
        'class="lead-image"',
        "The visit began at dawn.",
        "We stand together.",
        'rel="tag"',
        "Share this:",
    )
    assert positions == sorted(positions)
    tree = parse(response)
    assert texts(tree, "//nav[@aria-label='Sections']//a[@aria-current='page']") == [
        "International"
    ]
    assert texts(tree, "//h1") == ["Leaders meet: trade & “hope” at 100%?"]
    assert tree.xpath("//p[@class='byline']/a/@href") == [
        "/authors/ana-ruiz/",
        "/authors/tom-berg/",
    ]
    assert texts(tree, "//figure[@class='quote']//figcaption") == ["— The President"]
    # Whole seconds: the Nu checker rejects the six fractional digits Python would print.
    published = datetime.fromisoformat(tree.xpath("//time/@datetime")[0])
    assert published == state_visit.published_at.replace(microsecond=0)
    assert tree.xpath("//figure[@class='lead-image']/img/@alt") == ["Delegations at the palace"]


def test_share_links_carry_the_encoded_canonical_url_and_headline(client, state_visit):
    tree = parse(client.get("/international/state-visit/"))
    links = {a.get("class"): a for a in tree.xpath("//section[@class='share']//a")}
    url = "http://localhost/international/state-visit/"
    title = "Leaders meet: trade & “hope” at 100%?"
    enc_url = "http%3A%2F%2Flocalhost%2Finternational%2Fstate-visit%2F"
    enc_title = "Leaders%20meet%3A%20trade%20%26%20%E2%80%9Chope%E2%80%9D%20at%20100%25%3F"
    assert links["share-x"].get("href") == (
        f"https://x.com/intent/post?text={enc_title}&url={enc_url}"
    )
    assert links["share-facebook"].get("href") == (
        f"https://www.facebook.com/sharer/sharer.php?u={enc_url}"
    )
    assert links["share-linkedin"].get("href") == (
        f"https://www.linkedin.com/sharing/share-offsite/?url={enc_url}"
    )
    assert links["share-reddit"].get("href") == (
        f"https://www.reddit.com/submit?url={enc_url}&title={enc_title}"
    )
    assert links["share-whatsapp"].get("href") == f"https://wa.me/?text={enc_title}%20{enc_url}"
    assert links["share-telegram"].get("href") == (
        f"https://t.me/share/url?url={enc_url}&text={enc_title}"
    )
    assert links["share-bluesky"].get("href") == (
        f"https://bsky.app/intent/compose?text={enc_title}%20{enc_url}"
    )
    assert links["share-email"].get("href") == f"mailto:?subject={enc_title}&body={enc_url}"
    mastodon = urlsplit(links["share-mastodon"].get("href"))
    assert mastodon.path == "/share/mastodon/"
    assert parse_qs(mastodon.query) == {"text": [f"{title} {url}"]}
    for link in links.values():
        assert link.get("aria-label", "").startswith("Share ")
    assert set(links) == {
        "share-x",
        "share-facebook",
        "share-linkedin",
        "share-reddit",
        "share-whatsapp",
        "share-telegram",
        "share-bluesky",
        "share-mastodon",
        "share-email",
    }
    copy = tree.xpath("//button[@class='copy-link']")[0]
    assert copy.get("data-copy-url") == url


def test_mastodon_share_asks_for_the_instance_then_redirects_when_the_form_is_sent(client):
    text = "Leaders meet http://localhost/international/state-visit/"
    page = client.get("/share/mastodon/", {"text": text})
    assert page.status_code == 200
    form = parse(page).xpath("//form[.//input[@name='instance']]")[0]
    assert form.get("method") == "post"
    assert form.xpath(".//input[@name='text']/@value") == [text]
    # A plain link naming a server only fills the form in: no redirect without the reader's click.
    linked = client.get("/share/mastodon/", {"text": text, "instance": "mastodon.social"})
    assert linked.status_code == 200
    assert parse(linked).xpath("//input[@name='instance']/@value") == ["mastodon.social"]
    sent = client.post("/share/mastodon/", {"text": text, "instance": "https://Mastodon.Social/"})
    assert sent.status_code == 302
    assert sent["Location"] == (
        "https://mastodon.social/share?text=Leaders%20meet%20http%3A%2F%2Flocalhost"
        "%2Finternational%2Fstate-visit%2F"
    )
    for hostile in ("evil.com/phish?x=", "mastodon.social:8443", "https://me@evil.com", ""):
        refused = client.post("/share/mastodon/", {"text": text, "instance": hostile})
        assert refused.status_code == 400, hostile
        assert b"Enter your Mastodon server" in refused.content
        assert parse(refused).xpath("//input[@name='text']/@value") == [text]


def test_author_page_lists_their_published_articles(client, international):
    author = make_author("Mia Holm", slug="mia-holm", bio="Covers science.", job_title="Reporter")
    make_article(international, "Her story", authors=[author])
    make_article(international, "Her draft", authors=[author], publish=False)
    make_article(international, "Someone else's story")
    tree = parse(client.get("/authors/mia-holm/"))
    assert texts(tree, "//h1") == ["Mia Holm"]
    assert texts(tree, "//ol[@class='article-list']//h2") == ["Her story"]
    assert "Covers science." in texts(tree, "//header")[1]
    assert client.get("/authors/nobody/").status_code == 404


def test_tag_page_lists_tagged_articles(client, international):
    make_article(international, "Tagged story", tags=["Elections"])
    make_article(international, "Untagged story")
    tree = parse(client.get("/tags/elections/"))
    assert texts(tree, "//h1") == ["Elections"]
    assert texts(tree, "//ol[@class='article-list']//h2") == ["Tagged story"]


def test_unknown_address_gets_a_helpful_404(client, international):
    response = client.get("/international/no-such-story/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b'href="/"' in response.content


def test_articles_behind_a_login_restriction_stay_out_of_public_listings(
    client, international, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    make_article(international, "Open story")
    members = make_section("Members")
    make_article(members, "Members-only story", extra_sections=[international])
    assert "Members-only story" in client.get("/international/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=members, restriction_type="login")
    for url in ("/", "/international/", "/feed/"):
        html = client.get(url).content.decode()
        assert "Open story" in html, url
        assert "Members-only story" not in html, url
    # Search filters by the same rule; its backends accept the path filter it becomes.
    assert client.get("/search/", {"q": "Members-only"}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Members-only story" in client.get("/international/").content.decode()


def test_home_page_shows_each_story_once_in_its_most_prominent_slot(client):
    """An article in several sections (its own and extra ones) and the top story each appear once."""
    headline_desk = make_section("Headline")
    politics = make_section("Politics")
    world = make_section("World")
    now = timezone.now()
    # Six newer stories fill "Latest", so the older ones below are left for the section blocks.
    for hour in range(6):
        make_article(world, f"Fresh story {hour}", published_at=now - timedelta(hours=hour))
    make_article(
        headline_desk,
        "Cabinet reshuffle",
        extra_sections=[politics, world],
        published_at=now - timedelta(days=1),
    )
    make_article(
        politics,
        "Budget vote",
        top_story=True,
        extra_sections=[headline_desk],
        published_at=now - timedelta(days=2),
    )
    make_article(politics, "Committee report", published_at=now - timedelta(days=3))

    tree = parse(client.get("/"))
    cards = tree.xpath("//main//article[contains(@class, 'card')]//a[1]/@href")
    assert len(cards) == len(set(cards)), f"shown more than once: {cards}"
    assert texts(tree, "//section[@class='top-story']//h3") == ["Budget vote"]
    blocks = {
        texts(block, ".//h2")[0]: texts(block, ".//h3")
        for block in tree.xpath("//section[@class='section-block']")
    }
    # The first block on the page that can hold a story is its most prominent slot.
    assert blocks["Headline"] == ["Cabinet reshuffle"]
    assert blocks["Politics"] == ["Committee report"]


def test_listing_cards_without_an_image_give_the_text_the_full_width(client, international):
    """Section, author and tag listings mark which cards have a picture column, and only those."""
    author = make_author("Ines Text", slug="ines-text")
    make_article(
        international, "With picture", authors=[author], tags=["Rail"], lead_image=make_image()
    )
    make_article(international, "Words only", authors=[author], tags=["Rail"])
    for url in ("/international/", "/authors/ines-text/", "/tags/rail/", "/"):
        tree = parse(client.get(url))
        seen = set()
        for card in tree.xpath("//main//article[contains(@class, 'card')]"):
            has_image = bool(card.xpath(".//img[contains(@class, 'card-image')]"))
            classes = card.get("class").split()
            assert ("card-with-image" in classes) == has_image, (url, classes)
            seen.add(has_image)
        assert seen == {True, False}, url
