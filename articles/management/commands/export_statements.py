"""manage.py export_statements: one record per statement, as JSON Lines or CSV.

Rejected statements stay out unless `--status rejected` asks for them; see articles/exporting.py.
"""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.exporting import records, statements_for_export, write_csv, write_jsonl
from articles.models import Statement
from people.models import Person


class Command(BaseCommand):
    help = (
        "Writes statements as JSON Lines (default) or CSV to stdout or a file: what readers see, or every "
        "statement with the --status asked for. CSV cells that a spreadsheet would run as formulas start with '."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--person", metavar="SLUG", help="Only this person's statements.")
        parser.add_argument(
            "--status", choices=Statement.Status.values,
            help="Only statements with this status, including those readers are not shown. Default: what readers see.",
        )
        parser.add_argument("-o", "--output", metavar="FILE", help="Write here instead of stdout.")
        parser.add_argument(
            "--base-url", default=f"http://{settings.SITE_DOMAIN}",
            help="Site address the permalinks start with (default: the SITE_DOMAIN setting).",
        )

    def handle(self, *args, format, person, status, output, base_url, verbosity, **options):
        if person and not Person.objects.filter(slug=person).exists():
            raise CommandError(f"--person {person!r}: no person has that slug.")
        rows = records(statements_for_export(person_slug=person, status=status), base_url=base_url)
        write = write_csv if format == "csv" else write_jsonl
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = write(rows, out)
        else:
            count = write(rows, self.stdout)
        if output and verbosity >= 1:
            self.stderr.write(f"{count} statements written to {output}")
