"""Merging duplicate people and organisations, and undoing a merge.

A merge moves every row that points at the duplicate (statements, memberships, authorships,
other names, tags, and whatever later relations point at the model) to the survivor, found
through the model's reverse relations so that `people` need not know the other apps. Rows
the survivor already has an equal of (the same tag, byline or spelling) are dropped instead
of moved. All of it is written to a `Merge` record, which is what undo replays backwards.
"""
from django.apps import apps
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model
from taggit.models import TaggedItemBase

from .models import Merge, Organisation, OrganisationName, Person, PersonName
from .names import normalise_name, organisation_key

BATCH_SIZE = 1000
# What editors look at first on the confirmation page; other relations follow.
COUNT_ORDER = {label: i for i, label in enumerate(
    ["statements", "memberships", "authorships", "person names", "organisation names", "tags"]
)}

# Fields the survivor takes from a duplicate when its own are blank, so that a merge does not
# lose a Wikidata id or a description; undo puts the survivor's blanks back.
FILLED_WHEN_BLANK = ["description", "wikidata_id", "acronym", "notes"]

def merge_people(*, survivor, duplicates, user=None):
    """Folds each duplicate person into the survivor; returns one Merge record per duplicate."""
    return _merge(survivor=survivor, duplicates=duplicates, user=user)


def merge_organisations(*, survivor, duplicates, user=None):
    """Folds each duplicate organisation into the survivor; returns one Merge record per duplicate."""
    return _merge(survivor=survivor, duplicates=duplicates, user=user)


def related_counts(record):
    """What a merge of `record` would move, as (label, count) pairs, for the confirmation page."""
    counts = [(_label(rel), rel.related_model._base_manager.filter(**{rel.field.name: record}).count())
              for rel in _relations(type(record))]
    return sorted(counts, key=lambda pair: COUNT_ORDER.get(pair[0], len(COUNT_ORDER)))


def undo_merge(*, merge, user=None):
    """Recreates the merged record with its slug and moves back exactly what moved."""
    with transaction.atomic():
        merge = Merge.objects.select_for_update().get(pk=merge.pk)
        if merge.undone_at:
            raise ValidationError("This merge has already been undone.")
        survivor = merge.survivor
        if survivor is None:
            raise ValidationError("The survivor of this merge no longer exists; undo the merge that removed it first.")
        model = type(survivor)
        if model._base_manager.filter(slug=merge.merged_slug).exists():
            raise ValidationError(f"The address “{merge.merged_slug}” is in use again; rename that record first.")

        # The survivor's blanks come back, unless an editor has since changed what the merge filled in.
        blanked = [name for name in merge.moved["filled"] if getattr(survivor, name) == merge.snapshot[name]]
        if blanked:
            for name in blanked:
                setattr(survivor, name, merge.moved["filled"][name])
            survivor._history_user = user
            survivor.save(update_fields=[*blanked, "updated_at"])
        restored = _restore(model, merge.snapshot, user)
        for key, entry in merge.moved["relations"].items():
            label, field = key.rsplit(".", 1)
            related = apps.get_model(label)
            # Only rows still with the survivor go back: a later edit that moved one elsewhere stands.
            _move(related, field, entry["moved"], source=survivor, target=restored, user=user,
                  reason=f"Undo merge into {survivor}")
            for row in entry["dropped"]:
                _restore(related, row, user)
        _names_model(model)._base_manager.filter(pk__in=merge.moved["names_created"]).delete()
        _undo_redirects(merge.moved["redirects"])

        merge.undone_at = timezone.now()
        merge.undone_by = user
        merge.save(update_fields=["undone_at", "undone_by"])
    return restored


def _merge(*, survivor, duplicates, user):
    model = type(survivor)
    duplicates = list(duplicates)
    if any(type(d) is not model for d in duplicates):
        raise ValidationError("Only records of one kind can be merged.")
    if survivor.pk in {d.pk for d in duplicates}:
        raise ValidationError("The survivor cannot also be one of the duplicates.")
    if model is Organisation and survivor.parent_id in {d.pk for d in duplicates}:
        raise ValidationError("An organisation cannot be merged with the body it belongs to; clear its parent first.")
    with transaction.atomic():
        return [_merge_one(survivor=survivor, duplicate=d, user=user) for d in duplicates]


def _merge_one(*, survivor, duplicate, user):
    model = type(survivor)
    reason = f"Merged {duplicate} into {survivor}"
    moved = {"relations": {}}
    snapshot = _snapshot(duplicate)
    for rel in _relations(model):
        related, field = rel.related_model, rel.field.name
        rows = related._base_manager.filter(**{field: duplicate})
        if related is model:
            rows = rows.exclude(pk=survivor.pk)
        dropped = []
        clash_fields = _clash_fields(rel)
        if clash_fields:
            equal_on_survivor = related._base_manager.filter(
                **{field: survivor}, **{name: models.OuterRef(name) for name in clash_fields}
            )
            clashing = list(rows.filter(models.Exists(equal_on_survivor)))
            dropped = [_snapshot(row) for row in clashing]
            _delete(clashing, user)
        ids = list(rows.values_list("pk", flat=True))
        _move(related, field, ids, source=duplicate, target=survivor, user=user, reason=reason)
        moved["relations"][f"{related._meta.label}.{field}"] = {"moved": ids, "dropped": dropped}

    moved["names_created"] = _add_names(survivor, duplicate)
    moved["redirects"] = _redirect(duplicate.get_absolute_url(), survivor.get_absolute_url())
    duplicate._history_user = user
    duplicate._change_reason = reason
    duplicate.delete()
    moved["filled"] = _fill_blanks(survivor, duplicate, user=user, reason=reason)
    return Merge.objects.create(
        kind=Merge.Kind.PERSON if model is Person else Merge.Kind.ORGANISATION,
        survivor_person=survivor if model is Person else None,
        survivor_organisation=survivor if model is Organisation else None,
        merged_name=snapshot["name"], merged_slug=snapshot["slug"],
        snapshot=snapshot, moved=moved, made_by=user,
    )


