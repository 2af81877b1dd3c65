"""Web addresses readers and editors type: a zero-width space or other invisible character
inside one is refused with a message, one at either end (a paste's leftover) is trimmed, and
nothing invisible is ever stored in an address: a comment's website, an embed, an admin form."""

import pytest
from django import forms
from django.forms import modelform_factory
from hypothesis import given
from hypothesis import strategies as st
from wagtail.admin.forms.models import WagtailAdminModelForm

from headline.comments.models import Comment
from headline.core.text import INVISIBLE_IN_URL, clean_url
from headline.news.blocks import ArticleBodyBlock

from .comment_helpers import post_comment, posted

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2800"]


@pytest.mark.django_db
@pytest.mark.parametrize("char", INVISIBLE)
def test_a_comment_website_with_an_invisible_character_inside_is_refused(client, article, char):
    response = post_comment(client, article, url=f"https://exa{char}mple.org/")
    assert response.status_code == 400
    assert "invisible character" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_pasted_website_loses_invisible_characters_at_its_ends(client, article):
    comment = posted(post_comment(client, article, url="\ufeff https://example.org/a\u200b "))
    assert comment.url == "https://example.org/a"


def test_an_embed_address_with_an_invisible_character_is_refused():
    embed = ArticleBodyBlock().child_blocks["embed"]
    with pytest.raises(forms.ValidationError, match="invisible character"):
        embed.clean("https://www.youtube.com/watch?v=dQw4\u200bw9WgXcQ")


def test_admin_forms_refuse_invisible_characters_in_addresses():
    form_class = modelform_factory(Comment, form=WagtailAdminModelForm, fields=["url"])
    form = form_class(data={"url": "https://example.org/\u200bpath"})
    assert form.errors["url"] == [INVISIBLE_IN_URL]


@given(
    left=st.text(st.sampled_from(INVISIBLE + [" ", "\t"]), max_size=3),
    inside=st.sampled_from(INVISIBLE),
    right=st.text(st.sampled_from(INVISIBLE + [" ", "\n"]), max_size=3),
    cut=st.integers(9, 18),
)
def test_invisible_characters_are_trimmed_at_the_ends_and_refused_inside(left, inside, right, cut):
    address = "https://example.org/page"
    assert clean_url(left + address + right) == address
    with pytest.raises(forms.ValidationError):
        clean_url(address[:cut] + inside + address[cut:])
