from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, Organisation, OrganisationName, Person, PersonName


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["organisation", "source_article"]


class OrganisationNameInline(admin.TabularInline):
    model = OrganisationName
    extra = 0


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "description", "wikidata_id", "updated_at"]
    search_fields = ["name", "names__name", "description", "wikidata_id"]
    list_filter = ["tags", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonNameInline, MembershipInline]
    show_full_result_count = False


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "parent", "wikidata_id"]
    search_fields = ["name", "acronym", "names__name", "wikidata_id"]
    list_filter = ["kind", "tags"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationNameInline]
    show_full_result_count = False


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "organisation", "start", "end", "source_article"]
    search_fields = ["person__name", "role", "organisation__name"]
    list_filter = ["organisation__kind"]
    list_select_related = ["person", "organisation", "source_article"]
    autocomplete_fields = ["person", "organisation", "source_article"]
    show_full_result_count = False
