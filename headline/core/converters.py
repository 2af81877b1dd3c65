"""URL path converters shared by every app's routes.

`uslug` accepts every slug Wagtail and taggit make with Unicode slugs on
(`WAGTAIL_ALLOW_UNICODE_SLUGS`, taggit's default `TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = False`):
Django's `<slug:>` matches ASCII only, so a section, article, tag or author named `Zürich` or
`Москва` would have no address and any link to it would fail to reverse. The rule is Django's own
for Unicode slugs (`validate_unicode_slug`, `slugify(allow_unicode=True)`): one or more word
characters or hyphens. The value passes through unchanged, so an address names exactly the stored
slug; `reverse()` percent-encodes it (`/tags/z%C3%BCrich/`).
"""

from django.urls import register_converter


class UnicodeSlugConverter:
    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


def register():
    """Called from `CoreConfig.ready()`, before any URLconf is imported."""
    register_converter(UnicodeSlugConverter, "uslug")
