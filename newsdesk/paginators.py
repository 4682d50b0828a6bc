"""Pagination for admin changelists over tables of millions of rows.

Django's paginator runs COUNT(*) over the filtered table on every page view, which on
PostgreSQL reads every matching row. An unfiltered list takes the planner's estimate from
pg_class instead, and a filtered one counts at most CAP rows: an editor pages through the
first few hundred matches and narrows the filter rather than paging to row 900,000.
"""
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

CAP = 10_000


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return super().count
        if not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
                )
                estimate = cursor.fetchone()[0]
            # reltuples is -1 before the first ANALYZE and rough for small tables: count those.
            if estimate > CAP:
                return estimate
        return queryset.order_by()[:CAP].count()
