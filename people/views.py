"""The person and organisation pages, their indexes, and a person's statements as CSV or JSON."""
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import DetailView, ListView

from articles import rendering, selectors, structured_data
from articles.downloads import FORMATS, export_response
from articles.filters import StatementFilter
from articles.models import Statement
from articles.views import StatementListMixin
from people import selectors as people_selectors
from people.models import Organisation, Person


def person_export(request, person, fmt):
    """The person's public statements, narrowed by the same filters as the page, in `fmt`."""
    filterset = StatementFilter(request.GET or None, queryset=person.statements.public())
    about = {"person": person.name, "url": request.build_absolute_uri(person.get_absolute_url())}
    return export_response(request, filterset.qs, fmt, filename=f"{person.slug}-statements", about=about)


class PersonDetailView(StatementListMixin, DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return people_selectors.person_page()

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt in FORMATS:
            return person_export(request, self.get_object(), fmt)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        person = self.object
        public = person.statements.public()
        article_rows = selectors.article_facets(public)
        memberships = list(person.memberships.all())
        # The import may record the name itself among the spellings; readers need only the others.
        other_names = [n.name for n in person.names.all() if n.name.casefold() != person.name.casefold()]
        ld = structured_data.person_ld(person, self.request.build_absolute_uri, alternate_names=other_names)
        return super().get_context_data(
            other_names=other_names,
            structured_data=structured_data.document(ld),
            memberships=memberships,
            spoke_for={m.organisation for m in memberships if m.organisation_id},
            figures=selectors.figures(article_rows),
            outlets=selectors.outlet_facets(article_rows),
            tags=selectors.tag_facets(public),
            years=rendering.year_bars(selectors.statements_by_year(public)),
            written=selectors.articles_written(person),
            kinds=Statement.Kind.choices,
            **self.statement_list_context(public),
            **kwargs,
        )


class PersonStatementsExportView(View):
    """/people/<slug>/statements.csv and .json: the same as ?format= on the person page."""

    def get(self, request, slug, fmt):
        return person_export(request, get_object_or_404(Person, slug=slug), fmt)


class PersonListView(ListView):
    template_name = "people/person_list.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()[:100]
        letter = self.request.GET.get("letter", "").upper()
        self.letter = letter if len(letter) == 1 and letter in people_selectors.LETTERS else ""
        return people_selectors.people_index(query=self.query, letter=self.letter)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            q=self.query, letter=self.letter, letters=people_selectors.LETTERS, **kwargs
        )
        selectors.with_statement_counts(context["people"])
        return context


class OrganisationListView(ListView):
    template_name = "people/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 100
    queryset = Organisation.objects.all()


class OrganisationDetailView(StatementListMixin, DetailView):
    template_name = "people/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return people_selectors.organisation_page()

    def get_context_data(self, **kwargs):
        organisation = self.object
        members = people_selectors.members(organisation)
        public = Statement.objects.public()
        members_said = public.filter(person__in=people_selectors.member_ids(organisation))
        return super().get_context_data(
            members=members,
            members_statements=list(selectors.newest_first(selectors.statement_cards(members_said))[:10]),
            # The organisation as speaker: "China said", "according to the ministry".
            **self.statement_list_context(public.filter(organisation=organisation, person__isnull=True)),
            **kwargs,
        )
