"""Editors' writes on statements: review, re-attribution, edits, and the corrections they leave.

Bulk paths update with one query per batch and then write one history row per statement, so the
history of a statement is complete however it was changed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Correction, Statement

BATCH_SIZE = 1000


def review_statements(*, statements, status, user):
    """Marks statements verified or rejected, recording who reviewed them and when."""
    if status not in (Statement.Status.VERIFIED, Statement.Status.REJECTED):
        raise ValueError(f"A review ends in verified or rejected, not {status!r}.")
    now = timezone.now()
    with transaction.atomic():
        ids = list(statements.order_by().values_list("pk", flat=True))
        _update_in_batches(
            ids, user=user, now=now, reason=f"Reviewed: {status}",
            status=status, reviewed_by=user, reviewed_at=now,
        )
    return len(ids)


def reattribute_statements(*, statements, user, person=None, organisation=None, speaker_label="", note=""):
    """Gives statements a new speaker: exactly the person, organisation and label passed.

    Verified statements that change speaker get a correction, so readers learn of the change.
    """
    if not (person or organisation or speaker_label):
        raise ValidationError("Choose a person, an organisation or a label for the speaker.")
    now = timezone.now()
    new_speaker = (getattr(person, "pk", None), getattr(organisation, "pk", None), speaker_label)
    with transaction.atomic():
        current = list(statements.order_by().select_related("person", "organisation"))
        changed = [s for s in current if (s.person_id, s.organisation_id, s.speaker_label) != new_speaker]
        Correction.objects.bulk_create(
            Correction(
                statement=s, made_on=timezone.localdate(now), made_by=user, previous_speaker=s.speaker_name,
                note=note or f"This statement was previously attributed to {s.speaker_name}.",
            )
            for s in changed
            if s.status == Statement.Status.VERIFIED
        )
        _update_in_batches(
            [s.pk for s in changed], user=user, now=now, reason="Re-attributed",
            person=person, organisation=organisation, speaker_label=speaker_label, edited=True,
        )
    return len(changed)


def save_statement(*, statement, user, note=""):
    """Saves one statement as an editor changed it in the admin.

    A change of words or speaker marks the statement edited (a re-import keeps it) and, when the
    statement was verified, leaves a dated correction; a change of status records the reviewer.
    """
    with transaction.atomic():
        previous = None
        if statement.pk is not None:
            previous = Statement.objects.select_related("person", "organisation").select_for_update(of=("self",)).get(
                pk=statement.pk
            )
        previous_status = previous.status if previous else Statement.Status.UNREVIEWED
        if previous is None or _words_or_speaker_changed(previous, statement):
            statement.edited = True
        if previous is not None and previous.status == Statement.Status.VERIFIED:
            if _words_or_speaker_changed(previous, statement):
                record_correction(statement=statement, previous=previous, user=user, note=note)
        if statement.status != previous_status:
            reviewed = statement.status != Statement.Status.UNREVIEWED
            statement.reviewed_by = user if reviewed else None
            statement.reviewed_at = timezone.now() if reviewed else None
        statement._history_user = user
        statement.save()
    return statement


def record_correction(*, statement, previous, user, note=""):
    """Stores the dated note readers see when a verified statement's words or speaker change."""
    words_changed = previous.text != statement.text
    if not note:
        parts = []
        if words_changed:
            parts.append(f"The quoted words were corrected; they previously read “{previous.text}”.")
        if _speaker_key(previous) != _speaker_key(statement):
            parts.append(f"This statement was previously attributed to {previous.speaker_name}.")
        note = " ".join(parts)
    return Correction.objects.create(
        statement=statement, made_by=user, note=note,
        previous_text=previous.text if words_changed else "",
        previous_speaker=previous.speaker_name if _speaker_key(previous) != _speaker_key(statement) else "",
    )


def _speaker_key(statement):
    return (statement.person_id, statement.organisation_id, statement.speaker_label)


def _words_or_speaker_changed(previous, statement):
    return previous.text != statement.text or _speaker_key(previous) != _speaker_key(statement)


def _update_in_batches(ids, *, user, now, reason, **values):
    for i in range(0, len(ids), BATCH_SIZE):
        batch = ids[i : i + BATCH_SIZE]
        Statement.objects.filter(pk__in=batch).update(updated_at=now, **values)
        Statement.history.bulk_history_create(
            Statement.objects.filter(pk__in=batch),
            update=True, default_user=user, default_date=now, default_change_reason=reason,
        )
