"""Readers' comment URLs: posting, and the pages behind the links we email them."""

from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("comments/post/<int:article_id>/", views.post_comment, name="post"),
    path("comments/confirm/<str:token>/", views.confirm, name="confirm"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("comments/privacy/", views.privacy_request, name="privacy"),
    path("comments/privacy/<str:token>/", views.privacy_manage, name="privacy_manage"),
]
