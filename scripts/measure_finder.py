"""Run the statement finder over an articles.jsonl and write its statements for score.py.

    python scripts/measure_finder.py ARTICLES.jsonl PRED.jsonl

ARTICLES.jsonl holds one article per line ({"headline", "body", "url"}, paragraphs separated by blank
lines); PRED.jsonl receives one statement per line in the form /work/shared/tools/score.py reads.
Prints the number of articles and statements and the finder's speed in articles per second.

Figures on polnear-train, 837 articles (precision on gold.jsonl, recall on gold-speech.jsonl,
both at overlap 0.3; speaker accuracy on gold-speech.jsonl; the articles/s figure is wall time of
extract() alone on a shared 2-core machine under varying load, so read it as a rough rate):

    round                                        precision  recall  direct recall  speaker  articles/s
    naive regex (for comparison)                    87.8     16.0       28.7         71.7
    1  first cut: quotes, reported speech, names    94.3     53.6       67.8         77.4       379
    2  appositions, "and said", ", he said,"        95.3     55.8       68.1         77.0      ~270
    3  '' marks, added clauses, "the senator"       95.9     60.4       75.8         74.6
    4  fixes found by the written test articles     95.9     60.4       75.9         74.1
    5  fast path for plain names                    96.0     60.6       75.9         74.1
    6  linear time on pathological input            95.7     60.7       76.4         74.2
    7  abbreviations in attributions, fragments     95.6     62.0       78.9         74.6
    8  quantified groups ("28 percent of voters")   95.7     63.0       79.4         73.9
    9  words before a quote make it mixed           96.0     63.3       79.7         73.8
    10 where/when clauses are no speech             96.2     63.4       79.8         73.7
    11 any source after "according to", "as X said" 96.3     65.0       80.2         73.5
    12 more speaker printings                       96.2     65.4       80.9         73.5
    13 pronoun or name after an adverbial           96.2     66.5       81.3         73.5
    14 poll shares and groups ("six in 10")         96.2     67.3       81.5         73.8
    15 "X, who said ..." relative clauses           96.1     67.7       81.6         73.7
    16 closing attribution: where/when only         96.2     67.6       81.6         73.7
    17 lone quotation after reported speech         96.2     67.7       81.7         73.6       561
    18 "a source familiar with", "said the card"    96.2     68.4       82.4         73.4       510

At overlap 0.8 the last round scores precision 90.8% and recall 63.7%. The finder takes about
1.3-1.6 ms of CPU per 600 words here (best of six runs over 400 articles), short of the 1 ms aim.

Speaker accuracy fell as recall grew mostly in outlets whose gold speakers carry a long
apposition ("David Stockman, a former director of ..."), which the scorer compares by last word.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from articles.text.quotes import extract


def paragraphs(body):
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def records(article, extraction):
    for n, s in enumerate(extraction.statements):
        yield {
            "id": f"{article['url']}#{n}",
            "text": s.text,
            "speaker": s.speaker.name if s.speaker.kind == "person" else None,
            "speaker_organisation": s.speaker.name if s.speaker.kind == "organisation" else None,
            "speaker_label": s.speaker.name if s.speaker.kind == "label" else None,
            "kind": s.kind,
            "cue": s.cue,
            "confidence": s.confidence,
            "article": {"headline": article["headline"], "url": article["url"]},
        }


def main(source, target):
    with open(source, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    bodies = [paragraphs(a["body"]) for a in articles]
    started = time.perf_counter()
    extractions = [extract(body, headline=a["headline"]) for a, body in zip(articles, bodies)]
    elapsed = time.perf_counter() - started
    count = 0
    with open(target, "w", encoding="utf-8") as out:
        for article, extraction in zip(articles, extractions):
            for record in records(article, extraction):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    print(f"{len(articles)} articles, {count} statements, {elapsed:.2f} s: {len(articles) / elapsed:.0f} articles/s")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
