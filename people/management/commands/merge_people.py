"""Merges duplicate people (or, with --organisations, organisations) into a survivor, by slug."""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from people.models import Organisation, Person
from people.services import merge_organisations, merge_people, related_counts


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class Command(BaseCommand):
    help = (
        "Merge DUPLICATE records into SURVIVOR: statements, memberships, authorships, names and tags move, "
        "the duplicates' names become other names of the survivor and their addresses redirect to it. "
        "Each merge is recorded and can be undone in the admin (People and organisations › Merges)."
    )

    def add_arguments(self, parser):
        parser.add_argument("survivor", metavar="SURVIVOR_SLUG")
        parser.add_argument("duplicates", nargs="+", metavar="DUPLICATE_SLUG")
        parser.add_argument("--organisations", action="store_true", help="Merge organisations instead of people.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would move; change nothing.")

    def handle(self, *args, survivor, duplicates, organisations, dry_run, **options):
        model, merge = (Organisation, merge_organisations) if organisations else (Person, merge_people)
        records = {r.slug: r for r in model.objects.filter(slug__in=[survivor, *duplicates])}
        missing = [slug for slug in [survivor, *duplicates] if slug not in records]
        if missing:
            raise CommandError(f"No {model._meta.verbose_name} with the slug {', '.join(missing)}.")

        for slug in duplicates:
            counts = ", ".join(f"{n} {label}" for label, n in related_counts(records[slug]) if n)
            self.stdout.write(f"{slug} → {survivor}: {counts or 'nothing but the record'}")
        try:
            with transaction.atomic():
                done = merge(survivor=records[survivor], duplicates=[records[s] for s in duplicates])
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was changed.")
            return
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Merged {len(done)} into {survivor}."))
