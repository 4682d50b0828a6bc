"""The database refuses a statement whose span runs past its article's body.

A check constraint cannot look at another table, so this is a trigger, written for each
database we run on. Shortening an article's body is left to the import service, which moves
or drops the statements first.
"""
from django.db import migrations

from newsdesk.vendor_sql import vendor_sql

MESSAGE = "statement span lies outside its article body"

SQLITE = [
    f"""CREATE TRIGGER statement_span_in_body_{name} BEFORE {event} ON articles_statement
    FOR EACH ROW WHEN NEW."end" > (SELECT length(body) FROM articles_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"""
    for name, event in (("insert", "INSERT"), ("update", 'UPDATE OF start, "end", article_id'))
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS statement_span_in_body_{name};" for name in ("insert", "update")]

POSTGRES = [
    f"""CREATE FUNCTION articles_statement_span_in_body() RETURNS trigger AS $$
    BEGIN
        IF NEW."end" > (SELECT char_length(body) FROM articles_article WHERE id = NEW.article_id) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER statement_span_in_body BEFORE INSERT OR UPDATE OF start, "end", article_id
    ON articles_statement FOR EACH ROW EXECUTE FUNCTION articles_statement_span_in_body();""",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS statement_span_in_body ON articles_statement;",
    "DROP FUNCTION IF EXISTS articles_statement_span_in_body();",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_initial")]

    operations = [
        vendor_sql({"sqlite": SQLITE, "postgresql": POSTGRES}, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
    ]
