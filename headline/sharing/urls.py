from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [path("share/mastodon/", views.mastodon_share, name="mastodon")]
