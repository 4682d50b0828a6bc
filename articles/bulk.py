"""Bulk inserts of new records with their history rows, for the import's hot path.

`bulk_create` compiles every value through its field, and simple-history then builds a model
instance per history row: for a batch of statements that is most of an import's time. Here the
values a database driver takes as they are (text, numbers, keys) go straight to it, and only the
others (dates, times) pass through their field. The rows are what `bulk_create_with_history`
writes: the records, then one "+" history row each, dated now, with no user.
"""
from django.db import connection, models
from django.utils import timezone

# The driver takes these values as they are; other fields' values are prepared by the field.
_AS_IS = (models.CharField, models.TextField, models.IntegerField, models.FloatField, models.BooleanField,
          models.ForeignKey)


def _prepare(field):
    if isinstance(field, _AS_IS) and not isinstance(field, models.AutoField):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _insert(model, columns, rows, *, returning=None):
    """INSERTs rows of values for `columns` (fields of `model`); the `returning` column's values back."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in columns)
    prepare = [_prepare(f) for f in columns]
    # SQLite's backend names its limit; PostgreSQL's protocol allows 65,535 parameters a query.
    per_query = max(1, (connection.features.max_query_params or 65535) // len(columns))
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    back = f" RETURNING {connection.ops.quote_name(returning.column)}" if returning else ""
    found = []
    with connection.cursor() as cursor:
        for at in range(0, len(rows), per_query):
            chunk = rows[at:at + per_query]
            params = [p(v) if p else v for row in chunk for p, v in zip(prepare, row, strict=True)]
            cursor.execute(f"INSERT INTO {table} ({names}) VALUES {', '.join([placeholder] * len(chunk))}{back}",
                           params)
            if returning:
                found += [row[0] for row in cursor.fetchall()]
    return found


def create_with_history(model, objects):
    """Saves new `objects` of `model` (their pks are set) and a creation history row for each."""
    if not objects:
        return objects
    now = timezone.now()
    meta = model._meta
    for field in meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objects:
                setattr(obj, field.attname, now)
    columns = [f for f in meta.concrete_fields if f is not meta.pk]
    pks = _insert(model, columns, [[getattr(o, f.attname) for f in columns] for o in objects], returning=meta.pk)
    for obj, pk in zip(objects, pks, strict=True):
        obj.pk = pk
        obj._state.adding = False

    history = model.history.model
    extra = {"history_date": now, "history_type": "+", "history_change_reason": None, "history_user_id": None}
    tracked = [f for f in history._meta.concrete_fields if f.attname not in extra and f is not history._meta.pk]
    history_columns = tracked + [history._meta.get_field(name.removesuffix("_id")) for name in extra]
    rows = [[getattr(o, f.attname) for f in tracked] + list(extra.values()) for o in objects]
    _insert(history, history_columns, rows)
    return objects