def _fill_blanks(survivor, duplicate, *, user, reason):
    """Copies the duplicate's values into the survivor's blank fields; returns the old blanks."""
    names = {f.name for f in type(survivor)._meta.concrete_fields}
    filled = {}
    for name in FILLED_WHEN_BLANK:
        if name in names and not getattr(survivor, name) and getattr(duplicate, name):
            filled[name] = getattr(survivor, name)
            setattr(survivor, name, getattr(duplicate, name))
    if filled:
        survivor._history_user = user
        survivor._change_reason = reason
        survivor.save(update_fields=[*filled, "updated_at"])
    return filled


def _relations(model):
    """The one-to-many relations pointing at `model`: everything that belongs to a record."""
    return [rel for rel in model._meta.related_objects if rel.one_to_many]


def _label(rel):
    if issubclass(rel.related_model, TaggedItemBase):
        return "tags"
    if rel.related_model is rel.model:
        return "parts (child organisations)"
    if rel.related_model is Merge:
        return "earlier merges into it"
    return str(rel.related_model._meta.verbose_name_plural)


def _clash_fields(rel):
    """Fields on which a moved row would duplicate one the survivor has: unique with the key."""
    related, field = rel.related_model, rel.field.name
    if issubclass(related, TaggedItemBase):
        return ["tag"]
    for constraint in related._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and field in constraint.fields and not constraint.condition:
            return [name for name in constraint.fields if name != field]
    return []


def _move(model, field, ids, *, source, target, user, reason):
    history = _history_manager(model)
    values = {field: target}
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    for i in range(0, len(ids), BATCH_SIZE):
        batch = model._base_manager.filter(pk__in=ids[i : i + BATCH_SIZE], **{field: source})
        batch_ids = list(batch.values_list("pk", flat=True))
        batch.update(**values)
        if history is not None:
            history.bulk_history_create(
                model._base_manager.filter(pk__in=batch_ids),
                update=True, default_user=user, default_change_reason=reason,
            )


def _delete(rows, user):
    for row in rows:
        row._history_user = user
        row.delete()


def _history_manager(model):
    try:
        return get_history_manager_for_model(model)
    except NotHistoricalModelError:
        return None


def _snapshot(row):
    """The row's column values as JSON-safe text (None stays None), for `_restore`."""
    return {
        field.attname: None if field.value_from_object(row) is None else field.value_to_string(row)
        for field in row._meta.concrete_fields
    }


def _restore(model, snapshot, user):
    fields = {f.attname: f for f in model._meta.concrete_fields}
    values = {name: None if value is None else fields[name].to_python(value) for name, value in snapshot.items()}
    row = model(**values)
    row._history_user = user
    row.save(force_insert=True)
    # auto_now and auto_now_add stamp the insert; the record gets its own dates back.
    stamped = {
        f.attname: values[f.attname]
        for f in fields.values()
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }
    if stamped:
        model._base_manager.filter(pk=row.pk).update(**stamped)
    return row


def _names_model(model):
    return PersonName if model is Person else OrganisationName


def _add_names(survivor, duplicate):
    """The duplicate's name (and an organisation's acronym) become other names of the survivor."""
    if isinstance(survivor, Person):
        key, owner, spellings = normalise_name, "person", [duplicate.name]
    else:
        key, owner, spellings = organisation_key, "organisation", [duplicate.name, duplicate.acronym]
    names_model = _names_model(type(survivor))
    known = {key(survivor.name)} | set(
        names_model._base_manager.filter(**{owner: survivor}).values_list("normalised", flat=True)
    )
    created = []
    for spelling in spellings:
        if spelling and key(spelling) not in known:
            known.add(key(spelling))
            created.append(names_model.objects.create(**{owner: survivor, "name": spelling}).pk)
    return created


def _redirect(old_path, new_path):
    """Points the old address, and any address that pointed at it, at the survivor (301)."""
    repointed = list(
        Redirect.objects.filter(site_id=settings.SITE_ID, new_path=old_path).values_list("pk", flat=True)
    )
    Redirect.objects.filter(pk__in=repointed).update(new_path=new_path)
    existing = Redirect.objects.filter(site_id=settings.SITE_ID, old_path=old_path).first()
    previous = existing.new_path if existing else None
    redirect, _ = Redirect.objects.update_or_create(
        site_id=settings.SITE_ID, old_path=old_path, defaults={"new_path": new_path}
    )
    return {"id": redirect.pk, "previous": previous, "repointed": repointed, "old_path": old_path}


def _undo_redirects(record):
    if record["previous"] is None:
        Redirect.objects.filter(pk=record["id"]).delete()
    else:
        Redirect.objects.filter(pk=record["id"]).update(new_path=record["previous"])
    Redirect.objects.filter(pk__in=record["repointed"]).update(new_path=record["old_path"])
