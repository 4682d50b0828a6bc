"""The one filter over public statements, shared by the lists, their feeds and their exports."""
import django_filters

from articles.models import Statement


class StatementFilter(django_filters.FilterSet):
    """Filters by slugs and plain values, so that building the form costs no query.

    Choices for the reader's drop-downs come from the page's own facets (see selectors).
    """

    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Words")
    tag = django_filters.CharFilter(field_name="tags__slug", label="Tag")
    since = django_filters.DateFilter(field_name="said_on", lookup_expr="gte", label="Said on or after")
    until = django_filters.DateFilter(field_name="said_on", lookup_expr="lte", label="Said on or before")
    outlet = django_filters.CharFilter(field_name="article__outlet__slug", label="Outlet")
    kind = django_filters.ChoiceFilter(choices=Statement.Kind.choices, label="Kind")
    organisation = django_filters.CharFilter(field_name="organisation__slug", label="Speaking for")

    class Meta:
        model = Statement
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Statement.objects.public()
        super().__init__(data, queryset=queryset, **kwargs)

    @property
    def active(self):
        """True when the reader narrowed the list, so the page can say so."""
        if not self.is_bound:
            return False
        self.form.is_valid()  # cleans the form, so that cleaned_data exists even with an error
        return any(self.form.cleaned_data.get(name) for name in self.filters)
