"""A small archive for the reader's pages: one spokeswoman, one article, statements in each state."""
import datetime

import pytest

from articles.models import Authorship, Statement
from people.models import Membership, PersonName
from tests.conftest import make_article, make_organisation, make_outlet, make_person

BODY = (
    "Beijing and Tehran vowed to work together.\n\n"
    "“We call on relevant parties to stay calm,” said Mao Ning, the ministry's spokeswoman.\n\n"
    "Mao said China supported Iran in playing its role for regional peace.\n\n"
    "Officials said the meeting was a success, according to Xinhua."
)


@pytest.fixture
def world(db):
    outlet = make_outlet("Newsweek")
    ministry = make_organisation("Chinese Foreign Ministry", slug="chinese-foreign-ministry", kind="ministry")
    mao = make_person("Mao Ning", slug="mao-ning", description="Chinese Foreign Ministry spokeswoman",
                      wikidata_id="Q24006485")
    PersonName.objects.create(person=mao, name="毛宁")
    PersonName.objects.create(person=mao, name="Mao Ning")  # the importer records the name itself too
    Membership.objects.create(person=mao, organisation=ministry, role="spokeswoman",
                              start=datetime.date(2022, 9, 1))
    author = make_person("Zhao Ziwen", slug="zhao-ziwen")
    article = make_article(body=BODY, headline="China Holds Strategic Discussions With Iran",
                           slug="china-holds-talks", outlet=outlet, published=datetime.date(2023, 12, 6),
                           url="https://example.com/china-iran")
    Authorship.objects.create(article=article, person=author)
    article.tags.add("Iran")
    direct = _statement(article, "We call on relevant parties to stay calm", person=mao, organisation=ministry,
                        role="spokeswoman", audience="the Washington Examiner", status="verified")
    direct.tags.add("Iran", "Diplomacy")
    reported = _statement(article, "China supported Iran in playing its role for regional peace", person=mao,
                          kind="indirect", via="Xinhua")
    reported.tags.add("Iran")
    rejected = _statement(article, "Beijing and Tehran vowed to work together", person=mao, status="rejected",
                          fingerprint="rejected-fp")
    rejected.tags.add("Secret rejected tag")
    china_said = _statement(article, "the meeting was a success", organisation=ministry, kind="indirect")
    return {
        "outlet": outlet, "ministry": ministry, "mao": mao, "author": author, "article": article,
        "direct": direct, "reported": reported, "rejected": rejected, "china_said": china_said,
    }


def _statement(article, text, **fields):
    start = article.body.index(text)
    fields.setdefault("said_on", article.published)
    return Statement.objects.create(article=article, text=text, start=start, end=start + len(text), **fields)


def bulk_statements(article, person, n, *, said_on=datetime.date(2020, 1, 1), text="word", **fields):
    """n statements of `person` in `article`, one character span each (the body must be long enough)."""
    Statement.objects.bulk_create(
        Statement(article=article, person=person, text=f"{text} {i}", start=i, end=i + 1,
                  said_on=said_on + datetime.timedelta(days=i % 1500), **fields)
        for i in range(n)
    )
