"""sitemap.xml: people, organisations, articles and the public statements only."""
from django.contrib.sitemaps import Sitemap

from articles.models import Article, Statement
from people.models import Organisation, Person


class _ModelSitemap(Sitemap):
    def lastmod(self, obj):
        return obj.updated_at


class PersonSitemap(_ModelSitemap):
    def items(self):
        return Person.objects.order_by("id")


class OrganisationSitemap(_ModelSitemap):
    def items(self):
        return Organisation.objects.order_by("id")


class ArticleSitemap(_ModelSitemap):
    def items(self):
        return Article.objects.order_by("id")


class StatementSitemap(_ModelSitemap):
    def items(self):
        return Statement.objects.public().order_by("id")


SITEMAPS = {
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "articles": ArticleSitemap,
    "statements": StatementSitemap,
}
