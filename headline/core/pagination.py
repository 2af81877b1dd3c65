"""Which page of a listing a reader asks for (`?page=N`), and the 404 for one past the end.

Every listing (sections, tags, authors, corrections, search results) reads the number the same
way: anything but ASCII digits is the first page, as Django's `Paginator.get_page` has it; a
number past the last page is a `PastTheEnd`, whose 404 page links the listing's first page.
"""

from django.http import Http404

# A page number beyond this is refused before the database sees it (its offset would overflow).
MAX_PAGE = 100_000


class PastTheEnd(Http404):
    """A page of a listing past its last one. `first_page` is the listing's own address (path
    and query, `page` left out), which the 404 page links."""

    def __init__(self, request):
        super().__init__("No such page.")
        query = request.GET.copy()
        query.pop("page", None)
        self.first_page = request.path + (f"?{query.urlencode()}" if query else "")


def page_number(request):
    """The page number `?page=` asks for, 1 when missing or malformed; raises PastTheEnd for one
    of more than MAX_PAGE."""
    asked = request.GET.get("page", "").lstrip("0")
    if not (asked.isascii() and asked.isdigit()):
        return 1
    # Compared as text first: Python refuses to read a number of over 4,300 digits.
    if len(asked) > len(str(MAX_PAGE)) or int(asked) > MAX_PAGE:
        raise PastTheEnd(request)
    return int(asked)
