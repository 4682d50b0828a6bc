"""Forms of the statement admin: editing words against the body, and re-attribution."""
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect

from articles.text.spans import locate_words
from people.models import Organisation, Person

from .models import Statement


class StatementForm(forms.ModelForm):
    correction_note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown to readers when a verified statement's words or speaker change. "
        "Empty: a note saying what changed is written for you.",
    )

    class Meta:
        model = Statement
        fields = [
            "text", "kind", "article", "said_on", "person", "organisation", "speaker_label", "role", "cue",
            "audience", "via", "status", "confidence", "editor_note", "tags",
        ]

    def clean(self):
        cleaned = super().clean()
        article = cleaned.get("article") if "article" in self.fields else self.instance.article
        text = cleaned.get("text")
        if article is None or not text:
            return cleaned
        if self.instance.pk and not {"text", "article"} & set(self.changed_data):
            return cleaned
        span = locate_words(article.body, text, near=self.instance.start or 0)
        if span is None:
            self.add_error("text", "These words are not in the article body. Copy them as the article prints them; "
                                   "the span of a statement must point into its article.")
            return cleaned
        clash = Statement.objects.filter(article=article, start=span[0], end=span[1]).exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error("text", "Another statement of this article already covers exactly these words.")
            return cleaned
        # The printed wording wins over the typed one (line breaks, double spaces), so the
        # words and the span always agree.
        self.instance.start, self.instance.end = span
        cleaned["text"] = article.body[span[0] : span[1]]
        return cleaned


class ReattributeForm(forms.Form):
    person = forms.ModelChoiceField(
        Person.objects.all(), required=False,
        widget=AutocompleteSelect(Statement._meta.get_field("person"), admin.site),
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), required=False,
        widget=AutocompleteSelect(Statement._meta.get_field("organisation"), admin.site),
        help_text="With a person: the organisation they spoke for. Alone: the organisation is the speaker.",
    )
    speaker_label = forms.CharField(
        required=False, max_length=300, label="Unnamed source",
        help_text="Only for an unnamed source, e.g. “a former senior Pentagon official”.",
    )
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Correction note",
        help_text="Shown to readers on verified statements. Empty: “previously attributed to …”.",
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("person") or cleaned.get("organisation") or cleaned.get("speaker_label")):
            raise forms.ValidationError("Choose a person, an organisation or a label for the speaker.")
        return cleaned
