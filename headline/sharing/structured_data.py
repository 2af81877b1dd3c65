"""schema.org JSON-LD for search engines: NewsArticle and BreadcrumbList on articles, WebSite with
a SearchAction on the home page, BreadcrumbList on sections and ProfilePage on author pages.

The properties follow Google's article and breadcrumb documentation: a headline, the lead image in
three aspect ratios, ISO 8601 dates, authors as Person with the URL of their author page and the
publisher as an Organization with its logo. Every URL is absolute, built from the Site's root URL.
"""

import json

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from headline.news.models import ArticleCorrection

from .images import publisher_logo, schema_images

# Inside <script>, "</script>" or "<!--" in a headline would end or confuse the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_tag(data):
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def image_object(image, root_url):
    return {
        "@type": "ImageObject",
        "url": root_url + image.url,
        "width": image.width,
        "height": image.height,
    }


def organization(identity, root_url):
    return {
        "@type": "Organization",
        "name": identity.name,
        "url": root_url + "/",
        "logo": image_object(publisher_logo(), root_url),
    }


def person(author, root_url):
    data = {"@type": "Person", "name": author.name, "url": root_url + author.get_absolute_url()}
    if author.job_title:
        data["jobTitle"] = author.job_title
    return data


def correction_comments(page):
    """Corrections of fact only: an "update" adds news, it does not correct the article."""
    return [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": correction.date.isoformat(),
        }
        for correction in page.corrections.all()
        # A preview may hold a note not yet dated (it is dated when published).
        if correction.kind == ArticleCorrection.CORRECTION and correction.date
    ]


def news_article(meta):
    page, root_url = meta.page, meta.root_url
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical},
        "url": meta.canonical,
        "headline": page.title,
        "description": meta.plain_description,
        "image": [image_object(image, root_url) for image in schema_images(page)],
        "datePublished": meta.published.isoformat(),
        "dateModified": meta.modified.isoformat(),
        "author": [person(author, root_url) for author in page.authors],
        "publisher": organization(meta.identity, root_url),
        "inLanguage": meta.identity.language,
        "isAccessibleForFree": True,
    }
    if meta.section:
        data["articleSection"] = meta.section.title
    if meta.tags:
        data["keywords"] = [tag.name for tag in meta.tags]
    corrections = correction_comments(page)
    if corrections:
        data["correction"] = corrections
    return data


def breadcrumb_list(trail):
    """`trail` is [(name, absolute URL), ...] from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def profile_page(meta, author):
    """An author's page, the profile that each article's `author.url` points at."""
    about = person(author, meta.root_url)
    if author.bio:
        about["description"] = author.bio
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": meta.canonical,
        "mainEntity": about,
    }


def website(meta):
    root_url = meta.root_url
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": meta.identity.name,
        "url": root_url + "/",
        "description": meta.identity.description,
        "publisher": organization(meta.identity, root_url),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": root_url + reverse("search:results") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
