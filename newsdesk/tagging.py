"""Tags in the admin: a text input that suggests existing tags, and bulk tagging of a selection.

Taggit's comma-separated input stays (it creates new tags as you type them); a <datalist> of
existing tags adds suggestions, and a few lines of script keep the suggestions working for the
second and later tags of the list. Nothing is loaded from a CDN.
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from taggit.forms import TagField, TagWidget
from taggit.models import Tag

SUGGESTIONS = 2000

# Rewrites each suggestion as "what is typed up to the last comma" + tag, because a datalist
# only matches against the whole value of the input.
SUGGEST_SCRIPT = """<script>
document.querySelectorAll("input[data-tag-suggest]:not([data-ready])").forEach(function (input) {
  input.dataset.ready = "1";
  var list = document.getElementById(input.getAttribute("list"));
  var names = Array.prototype.map.call(list.options, function (o) { return o.value; });
  input.addEventListener("input", function () {
    var cut = input.value.lastIndexOf(",") + 1;
    var rest = input.value.slice(cut);
    var head = input.value.slice(0, cut) + rest.match(/^\\s*/)[0];
    var word = rest.trim().toLowerCase();
    list.replaceChildren.apply(list, names.filter(function (name) {
      return name.toLowerCase().indexOf(word) === 0;
    }).slice(0, 50).map(function (name) {
      var option = document.createElement("option");
      option.value = head + name;
      return option;
    }));
  });
});
</script>"""


class TagSuggestWidget(TagWidget):
    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id', name)}_suggestions"
        attrs.update({"list": list_id, "data-tag-suggest": "", "autocomplete": "off", "size": 60})
        names = Tag.objects.order_by("name").values_list("name", flat=True)[:SUGGESTIONS]
        options = format_html_join("", '<option value="{}">', ((n,) for n in names))
        return format_html(
            '{}<datalist id="{}">{}</datalist>{}',
            super().render(name, value, attrs, renderer), list_id, options, mark_safe(SUGGEST_SCRIPT),
        )


class TagSuggestMixin:
    """For a ModelAdmin: the model's `tags` field gets the suggesting widget."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class AddTagsForm(forms.Form):
    tags = TagField(widget=TagSuggestWidget, help_text="Comma-separated; new tags are created.")


def add_tags(*, queryset, names):
    """Adds the named tags to every record of `queryset` that lacks them; returns rows added."""
    through = queryset.model.tags.through
    with transaction.atomic():
        tags = [Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name) for name in names]
        ids = list(queryset.order_by().values_list("pk", flat=True))
        present = set(
            through.objects.filter(content_object_id__in=ids, tag__in=tags).values_list("content_object_id", "tag_id")
        )
        rows = [
            through(content_object_id=pk, tag=tag) for pk in ids for tag in tags if (pk, tag.pk) not in present
        ]
        through.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@admin.action(description="Add tags to the selected %(verbose_name_plural)s", permissions=["change"])
def add_tags_action(modeladmin, request, queryset):
    form = AddTagsForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        added = add_tags(queryset=queryset, names=form.cleaned_data["tags"])
        names, plural = ", ".join(form.cleaned_data["tags"]), modeladmin.model._meta.verbose_name_plural
        modeladmin.message_user(
            request, f"Tagged {queryset.count()} {plural} with {names}: {added} tags added, the others were there.",
            messages.SUCCESS,
        )
        return None
    opts = modeladmin.model._meta
    return TemplateResponse(request, "admin/add_tags.html", {
        **modeladmin.admin_site.each_context(request),
        "title": f"Add tags to {opts.verbose_name_plural}",
        "opts": opts,
        "form": form,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "count": queryset.count(),
        "action": request.POST.get("action"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    })
