"""Reading rendered pages the way a reader's browser would: by structure, not by string matching."""

import lxml.html


def parse(response):
    return lxml.html.fromstring(response.content.decode())


def texts(tree, xpath):
    return [" ".join(el.text_content().split()) for el in tree.xpath(xpath)]


def first_index(html, *needles):
    """Index of each needle in the HTML, failing loudly when one is missing."""
    positions = []
    for needle in needles:
        index = html.find(needle)
        assert index != -1, f"{needle!r} not found in the page"
        positions.append(index)
    return positions
