from django.urls import path, re_path

from people import feeds, views

app_name = "people"

urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="index"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person"),
    path("people/<slug:slug>/feed/", feeds.PersonFeed(), name="person-feed"),
    re_path(
        r"^people/(?P<slug>[-\w]+)/statements\.(?P<fmt>csv|json)$",
        views.PersonStatementsExportView.as_view(),
        name="person-statements",
    ),
    path("organisations/", views.OrganisationListView.as_view(), name="organisations"),
    path("organisations/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation"),
]
