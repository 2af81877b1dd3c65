from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("authors/<uslug:slug>/", views.author_detail, name="author"),
    path("tags/<uslug:slug>/", views.tag_detail, name="tag"),
    path("corrections/", views.corrections, name="corrections"),
    path("embeds/<slug:embed_hash>/", views.embed_frame, name="embed_frame"),
]
