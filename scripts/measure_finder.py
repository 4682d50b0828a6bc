"""Run the statement finder over an articles.jsonl and write its statements for score.py.

    python scripts/measure_finder.py ARTICLES.jsonl PRED.jsonl

ARTICLES.jsonl holds one article per line ({"headline", "body", "url"}, paragraphs separated by blank
lines); PRED.jsonl receives one statement per line in the form /work/shared/tools/score.py reads.
Prints the number of articles and statements and the finder's speed in articles per second.

Figures on polnear-train (precision on gold.jsonl, recall on gold-speech.jsonl, at overlap 0.3):
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
