from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("statements/<int:pk>/", views.StatementDetailView.as_view(), name="statement"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
]
