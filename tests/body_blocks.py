"""Raw values of the article body's everyday blocks (embed, table, fact box, gallery, list) for
tests."""

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from headline.news.blocks import list_html
from headline.news.models import EmbedPreview

from .factories import make_image


def stored_embed(
    url, image=None, title="Harbour reopens: the video", player="http://localhost:9/p"
):
    """An embed as an editor's save leaves it (oEmbed answer and local preview), no provider asked."""
    embed = Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=f'<iframe src="{player}" width="480" height="270" title="Player"></iframe>',
        title=title,
        author_name="Port Authority",
        provider_name="Fakeview",
        width=480,
        height=270,
    )
    EmbedPreview.objects.create(embed=embed, image=image)
    return embed


def embed_block(url):
    return {"type": "embed", "value": url}


def table_block(rows, caption="", header="row"):
    """A table as the admin's grid stores it; `header` is row, column, both or neither."""
    return {
        "type": "table",
        "value": {
            "data": rows,
            "cell": [],
            "mergeCells": [],
            "table_caption": caption,
            "table_header_choice": header,
            "first_row_is_table_header": header in ("row", "both"),
            "first_col_is_header": header in ("column", "both"),
        },
    }


def fact_box(title, html):
    return {"type": "fact_box", "value": {"title": title, "body": html}}


def gallery(items, caption=""):
    """`items`: (caption, credit) pairs, each shown with a fresh image."""
    return {
        "type": "gallery",
        "value": {
            "images": [
                {
                    "image": {
                        "image": make_image(f"Gallery {n}").pk,
                        "decorative": False,
                        "alt_text": f"Picture {n}",
                    },
                    "caption": text,
                    "credit": credit,
                }
                for n, (text, credit) in enumerate(items)
            ],
            "caption": caption,
        },
    }


def list_block(items, ordered=False):
    """A list as the editor stores it: rich text, each item's text escaped."""
    return {"type": "list", "value": list_html(items, ordered)}
