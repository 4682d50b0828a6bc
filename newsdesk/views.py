"""The home page and robots.txt."""
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from articles.models import Article, Statement
from articles.selectors import most_quoted, newest_first, statement_cards


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statements=list(newest_first(statement_cards(Statement.objects.public()))[:10]),
            most_quoted=most_quoted(),
            articles=list(Article.objects.select_related("outlet")[:6]),
            **kwargs,
        )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
