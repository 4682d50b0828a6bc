"""Reader pages for articles, statements, tags and search. Reads live in selectors and search."""
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView
from taggit.models import Tag

from articles import rendering, search, selectors, structured_data
from articles.filters import StatementFilter
from articles.models import Article, Statement
from people.models import Person


class StatementListMixin:
    """A page whose main list is public statements, narrowed by StatementFilter and paged by keyset."""

    def statement_list_context(self, queryset):
        filterset = StatementFilter(self.request.GET or None, queryset=queryset)
        page = selectors.keyset_page(
            filterset.qs, before=self.request.GET.get("before"), after=self.request.GET.get("after")
        )
        return {"filter": filterset, "page": page}


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return selectors.article_pages()

    def get_context_data(self, **kwargs):
        article = self.object
        statements = selectors.article_statements(article)
        authors = [authorship.person for authorship in article.authorships.all()]
        ld = structured_data.article_ld(article, self.request.build_absolute_uri, authors=authors)
        return super().get_context_data(
            statements=statements,
            structured_data=structured_data.document(ld),
            paragraphs=rendering.highlighted_paragraphs(article.body, statements, rendering.statement_mark),
            **kwargs,
        )


class StatementDetailView(DetailView):
    template_name = "articles/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        # Rejected (and, with the setting off, unreviewed) statements are not there for readers: 404.
        return selectors.statement_cards(Statement.objects.public()).with_corrections()

    def get_context_data(self, **kwargs):
        statement, absolute = self.object, self.request.build_absolute_uri
        return super().get_context_data(
            also_printed_in=selectors.also_printed_in(statement),
            citation=rendering.citation(statement, absolute(statement.article.get_absolute_url())),
            structured_data=structured_data.document(structured_data.quotation_ld(statement, absolute)),
            **kwargs,
        )


class SearchView(TemplateView):
    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:200]
        context = {"q": query, "terms": search.parse(query).words}
        if query:
            context.update(
                statements=search.search_statements(query),
                # A name search finds the person, whose words are on their page: say how many.
                people=selectors.with_statement_counts(search.search_people(query)),
                organisations=search.search_organisations(query),
                articles=search.search_articles(query),
            )
        return super().get_context_data(**context, **kwargs)


class TagDetailView(StatementListMixin, TemplateView):
    template_name = "articles/tag_detail.html"

    def get_context_data(self, **kwargs):
        tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_context_data(
            tag=tag,
            people=list(Person.objects.filter(tags=tag)[:30]),
            articles=list(Article.objects.filter(tags=tag).select_related("outlet")[:10]),
            **self.statement_list_context(Statement.objects.public().filter(tags=tag)),
            **kwargs,
        )
