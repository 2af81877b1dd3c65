from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("share/mastodon/", views.mastodon_share, name="mastodon"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("favicon.ico", views.favicon, name="favicon"),
]
