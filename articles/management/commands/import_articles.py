"""manage.py import_articles PATH...: articles from text files, JSON Lines, folders and stdin.

Safe to run twice: an unchanged article is left alone, a changed one is updated and keeps the
statements editors reviewed. New articles are stored in batches, one transaction each; a bad one
is reported as FILE:LINE: message and the rest go in, and the command then exits with status 1.
"""
import gc
import multiprocessing
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.importing import find_statements, import_batch
from articles.text.sources import parse, read_raw

# Articles stored together: enough that the queries of a batch cost little per article, few
# enough that a batch that fails is soon redone article by article.
BATCH = 200


@contextmanager
def no_cyclic_gc():
    """A batch makes tens of thousands of objects that live until it ends (parsed text, the
    finder's findings, model instances, SQL parameters): the cyclic collector would walk them
    again and again, a quarter of the time of storing. They are freed when the batch ends."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_and_find(raws, extract):
    """The Items of a batch read, and the finder's work on its articles (None without extract).
    Runs in the second process: parsing and finding take as long as storing."""
    with no_cyclic_gc():
        items = [parse(raw) for raw in raws]
        parsed_list = [item.article for item in items if item.article]
        return items, find_statements(parsed_list) if extract else None


def iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r}: expected a date as YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Imports articles from text files (.txt, .md, optional front matter), JSON Lines (.jsonl, one article a "
        "line), folders (searched recursively) and '-' for stdin, and finds their statements. Files that are not "
        "UTF-8 are read as Windows-1252/Latin-1 with a warning; files over 5 MB are refused. Bad input is reported "
        "as FILE:LINE: message, the rest is imported, and the exit status is 1. An unchanged text is left alone; a "
        "changed one (same URL or file) updates its article, keeps the statements editors verified, rejected or "
        "edited, moved to their words, and when the words are gone keeps them too, with a note for the editors."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A file, a folder, or - for stdin.")
        parser.add_argument("--outlet", default="", help="Outlet for articles that do not name one.")
        parser.add_argument("--published", type=iso_date, help="Date (YYYY-MM-DD) for articles that give none.")
        parser.add_argument(
            "--tag", action="append", default=[], help="A tag added to every article, beside its own; repeatable."
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; store nothing.")
        parser.add_argument("--no-extract", action="store_true", help="Store the articles only, find no statements.")

    def handle(self, *args, paths, outlet, published, tag, dry_run, no_extract, verbosity, **options):
        self.verbosity, self.dry_run = verbosity, dry_run
        self.progress = verbosity >= 2 or self.stderr.isatty()
        self.totals = Counter()
        self.started = self.last_progress = time.monotonic()
        options = {"outlet": outlet, "published": published, "tags": tag, "extract": not no_extract}
        # Parsing and finding take as long as storing: a second process does them for the next
        # batch while this one stores the last. Forked, it is sent only the bytes read.
        helper = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        # A dry run goes through every write, so that its counts are true, and then undoes them all;
        # a real run commits each batch on its own (import_batch's transactions).
        with helper, transaction.atomic() if dry_run else nullcontext():
            pending, raws = None, []
            for raw in read_raw(paths, stdin=sys.stdin.buffer if "-" in paths else None):
                raws.append(raw)
                if len(raws) == BATCH:
                    started = self.start(helper, raws, options["extract"])
                    self.store(pending, options)
                    pending, raws = started, []
            started = self.start(helper, raws, options["extract"])
            self.store(pending, options)
            self.store(started, options)
            if dry_run:
                transaction.set_rollback(True)
        self.summarise()

    def start(self, helper, raws, extract):
        """A batch read, and its parsing under way in the second process."""
        try:
            return raws, helper.submit(parse_and_find, raws, extract)
        except Exception:  # the second process is gone: store() does the work here
            return raws, None

    def store(self, pending, options):
        """Reports and stores a batch that start() returned."""
        if pending is None:
            return
        raws, work = pending
        try:
            items, found = work.result() if work else parse_and_find(raws, options["extract"])
        except Exception:  # the second process failed or could not send its work back: do it here
            items, found = parse_and_find(raws, options["extract"])
        batch = []
        for item in items:
            for warning in item.warnings:
                self.stderr.write(f"{warning} (warning)")
            if item.error:
                self.fail(item.where, item.error)
            else:
                batch.append(item)
        with no_cyclic_gc():
            results = import_batch(parsed_list=[item.article for item in batch], found=found, **options) if batch else []
        for item, result in zip(batch, results, strict=True):
            if isinstance(result, Exception):
                self.fail(item.where, f"not stored: {type(result).__name__}: {result}")
            else:
                self.count(item, result)
        now = time.monotonic()
        if self.progress and now - self.last_progress >= 1:
            self.last_progress = now
            done = sum(self.totals[k] for k in ("created", "updated", "unchanged", "failed"))
            self.stderr.write(f"… {done} articles, {done / (now - self.started):.0f}/s")

    def fail(self, where, message):
        self.totals["failed"] += 1
        self.stderr.write(f"{where}: {message}")

    def count(self, item, outcome):
        self.totals[outcome.action] += 1
        self.totals["statements"] += outcome.statements
        self.totals["people"] += outcome.people
        self.totals["organisations"] += outcome.organisations
        if outcome.lost_spans:
            self.stderr.write(
                f"{item.where}: {outcome.lost_spans} reviewed statement(s) lost their words in the new text; "
                "kept and noted for the editors"
            )
        if self.verbosity >= 2 or (self.dry_run and self.verbosity >= 1 and outcome.action != "unchanged"):
            verb = f"would be {outcome.action}" if self.dry_run else outcome.action
            repeated = item.article.repeated_paragraphs
            dropped = f", {repeated} repeated paragraphs dropped" if repeated and outcome.action != "unchanged" else ""
            self.stdout.write(
                f"{item.where}: {verb}: {outcome.article.headline} ({outcome.statements} statements{dropped})"
            )

    def summarise(self):
        t = self.totals
        prefix = "Dry run, nothing stored. Would have: " if self.dry_run else ""
        if self.verbosity >= 1:
            self.stdout.write(
                f"{prefix}articles: {t['created']} created, {t['updated']} updated, {t['unchanged']} unchanged, "
                f"{t['failed']} failed; statements: {t['statements']} created; people: {t['people']} created; "
                f"organisations: {t['organisations']} created ({time.monotonic() - self.started:.1f}s)"
            )
        if t["failed"]:
            raise CommandError(f"{t['failed']} article(s) could not be imported; see the messages above.")
