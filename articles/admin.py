from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Authorship, Outlet, Statement


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
    model = Statement
    extra = 0
    fields = ["text", "kind", ("person", "organisation", "speaker_label"), "cue", ("start", "end"), "status"]
    autocomplete_fields = ["person", "organisation"]
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["headline", "outlet", "published", "source_file"]
    search_fields = ["headline", "url", "source_file"]
    list_filter = ["outlet", "published", "tags"]
    list_select_related = ["outlet"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["content_hash"]
    inlines = [AuthorshipInline, StatementInline]
    show_full_result_count = False


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["short_text", "person", "organisation", "speaker_label", "kind", "status", "said_on", "article"]
    search_fields = ["text", "person__name", "organisation__name", "speaker_label"]
    list_filter = ["status", "kind", "said_on", "tags"]
    list_select_related = ["person", "organisation", "article"]
    autocomplete_fields = ["article", "person", "organisation"]
    readonly_fields = ["reviewed_by", "reviewed_at", "fingerprint"]
    show_full_result_count = False

    @admin.display(description="words")
    def short_text(self, obj):
        return obj.text[:100]
