"""schema.org descriptions (JSON-LD) of people, organisations, articles and quotations.

`absolute` turns a site path into a full URL (request.build_absolute_uri). The templates
render these through the json_ld filter, which escapes them for a <script> element.
"""
from articles.rendering import http_url, said_date

CONTEXT = "https://schema.org"


def _wikidata(entity, data):
    if entity.wikidata_id:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata_id}"
    return data


def person_ld(person, absolute, *, alternate_names=()):
    data = {"@type": "Person", "name": person.name, "url": absolute(person.get_absolute_url())}
    if person.description:
        data["description"] = person.description
    if alternate_names:
        data["alternateName"] = list(alternate_names)
    return _wikidata(person, data)


def organisation_ld(organisation, absolute):
    data = {"@type": "Organization", "name": organisation.name, "url": absolute(organisation.get_absolute_url())}
    return _wikidata(organisation, data)


def article_ld(article, absolute, *, authors=()):
    data = {
        "@type": "NewsArticle",
        "headline": article.headline,
        "url": http_url(article.url) or absolute(article.get_absolute_url()),
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.outlet_id:
        data["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    if authors:
        data["author"] = [person_ld(person, absolute) for person in authors]
    return data


def quotation_ld(statement, absolute):
    if statement.person_id:
        creator = person_ld(statement.person, absolute)
    elif statement.organisation_id:
        creator = organisation_ld(statement.organisation, absolute)
    else:
        creator = {"@type": "Person", "name": statement.speaker_label}
    data = {
        "@type": "Quotation",
        "text": statement.text,
        "url": absolute(statement.get_absolute_url()),
        "creator": creator,
        "isBasedOn": article_ld(statement.article, absolute),
    }
    if said_date(statement):
        data["dateCreated"] = said_date(statement).isoformat()
    return data


def document(data):
    """The top-level object of a page's JSON-LD."""
    return {"@context": CONTEXT, **data}
