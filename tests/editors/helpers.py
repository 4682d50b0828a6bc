"""Data and request helpers shared by the editors' tests."""
from articles.models import Statement
from tests.conftest import make_person

BODY = (
    "Beijing, May 1. The ministry spoke on Tuesday.\n\n"
    "“We will not accept any interference,” spokeswoman Mao Ning said at a briefing.\n\n"
    "Analysts said the tone was firm. “This is a warning,” said Bonny Lin of CSIS."
)


def quote(article, words, **fields):
    """A statement over `words` as they stand in the article body."""
    start = article.body.index(words)
    fields.setdefault("person", make_person())
    return Statement.objects.create(
        article=article, text=words, start=start, end=start + len(words), said_on=article.published, **fields
    )


def action(client, url, name, objects, **extra):
    """Posts a changelist action for `objects`, as the action bar does."""
    data = {"action": name, "_selected_action": [o.pk for o in objects], **extra}
    return client.post(url, data)
