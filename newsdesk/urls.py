from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import SITEMAPS
from newsdesk import views

admin.site.site_header = "Newsdesk editors"
admin.site.site_title = "Newsdesk"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("articles.urls")),
    path("", include("people.urls")),
    path("admin/", admin.site.urls),
]
