"""A WordPress export that is hostile, broken or not an export at all is refused with a message
naming the problem and its line, and changes nothing."""

import io

import pytest
from django.core.management import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from headline.importers.wordpress import wxr
from headline.news.models import Author

from .wxr_export import export, item, run_import

pytestmark = pytest.mark.django_db

GOOD = export(item(1, "First"), item(2, "Second"))
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&d;&d;&d;&d;</title></channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&secret;</title></channel></rss>"""
NOT_WXR = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>"""


@pytest.mark.parametrize(
    "content, message",
    [
        (BOMB, "Line 1: the file declares a document type"),
        (EXTERNAL, "Line 1: the file declares a document type"),
        (GOOD[: len(GOOD) * 2 // 3], "the file ends before the export does"),
        (b"\x89PNG\r\n\x1a\n not xml at all", "Line 1: this is not an XML file"),
        (b"", "this is not an XML file"),
        (NOT_WXR, "Line 2: this is an RSS feed, not a WordPress export"),
        (b'<?xml version="1.0"?>\n<html><body/></html>', "Line 2: the document is <html>"),
    ],
    ids=["entity bomb", "external entity", "truncated", "binary", "empty", "plain RSS", "HTML"],
)
def test_a_bad_file_is_refused_with_its_problem_and_changes_nothing(tmp_path, content, message):
    pages, authors = Page.objects.count(), Author.objects.count()
    with pytest.raises(CommandError, match=message) as refused:
        run_import(tmp_path, content)
    assert "Nothing was imported" in str(refused.value)
    assert (Page.objects.count(), Author.objects.count()) == (pages, authors)


def test_a_truncated_file_undoes_what_its_first_part_created(tmp_path):
    """Authors and sections come before the cut: the whole import is undone."""
    cut = GOOD[: GOOD.index(b"<item>") + 200]
    with pytest.raises(CommandError, match=r"Line \d+: the file ends before the export does"):
        run_import(tmp_path, cut)
    assert not Author.objects.exists()
    assert not Page.objects.filter(slug="world").exists()


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_is_read(tmp_path, version):
    out = run_import(tmp_path, export(item(1, "First"), version=version))
    assert f"WXR {version}" in out
    assert Page.objects.filter(title="First").exists()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.integers(min_value=0, max_value=len(GOOD)).map(lambda n: GOOD[:n]),
        st.tuples(st.integers(0, len(GOOD) - 1), st.binary(min_size=1, max_size=4)).map(
            lambda cut: GOOD[: cut[0]] + cut[1] + GOOD[cut[0] + 1 :]
        ),
    )
)
def test_the_parser_raises_only_its_own_error(content):
    """Whatever the bytes, reading gives records or a WXRError with a message, nothing else."""
    try:
        for record in wxr.read(io.BytesIO(content)):
            assert record.kind in {"channel", *wxr.RECORD_KINDS}
    except wxr.WXRError as error:
        assert str(error)


def test_control_characters_pasted_into_wordpress_do_not_refuse_the_export(tmp_path, client):
    """WordPress stores what was pasted, control characters included, and writes them into its
    export, which is then not well-formed XML; its own importer reads such files. Ours takes
    them out, reads the rest and says how many went."""
    content = export(
        item(1, "Budget\x01 vote", content="<p>Pasted\x0b from a \x1fword processor.</p>"),
        item(2, "Second"),
    )
    out = run_import(tmp_path, content)
    assert "3 control characters, which XML does not allow, were left out" in out
    article = Page.objects.get(title="Budget vote").specific
    assert "Pasted from a word processor." in client.get(article.url).content.decode()
    assert Page.objects.filter(title="Second").exists()
