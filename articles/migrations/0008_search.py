"""Full-text search kept up to date by the database itself, and the index behind keyset paging.

Triggers rather than application code, so that bulk imports (bulk_create, raw SQL, psql COPY)
are searchable the moment they commit.

PostgreSQL: BEFORE triggers fill the `search_vector` columns (weighted: the words themselves
first), a GIN index serves the @@ match. The trigger also fires when `search_vector` itself is
written, because Model.save() writes every column, the vector included, as NULL.

SQLite: FTS5 tables with external content (the text stays in the model table only), kept by
AFTER triggers, with the porter stemmer so that "supports" finds "supported" as on PostgreSQL.

Both: an index on the expression the public lists sort by (undated statements last), per
person, per organisation and overall. The models do not declare these; they are not needed to
describe the schema to Django, only to make the reads fast.
"""
from django.db import migrations

from newsdesk.vendor_sql import vendor_sql

STATEMENT_VECTOR = """
    setweight(to_tsvector('english', coalesce(NEW.text, '')), 'A')
    || setweight(to_tsvector('english', coalesce(NEW.speaker_label, '') || ' ' || coalesce(NEW.role, '')
       || ' ' || coalesce(NEW.audience, '') || ' ' || coalesce(NEW.via, '')), 'C')"""
ARTICLE_VECTOR = """
    setweight(to_tsvector('english', coalesce(NEW.headline, '')), 'A')
    || setweight(to_tsvector('english', coalesce(NEW.standfirst, '')), 'B')
    || setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C')"""


def postgres_vector(table, vector, columns):
    name = f"{table}_search_vector"
    return [
        f"""CREATE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN NEW.search_vector := {vector}; RETURN NEW; END $$ LANGUAGE plpgsql;""",
        f"""CREATE TRIGGER {name} BEFORE INSERT OR UPDATE OF {columns}, search_vector
        ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();""",
        # Fires the trigger once for the rows already there.
        f"UPDATE {table} SET search_vector = NULL;",
        f"CREATE INDEX {table}_search_idx ON {table} USING gin (search_vector);",
    ]


def postgres_vector_drop(table):
    name = f"{table}_search_vector"
    return [
        f"DROP INDEX IF EXISTS {table}_search_idx;",
        f"DROP TRIGGER IF EXISTS {name} ON {table};",
        f"DROP FUNCTION IF EXISTS {name}();",
    ]


def sqlite_fts(table, columns):
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"""CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2');""",
        f"""CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN
        INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END;""",
        f"""CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN
        INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END;""",
        f"""CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {table} BEGIN
        INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
        INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END;""",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild');",
    ]


def sqlite_fts_drop(table):
    fts = f"{table}_fts"
    return [f"DROP TRIGGER IF EXISTS {fts}_{event};" for event in ("insert", "delete", "update")] + [
        f"DROP TABLE IF EXISTS {fts};"
    ]


# Exactly the text articles.selectors.SaidKey compiles to on each database: SQLite uses an
# expression index only for the identical expression.
SORT_INDEXES = {
    "postgresql": "COALESCE(said_on, '0001-01-01'::date)",
    "sqlite": "COALESCE(said_on, '0001-01-01')",
}


def sort_indexes(vendor):
    key = SORT_INDEXES[vendor]
    return [
        f"CREATE INDEX statement_person_key_idx ON articles_statement (person_id, ({key}) DESC, id DESC);",
        f"CREATE INDEX statement_org_key_idx ON articles_statement (organisation_id, ({key}) DESC, id DESC);",
        f"CREATE INDEX statement_key_idx ON articles_statement (({key}) DESC, id DESC);",
    ]


SORT_INDEXES_DROP = [
    f"DROP INDEX IF EXISTS {name};" for name in ("statement_person_key_idx", "statement_org_key_idx", "statement_key_idx")
]

FORWARD = {
    "postgresql": postgres_vector("articles_statement", STATEMENT_VECTOR, "text, speaker_label, role, audience, via")
    + postgres_vector("articles_article", ARTICLE_VECTOR, "headline, standfirst, body")
    + sort_indexes("postgresql"),
    "sqlite": sqlite_fts("articles_statement", ["text"])
    + sqlite_fts("articles_article", ["headline", "standfirst", "body"])
    + sort_indexes("sqlite"),
}
BACKWARD = {
    "postgresql": postgres_vector_drop("articles_statement") + postgres_vector_drop("articles_article")
    + SORT_INDEXES_DROP,
    "sqlite": sqlite_fts_drop("articles_statement") + sqlite_fts_drop("articles_article") + SORT_INDEXES_DROP,
}


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_statement_search_trigram")]

    operations = [vendor_sql(FORWARD, BACKWARD)]
