"""Outlets, the articles they print, and the statements found in those articles."""
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from people.models import Organisation, Person, TimeStamped


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")


class TaggedStatement(TaggedItemBase):
    content_object = models.ForeignKey("Statement", on_delete=models.CASCADE, related_name="tagged_items")


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True, help_text="The publication, e.g. “South China Morning Post”.")
    slug = models.SlugField(max_length=220, unique=True)
    url = models.URLField(blank=True, help_text="The outlet's home page.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(TimeStamped):
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles",
        help_text="Empty when the source did not say where it was printed.",
    )
    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=220, unique=True, help_text="The article's address on the site; keep it stable.")
    standfirst = models.TextField(blank=True, help_text="The summary printed under the headline, one point a line.")
    authors = models.ManyToManyField(Person, through="Authorship", related_name="articles_written", blank=True)
    published = models.DateField(null=True, blank=True, help_text="Date of publication; empty when unknown.")
    url = models.URLField(max_length=1000, null=True, blank=True, unique=True, help_text="The original on the web.")
    body = models.TextField(help_text="The cleaned text: paragraphs separated by one blank line. Statement spans point into it.")
    author_bio = models.TextField(blank=True, help_text="The closing note about the author, kept out of the body.")
    source_file = models.CharField(max_length=500, blank=True, help_text="The file this article was imported from.")
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the normalised text: the import's key for this article."
    )
    notes = models.TextField(blank=True, help_text="Private notes for editors; never shown to readers.")
    search_vector = SearchVectorField(null=True, editable=False)
    tags = TaggableManager(through=TaggedArticle, blank=True)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [
            models.Index(fields=["-published", "-id"], name="article_published_idx"),
            models.Index(fields=["outlet", "-published"], name="article_outlet_published_idx"),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:article", kwargs={"slug": self.slug})

    @property
    def paragraphs(self):
        return self.body.split("\n\n") if self.body else []


class Authorship(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="authorships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the byline, first author 0.")

    class Meta:
        ordering = ["article", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "person"], name="authorship_unique_person")]

    def __str__(self):
        return f"{self.person} on {self.article}"


class StatementQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: never rejected statements; unreviewed ones only when the setting allows."""
        qs = self.exclude(status=Statement.Status.REJECTED)
        if not settings.NEWSDESK_SHOW_UNREVIEWED:
            qs = qs.filter(status=Statement.Status.VERIFIED)
        return qs

    def with_corrections(self):
        """Fetches every statement's corrections in one more query, for includes/corrections.html."""
        return self.prefetch_related("corrections")


class Statement(TimeStamped):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quotation"
        INDIRECT = "indirect", "Reported speech"
        MIXED = "mixed", "Reported with quoted words"

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        VERIFIED = "verified", "Verified"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="statements")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="statements",
        help_text="Who said it. Empty when an organisation or an unnamed source is the speaker.",
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="statements",
        help_text="With a person: the organisation they spoke for. Alone: the organisation is the speaker (“China said”).",
    )
    speaker_label = models.CharField(
        max_length=300, blank=True,
        help_text="For an unnamed source, the description as printed, e.g. “a former senior Pentagon official”.",
    )
    text = models.TextField(help_text="The speaker's words as printed: a quotation without its marks, or the reported clause.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    cue = models.CharField(max_length=100, blank=True, help_text="The word that marks speech: “said”, “told”, “according to”.")
    audience = models.CharField(max_length=300, blank=True, help_text="Who it was said to, e.g. “the Washington Examiner”.")
    via = models.CharField(max_length=300, blank=True, help_text="Who relayed it, e.g. “Xinhua” in “per Xinhua”.")
    role = models.CharField(max_length=300, blank=True, help_text="The role the speaker held when speaking, as printed.")
    start = models.PositiveIntegerField(help_text="Where the words begin in the article body (characters).")
    end = models.PositiveIntegerField(help_text="Where the words end in the article body (characters).")
    said_on = models.DateField(null=True, blank=True, help_text="When it was said; defaults to the article's date.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNREVIEWED, db_index=False)
    confidence = models.FloatField(default=1.0, help_text="The finder's confidence, 0 to 1; 1 for statements entered by hand.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    edited = models.BooleanField(
        default=False, help_text="Changed by an editor: a re-import of the article keeps it as it is."
    )
    editor_note = models.TextField(blank=True, help_text="Private note for editors; never shown to readers.")
    fingerprint = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text="Hash of the normalised words: the same quote printed by several outlets shares it.",
    )
    search_vector = SearchVectorField(null=True, editable=False)
    tags = TaggableManager(through=TaggedStatement, blank=True)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            models.Index(fields=["person", "-said_on", "-id"], name="statement_person_said_idx"),
            models.Index(fields=["organisation", "-said_on", "-id"], name="statement_org_said_idx"),
            models.Index(fields=["status", "article"], name="statement_status_article_idx"),
            models.Index(fields=["-said_on", "-id"], name="statement_said_idx"),
            models.Index(fields=["fingerprint"], name="statement_fingerprint_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False)
                | models.Q(organisation__isnull=False)
                | ~models.Q(speaker_label=""),
                name="statement_has_speaker",
                violation_error_message="A statement needs a speaker: a person, an organisation or a label.",
            ),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="statement_span_not_empty"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1), name="statement_confidence_range"
            ),
            models.UniqueConstraint(fields=["article", "start", "end"], name="statement_unique_span"),
        ]

    def __str__(self):
        return f"{self.speaker_name}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("articles:statement", kwargs={"pk": self.pk})

    @property
    def speaker_name(self):
        if self.person_id:
            return self.person.name
        if self.organisation_id:
            return self.organisation.name
        return self.speaker_label

    def clean(self):
        super().clean()
        if self.article_id and self.end is not None and self.end > len(self.article.body):
            raise ValidationError({"end": "The span runs past the end of the article body."})


class ReviewItem(Statement):
    """The review queue: unreviewed statements, shown to editors in their own admin page."""

    class Meta:
        proxy = True
        verbose_name = "statement to review"
        verbose_name_plural = "review queue"


class Correction(models.Model):
    """A dated note readers see when the words or the speaker of a verified statement change."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="corrections")
    made_on = models.DateField(default=timezone.localdate, help_text="The date readers see beside the note.")
    note = models.TextField(help_text="Shown to readers under the statement, e.g. “The quotation was misattributed.”")
    previous_text = models.TextField(blank=True, help_text="The words as they stood before the correction.")
    previous_speaker = models.CharField(max_length=300, blank=True, help_text="The speaker before the correction.")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["statement", "made_on", "id"]
        indexes = [models.Index(fields=["statement", "made_on"], name="correction_statement_idx")]

    def __str__(self):
        return f"{self.made_on}: {self.note[:60]}"
