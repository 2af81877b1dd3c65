"""Readers' comment URLs: posting, the pages behind the links we email them, and each article's
comment feed.

Included before Wagtail's catch-all, so `/<section>/<article>/comments/feed/` is answered here
rather than looked up as a page slugged "comments".
"""

from django.urls import path

from . import feeds, views

app_name = "comments"
urlpatterns = [
    path("comments/post/<int:article_id>/", views.post_comment, name="post"),
    path("comments/form-token/", views.form_token, name="form_token"),
    path("comments/confirm/<str:token>/", views.confirm, name="confirm"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("comments/privacy/", views.privacy_request, name="privacy"),
    path("comments/privacy/<str:token>/", views.privacy_manage, name="privacy_manage"),
    path("<uslug:section>/<uslug:slug>/comments/feed/", feeds.ArticleCommentsFeed(), name="feed"),
]
