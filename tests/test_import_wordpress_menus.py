"""Which imported sections the site's section menu shows: those the export's WordPress menus
link; without such links, on a site with no menu yet, the busiest few; and never against an
editor's later choice."""

import pytest

from headline.news.models import SectionPage

from .factories import make_section
from .html import parse, texts
from .wxr_export import export, item, run_import

pytestmark = pytest.mark.django_db


def category(term_id, nicename, name, parent=""):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{nicename}</wp:category_nicename><wp:category_parent>{parent}"
        f"</wp:category_parent><wp:cat_name>{name}</wp:cat_name></wp:category>"
    )


def menu_item(wp_id, term_id, *, kind="taxonomy", obj="category", meta=()):
    """A WordPress menu entry as `export_wp()` writes it: an item with its link in postmeta."""
    return item(
        wp_id,
        "",
        post_type="nav_menu_item",
        categories=(("nav_menu", "main", "Main"),),
        meta=(
            ("_menu_item_type", kind),
            ("_menu_item_object", obj),
            ("_menu_item_object_id", str(term_id)),
            ("_menu_item_menu_item_parent", "0"),
            *meta,
        ),
    )


FOUR = "".join(
    category(term_id, name.lower(), name)
    for term_id, name in ((3, "World"), (4, "Sport"), (5, "Culture"), (6, "Uncategorized"))
)


def posts(counts):
    """{nicename: number of posts} → post items, numbered from 100."""
    items, wp_id = [], 100
    for nicename, number in counts.items():
        for _ in range(number):
            items.append(item(wp_id, f"Post {wp_id}", categories=(("category", nicename, ""),)))
            wp_id += 1
    return items


def menu(client):
    return texts(parse(client.get("/")), "//nav[@aria-label='Sections']//a")


def test_the_menu_shows_the_categories_the_export_menus_link(tmp_path, client):
    out = run_import(
        tmp_path,
        export(
            *posts({"world": 1, "sport": 1, "culture": 3, "uncategorized": 2}),
            menu_item(900, 4),
            menu_item(901, 3),
            menu_item(902, 1, kind="post_type", obj="page"),  # a page link: not a section
            menu_item(903, 7),  # a sub-category: a tag in Headline
            menu_item(
                904, 0, kind="custom", obj="custom", meta=[("_menu_item_url", "https://x.example/")]
            ),
            categories=FOUR + category(7, "football", "Football", parent="sport"),
        ),
    )
    assert menu(client) == ["World", "Sport"]
    # What the menu cannot show is named, not dropped silently.
    for entry, link in [
        ("902", "a page (1)"),
        ("903", "the sub-category now kept as the tag “Football”"),
        ("904", "the address https://x.example/"),
    ]:
        assert (
            f"nav_menu_item {entry} “(no title)”: links {link}: the menu lists sections only" in out
        )
    # The others exist, reachable at their address, and the report names them.
    for slug in ("culture", "uncategorized"):
        assert client.get(f"/{slug}/").status_code == 200
    assert "Sections added to the menu: World, Sport" in out
    assert (
        "Sections not in the menu: Culture, Uncategorized — add them in the page's Promote "
        "tab, Show in menus"
    ) in out
    # What the editor sees on the Promote tab matches: the published revision agrees.
    culture, sport = SectionPage.objects.get(slug="culture"), SectionPage.objects.get(slug="sport")
    assert sport.latest_revision.as_object().show_in_menus
    assert not culture.latest_revision.as_object().show_in_menus


def test_without_menus_a_fresh_site_gets_its_busiest_sections(tmp_path, client):
    names = [f"Topic {n:02}" for n in range(12)]
    categories = "".join(category(10 + n, f"topic-{n:02}", name) for n, name in enumerate(names))
    # Topic n has n posts: the busiest are the last ones; Topic 00 has none.
    counts = {f"topic-{n:02}": n for n in range(12)}
    out = run_import(tmp_path, export(*posts(counts), categories=categories))
    shown = menu(client)
    assert len(shown) == 8  # FRESH_MENU_SECTIONS
    assert sorted(shown) == names[4:]
    assert "Sections not in the menu: Topic 00, Topic 01, Topic 02, Topic 03" in out


def test_without_menus_a_site_with_a_menu_keeps_it(tmp_path, client):
    make_section("International")
    run_import(tmp_path, export(*posts({"world": 3, "sport": 1}), categories=FOUR))
    assert menu(client) == ["International"]
    assert client.get("/world/").status_code == 200


def test_a_reimport_keeps_the_editors_menu_choices(tmp_path, client):
    content = export(*posts({"world": 1, "sport": 1}), menu_item(900, 3), categories=FOUR)
    run_import(tmp_path, content)
    assert menu(client) == ["World"]
    # The editor takes World out of the menu and puts Sport in.
    for slug, shown in (("world", False), ("sport", True)):
        section = SectionPage.objects.get(slug=slug)
        section.show_in_menus = shown
        section.save_revision().publish()
    out = run_import(tmp_path, content)
    assert menu(client) == ["Sport"]
    assert "Sections added to the menu" not in out
