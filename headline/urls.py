"""Assembles the site: each app owns its own URLs; Wagtail's page tree takes the rest."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from headline.core import views as core_views
from headline.core.bulk_action_ids import checked_bulk_action

urlpatterns = [
    # Before Wagtail's own route for the same address, which passes ids to the database unchecked;
    # under Wagtail's name, which hooks look for (core.wagtail_hooks.log_bulk_delete).
    path(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        checked_bulk_action,
        name="wagtail_bulk_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("headline.news.urls")),
    path("", include("headline.news.syndication_urls")),
    path("", include("headline.sharing.urls")),
    path("", include("headline.comments.urls")),
    path("", include("headline.search.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", core_views.media)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = core_views.not_found
