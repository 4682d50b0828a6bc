"""The editors' workplace for articles and statements, including the review queue.

Changelists cost a fixed number of queries however many rows they show: every column reads
what `list_select_related` fetched, and the paginator never counts a big table.
"""
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import F, Q
from django.template.response import TemplateResponse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from newsdesk.paginators import EstimatedCountPaginator
from newsdesk.tagging import TagSuggestMixin, add_tags_action
from people.models import Organisation, Person

from . import services
from .admin_forms import ReattributeForm, StatementForm
from .models import Article, Authorship, Correction, Outlet, ReviewItem, Statement


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    autocomplete_fields = ["person"]


class StatementInline(admin.StackedInline):
    """Statements on their article: the same word check and corrections as the statement form."""

    model = Statement
    form = StatementForm
    extra = 0
    fields = ["text", "kind", ("person", "organisation", "speaker_label"), "cue", ("start", "end"), "status"]
    readonly_fields = ["start", "end"]
    autocomplete_fields = ["person", "organisation"]
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(TagSuggestMixin, SimpleHistoryAdmin):
    list_display = ["headline", "outlet", "published", "source_file"]
    search_fields = ["headline", "url", "source_file"]
    # No date hierarchy: its year and month links cost a scan of the whole table per page.
    list_filter = ["outlet", "published", "tags"]
    list_select_related = ["outlet"]
    autocomplete_fields = ["outlet"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["content_hash"]
    inlines = [AuthorshipInline, StatementInline]
    actions = [add_tags_action]
    paginator = EstimatedCountPaginator
    show_full_result_count = False

    def save_formset(self, request, form, formset, change):
        if formset.model is not Statement:
            return super().save_formset(request, form, formset, change)
        # Inline statements are saved like the statement form saves them: edits and corrections.
        for statement in formset.save(commit=False):
            services.save_statement(statement=statement, user=request.user)
        for statement in formset.deleted_objects:
            statement.delete()
        formset.save_m2m()


def paragraph_in_context(statement):
    """The paragraph holding the statement, its words marked; everything escaped."""
    body, start, end = statement.article.body, statement.start, statement.end
    first = body.rfind("\n\n", 0, start)
    first = 0 if first < 0 else first + 2
    last = body.find("\n\n", end)
    last = len(body) if last < 0 else last
    return format_html(
        '<p class="in-context">{}<mark>{}</mark>{}</p>', body[first:start], body[start:end], body[end:last]
    )


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    can_delete = False
    fields = ["made_on", "note", "previous_text", "previous_speaker", "made_by"]
    readonly_fields = ["previous_text", "previous_speaker", "made_by"]


# A search term matching more speakers than this is too broad to list their statements by.
SPEAKERS_SEARCHED = 500


class StatementEditing(TagSuggestMixin):
    """What the statement admin and the review queue share: the form, its layout and its saving."""

    form = StatementForm
    autocomplete_fields = ["article", "person", "organisation"]
    readonly_fields = ["in_context", "start", "end", "reviewed_by", "reviewed_at", "edited", "fingerprint"]
    fieldsets = [
        (None, {"fields": ["in_context", "text", "kind", "article", ("start", "end"), "said_on"]}),
        ("Speaker", {"fields": ["person", "organisation", "speaker_label", "role", "cue", "audience", "via"]}),
        ("Review", {"fields": ["status", "confidence", ("reviewed_by", "reviewed_at"), "edited", "correction_note"]}),
        ("For editors", {"fields": ["editor_note", "tags", "fingerprint"]}),
    ]
    inlines = [CorrectionInline]
    list_select_related = ["article", "person", "organisation", "reviewed_by"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    actions = ["verify", "reject", "reattribute", add_tags_action]
    # Turns the search box on; what it searches is get_search_results below.
    search_fields = ["text", "speaker_label", "person__name", "organisation__name"]
    search_help_text = "Searches the words, and the speaker's name or other names."

    @admin.display(description="in context")
    def in_context(self, obj):
        return paragraph_in_context(obj) if obj.pk else "—"

    @admin.display(description="speaker")
    def speaker(self, obj):
        if obj.person_id and obj.organisation_id:
            return f"{obj.person.name} ({obj.organisation.name})"
        return obj.speaker_name

    @admin.display(description="reviewed")
    def reviewed(self, obj):
        if not obj.reviewed_at:
            return "—"
        return f"{obj.reviewed_by or 'a former user'}, {obj.reviewed_at:%Y-%m-%d %H:%M}"

    def get_search_results(self, request, queryset, search_term):
        """The term as a phrase in the words or the label, or in a speaker's name or other names.

        Speakers are found first in their own, smaller tables; the statement table is then
        searched by its own columns only, which PostgreSQL answers from indexes (trigram on the
        words and the label, B-tree on the speaker) instead of scanning a join of three tables.
        """
        term = search_term.strip()
        if not term:
            return queryset, False
        people = Person.objects.filter(Q(name__icontains=term) | Q(names__name__icontains=term))
        organisations = Organisation.objects.filter(
            Q(name__icontains=term) | Q(acronym__iexact=term) | Q(names__name__icontains=term)
        )
        matches = (
            Q(text__icontains=term)
            | Q(speaker_label__icontains=term)
            | Q(person__in=list(people.values_list("pk", flat=True).distinct()[:SPEAKERS_SEARCHED]))
            | Q(organisation__in=list(organisations.values_list("pk", flat=True).distinct()[:SPEAKERS_SEARCHED]))
        )
        return queryset.filter(matches), False

    def save_model(self, request, obj, form, change):
        services.save_statement(statement=obj, user=request.user, note=form.cleaned_data.get("correction_note", ""))

    @admin.action(description="Verify the selected statements", permissions=["change"])
    def verify(self, request, queryset):
        n = services.review_statements(statements=queryset, status=Statement.Status.VERIFIED, user=request.user)
        self.message_user(request, f"Verified {n} statements.", messages.SUCCESS)

    @admin.action(description="Reject the selected statements", permissions=["change"])
    def reject(self, request, queryset):
        n = services.review_statements(statements=queryset, status=Statement.Status.REJECTED, user=request.user)
        self.message_user(request, f"Rejected {n} statements.", messages.SUCCESS)

    @admin.action(description="Re-attribute the selected statements…", permissions=["change"])
    def reattribute(self, request, queryset):
        form = ReattributeForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            n = services.reattribute_statements(
                statements=queryset, user=request.user, person=form.cleaned_data["person"],
                organisation=form.cleaned_data["organisation"], speaker_label=form.cleaned_data["speaker_label"],
                note=form.cleaned_data["note"],
            )
            self.message_user(request, f"Re-attributed {n} statements.", messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/articles/reattribute.html", {
            **self.admin_site.each_context(request),
            "title": "Re-attribute statements",
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
            "count": queryset.count(),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action": request.POST.get("action"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(Statement)
class StatementAdmin(StatementEditing, SimpleHistoryAdmin):
    list_display = ["short_text", "speaker", "status", "reviewed", "kind", "said_on", "article"]
    list_filter = ["status", "kind", "edited", "said_on", "tags"]

    def get_queryset(self, request):
        # The list shows headlines, not bodies: a page of 100 rows need not carry 100 articles.
        return super().get_queryset(request).defer("article__body", "article__search_vector")

    @admin.display(description="words")
    def short_text(self, obj):
        return obj.text[:100]


@admin.register(ReviewItem)
class ReviewQueueAdmin(StatementEditing, admin.ModelAdmin):
    """Unreviewed statements, oldest article first, each in its paragraph."""

    list_display = ["in_context", "speaker", "cue", "confidence", "article_line"]
    list_display_links = ["in_context"]
    list_filter = ["kind", "tags"]
    # The order is the queue: oldest articles first, statements in reading order.
    ordering = [F("article__published").asc(nulls_last=True), "article_id", "start", "id"]
    sortable_by = []
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Statement.Status.UNREVIEWED)

    def changelist_view(self, request, extra_context=None):
        title = "Review queue: unreviewed statements, oldest article first"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    @admin.display(description="article")
    def article_line(self, obj):
        return format_html("{}<br><small>{}</small>", obj.article.headline, obj.article.published or "date unknown")

    # The queue is a view of statements: the statement permissions decide.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_statement") or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_statement")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
