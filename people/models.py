"""People and organisations who make statements, with their other names and roles."""
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from people.names import normalise_name, organisation_key

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id is a Q followed by digits, such as Q42.")
WIKIDATA_HELP = "Wikidata item id (Q followed by digits), so that readers and tools can tell namesakes apart."


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TaggedPerson(TaggedItemBase):
    content_object = models.ForeignKey("Person", on_delete=models.CASCADE, related_name="tagged_items")


class TaggedOrganisation(TaggedItemBase):
    content_object = models.ForeignKey("Organisation", on_delete=models.CASCADE, related_name="tagged_items")


class Person(TimeStamped):
    name = models.CharField(max_length=200, help_text="Full name as the archive shows it, e.g. “Mao Ning”.")
    slug = models.SlugField(max_length=220, unique=True, help_text="The person's address on the site; keep it stable.")
    sort_name = models.CharField(
        max_length=200, blank=True, help_text="How the name sorts in the A–Z index, e.g. “Lin, Bonny”. Empty: the name."
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="One line for readers, e.g. “Chinese Foreign Ministry spokeswoman”."
    )
    wikidata_id = models.CharField(
        max_length=20, null=True, blank=True, unique=True, validators=[wikidata_id_validator], help_text=WIKIDATA_HELP
    )
    notes = models.TextField(blank=True, help_text="Private notes for editors; never shown to readers.")
    tags = TaggableManager(through=TaggedPerson, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["sort_name", "name"], name="person_sort_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wikidata_id__regex=r"^Q[1-9][0-9]*$") | models.Q(wikidata_id__isnull=True),
                name="person_wikidata_id_format",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            parts = self.name.rsplit(" ", 1)
            self.sort_name = f"{parts[1]}, {parts[0]}" if len(parts) == 2 else self.name
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:person", kwargs={"slug": self.slug})


class PersonName(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(
        max_length=200, help_text="Another name or spelling, e.g. a transliteration. Not a surname alone."
    )
    normalised = models.CharField(max_length=200, editable=False, help_text="Matching key, set from the name.")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["normalised"], name="personname_normalised_idx")]
        constraints = [
            models.UniqueConstraint(fields=["person", "normalised"], name="personname_unique_per_person"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class Organisation(TimeStamped):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government"
        MINISTRY = "ministry", "Ministry or agency"
        PARTY = "party", "Political party"
        THINK_TANK = "think_tank", "Think tank"
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
        NEWS_OUTLET = "news_outlet", "News outlet"
        COMPANY = "company", "Company"
        ARMED_GROUP = "armed_group", "Armed group"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300, help_text="Full name, e.g. “Shanghai Cooperation Organisation”.")
    slug = models.SlugField(max_length=320, unique=True, help_text="The organisation's address on the site.")
    acronym = models.CharField(max_length=40, blank=True, help_text="Short form readers know, e.g. “SCO”.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        help_text="The body this one belongs to, e.g. a ministry's government.",
    )
    description = models.CharField(max_length=300, blank=True, help_text="One line for readers.")
    wikidata_id = models.CharField(
        max_length=20, null=True, blank=True, unique=True, validators=[wikidata_id_validator], help_text=WIKIDATA_HELP
    )
    notes = models.TextField(blank=True, help_text="Private notes for editors; never shown to readers.")
    tags = TaggableManager(through=TaggedOrganisation, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(Lower("name"), name="organisation_lower_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wikidata_id__regex=r"^Q[1-9][0-9]*$") | models.Q(wikidata_id__isnull=True),
                name="organisation_wikidata_id_format",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:organisation", kwargs={"slug": self.slug})


class OrganisationName(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300, help_text="Another spelling or an acronym, e.g. “Organization”, “SCO”.")
    normalised = models.CharField(max_length=300, editable=False, help_text="Matching key, set from the name.")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["normalised"], name="orgname_normalised_idx")]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "normalised"], name="orgname_unique_per_organisation"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised = organisation_key(self.name)
        super().save(*args, **kwargs)


class Membership(TimeStamped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships",
        help_text="Empty when the role stands alone, e.g. “premier”.",
    )
    role = models.CharField(max_length=300, blank=True, help_text="As printed, e.g. “senior fellow”.")
    start = models.DateField(null=True, blank=True, help_text="First day in the role, when known.")
    end = models.DateField(null=True, blank=True, help_text="Last day in the role, when known.")
    # The one link from people to articles: where the archive learned of the role.
    source_article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.PROTECT, related_name="memberships_learned",
        help_text="The article that printed this role.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-start", "role"]
        indexes = [models.Index(fields=["organisation", "person"], name="membership_org_person_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(start__isnull=True) | models.Q(end__gte=models.F("start")),
                name="membership_end_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="") | models.Q(organisation__isnull=False),
                name="membership_has_role_or_organisation",
            ),
        ]

    def __str__(self):
        where = f" at {self.organisation}" if self.organisation_id else ""
        return f"{self.person}: {self.role or 'member'}{where}"


class Merge(models.Model):
    """One duplicate folded into a survivor, with what moved, so that the merge can be undone."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    survivor_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="merges_received"
    )
    survivor_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="merges_received"
    )
    merged_name = models.CharField(max_length=300, help_text="The name of the record that was merged away.")
    merged_slug = models.SlugField(max_length=320, help_text="Its address, which now redirects to the survivor.")
    # The merged record's own fields, and per relation the ids of the rows that moved or were
    # dropped as duplicates of the survivor's rows: everything undo needs to put things back.
    snapshot = models.JSONField(help_text="The merged record as it was.")
    moved = models.JSONField(help_text="What moved to the survivor, by relation.")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [models.Index(fields=["-made_at", "-id"], name="merge_made_idx")]

    def __str__(self):
        return f"{self.merged_name} → {self.survivor or 'a deleted record'}"

    @property
    def survivor(self):
        return self.survivor_person if self.kind == self.Kind.PERSON else self.survivor_organisation
