"""The editors' workplace for people and organisations: editing, merging and undoing merges."""
from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from newsdesk.paginators import EstimatedCountPaginator
from newsdesk.tagging import TagSuggestMixin, add_tags_action

from . import services
from .models import Membership, Merge, Organisation, OrganisationName, Person, PersonName

MERGE_LIMIT = 20


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


class MergeSurvivorForm(forms.Form):
    def __init__(self, *args, records, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"] = forms.TypedChoiceField(
            choices=[(r.pk, str(r)) for r in records], coerce=int,
            error_messages={"required": "Choose the one to keep."},
        )


class MergeActionMixin:
    """A changelist action that merges the selected records after a confirmation page."""

    merge_service = None

    @admin.action(description="Merge the selected %(verbose_name_plural)s…", permissions=["change"])
    def merge_selected(self, request, queryset):
        records = list(queryset[: MERGE_LIMIT + 1])
        if not 2 <= len(records) <= MERGE_LIMIT:
            self.message_user(request, f"Select between 2 and {MERGE_LIMIT} records to merge.", messages.WARNING)
            return None
        form = MergeSurvivorForm(request.POST if "apply" in request.POST else None, records=records)
        if form.is_valid():
            survivor = next(r for r in records if r.pk == form.cleaned_data["survivor"])
            duplicates = [r for r in records if r.pk != survivor.pk]
            try:
                self.merge_service(survivor=survivor, duplicates=duplicates, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            self.message_user(request, format_html(
                "Merged {} into {}. <a href=\"{}\">Undo from the merge records.</a>",
                ", ".join(str(d) for d in duplicates), survivor, reverse("admin:people_merge_changelist"),
            ), messages.SUCCESS)
            return None
        candidates = [(r, services.related_counts(r)) for r in records]
        statements = {r.pk: dict(counts).get("statements", 0) for r, counts in candidates}
        return TemplateResponse(request, "admin/people/merge_confirmation.html", {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.model._meta.verbose_name_plural}",
            "opts": self.model._meta,
            "form": form,
            "candidates": candidates,
            "default_survivor": max(records, key=lambda r: statements[r.pk]).pk,
            "selected": [r.pk for r in records],
            "select_across": "0",
            "action": request.POST.get("action"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(Person)
class PersonAdmin(MergeActionMixin, TagSuggestMixin, SimpleHistoryAdmin):
    list_display = ["name", "description", "wikidata_id", "updated_at"]
    search_fields = ["name", "names__name", "description", "wikidata_id"]
    list_filter = ["tags", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonNameInline, MembershipInline]
    actions = ["merge_selected", add_tags_action]
    merge_service = staticmethod(services.merge_people)
    paginator = EstimatedCountPaginator
    show_full_result_count = False


@admin.register(Organisation)
class OrganisationAdmin(MergeActionMixin, TagSuggestMixin, SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "parent", "wikidata_id"]
    search_fields = ["name", "acronym", "names__name", "wikidata_id"]
    list_filter = ["kind", "tags"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationNameInline]
    actions = ["merge_selected", add_tags_action]
    merge_service = staticmethod(services.merge_organisations)
    paginator = EstimatedCountPaginator
    show_full_result_count = False


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "organisation", "start", "end", "source_article"]
    search_fields = ["person__name", "role", "organisation__name"]
    list_filter = ["organisation__kind"]
    list_select_related = ["person", "organisation", "source_article"]
    autocomplete_fields = ["person", "organisation", "source_article"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False


@admin.register(Merge)
class MergeAdmin(admin.ModelAdmin):
    """The merge records: read-only, with undo. Whoever may change people may undo a merge."""

    list_display = ["__str__", "kind", "what_moved", "made_by", "made_at", "undone"]
    list_filter = ["kind"]
    list_select_related = ["survivor_person", "survivor_organisation", "made_by", "undone_by"]
    search_fields = ["merged_name", "merged_slug"]
    actions = ["undo"]
    readonly_fields = ["what_moved"]
    exclude = ["snapshot", "moved"]

    @admin.display(description="what moved")
    def what_moved(self, obj):
        counts = []
        for key, entry in obj.moved["relations"].items():
            if entry["moved"]:
                model = apps.get_model(key.rsplit(".", 1)[0])
                counts.append(f"{len(entry['moved'])} {model._meta.verbose_name_plural}")
        return ", ".join(counts) or "nothing but the record"

    @admin.display(description="undone")
    def undone(self, obj):
        return f"{obj.undone_by or 'someone'}, {obj.undone_at:%Y-%m-%d %H:%M}" if obj.undone_at else "—"

    @admin.action(description="Undo the selected merges", permissions=["undo"])
    def undo(self, request, queryset):
        # Newest first: a later merge into the same survivor is unwound before an earlier one.
        for merge in queryset.order_by("-made_at", "-id"):
            try:
                services.undo_merge(merge=merge, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{merge}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"Undone: {merge}.", messages.SUCCESS)

    def has_undo_permission(self, request):
        return request.user.has_perm("people.change_person") and request.user.has_perm("people.change_organisation")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("people.view_person")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
