"""Creates a staff user in the Editors group; safe to run again for the same user."""
import secrets
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS = "Editors"


class Command(BaseCommand):
    stealth_options = ("stdin",)  # tests pass a stream in place of the terminal
    help = (
        "Create an editor: a staff user in the Editors group. Without --password-from-stdin a password "
        "is generated and printed. Running it again for an existing user only makes sure of staff "
        "status and group, and keeps the password unless one is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-stdin", action="store_true", help="Read the password from the first line of stdin."
        )

    def handle(self, *args, username, email, password_from_stdin, **options):
        try:
            group = Group.objects.get(name=EDITORS)
        except Group.DoesNotExist:
            raise CommandError("The Editors group does not exist; run manage.py migrate first.") from None
        stdin = options.get("stdin") or sys.stdin
        password = stdin.readline().rstrip("\r\n") if password_from_stdin else None
        if password_from_stdin and not password:
            raise CommandError("No password on stdin.")

        User = get_user_model()
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username, defaults={"email": email})
            generated = None
            if password is None and created:
                password = generated = secrets.token_urlsafe(18)
            if password is not None:
                try:
                    validate_password(password, user)
                except ValidationError as error:
                    raise CommandError(" ".join(error.messages)) from None
                user.set_password(password)
            if email:
                user.email = email
            user.is_staff = True
            user.save()
            user.groups.add(group)

        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor {username}."))
        if generated:
            self.stdout.write(f"Password: {generated}")
        elif not created and password is None and options["verbosity"] > 0:
            self.stdout.write("Password unchanged.")
